/** Registry pages for staff, the JSON API, and the resident's own record. Thin: parse, call the service, present. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess, requireResident, requireStaff } from '../../platform/access/require-access.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import { readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { canExportRegistry, canImportRegistry, canSearchRegistry } from './policy.ts';
import { exportResidents, importResidents, problemsCsv } from './registry-csv.ts';
import type { ResidentFilter, ResidentRecord } from './registry-queries.ts';
import { searchResidents, viewResident } from './registry-service.ts';
import { ImportPage, RegistrySearchPage, ResidentRecordPage } from './registry-views.tsx';

const AREAS = ['水沢', '江刺', '前沢', '胆沢', '衣川'] as const;

const SearchQuery = Type.Object({
  kana: Type.String({ maxLength: 100 }),
  name: Type.String({ maxLength: 100 }),
  birthDate: Type.String({ maxLength: 40 }),
  address: Type.String({ maxLength: 200 }),
  area: Type.Union([Type.Literal(''), ...AREAS.map((a) => Type.Literal(a))]),
  inactive: Type.Array(Type.String({ maxLength: 2 }), { maxItems: 1 }),
  page: Type.String({ maxLength: 6, pattern: '^\\d*$' }),
});

const ApiSearchQuery = Type.Object({
  kana: Type.Optional(Type.String({ maxLength: 100, description: 'フリガナ（ひらがな・カタカナ・半角可）' })),
  name: Type.Optional(Type.String({ maxLength: 100, description: '氏名（旧字体も可）' })),
  birthDate: Type.Optional(Type.String({ maxLength: 40, description: '生年月日（西暦または和暦）' })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  includeInactive: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const ResidentJson = Type.Object({
  id: Type.String(),
  residentCode: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
  birthDate: Type.String({ format: 'date' }),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  status: Type.String(),
  relationship: Type.String(),
  householdNumber: Type.String(),
  address: Type.String(),
  area: Type.String(),
});

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

function residentJson(r: ResidentRecord['resident'] | ResidentRecordRow): Static<typeof ResidentJson> {
  return {
    id: r.id,
    residentCode: r.resident_code,
    familyName: r.family_name,
    givenName: r.given_name,
    familyNameKana: r.family_name_kana,
    givenNameKana: r.given_name_kana,
    birthDate: r.birth_date,
    sex: r.sex,
    status: r.status,
    relationship: r.relationship,
    householdNumber: r.household_number,
    address: `岩手県奥州市${r.town_name}${r.address_line}`,
    area: r.area,
  };
}
type ResidentRecordRow = Awaited<ReturnType<typeof searchResidents>>['rows'][number];

/** Turns the search form into a filter, or field errors (a bad date names the field and the fix). */
function toFilter(values: Static<typeof SearchQuery>, t: FastifyRequest['t']): { filter: ResidentFilter | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let birthDate: string | undefined;
  if (values.birthDate) {
    const parsed = parseJapaneseDate(values.birthDate);
    if (parsed.ok) birthDate = parsed.iso;
    else errors.birthDate = t(parsed.reason === 'era-range' ? 'validation.dateEra' : parsed.reason === 'invalid-date' ? 'validation.dateInvalid' : 'validation.date');
  }
  const area = (AREAS as readonly string[]).includes(values.area) ? (values.area as (typeof AREAS)[number]) : null;
  const any = values.kana || values.name || values.address || values.birthDate || area;
  if (!any || Object.keys(errors).length) return { filter: null, errors };
  return {
    filter: {
      ...(values.kana ? { kana: values.kana } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(values.address ? { address: values.address } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...(area ? { area } : {}),
      includeInactive: values.inactive.includes('1'),
    },
    errors,
  };
}

function queryOf(values: Static<typeof SearchQuery>): Record<string, string> {
  const q: Record<string, string> = {};
  for (const key of ['kana', 'name', 'birthDate', 'address', 'area'] as const) if (values[key]) q[key] = values[key];
  if (values.inactive.includes('1')) q.inactive = '1';
  return q;
}

export async function registerRegistryRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;

  app.get('/staff/registry', async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { values } = readForm(SearchQuery, request.query);
    const { filter, errors } = toFilter(values, request.t);
    const page = Math.max(1, Number(values.page) || 1);
    let result = null;
    if (filter) {
      const found = await searchResidents(db, staff, filter, page);
      result = { ...found, page };
    } else {
      requireAccess(canSearchRegistry(staff), 'forbidden');
    }
    return reply.html(
      <RegistrySearchPage ctx={viewContext(request)} values={values} errors={errors} result={result} canImport={canImportRegistry(staff)} canExport={canExportRegistry(staff)} query={queryOf(values)} />,
      Object.keys(errors).length ? 400 : 200,
    );
  });

  app.get('/staff/registry/residents/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const record = await viewResident(db, staff, (request.params as { id: string }).id, { requestId: request.id });
    return reply.html(<ResidentRecordPage ctx={viewContext(request)} record={record} today={todayInJapan()} />);
  });

  app.get('/staff/registry/export.csv', async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { values } = readForm(SearchQuery, request.query);
    const { filter } = toFilter(values, request.t);
    const csv = await exportResidents(db, staff, filter ?? { includeInactive: values.inactive.includes('1') }, request.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="residents-${todayInJapan()}.csv"`)
      .send(csv);
  });

  app.get('/staff/registry/import', async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canImportRegistry(staff), 'forbidden');
    return reply.html(<ImportPage ctx={viewContext(request)} />);
  });

  app.post('/staff/registry/import', async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canImportRegistry(staff), 'forbidden');
    const file = (request.body as Record<string, unknown> | undefined)?.file as { toBuffer?: () => Promise<Buffer>; filename?: string } | undefined;
    const bytes = file?.toBuffer ? await file.toBuffer() : null;
    if (!bytes || bytes.length === 0) {
      return reply.html(<ImportPage ctx={viewContext(request)} error={request.t('registry.import.file.required')} />, 400);
    }
    // Content check by bytes: only UTF-8 text is accepted, whatever the file name says.
    const stored = await platform.files.save({ bytes, originalName: file?.filename ?? 'import.csv', owner: { type: 'registry-import', id: staff.id }, allowed: ['text/csv', 'text/plain'] });
    const result = await importResidents(db, staff, bytes.toString('utf8'), { fileName: stored.originalName, requestId: request.id, today: todayInJapan() });
    let problemsFileId: string | null = null;
    if (result.problems.length > 0) {
      const report = await platform.files.save({
        bytes: Buffer.from(problemsCsv(result.problems, request.t)),
        originalName: 'import-problems.csv',
        owner: { type: 'registry-import-problems', id: staff.id },
        allowed: ['text/csv'],
      });
      problemsFileId = report.id;
    }
    return reply.html(<ImportPage ctx={viewContext(request)} result={result} problemsFileId={problemsFileId} />, result.problems.length ? 422 : 200);
  });

  app.get('/staff/registry/import/problems/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const found = await platform.files.read((request.params as { id: string }).id);
    requireAccess(found !== null && found.owner.type === 'registry-import-problems' && found.owner.id === staff.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="import-problems.csv"').send(found!.bytes);
  });

  // JSON API
  app.get(
    '/api/registry/residents',
    { schema: { tags: ['registry'], summary: '住民検索（市民課職員）', querystring: ApiSearchQuery, response: { 200: Type.Object({ total: Type.Integer(), page: Type.Integer(), pageCount: Type.Integer(), items: Type.Array(ResidentJson) }), 401: ErrorJson, 403: ErrorJson } } },
    async (request) => {
      const staff = requireStaff(request.staff);
      const q = request.query as Static<typeof ApiSearchQuery>;
      let birthDate: string | undefined;
      if (q.birthDate) {
        const parsed = parseJapaneseDate(q.birthDate);
        if (!parsed.ok) throw invalidInput([{ field: 'birthDate', messageKey: 'validation.date' }]);
        birthDate = parsed.iso;
      }
      const page = q.page ?? 1;
      const found = await searchResidents(db, staff, { kana: q.kana, name: q.name, address: q.address, birthDate, includeInactive: q.includeInactive ?? false }, page);
      return { total: found.total, page, pageCount: found.pageCount, items: found.rows.map(residentJson) };
    },
  );

  app.get(
    '/api/registry/residents/:id',
    { schema: { tags: ['registry'], summary: '住民記録の照会（職員、または本人）。照会は監査ログに記録', params: IdParams, response: { 200: ResidentJson, 401: ErrorJson, 404: ErrorJson } } },
    async (request) => {
      const actor = request.staff ?? requireResident(request.resident);
      const record = await viewResident(db, actor, (request.params as { id: string }).id, { requestId: request.id });
      return residentJson(record.resident);
    },
  );

  app.get(
    '/api/me/resident',
    { schema: { tags: ['registry'], summary: 'ログイン中の住民本人の住民記録', response: { 200: ResidentJson, 401: ErrorJson, 404: ErrorJson } } },
    async (request) => {
      const resident = requireResident(request.resident);
      requireAccess(resident.residentId !== null);
      const record = await viewResident(db, resident, resident.residentId!, { requestId: request.id });
      return residentJson(record.resident);
    },
  );
}

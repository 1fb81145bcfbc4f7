/** Admin pages for staff accounts; the rules live in staff-admin-service.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireStaff } from '../access/require-access.ts';
import { setFlash } from '../http/flash.ts';
import { fieldErrorMap, readForm } from '../http/form.ts';
import { viewContext } from '../http/request-context.ts';
import type { Platform } from '../platform.ts';
import { listDepartments } from './staff-accounts.ts';
import { createStaff, getStaff, listStaff, parseRoleValues, resetStaffMfa, unlockStaff, updateStaff } from './staff-admin-service.ts';
import { StaffFormPage, StaffListPage, type DepartmentOption } from './staff-admin-views.tsx';

const CreateForm = Type.Object({
  loginId: Type.String({ maxLength: 40 }),
  displayName: Type.String({ maxLength: 100 }),
  email: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 200 }),
  roles: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 }),
});
const EditForm = Type.Object({
  displayName: Type.String({ maxLength: 100 }),
  email: Type.String({ maxLength: 200 }),
  active: Type.Union([Type.Literal('true'), Type.Literal('false')]),
  roles: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 }),
  reason: Type.String({ maxLength: 500 }),
});
const ReasonForm = Type.Object({ resetReason: Type.String({ maxLength: 500 }) });
const UnlockForm = Type.Object({ reason: Type.String({ maxLength: 500 }) });
const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) });

export async function registerStaffAdminRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;

  async function departmentOptions(request: FastifyRequest): Promise<DepartmentOption[]> {
    return (await listDepartments(db)).map((d) => ({ code: d.code, name: request.locale === 'ja' ? d.name_ja : d.name_en }));
  }

  app.get('/staff/admin/staff', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const page = (request.query as { page?: number }).page ?? 1;
    const { rows, pageCount } = await listStaff(db, staff, page);
    const departments = await departmentOptions(request);
    const name = (code: string) => departments.find((d) => d.code === code)?.name ?? code;
    return reply.html(<StaffListPage ctx={viewContext(request)} rows={rows} page={page} pageCount={pageCount} departmentName={name} />);
  });

  app.get('/staff/admin/staff/new', async (request, reply) => {
    const staff = requireStaff(request.staff);
    await listStaff(db, staff, 1, 1); // access check
    return reply.html(
      <StaffFormPage ctx={viewContext(request)} mode="create" values={{ loginId: '', displayName: '', email: '', roles: [] }} errors={{}} departments={await departmentOptions(request)} />,
    );
  });

  app.post('/staff/admin/staff/new', async (request, reply) => {
    const staff = requireStaff(request.staff);
    const t = request.t;
    const { values, errors } = readForm(CreateForm, request.body, { loginId: t('staff.admin.loginId'), displayName: t('staff.admin.displayName') });
    const departments = await departmentOptions(request);
    const loginId = values.loginId.toLowerCase();
    const result = errors.length
      ? { errors }
      : await createStaff(db, staff, { ...values, loginId, roles: parseRoleValues(values.roles, departments.map((d) => d.code)) }, request.id);
    if ('errors' in result) {
      return reply.html(
        <StaffFormPage ctx={viewContext(request)} mode="create" values={{ ...values, loginId }} errors={fieldErrorMap(result.errors, t)} departments={departments} />,
        400,
      );
    }
    setFlash(reply, 'success', 'staff.admin.created');
    return reply.redirect(`/staff/admin/staff/${result.id}`, 303);
  });

  app.get('/staff/admin/staff/:id', { schema: { params: Params } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const target = await getStaff(db, staff, (request.params as { id: string }).id);
    return reply.html(
      <StaffFormPage
        ctx={viewContext(request)}
        mode="edit"
        staffId={target.id}
        values={{ loginId: target.login_id, displayName: target.display_name, email: target.email ?? '', active: String(target.active), roles: target.roles.map((r) => `${r.department_code}:${r.role}`) }}
        errors={{}}
        departments={await departmentOptions(request)}
        mfaEnabled={target.totp_enabled}
        locked={Boolean(target.locked_until && target.locked_until.getTime() > Date.now())}
      />,
    );
  });

  app.post('/staff/admin/staff/:id', { schema: { params: Params } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const id = (request.params as { id: string }).id;
    const { values, errors } = readForm(EditForm, request.body);
    const departments = await departmentOptions(request);
    const result = errors.length
      ? { errors }
      : await updateStaff(db, staff, id, { ...values, active: values.active === 'true', roles: parseRoleValues(values.roles, departments.map((d) => d.code)) }, request.id);
    if (result.errors.length) {
      const target = await getStaff(db, staff, id);
      return reply.html(
        <StaffFormPage ctx={viewContext(request)} mode="edit" staffId={id} values={{ ...values, loginId: target.login_id }} errors={fieldErrorMap(result.errors, request.t)} departments={departments} mfaEnabled={target.totp_enabled} />,
        400,
      );
    }
    setFlash(reply, 'success', 'staff.admin.saved');
    return reply.redirect(`/staff/admin/staff/${id}`, 303);
  });

  app.post('/staff/admin/staff/:id/reset-mfa', { schema: { params: Params } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(ReasonForm, request.body);
    const target = await getStaff(db, staff, id);
    if (!values.resetReason) {
      return reply.html(
        <StaffFormPage
          ctx={viewContext(request)}
          mode="edit"
          staffId={id}
          values={{ loginId: target.login_id, displayName: target.display_name, email: target.email ?? '', active: String(target.active), roles: target.roles.map((r) => `${r.department_code}:${r.role}`) }}
          errors={{ resetReason: request.t('staff.admin.reason.required') }}
          departments={await departmentOptions(request)}
          mfaEnabled={target.totp_enabled}
        />,
        400,
      );
    }
    await resetStaffMfa(db, staff, id, values.resetReason, request.id);
    setFlash(reply, 'success', 'staff.admin.mfaReset');
    return reply.redirect(`/staff/admin/staff/${id}`, 303);
  });

  app.post('/staff/admin/staff/:id/unlock', { schema: { params: Params } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(UnlockForm, request.body);
    await unlockStaff(db, staff, id, values.reason || 'unlock', request.id);
    setFlash(reply, 'success', 'staff.admin.unlocked');
    return reply.redirect(`/staff/admin/staff/${id}`, 303);
  });
}

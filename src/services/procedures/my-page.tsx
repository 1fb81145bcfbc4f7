/** The procedures' section of my page: the resident's latest applications with their status, and drafts to continue. */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { applicationsOfResident, latestResidentEvents } from './application-queries.ts';
import { ApplicationsTable, type ApplicationSummaryRow } from './application-views.tsx';
import { draftHref } from './catalogue-routes.tsx';
import { local } from './catalogue-views.tsx';
import { procedureVersion } from './procedure-store.ts';

const SHOWN = 5;

export async function proceduresMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const t = ctx.view.t;
  const applications = await applicationsOfResident(ctx.db, ctx.resident, { limit: SHOWN });
  const latest = await latestResidentEvents(ctx.db, applications.map((a) => a.id));
  const rows: ApplicationSummaryRow[] = [];
  for (const a of applications) {
    const def = await procedureVersion(ctx.db, a.procedure_id, a.procedure_version);
    rows.push({ id: a.id, reference: a.reference, title: local(ctx.view, def.title), status: a.status, submittedAt: a.submitted_at, updatedAt: a.updated_at, href: a.status === 'draft' ? draftHref(a) : `/procedures/applications/${a.id}`, latest: latest.get(a.id) ?? null });
  }
  return {
    titleKey: 'procedures.mypage.title',
    body: (
      <>
        <ApplicationsTable ctx={ctx.view} rows={rows} caption={t('procedures.application.list')} />
        <p class="inline-list">
          <a href="/procedures/applications">{t('procedures.mypage.more')}</a> <a href="/procedures">{t('procedures.mypage.find')}</a>
        </p>
      </>
    ),
  };
}

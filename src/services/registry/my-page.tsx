/** The registry's section of a resident's my page: what the register says about them. */
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { residentRecord } from './registry-queries.ts';
import { registryDb } from './tables.ts';

export async function registryMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  if (!ctx.resident.residentId) return null;
  const record = await residentRecord(registryDb(ctx.db), ctx.resident.residentId);
  if (!record) return null;
  const r = record.resident;
  const t = ctx.view.t;
  return {
    titleKey: 'registry.mypage.title',
    body: (
      <SummaryList
        items={[
          { key: t('registry.col.name'), value: `${r.family_name} ${r.given_name}（${r.family_name_kana} ${r.given_name_kana}）` },
          { key: t('registry.col.birthDate'), value: <DateText iso={r.birth_date} locale={ctx.view.locale} /> },
          { key: t('registry.mypage.address'), value: `〒${r.postal_code} 岩手県奥州市${r.town_name}${r.address_line}` },
          { key: t('registry.mypage.household'), value: `${r.relationship}・${t('registry.mypage.members', { count: record.members.filter((m) => m.status === 'current').length })}` },
        ]}
      />
    ),
  };
}

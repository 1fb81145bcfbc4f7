/** The chatbot's section of my page: the resident's own inquiries and their answers. */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { StatusTag } from '../../platform/ui/components/feedback.tsx';
import { inquiriesOfResident } from './inquiry-service.ts';

export async function chatbotMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const inquiries = await inquiriesOfResident(ctx.db, ctx.resident.accountId);
  if (inquiries.length === 0) return null;
  const t = ctx.view.t;
  return {
    titleKey: 'chatbot.mypage.title',
    body: (
      <ul>
        {inquiries.map((i) => (
          <li>
            <strong>{i.reference}</strong> <StatusTag tone={i.status === 'open' ? 'warning' : 'success'}>{t(`chatbot.status.${i.status}`)}</StatusTag>
            <p>{i.question}</p>
            {i.answer ? <p>{i.answer}</p> : null}
          </li>
        ))}
      </ul>
    ),
  };
}

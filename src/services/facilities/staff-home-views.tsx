/** The back office's front page: what needs doing today, and the way to each part. */
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { staffCrumbs } from './staff-common.tsx';
import { dayLabel } from './views-common.tsx';

export interface HomeCounts {
  today: string;
  bookingsToday: number;
  pendingBookings: number;
  pendingGroups: number;
  activeBlocks: number;
}

export function StaffHomePage(props: { ctx: ViewContext; counts: HomeCounts; canEdit: boolean; canRunClasses: boolean }) {
  const { ctx, counts } = props;
  const t = ctx.t;
  const title = t('facilities.staff.title');
  const items: { href: string; label: string; text: string }[] = [
    { href: '/staff/facilities/day', label: t('facilities.office.day.title'), text: t('facilities.office.home.day', { date: dayLabel(ctx, counts.today), count: counts.bookingsToday }) },
    { href: '/staff/facilities/approvals', label: t('facilities.office.approvals.title'), text: t('facilities.office.home.approvals', { bookings: counts.pendingBookings, groups: counts.pendingGroups }) },
    { href: '/staff/facilities/blocks', label: t('facilities.office.blocks.title'), text: t('facilities.office.home.blocks', { count: counts.activeBlocks }) },
    { href: '/staff/facilities/occupancy', label: t('facilities.office.occupancy.title'), text: t('facilities.office.home.occupancy') },
    { href: '/staff/facilities/lottery', label: t('facilities.office.home.lottery'), text: t('facilities.office.home.lotteryText') },
  ];
  if (props.canRunClasses) items.push({ href: '/staff/facilities/classes', label: t('facilities.classes.staff.title'), text: t('facilities.office.home.classes') });
  // Only those the settings pages let in (canEditSettings, the routes' own check): a clerk would get 403.
  if (props.canEdit) items.push({ href: '/staff/facilities/settings', label: t('facilities.office.settings.title'), text: t('facilities.office.home.settings') });
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx)}>
      <h1>{title}</h1>
      <ul class="card-list">
        {items.map((i) => (
          <li class="card">
            <h2>
              <a href={i.href}>{i.label}</a>
            </h2>
            <p>{i.text}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

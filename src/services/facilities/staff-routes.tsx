/**
 * The facilities back office (生涯学習スポーツ課): its front page, and the parts —
 * day sheet and booking actions, approvals, maintenance blocks, occupancy, settings.
 * `registerFacilityStaffRoutes` adds them all; `staffJobs` is the block notices' job.
 */
import type { FastifyInstance } from 'fastify';
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { japanClock } from '../../platform/time/today.ts';
import { canRunClasses } from './classes-policy.ts';
import { facilityContext, type FacilityContext } from './facility-context.ts';
import { registerOccupancyRoutes } from './occupancy-routes.tsx';
import { registerApprovalRoutes } from './staff-approvals-routes.tsx';
import { pendingBookings, pendingGroups } from './staff-approvals-service.ts';
import { BLOCK_NOTICE_QUEUE, sendBlockNotice } from './staff-block-notices.ts';
import { registerBlockRoutes } from './staff-blocks-routes.tsx';
import { facilityStaff, registerDayRoutes } from './staff-day-routes.tsx';
import { StaffHomePage } from './staff-home-views.tsx';
import { canEditSettings, facilityDepartmentsOf } from './staff-policy.ts';
import { registerSettingsRoutes } from './staff-settings-routes.tsx';
import { staffDb } from './staff-tables.ts';

async function registerHome(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = staffDb(ctx.db);
  app.get('/staff/facilities', async (request, reply) => {
    const staff = facilityStaff(request);
    const today = japanClock(ctx.now()).date;
    const departments = facilityDepartmentsOf(staff);
    const [bookingsToday, blocks, bookings, groups] = await Promise.all([
      db
        .selectFrom('facility_bookings as b')
        .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
        .innerJoin('facilities as f', 'f.id', 'r.facility_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('b.kind', '=', 'booking')
        .where('b.use_date', '=', today)
        .where('b.status', 'in', ['pending_approval', 'awaiting_payment', 'confirmed'])
        .where('f.department_code', 'in', departments)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('facility_maintenance_blocks as m')
        .innerJoin('facilities as f', 'f.id', 'm.facility_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('m.status', '=', 'active')
        .where('m.to_date', '>=', today)
        .where('f.department_code', 'in', departments)
        .executeTakeFirstOrThrow(),
      pendingBookings(ctx, staff),
      pendingGroups(ctx, staff),
    ]);
    const counts = { today, bookingsToday: Number(bookingsToday.n), pendingBookings: bookings.length, pendingGroups: groups.length, activeBlocks: Number(blocks.n) };
    return reply.html(<StaffHomePage ctx={viewContext(request)} counts={counts} canEdit={canEditSettings(staff)} canRunClasses={canRunClasses(staff)} />);
  });
}

/** Every page and API of the back office (classes are registered by registerClassRoutes). */
export async function registerFacilityStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx = facilityContext(platform);
  await registerHome(app, ctx);
  await registerDayRoutes(app, ctx);
  await registerApprovalRoutes(app, ctx);
  await registerBlockRoutes(app, ctx);
  await registerOccupancyRoutes(app, ctx);
  await registerSettingsRoutes(app, ctx);
}

export function staffJobs(platform: Platform): Record<string, JobHandler> {
  return {
    [BLOCK_NOTICE_QUEUE]: async (payload) => {
      const ctx = facilityContext(platform);
      await sendBlockNotice(staffDb(ctx.db), ctx.notifier, ctx.publicUrl, String(payload.bookingId));
    },
  };
}

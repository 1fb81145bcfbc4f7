/** Loads the Maesawa demo network (stops, hours, vehicles, drivers) into an empty database. */
import type { TransitDb } from './tables.ts';
import { DEMO_DRIVERS, DEMO_HOURS, DEMO_STOPS, DEMO_VEHICLES } from './transit-demo-data.ts';

export async function seedTransitNetwork(db: TransitDb): Promise<boolean> {
  const any = await db.selectFrom('transit_stops').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('transit_stops')
      .values(DEMO_STOPS.map((s, i) => ({ id: s.id, name: s.name, name_kana: s.nameKana, lat: s.lat, lng: s.lng, description: s.description, sort_order: i })))
      .execute();
    await trx.insertInto('transit_service_hours').values(DEMO_HOURS.map(([weekday, opens_at, closes_at]) => ({ weekday, opens_at, closes_at }))).execute();
    await trx
      .insertInto('transit_vehicles')
      .values(DEMO_VEHICLES.map((v) => ({ id: v.id, name: v.name, seats: v.seats, wheelchair_spaces: v.wheelchairSpaces, depot_stop_id: v.depot })))
      .execute();
    for (const d of DEMO_DRIVERS) {
      const staff = await trx.selectFrom('staff').select('id').where('login_id', '=', d.loginId).executeTakeFirst();
      await trx.insertInto('transit_drivers').values({ id: d.id, name: d.name, phone: d.phone, staff_id: staff?.id ?? null }).execute();
    }
  });
  return true;
}

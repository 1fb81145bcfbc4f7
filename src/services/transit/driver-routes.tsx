/** The driver's phone screen and its actions; operators may open any vehicle's manifest. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { UUID_PATTERN } from '../../platform/http/ids.ts';
import { fieldErrorMap } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { japanClock } from '../../platform/time/today.ts';
import { driverOf, manifest, recordStop, reportPosition, takeVehicle, vehicleOfDriver, type DriverAction } from './driver-service.ts';
import { ChooseVehiclePage, ManifestPage } from './driver-views.tsx';
import { canOperate } from './policy.ts';
import type { TransitContext } from './transit-context.ts';

const DRIVER_JS = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets/driver.js'), 'utf8');
const ActionParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }), action: Type.Union([Type.Literal('board'), Type.Literal('no_show'), Type.Literal('drop')]) });
const VehicleQuery = Type.Object({ vehicle: Type.Optional(Type.String({ maxLength: 64 })) });
const Position = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) });

export async function registerDriverRoutes(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const db = ctx.db;

  app.get('/assets/transit/driver.js', { schema: { hide: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(DRIVER_JS));

  async function vehicleChoices() {
    const date = japanClock(ctx.now()).date;
    return db
      .selectFrom('transit_vehicles as v')
      .leftJoin('transit_shifts as s', (join) => join.onRef('s.vehicle_id', '=', 'v.id').on('s.service_date', '=', date))
      .leftJoin('transit_drivers as d', 'd.id', 's.driver_id')
      .select(['v.id', 'v.name', 'd.name as takenBy'])
      .where('v.active', '=', true)
      .orderBy('v.id')
      .execute();
  }

  async function showManifest(request: FastifyRequest, vehicleId: string, base: string, positionUrl: string | null) {
    const date = japanClock(ctx.now()).date;
    const vehicle = await db.selectFrom('transit_vehicles').select(['id', 'name']).where('id', '=', vehicleId).executeTakeFirst();
    requireAccess(vehicle !== undefined);
    return <ManifestPage ctx={viewContext(request)} date={date} vehicleName={vehicle!.name} visits={await manifest(db, vehicleId, date)} base={base} positionUrl={positionUrl} />;
  }

  app.get('/staff/transit/driver', { schema: { querystring: VehicleQuery, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const driver = await driverOf(db, staff);
    const asked = (request.query as Static<typeof VehicleQuery>).vehicle;
    // Operators look at any vehicle's manifest (e.g. while on the phone with its driver).
    if (!driver) {
      requireAccess(canOperate(staff), 'forbidden');
      if (!asked) return reply.html(<ChooseVehiclePage ctx={viewContext(request)} vehicles={await vehicleChoices()} />);
      return reply.html(await showManifest(request, asked, `/staff/transit/driver?vehicle=${encodeURIComponent(asked)}`, null));
    }
    const vehicleId = await vehicleOfDriver(db, driver.id, japanClock(ctx.now()).date);
    if (!vehicleId) return reply.html(<ChooseVehiclePage ctx={viewContext(request)} vehicles={await vehicleChoices()} />);
    return reply.html(await showManifest(request, vehicleId, '/staff/transit/driver', '/staff/transit/driver/position'));
  });

  app.post('/staff/transit/driver/vehicle', async (request, reply) => {
    const staff = requireStaff(request.staff);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const vehicle = typeof body.vehicle === 'string' ? body.vehicle : '';
    if (!(await driverOf(db, staff))) {
      // An operator "choosing" a vehicle just opens its manifest.
      requireAccess(canOperate(staff), 'forbidden');
      return reply.redirect(`/staff/transit/driver?vehicle=${encodeURIComponent(vehicle)}`, 303);
    }
    try {
      await takeVehicle(ctx, staff, vehicle);
    } catch (error) {
      if (error instanceof DomainError && error.fields.length) {
        return reply.html(<ChooseVehiclePage ctx={viewContext(request)} vehicles={await vehicleChoices()} error={fieldErrorMap(error.fields, request.t).vehicle} />, error.status);
      }
      throw error;
    }
    return reply.redirect('/staff/transit/driver', 303);
  });

  app.post('/staff/transit/driver/trips/:id/:action', { schema: { params: ActionParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id, action } = request.params as Static<typeof ActionParams>;
    const trip = await db.selectFrom('transit_trips').select('vehicle_id').where('id', '=', id).executeTakeFirst();
    await recordStop(ctx, staff, id, action as DriverAction);
    const driver = await driverOf(db, staff);
    return reply.redirect(driver ? '/staff/transit/driver' : `/staff/transit/driver?vehicle=${encodeURIComponent(trip?.vehicle_id ?? '')}`, 303);
  });

  app.post('/staff/transit/driver/position', { schema: { body: Position, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { lat, lng } = request.body as Static<typeof Position>;
    await reportPosition(ctx, staff, lat, lng);
    return reply.code(204).send();
  });
}

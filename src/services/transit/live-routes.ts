/**
 * The live change feed of one service day (table transit_events) for the operators'
 * and drivers' screens: Server-Sent Events, a JSON polling fallback, and live.js.
 *
 * The feed polls the database instead of listening in memory, so a driver's tap on
 * one app instance reaches an operator connected to another, and a client that
 * reconnects (Last-Event-ID) after a restart misses nothing. Polling by "id > cursor"
 * is safe per date: every writer inserts its event under that date's advisory lock
 * (lockDay), so a date's events commit in id order and none can appear behind the cursor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { driverOf } from './driver-service.ts';
import { canOperate } from './policy.ts';
import type { TransitDb } from './tables.ts';
import type { TransitContext } from './transit-context.ts';

const LIVE_JS = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets/live.js'), 'utf8');

const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
const BATCH = 200;

const LiveQuery = Type.Object({
  date: Type.Optional(Type.String({ maxLength: 30, description: '運行日（YYYY-MM-DD、和暦も可）。省略時は今日' })),
  after: Type.Optional(Type.String({ pattern: '^\\d{1,15}$', description: 'この番号より後のイベントだけ' })),
});
const EventJson = Type.Object({
  id: Type.Integer(),
  date: Type.String({ format: 'date' }),
  kind: Type.String({ description: 'booked / changed / cancelled / boarded / completed / no_show など' }),
  tripId: Type.Union([Type.String(), Type.Null()]),
  vehicleId: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});
const EventsJson = Type.Object({ date: Type.String({ format: 'date' }), events: Type.Array(EventJson), last: Type.Integer({ description: '次に after として渡す番号' }) });
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

type TransitEvent = Static<typeof EventJson>;

async function eventsAfter(db: TransitDb, date: string, after: number): Promise<TransitEvent[]> {
  const rows = await db
    .selectFrom('transit_events')
    .select(['id', 'service_date', 'kind', 'trip_id', 'vehicle_id', 'created_at'])
    .where('service_date', '=', date)
    .where('id', '>', after)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  return rows.map((r) => ({ id: r.id, date: r.service_date, kind: r.kind, tripId: r.trip_id, vehicleId: r.vehicle_id, at: new Date(r.created_at).toISOString() }));
}

async function latestEventId(db: TransitDb, date: string): Promise<number> {
  const row = await db.selectFrom('transit_events').select((eb) => eb.fn.max('id').as('last')).where('service_date', '=', date).executeTakeFirst();
  return Number(row?.last ?? 0);
}

function dateOf(raw: string | undefined, now: Date): string {
  if (!raw) return japanClock(now).date;
  const parsed = parseJapaneseDate(raw);
  if (!parsed.ok) throw invalidInput([{ field: 'date', messageKey: 'validation.date' }]);
  return parsed.iso;
}

/** A cursor from Last-Event-ID (what EventSource sends on reconnect) or ?after=, or null. */
function cursorOf(request: FastifyRequest): number | null {
  const header = request.headers['last-event-id'];
  const raw = typeof header === 'string' && /^\d{1,15}$/.test(header.trim()) ? header.trim() : (request.query as Static<typeof LiveQuery>).after;
  return raw === undefined ? null : Number(raw);
}

const frame = (event: TransitEvent) => `id: ${event.id}\nevent: transit\ndata: ${JSON.stringify(event)}\n\n`;

/** One open event stream: polls, writes, beats, and ends on disconnect or shutdown. */
class LiveStream {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private lastWrite = Date.now();
  /** The poll in flight, awaited at shutdown so no query outlives the database. */
  pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly res: ServerResponse,
    private readonly db: TransitDb,
    private readonly date: string,
    private cursor: number,
    private readonly onEnd: (stream: LiveStream) => void,
    private readonly log: TransitContext['log'],
  ) {}

  start(): void {
    this.res.on('close', () => this.stop());
    // The client may have gone while we looked up the cursor; its 'close' has then already fired.
    if (this.res.destroyed) return this.stop();
    // retry: how soon EventSource reconnects; id: lets a reconnect resume here even before any event came.
    this.write(`retry: 3000\nid: ${this.cursor}\n: connected\n\n`);
    this.schedule();
  }

  stop(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.onEnd(this);
    if (!this.res.writableEnded) this.res.end();
  }

  private write(text: string): void {
    this.res.write(text);
    this.lastWrite = Date.now();
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.pending = this.poll().finally(() => this.schedule());
    }, POLL_MS);
  }

  private async poll(): Promise<void> {
    try {
      const events = await eventsAfter(this.db, this.date, this.cursor);
      if (this.closed) return;
      for (const event of events) {
        this.write(frame(event));
        this.cursor = event.id;
      }
      if (Date.now() - this.lastWrite >= HEARTBEAT_MS) this.write(': heartbeat\n\n');
    } catch (error) {
      // A failed poll (database restarting) is retried on the next tick; the client keeps its stream.
      if (!this.closed) this.log.warn({ err: error }, 'transit live feed poll failed');
    }
  }
}

export async function registerLiveRoutes(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const db = ctx.db;
  const streams = new Set<LiveStream>();

  // 'preClose', not 'onClose': Fastify closes the HTTP server (waiting for every open
  // response) before onClose hooks run, so an open stream would hold app.close() forever.
  app.addHook('preClose', async () => {
    const open = [...streams];
    for (const stream of open) stream.stop();
    await Promise.allSettled(open.map((s) => s.pending));
  });

  /**
   * Operators see any day's feed. Drivers see today's, because their manifest page
   * (driver-views.tsx) refreshes itself from this feed too; the events carry ids only.
   */
  async function viewer(request: FastifyRequest, date: string): Promise<void> {
    const staff = requireStaff(request.staff);
    if (canOperate(staff)) return;
    const driver = await driverOf(db, staff);
    requireAccess(driver !== null && date === japanClock(ctx.now()).date, 'forbidden');
  }

  app.get('/assets/transit/live.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LIVE_JS),
  );

  app.get('/staff/transit/live', { schema: { querystring: LiveQuery, hide: true } }, async (request, reply) => {
    const date = dateOf((request.query as Static<typeof LiveQuery>).date, ctx.now());
    await viewer(request, date);
    // Without a cursor a new screen wants what happens from now on, not the day's history.
    const cursor = cursorOf(request) ?? (await latestEventId(db, date));
    openStream(reply, cursor, date);
  });

  function openStream(reply: FastifyReply, cursor: number, date: string): void {
    reply.hijack();
    // Keep the security headers helmet already put on the reply; hijacking bypasses Fastify's sending.
    const kept = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    reply.raw.writeHead(200, {
      ...Object.fromEntries(kept),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      // Not kept alive once ended: at shutdown the socket closes with the stream instead of idling until keepAliveTimeout.
      connection: 'close',
    });
    const stream = new LiveStream(reply.raw, db, date, cursor, (s) => streams.delete(s), ctx.log);
    streams.add(stream);
    stream.start();
  }

  app.get(
    '/api/transit/events',
    { schema: { tags: ['transit'], summary: '運行日の変更イベント（予約・取消・乗降）。after より後のもの', querystring: LiveQuery, response: { 200: EventsJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson } } },
    async (request) => {
      const query = request.query as Static<typeof LiveQuery>;
      const date = dateOf(query.date, ctx.now());
      await viewer(request, date);
      const after = query.after === undefined ? 0 : Number(query.after);
      const events = await eventsAfter(db, date, after);
      return { date, events, last: events.at(-1)?.id ?? after };
    },
  );
}

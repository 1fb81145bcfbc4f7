import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { backoffSeconds, JobQueue } from './job-queue.ts';
import { cityServices } from '../../services/index.ts';
import type { Platform } from '../platform.ts';

const log = pino({ level: 'silent' });
let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.close());

async function states() {
  return db.kysely.selectFrom('jobs').select(['queue', 'state', 'attempts']).orderBy('id').execute();
}

test('a job enqueued before a restart runs after it, exactly once', async () => {
  const before = new JobQueue(db.kysely, log);
  before.register('greet', async () => undefined);
  await before.enqueue(db.kysely, 'greet', { to: '奥州' }, { idempotencyKey: 'greet-1' });
  await before.enqueue(db.kysely, 'greet', { to: '奥州' }, { idempotencyKey: 'greet-1' }); // a double click
  // "restart": a new queue instance on the same database
  const seen: unknown[] = [];
  const afterRestart = new JobQueue(db.kysely, log);
  afterRestart.register('greet', async (payload) => {
    seen.push(payload);
  });
  assert.equal(await afterRestart.drain(), 1);
  assert.deepEqual(seen, [{ to: '奥州' }]);
  assert.equal(await afterRestart.drain(), 0);
});

test('a failing job retries with backoff and finally fails', async () => {
  const queue = new JobQueue(db.kysely, log);
  let calls = 0;
  queue.register('flaky', async () => {
    calls++;
    throw new Error('provider said 503');
  });
  await queue.enqueue(db.kysely, 'flaky', {}, { maxAttempts: 3 });
  assert.equal(await queue.drain(), 1, 'after a failure the job waits for its backoff');
  const waiting = await db.kysely.selectFrom('jobs').select(['state', 'run_at', 'last_error']).where('queue', '=', 'flaky').executeTakeFirstOrThrow();
  assert.equal(waiting.state, 'queued');
  assert.equal(waiting.last_error, 'provider said 503');
  assert.ok(waiting.run_at.getTime() > Date.now() + (backoffSeconds(1) - 2) * 1000);
  for (let i = 0; i < 2; i++) {
    await sql`UPDATE jobs SET run_at = now() WHERE queue = 'flaky'`.execute(db.kysely);
    await queue.drain();
  }
  assert.equal(calls, 3);
  assert.deepEqual((await states()).filter((s) => s.queue === 'flaky'), [{ queue: 'flaky', state: 'failed', attempts: 3 }]);
  assert.ok(backoffSeconds(2) > backoffSeconds(1));
});

test('a job whose worker died is picked up again when its lease expires', async () => {
  const queue = new JobQueue(db.kysely, log);
  let runs = 0;
  queue.register('lease', async () => {
    runs++;
  });
  await queue.enqueue(db.kysely, 'lease', {});
  // A worker claimed it and vanished.
  await sql`UPDATE jobs SET state = 'running', attempts = 1, locked_until = now() + interval '5 minutes' WHERE queue = 'lease'`.execute(db.kysely);
  assert.equal(await queue.drain(), 0, 'still leased to the dead worker');
  await sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE queue = 'lease'`.execute(db.kysely);
  assert.equal(await queue.drain(), 1);
  assert.equal(runs, 1);
});

test('two workers never run the same job twice', async () => {
  const a = new JobQueue(db.kysely, log);
  const b = new JobQueue(db.kysely, log);
  const ran: number[] = [];
  for (const q of [a, b]) q.register('count', async (payload) => void ran.push(payload.n as number));
  for (let n = 0; n < 20; n++) await a.enqueue(db.kysely, 'count', { n });
  await Promise.all([a.drain(), b.drain()]);
  assert.deepEqual([...ran].sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i));
});

test('enqueueing to a queue nobody handles is refused; every service job has a handler', async () => {
  const queue = new JobQueue(db.kysely, log);
  await assert.rejects(queue.enqueue(db.kysely, 'nobody', {}), /No handler/);
  for (const service of cityServices) {
    for (const [name, handler] of Object.entries(service.jobs?.({} as Platform) ?? {})) assert.equal(typeof handler, 'function', `${service.id}:${name}`);
  }
});

test('a worker started with concurrency runs jobs side by side, each once', async () => {
  const queue = new JobQueue(db.kysely, log);
  let inFlight = 0;
  let most = 0;
  const ran: number[] = [];
  queue.register('side-by-side', async (payload) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 20));
    ran.push(payload.n as number);
    inFlight--;
  });
  for (let n = 0; n < 12; n++) await queue.enqueue(db.kysely, 'side-by-side', { n });
  queue.start(10, 3);
  while (ran.length < 12) await new Promise((resolve) => setTimeout(resolve, 20));
  await queue.stop();
  assert.deepEqual([...ran].sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i));
  assert.ok(most > 1, `ran ${most} at once`);
});

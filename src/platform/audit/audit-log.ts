/**
 * Append-only, hash-chained audit log. Every entry's hash covers its own
 * fields and the previous entry's hash, so changing, removing or inserting a
 * row breaks the chain at that point (see verify.ts). Appends are serialised
 * by a transaction-scoped advisory lock, so entries from several app
 * instances still form one chain; call `recordAudit` inside the transaction
 * that makes the change, so the change and its record commit together.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';

const AUDIT_LOCK_KEY = 3215001;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  type: 'staff' | 'resident' | 'system' | 'anonymous';
  id: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted, so jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const material = canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actor_type,
    row.actor_id,
    row.action,
    row.target_type,
    row.target_id,
    row.reason,
    row.details,
    row.request_id,
    row.prev_hash,
  ]);
  return crypto.createHash('sha256').update(material).digest('hex');
}

/** Accepts any database handle whose schema includes the platform's tables (services pass theirs). */
export async function recordAudit<DB extends PlatformTables>(handle: Kysely<DB>, entry: AuditEntry): Promise<AuditRow> {
  const db = handle as unknown as Kysely<PlatformTables>;
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, entry));
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(db);
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const unhashed: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    reason: entry.reason ?? null,
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    request_id: entry.requestId ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...unhashed, hash: auditHash(unhashed) };
  await db
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
  return row;
}

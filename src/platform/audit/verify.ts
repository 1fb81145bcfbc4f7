/** Walks the audit chain in order and reports the first broken link. */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import { auditHash, GENESIS_HASH, type AuditRow } from './audit-log.ts';

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; problem: 'content-changed' | 'chain-broken' | 'sequence-gap' };

const BATCH = 2000;

export async function verifyAuditChain(db: Kysely<PlatformTables>): Promise<VerifyResult> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute()) as AuditRow[];
    if (rows.length === 0) return { ok: true, entries: checked, lastHash: expectedPrev };
    for (const row of rows) {
      if (Number(row.seq) !== expectedSeq) return { ok: false, entries: checked, brokenAt: expectedSeq, problem: 'sequence-gap' };
      if (row.prev_hash !== expectedPrev) return { ok: false, entries: checked, brokenAt: row.seq, problem: 'chain-broken' };
      if (auditHash(row) !== row.hash) return { ok: false, entries: checked, brokenAt: row.seq, problem: 'content-changed' };
      expectedPrev = row.hash;
      expectedSeq++;
      checked++;
    }
  }
}

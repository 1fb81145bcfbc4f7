/**
 * Server-side sessions in the database, so any app instance can serve any
 * request. The cookie carries a random token; the table keeps only its
 * SHA-256, so a leaked database does not leak live sessions. Sessions end
 * after an idle timeout and after an absolute lifetime.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';

export type SessionKind = 'staff' | 'resident';
export type SessionStage = 'mfa' | 'mfa-enrol' | 'active';

export interface Session {
  id: string;
  kind: SessionKind;
  subjectId: string;
  stage: SessionStage;
  data: Record<string, unknown>;
}

export type LoadResult = { state: 'valid'; session: Session } | { state: 'expired' } | { state: 'none' };

const ABSOLUTE_HOURS = 12;
const TOUCH_AFTER_MS = 60_000;

export const sessionCookieName = (kind: SessionKind) => (kind === 'staff' ? 'oshu_staff' : 'oshu_resident');

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  constructor(
    private readonly db: Kysely<PlatformTables>,
    private readonly idleMinutes: Record<SessionKind, number>,
  ) {}

  /** Returns the cookie token of a new session. */
  async create(kind: SessionKind, subjectId: string, stage: SessionStage, data: Record<string, unknown> = {}): Promise<string> {
    const token = crypto.randomBytes(32).toString('base64url');
    await this.db
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        kind,
        subject_id: subjectId,
        stage,
        data: JSON.stringify(data),
        last_seen_at: new Date(),
        expires_at: new Date(Date.now() + ABSOLUTE_HOURS * 3600_000),
      })
      .execute();
    return token;
  }

  async load(kind: SessionKind, token: string | undefined): Promise<LoadResult> {
    if (!token) return { state: 'none' };
    const id = hashToken(token);
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
    if (!row) return { state: 'expired' };
    const now = Date.now();
    const idleLimit = row.last_seen_at.getTime() + this.idleMinutes[kind] * 60_000;
    if (now > idleLimit || now > row.expires_at.getTime()) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      return { state: 'expired' };
    }
    if (now - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
    }
    return { state: 'valid', session: { id, kind, subjectId: row.subject_id, stage: row.stage, data: row.data } };
  }

  async update(session: Session, changes: { stage?: SessionStage; data?: Record<string, unknown> }): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({
        ...(changes.stage ? { stage: changes.stage } : {}),
        ...(changes.data ? { data: JSON.stringify(changes.data) } : {}),
      })
      .where('id', '=', session.id)
      .execute();
  }

  async destroy(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }
}

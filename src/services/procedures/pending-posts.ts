/**
 * A page posted after the resident's login expired is not lost: it is kept in
 * `procedure_pending_posts` under the hash of a random token whose value only the
 * resident's browser holds (an httpOnly cookie), for an hour. After they log in
 * again, /procedures/pending takes it back, saves it into the draft and shows the same
 * page again (form-routes.tsx) — only if the draft belongs to whoever logged in.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { RawForm } from '../../engines/forms/index.ts';
import { proceduresDb } from './tables.ts';

export const PENDING_COOKIE = 'oshu_proc_pending';
export const PENDING_MINUTES = 60;

const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface PendingPost {
  applicationId: string;
  pageId: string;
  form: RawForm;
  /** The post carried files: they are not kept (the resident chooses them again). */
  hadFiles: boolean;
}

/** Keeps a post; returns the token for the cookie, or null when the application does not exist. */
export async function stashPost(db: Kysely<PlatformTables>, post: PendingPost, now: Date): Promise<string | null> {
  if (!isUuid(post.applicationId)) return null;
  const pdb = proceduresDb(db);
  const exists = await pdb.selectFrom('applications').select('id').where('id', '=', post.applicationId).executeTakeFirst();
  if (!exists) return null;
  const token = crypto.randomBytes(32).toString('base64url');
  await pdb.deleteFrom('procedure_pending_posts').where('expires_at', '<', now).execute();
  await pdb
    .insertInto('procedure_pending_posts')
    .values({ token_hash: hashOf(token), application_id: post.applicationId, page_id: post.pageId.slice(0, 100), form: JSON.stringify({ form: post.form, hadFiles: post.hadFiles }), created_at: now, expires_at: new Date(now.getTime() + PENDING_MINUTES * 60_000) })
    .execute();
  return token;
}

/** Takes a kept post back (once), or null when unknown or expired. */
export async function takePost(db: Kysely<PlatformTables>, token: string | undefined, now: Date): Promise<PendingPost | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await proceduresDb(db).deleteFrom('procedure_pending_posts').where('token_hash', '=', hashOf(token)).returningAll().executeTakeFirst();
  if (!row || row.expires_at.getTime() < now.getTime()) return null;
  const stored = row.form as { form?: RawForm; hadFiles?: boolean };
  return { applicationId: row.application_id, pageId: row.page_id, form: stored.form ?? {}, hadFiles: Boolean(stored.hadFiles) };
}

/**
 * API keys for services and outside systems, of three kinds like GOV.UK Notify's:
 * test (accepted and shown as delivered, never sent), team (only to allow-listed
 * recipients) and live. The secret is shown once at creation; only its SHA-256 is
 * kept (it is 32 random bytes, so a slow hash adds nothing).
 */
import crypto from 'node:crypto';
import type { Channel } from './notifier.ts';
import type { ApiKeyKind, NotifyDb } from './notify-tables.ts';

export interface ApiKey {
  id: string;
  name: string;
  kind: ApiKeyKind;
  source: string;
}

const hash = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

export async function createApiKey(db: NotifyDb, input: { name: string; kind: ApiKeyKind; source: string; createdBy: string | null }): Promise<{ id: string; secret: string }> {
  const secret = `oshu-${input.kind}-${crypto.randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('notify_api_keys')
    .values({ name: input.name, kind: input.kind, source: input.source, secret_hash: hash(secret), secret_hint: secret.slice(-4), created_by: input.createdBy, last_used_at: null, revoked_at: null, revoked_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret };
}

/** The key named by `Authorization: Bearer …`, or null when missing, unknown or revoked. */
export async function authenticateApiKey(db: NotifyDb, authorization: string | undefined): Promise<ApiKey | null> {
  const match = /^Bearer (oshu-(?:test|team|live)-[A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
  if (!match) return null;
  const row = await db.selectFrom('notify_api_keys').select(['id', 'name', 'kind', 'source', 'last_used_at']).where('secret_hash', '=', hash(match[1]!)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  // "Last used" is for people deciding whether a key can go; a minute's precision is plenty.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('notify_api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, name: row.name, kind: row.kind, source: row.source };
}

export async function revokeApiKey(db: NotifyDb, id: string, by: string): Promise<boolean> {
  const result = await db.updateTable('notify_api_keys').set({ revoked_at: new Date(), revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A team key may send to a recipient on its own list or on the list for every team key. */
export async function onTeamAllowList(db: NotifyDb, keyId: string, channel: Channel, recipient: string): Promise<boolean> {
  const row = await db
    .selectFrom('notify_team_recipients')
    .select('id')
    .where('channel', '=', channel)
    .where('recipient', '=', recipient)
    .where((eb) => eb.or([eb('api_key_id', 'is', null), eb('api_key_id', '=', keyId)]))
    .executeTakeFirst();
  return Boolean(row);
}

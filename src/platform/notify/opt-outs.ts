/** Opt-outs per channel and normalised recipient: an opted-out person is never sent anything on that channel. */
import type { Channel } from './notifier.ts';
import type { NotifyDb } from './notify-tables.ts';

export async function isOptedOut(db: NotifyDb, channel: Channel, recipient: string): Promise<boolean> {
  const row = await db.selectFrom('notify_opt_outs').select('recipient').where('channel', '=', channel).where('recipient', '=', recipient).executeTakeFirst();
  return Boolean(row);
}

/** Records an opt-out (idempotent: the first reason stays). */
export async function addOptOut(db: NotifyDb, entry: { channel: Channel; recipient: string; reason?: string | null; source: string; createdBy?: string | null }): Promise<boolean> {
  const inserted = await db
    .insertInto('notify_opt_outs')
    .values({ channel: entry.channel, recipient: entry.recipient, reason: entry.reason ?? null, source: entry.source, created_by: entry.createdBy ?? null })
    .onConflict((oc) => oc.columns(['channel', 'recipient']).doNothing())
    .returning('recipient')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function removeOptOut(db: NotifyDb, channel: Channel, recipient: string): Promise<boolean> {
  const result = await db.deleteFrom('notify_opt_outs').where('channel', '=', channel).where('recipient', '=', recipient).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

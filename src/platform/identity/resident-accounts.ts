/** Resident accounts created on first OpenID Connect login, and the actor built from them. */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../access/actor.ts';
import type { PlatformTables } from '../db/platform-tables.ts';

export async function loadResidentActor(
  db: Kysely<PlatformTables>,
  accountId: string,
  sessionData: Record<string, unknown>,
): Promise<ResidentActor | null> {
  const account = await db.selectFrom('resident_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  if (!account) return null;
  // Assurance belongs to this login, not the account: a password login after a card login is still a password login.
  const assurance = sessionData.assurance === 'card' ? 'card' : 'password';
  return { kind: 'resident', accountId: account.id, residentId: account.resident_id, displayName: account.display_name, assurance };
}

export async function upsertResidentAccount(
  db: Kysely<PlatformTables>,
  input: { issuer: string; subject: string; displayName: string; assurance: 'card' | 'password'; claims: Record<string, unknown>; residentId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('resident_accounts')
    .values({
      issuer: input.issuer,
      subject: input.subject,
      display_name: input.displayName,
      assurance: input.assurance,
      claims: JSON.stringify(input.claims),
      resident_id: input.residentId,
      last_login_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['issuer', 'subject']).doUpdateSet({
        display_name: input.displayName,
        assurance: input.assurance,
        claims: JSON.stringify(input.claims),
        resident_id: input.residentId,
        last_login_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Who is asking. Every service function takes the actor first. */
import type { StaffRole } from '../db/platform-tables.ts';

export interface StaffActor {
  kind: 'staff';
  id: string;
  loginId: string;
  displayName: string;
  roles: { department: string; role: StaffRole }[];
}

export interface ResidentActor {
  kind: 'resident';
  accountId: string;
  /** The registry record this login was matched to; null for people not registered in Oshu. */
  residentId: string | null;
  displayName: string;
  assurance: 'card' | 'password';
}

export type Actor = StaffActor | ResidentActor;

export function hasRole(actor: StaffActor, department: string | '*', roles: StaffRole[]): boolean {
  return actor.roles.some((r) => (department === '*' || r.department === department) && roles.includes(r.role));
}

export function auditActorOf(actor: Actor | null): { type: 'staff' | 'resident' | 'anonymous'; id: string | null } {
  if (!actor) return { type: 'anonymous', id: null };
  return actor.kind === 'staff' ? { type: 'staff', id: actor.id } : { type: 'resident', id: actor.accountId };
}

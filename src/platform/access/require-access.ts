/**
 * The one helper every service calls first: "may this person do this?".
 * A resident (or staff outside the department) asking for something that is
 * not theirs gets 404, so they cannot even learn that it exists; staff
 * missing a function-level role for a menu they can see get 403.
 */
import { forbidden, LoginRequired, notFound } from '../http/errors.ts';
import type { Actor, ResidentActor, StaffActor } from './actor.ts';

export function requireAccess(allowed: boolean, whenDenied: 'not-found' | 'forbidden' = 'not-found'): void {
  if (!allowed) throw whenDenied === 'not-found' ? notFound() : forbidden();
}

export function requireStaff(actor: Actor | null): StaffActor {
  if (!actor || actor.kind !== 'staff') throw new LoginRequired('staff');
  return actor;
}

export function requireResident(actor: Actor | null, assurance: 'card' | 'password' = 'password'): ResidentActor {
  if (!actor || actor.kind !== 'resident') throw new LoginRequired('resident');
  if (assurance === 'card' && actor.assurance !== 'card') throw forbidden();
  return actor;
}

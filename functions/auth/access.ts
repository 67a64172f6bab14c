import type { Actor, Role } from '../../domain/meta.ts';
import { HttpError } from '../http/errors.ts';

/** Who may call a route: nobody needs a token for a public route; otherwise any of the listed roles. */
export type Access = 'public' | readonly Role[];

/** Roles, strongest first: an account in several groups acts with the first. */
export const rolePrecedence = ['admin', 'director', 'callback', 'clerk', 'agent', 'reviewer', 'owner', 'intermediary', 'rating-device', 'kiosk', 'hall-screen', 'sms-gateway'] as const satisfies readonly Role[];

export class Unauthenticated extends HttpError {
  constructor(reason: string) {
    super(401, 'unauthenticated', 'Authentication required', reason, { headers: { 'www-authenticate': 'Bearer' } });
  }
}

export class Forbidden extends HttpError {
  constructor(reason: string) {
    super(403, 'forbidden', 'Not allowed for this role', reason);
  }
}

export interface Caller {
  actor: Actor & { role: Role };
  /** The account's immutable id (the token's `sub`): idempotency records are scoped by it. */
  subject: string;
  windowId: string | null;
  siteId: string | null;
  /** A reviewer's department (`custom:departmentId`): the joint cases' tasks of that department are theirs. */
  departmentId: string | null;
  /** An intermediary's registration (`custom:intermediaryId`) and a project owner's unit (`custom:ownerId`) in the marketplace. */
  intermediaryId: string | null;
  ownerId: string | null;
  /** The person's name and badge number (工号) from the pool (`name`, `custom:badgeNo`): a window's display shows who serves. */
  name: string | null;
  badgeNo: string | null;
  /** A verified token came with the request. */
  authenticated: boolean;
  /** The token's user is in one of the groups. */
  inGroup: boolean;
}

export function authorize(access: Access, caller: Caller): void {
  if (access === 'public') return;
  if (!caller.authenticated) throw new Unauthenticated('send a bearer token (Authorization: Bearer …)');
  if (!caller.inGroup) throw new Forbidden('your account is in none of the groups');
  if (!access.includes(caller.actor.role)) throw new Forbidden(`role ${caller.actor.role} may not do this`);
}

/**
 * Clerks act only on what is at their own window or site, and a rating device only at its window;
 * every other role a route admits is not bound to a place. A bound account with no window or site
 * may do nothing that is scoped.
 */
export function assertPlace(caller: Caller, place: { windowId?: string | null; siteIds?: readonly (string | null)[] }, what: string): void {
  const role = caller.actor.role;
  if (role !== 'clerk' && role !== 'rating-device') return;
  const atWindow = caller.windowId !== null && place.windowId === caller.windowId;
  const atSite = role === 'clerk' && caller.siteId !== null && (place.siteIds ?? []).includes(caller.siteId);
  if (!atWindow && !atSite) {
    const here = caller.windowId ?? (role === 'clerk' ? caller.siteId : null) ?? 'no window or site';
    throw new Forbidden(`${what} is not at your window or site (${here})`);
  }
}

/** A department's reviewer acts only for their own department; no other role a route admits is bound to one. */
export function assertDepartment(caller: Caller, departmentId: string, what: string): void {
  if (caller.actor.role !== 'reviewer') return;
  if (caller.departmentId === null || caller.departmentId !== departmentId) throw new Forbidden(`${what} is not for your department (${caller.departmentId ?? 'none'})`);
}

/** Only callback staff and administrators see phone numbers whole. */
export const revealsPhone = (caller: Caller) => caller.actor.role === 'callback' || caller.actor.role === 'admin';

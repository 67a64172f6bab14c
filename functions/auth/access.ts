import type { Actor, Role } from '../../domain/meta.ts';
import { HttpError } from '../http/errors.ts';

/** Who may call a route: nobody needs a token for a public route; otherwise any of the listed roles. */
export type Access = 'public' | readonly Role[];

/** Staff roles, strongest first: a user in several groups acts with the first. */
export const rolePrecedence = ['admin', 'director', 'callback', 'clerk', 'system'] as const satisfies readonly Role[];

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
  actor: Actor;
  windowId: string | null;
  siteId: string | null;
  /** A verified token came with the request. */
  authenticated: boolean;
  /** The token's user is in one of the staff groups. */
  inGroup: boolean;
}

export function authorize(access: Access, caller: Caller): void {
  if (access === 'public') return;
  if (!caller.authenticated) throw new Unauthenticated('send a bearer token (Authorization: Bearer …)');
  if (!caller.inGroup) throw new Forbidden('your account is in none of the staff groups');
  if (!access.includes(caller.actor.role)) throw new Forbidden(`role ${caller.actor.role} may not do this`);
}

/**
 * A clerk acts only on cases at their own window or site; everyone else the route admits is not
 * bound to a place. A clerk bound to neither may do nothing that is scoped.
 */
export function assertPlace(caller: Caller, place: { windowId?: string | null; siteIds?: readonly (string | null)[] }, what: string): void {
  if (caller.actor.role !== 'clerk') return;
  const atWindow = caller.windowId !== null && place.windowId === caller.windowId;
  const atSite = caller.siteId !== null && (place.siteIds ?? []).includes(caller.siteId);
  if (!atWindow && !atSite) {
    const here = caller.windowId ?? caller.siteId ?? 'no window or site';
    throw new Forbidden(`${what} is not at your window or site (${here})`);
  }
}

/** Only callback staff and administrators see phone numbers whole. */
export const revealsPhone = (caller: Caller) => caller.actor.role === 'callback' || caller.actor.role === 'admin';

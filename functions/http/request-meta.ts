import { createHash } from 'node:crypto';
import type { CommandMeta } from '../../domain/meta.ts';
import type { Caller } from '../auth/access.ts';
import { routeKeyOf, type Request, type Route } from './route.ts';

/**
 * What the routes' handlers take from a request: its command metadata and its scoped idempotency
 * key. Kept apart from the dispatcher (http-handler.ts), so that a feature's routes never import
 * the dispatcher and through it another feature's.
 */
export function commandMeta(request: Request, where: { windowId: string | null; siteId: string | null } = { windowId: null, siteId: null }): CommandMeta {
  const { caller } = request;
  // Staff bound to a place record it; others (administrators) act where the case is.
  return {
    actor: caller.actor,
    windowId: caller.windowId ?? where.windowId,
    siteId: caller.siteId ?? where.siteId,
    now: request.now,
    commandId: request.commandId,
    correlationId: request.correlationId,
  };
}

export const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A client's key, scoped to who sends it and where: `api.` + SHA-256 of subject, route and key (no timer's key looks like it). */
export const scopedKey = (caller: Caller, route: Route, key: string) => `api.${digest(`${caller.subject}\n${routeKeyOf(route)}\n${key}`)}`;

/** Who did something, where and when: shared by every stream's events and commands. */

/**
 * People: window clerks and site staff, window directors, callback staff, administrators, the
 * departments' reviewers of joint cases (联合审批, bound to their department), and the agents who
 * carry enterprises' investment projects (代办员, bound to a site like clerks).
 */
export const staffRoles = ['clerk', 'director', 'callback', 'admin', 'reviewer', 'agent'] as const;
/**
 * The marketplace's outside accounts (中介超市): intermediaries (中介机构, bound to their registration by
 * `custom:intermediaryId`) and the owners of state-funded projects (业主单位, bound by `custom:ownerId`).
 */
export const marketRoles = ['intermediary', 'owner'] as const;
/**
 * Machines, each with its own account and role: the SMS gateway posting replies, ticket kiosks,
 * window rating devices (评价器, bound to one window) and hall screens.
 */
export const machineRoles = ['sms-gateway', 'kiosk', 'rating-device', 'hall-screen'] as const;
/** The roles an account (a token's group) can have. */
export const roles = [...staffRoles, ...marketRoles, ...machineRoles] as const;
export type Role = (typeof roles)[number];

/** Who an event says acted: an account's role, or `system` for the center's own timers. */
export const actorRoles = [...roles, 'system'] as const;
export type ActorRole = (typeof actorRoles)[number];

export interface Actor {
  id: string;
  role: ActorRole;
}

/** Who did it, where and when: every event carries this (archive checks look for exactly that). */
export interface EventMeta {
  actor: Actor;
  /** The window the actor worked at, when they work at one. */
  windowId: string | null;
  /** The site the actor worked at. */
  siteId: string | null;
  /** UTC instant. */
  at: string;
  /** The command (its idempotency key, or a generated id) that produced the event. */
  commandId: string;
  correlationId: string;
}

/** Who asks, where, and when: `now` arrives here so that `decide` stays pure. */
export interface CommandMeta {
  actor: Actor;
  windowId: string | null;
  siteId: string | null;
  /** UTC instant. */
  now: string;
  commandId: string;
  correlationId: string;
}

export function eventMetaOf(meta: CommandMeta): EventMeta {
  return { actor: meta.actor, windowId: meta.windowId, siteId: meta.siteId, at: meta.now, commandId: meta.commandId, correlationId: meta.correlationId };
}

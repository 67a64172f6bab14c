/** Who did something, where and when: shared by every stream's events and commands. */
export const roles = ['clerk', 'director', 'callback', 'admin', 'system'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  id: string;
  role: Role;
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

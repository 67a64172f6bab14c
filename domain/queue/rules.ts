import type { Priority } from '../ticket/aggregate.ts';

/**
 * The calling rule of the hall's queue (叫号规则), and the order the waiting index keeps: pure,
 * for the waiting line in `functions/queue/` and for the tests.
 */
/** What the calling rule needs of a waiting ticket. */
export interface Waiting {
  ticketId: string;
  /** The category letter of its number (A017 → A), which it keeps when transferred. */
  numberCategory: string;
  appointmentAt: string | null;
  priority: Priority;
  issuedAt: string;
  /** The ticket's number within its category's day (A017 → 17): the last tie-breaker. */
  sequence: number;
}

/**
 * The order a waiting ticket takes in its partition, as a number (the Events table sorts by a
 * numeric key): class (0 appointment, 1 priority, 2 normal), then the second it became due or was
 * issued, then its number (letter and sequence) — unique within a day, so that two tickets can never
 * claim one place, whatever categories they were transferred between.
 */
export function waitingOrder(t: Waiting): number {
  const cls = t.appointmentAt !== null ? 0 : t.priority === 'priority' ? 1 : 2;
  const seconds = Math.floor(Date.parse(t.appointmentAt ?? t.issuedAt) / 1000);
  const letter = t.numberCategory.charCodeAt(0) - 65;
  return cls * CLASS_SPAN + seconds * 100_000 + letter * 1000 + (t.sequence % 1000);
}

/** The width of each class in `waitingOrder`: appointments sort below it, everyone else from it on. */
export const CLASS_SPAN = 1e15;

/**
 * The calling rule (叫号规则): appointments due now first (earliest due first), then priority
 * tickets, then everyone else, each by how long they have waited. An appointment not yet due waits.
 */
export function rank<T extends Waiting>(waiting: readonly T[], now: string): T[] {
  const due = waiting.filter((w) => w.appointmentAt !== null && w.appointmentAt <= now);
  const rest = waiting.filter((w) => w.appointmentAt === null);
  return [...due, ...rest].sort((a, b) => waitingOrder(a) - waitingOrder(b) || a.ticketId.localeCompare(b.ticketId));
}

/**
 * A category's line keeps, in a small ring, the last place claimed in each of the last few 5-second
 * buckets of the clock: that tells a place claimed long ago (by a call that died before taking its
 * ticket) from one still in flight.
 */
export type ClaimRing = Record<string, { b: number; v: number }>;
export const BUCKET_MS = 5_000;
export const RING = 8;
/** A place claimed at least this many whole buckets ago (10 s, the function's timeout) whose ticket still waits was abandoned. */
const SETTLED_BUCKETS = 3;

/** The last place claimed at least `SETTLED_BUCKETS` buckets before `now`: a ticket at or before it that still waits was abandoned. */
export function settledPlace(ring: ClaimRing | undefined, now: string): number {
  const bucket = Math.floor(Date.parse(now) / BUCKET_MS);
  return Math.max(0, ...Object.values(ring ?? {}).filter((s) => s.b <= bucket - SETTLED_BUCKETS).map((s) => s.v));
}

/**
 * The windows serving a category today: the county file's, with each window's change for the day
 * (`true`: serves it) — and, once workers sign in at the terminals, only those with someone signed in.
 */
export function servingWindows(fromFile: readonly string[], changes: ReadonlyMap<string, boolean>, staffed?: ReadonlySet<string>): number {
  const windows = new Set(fromFile);
  for (const [windowId, on] of changes) {
    if (on) windows.add(windowId);
    else windows.delete(windowId);
  }
  return staffed === undefined ? windows.size : [...windows].filter((w) => staffed.has(w)).length;
}

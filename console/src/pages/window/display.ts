import { levels, type Level } from '../../lib/levels.ts';

/** What a window's own display (窗口屏) shows at a moment, from the window's last call of the day. */

/** The levels of a rating (好差评), best first, as the rating device shows them. */
export const ratingLevels = levels.map(({ value, label }) => ({ level: value, label }));
export type RatingLevel = Level;

/** The ticket part of `GET /windows/{id}/display`, as far as the phase depends on it. */
export interface ShownTicket {
  ticketId: string;
  status: 'called' | 'serving' | 'finished' | 'no-show' | 'transferred';
  /** The ticket's last change. */
  at: string;
  caseIds: readonly string[];
}

/** How long after `finish` the visitor is asked to rate the service. */
export const RATING_MS = 2 * 60_000;

/**
 * 'called' (请 A012 号), 'serving' (正在办理), 'rating' (just finished: the rating prompt), or 'idle'
 * (nobody called yet, the visitor gone, moved on or long finished: 等待叫号).
 */
export type Phase = 'idle' | 'called' | 'serving' | 'rating';

export function phaseOf(ticket: ShownTicket | null | undefined, now: number): Phase {
  if (!ticket) return 'idle';
  if (ticket.status === 'called') return 'called';
  if (ticket.status === 'serving') return 'serving';
  if (ticket.status === 'finished') {
    const since = now - Date.parse(ticket.at);
    return since >= -60_000 && since <= RATING_MS ? 'rating' : 'idle';
  }
  return 'idle';
}

/** The device's own id of one case's rating from one visit: pressed again, or resent, it is recorded once. */
export const reviewIdFor = (ticketId: string, caseId: string): string => `window-device-${ticketId}-${caseId}`;

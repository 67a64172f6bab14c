import type { CallbackOutcome } from '../case/events.ts';
import type { CallbackListPublished } from './aggregate.ts';
import { maskPhone } from '../privacy.ts';
import { addDays, type LocalDate } from '../time.ts';
import { sampled, type Mac } from '../keyed.ts';

export const callbackReasons = ['bad-review', 'retry', 'sample'] as const;
export type CallbackReason = (typeof callbackReasons)[number];

/** A case as the list builder sees it (read from its stream). */
export interface CallbackCandidate {
  caseId: string;
  caseNo: string;
  reason: CallbackReason;
  /** For a bad review: the day its callback is due. */
  due: LocalDate | null;
  windowId: string;
  itemName: string;
  completedDate: LocalDate | null;
  phone: string | undefined;
  optOut: boolean;
  attempts: { listDate: LocalDate; outcome: CallbackOutcome; attemptDate: LocalDate }[];
  /** Attempts in the current round, and whether the round is over (reached, refused, wrong number). */
  round: number;
  settled: boolean;
}

export interface CallbackListEntry extends Pick<CallbackCandidate, 'caseId' | 'caseNo' | 'reason' | 'due' | 'windowId' | 'itemName' | 'completedDate'> {
  /** Masked (138****1234): the list is kept for good, the whole number only as long as the county's retention. */
  phoneMasked: string;
  staffId: string | null;
  earlierAttempts: CallbackCandidate['attempts'];
}

/** The completion dates a list samples from: the day after the previous list's last, through yesterday. */
export function coverage(date: LocalDate, previousCoveredThrough: LocalDate | undefined, firstLookbackDays: number): { from: LocalDate; through: LocalDate } {
  const through = addDays(date, -1);
  const from = previousCoveredThrough === undefined ? addDays(date, -firstLookbackDays) : addDays(previousCoveredThrough, 1);
  return { from, through };
}

/** Which of the completed cases fall in the sample (deterministic: salted hash of the case id against the ratio). */
export function sampleCompleted(caseIds: readonly string[], mac: Mac, ratio: number): string[] {
  return caseIds.filter((id) => sampled(id, mac, ratio));
}

/**
 * Assembles a day's list: bad reviews not yet called back (earliest due first), then unreached
 * cases from the previous list, then the sample. Cases without a phone or that opted out are
 * skipped and counted; the rest are dealt out to the staff on duty in turn.
 */
export function assembleList(options: {
  date: LocalDate;
  coveredFrom: LocalDate;
  coveredThrough: LocalDate;
  ratio: number;
  staff: readonly string[];
  maxAttempts: number;
  considered: number;
  candidates: readonly CallbackCandidate[];
}): CallbackListPublished['data'] {
  const order = (c: CallbackCandidate) => callbackReasons.indexOf(c.reason);
  const sorted = [...options.candidates].sort(
    (a, b) => order(a) - order(b) || (a.due ?? '').localeCompare(b.due ?? '') || (a.completedDate ?? '').localeCompare(b.completedDate ?? '') || a.caseNo.localeCompare(b.caseNo),
  );
  const seen = new Set<string>();
  const skipped = { noPhone: 0, optedOut: 0 };
  const entries: CallbackListEntry[] = [];
  for (const c of sorted) {
    if (seen.has(c.caseId)) continue;
    seen.add(c.caseId);
    if (c.settled || c.round >= options.maxAttempts) continue;
    if (c.optOut) {
      skipped.optedOut++;
      continue;
    }
    if (c.phone === undefined || c.phone === '') {
      skipped.noPhone++;
      continue;
    }
    entries.push({
      caseId: c.caseId,
      caseNo: c.caseNo,
      reason: c.reason,
      due: c.due,
      windowId: c.windowId,
      itemName: c.itemName,
      completedDate: c.completedDate,
      phoneMasked: maskPhone(c.phone),
      staffId: options.staff.length === 0 ? null : options.staff[entries.length % options.staff.length]!,
      earlierAttempts: c.attempts,
    });
  }
  return {
    date: options.date,
    coveredFrom: options.coveredFrom,
    coveredThrough: options.coveredThrough,
    ratio: options.ratio,
    staff: [...options.staff],
    entries,
    considered: options.considered,
    sampled: options.candidates.filter((c) => c.reason === 'sample').length,
    skipped,
  };
}


import { callbackListIndex, callbackListsPartition, callbackListView } from '../../domain/projections/callback-lists.ts';
import { callbackListAggregate, type CallbackListPublished } from '../../domain/callback-list/aggregate.ts';
import { assembleList, coverage, sampleCompleted, type CallbackCandidate } from '../../domain/callback-list/assemble.ts';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseState } from '../../domain/case/state.ts';
import { streamOf } from '../../domain/decider.ts';
import { IllegalTransition } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { callbackListPartition } from '../../domain/projections/callback-attempts.ts';
import { type Completion, completions, completionsPartition } from '../../domain/projections/completions.ts';
import { openRectificationsPartition, rectifications } from '../../domain/projections/rectifications.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { handleCommand, readState, type Idempotency } from '../commands/handle.ts';
import { keepContacts } from '../privacy/contacts.ts';
import type { Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';

export type CallbackListData = CallbackListPublished['data'];

/** Where a day's list keeps the whole numbers it lists, while it may. */
export const callbackContactsScope = (date: LocalDate) => streamOf(callbackListAggregate, date);

/** The published list of a day, from its stream (consistent), or undefined. */
export async function publishedList(rt: Runtime, date: LocalDate): Promise<CallbackListData | undefined> {
  return (await readState(rt.events, callbackListAggregate, streamOf(callbackListAggregate, date))).state?.published;
}

/** Cases read from their streams, eight at a time. */
async function readCases(rt: Runtime, ids: readonly string[]): Promise<Map<string, CaseState>> {
  const found = new Map<string, CaseState>();
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const { state } = await readState(rt.events, caseAggregate, streamOf(caseAggregate, id));
        if (state) found.set(id, state);
      }
    }),
  );
  return found;
}

/** What a day's list is drawn from: bad reviews owed their callback, the previous list's unreached, the sample of completions since it. */
async function drawList(rt: Runtime, date: LocalDate, staffOnDuty: readonly string[] | undefined): Promise<{ data: CallbackListData; cases: Map<string, CaseState> }> {
  const settings = rt.county.county.satisfaction;
  const generation = await rt.views.generation();
  // The latest list before this day: one item, not the whole index.
  const [latest] = await rt.views.docs(callbackListIndex, callbackListsPartition, { from: '0000-00-00', to: addDays(date, -1), generation, newest: 1 });
  const previous = latest?.doc;
  const { from, through } = coverage(date, previous?.coveredThrough, settings.firstListLookbackDays);

  const completed: Completion[] = [];
  for (let day = from; day <= through; day = addDays(day, 1)) completed.push(...(await rt.views.docs(completions, completionsPartition(day), { generation })).map((i) => i.doc));
  const sample = new Set(sampleCompleted(completed.map((c) => c.caseId), await countyMac(), settings.callbackRatio));
  const openRectifications = (await rt.views.docs(rectifications, openRectificationsPartition, { generation })).map((i) => i.doc).filter((r) => r.calledBackDate === null);
  const previousList = previous ? await rt.views.doc(callbackListView, { pk: callbackListPartition(previous.date), sk: 'list' }, { generation }) : undefined;

  const reasons = new Map<string, { reason: CallbackCandidate['reason']; due: LocalDate | null }>();
  for (const r of openRectifications.sort((a, b) => a.callbackDue.localeCompare(b.callbackDue))) if (!reasons.has(r.caseId)) reasons.set(r.caseId, { reason: 'bad-review', due: r.callbackDue });
  for (const e of previousList?.entries ?? []) if (!reasons.has(e.caseId)) reasons.set(e.caseId, { reason: 'retry', due: null });
  for (const id of sample) if (!reasons.has(id)) reasons.set(id, { reason: 'sample', due: null });

  const cases = await readCases(rt, [...reasons.keys()]);
  const candidates: CallbackCandidate[] = [...cases.values()].map((state) => ({
    caseId: state.caseId,
    caseNo: state.caseNo,
    reason: reasons.get(state.caseId)!.reason,
    due: reasons.get(state.caseId)!.due,
    windowId: state.windowId,
    itemName: state.item.name,
    completedDate: state.completedDate,
    phone: state.applicant.phone,
    optOut: state.applicant.optOut === true,
    attempts: state.callback.attempts,
    round: state.callback.round,
    settled: state.callback.settled,
  }));
  const data = assembleList({ date, coveredFrom: from, coveredThrough: through, ratio: settings.callbackRatio, staff: staffOnDuty ?? settings.callbackStaff, maxAttempts: settings.maxCallbackAttempts, considered: completed.length, candidates });
  return { data, cases };
}

/**
 * Builds and publishes a day's callback list, once: bad reviews not yet called back, the unreached
 * cases of the previous list, and the keyed-hash sample of cases completed since it. A second
 * call for the same day answers with the list already published.
 */
export async function buildCallbackList(rt: Runtime, date: LocalDate, meta: CommandMeta, staffOnDuty?: readonly string[], idempotency?: Idempotency): Promise<{ created: boolean; list: CallbackListData }> {
  const existing = await publishedList(rt, date);
  if (existing) return { created: false, list: existing };
  const { data, cases } = await drawList(rt, date, staffOnDuty);
  try {
    const outcome = await handleCommand(
      rt.events,
      {
        aggregate: callbackListAggregate,
        id: date,
        command: () => ({ type: 'PublishCallbackList', data, meta }),
        context: undefined,
        // The list keeps masked numbers for good; the whole ones the staff dial, only for the county's retention.
        extra: () => [keepContacts(rt, callbackContactsScope(date), 0, Object.fromEntries(data.entries.map((e) => [e.caseId, cases.get(e.caseId)!.applicant.phone!])), meta.now)],
      },
      () => ({ created: true }),
      idempotency,
    );
    // A resend of this very publication (the timer's key) answers with the list as published, not as drawn again now.
    return outcome.replayed ? { created: false, list: (await publishedList(rt, date)) ?? data } : { created: true, list: data };
  } catch (error) {
    // Someone published it meanwhile (the timer and an administrator, say): answer with theirs.
    if (error instanceof IllegalTransition) return { created: false, list: (await publishedList(rt, date))! };
    throw error;
  }
}


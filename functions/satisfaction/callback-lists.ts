import type { CaseEvent } from '../../domain/case/events.ts';
import { fold, type CaseState } from '../../domain/case/state.ts';
import { IllegalTransition } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { callbackListPartition } from '../../domain/projections/callback-attempts.ts';
import { completionsPartition, type Completion } from '../../domain/projections/completions.ts';
import { openRectificationsPartition, type RectificationView } from '../../domain/projections/rectifications.ts';
import { assembleList, coverage, decidePublish, sampleCompleted, type CallbackCandidate, type CallbackListEvent, type CallbackListPublished, foldCallbackList } from '../../domain/satisfaction/callback-list.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { executeCommand } from '../commands/execute.ts';
import { keepContacts } from '../privacy/contacts.ts';
import type { Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { streams } from '../tables.ts';

export const callbackListStream = (date: LocalDate) => `callbacks#${date}`;
/** Where a day's list keeps the whole numbers it lists, while it may. */
export const callbackContactsScope = (date: LocalDate) => `callbacks#${date}`;

/** The published list of a day, from its stream (consistent), or undefined. */
export async function publishedList(rt: Runtime, date: LocalDate): Promise<CallbackListPublished['data'] | undefined> {
  const { events } = await rt.events.read<CallbackListEvent>(callbackListStream(date));
  return foldCallbackList(events.map((e) => e.event))?.published;
}

async function readCases(rt: Runtime, ids: readonly string[]): Promise<Map<string, CaseState>> {
  const found = new Map<string, CaseState>();
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const { events } = await rt.events.read<CaseEvent>(streams.case(id));
        const state = fold(events.map((e) => e.event));
        if (state) found.set(id, state);
      }
    }),
  );
  return found;
}

/**
 * Builds and publishes a day's callback list, once: bad reviews not yet called back, the unreached
 * cases of the previous list, and the salted-hash sample of cases completed since it. A second
 * call for the same day answers with the list already published.
 */
export async function buildCallbackList(rt: Runtime, date: LocalDate, meta: CommandMeta, staffOnDuty?: readonly string[]): Promise<{ created: boolean; list: CallbackListPublished['data'] }> {
  const existing = await publishedList(rt, date);
  if (existing) return { created: false, list: existing };
  const settings = rt.county.county.satisfaction;
  const generation = await rt.views.generation();
  const index = await rt.views.partition<{ doc: { date: string; coveredThrough: string } }>('callback-lists', { from: '0000-00-00', to: addDays(date, -1), generation });
  const previous = index.at(-1)?.doc;
  const { from, through } = coverage(date, previous?.coveredThrough, settings.firstListLookbackDays);

  const completed: Completion[] = [];
  for (let day = from; day <= through; day = addDays(day, 1)) completed.push(...(await rt.views.partition<{ doc: Completion }>(completionsPartition(day), { generation })).map((i) => i.doc));
  const sample = new Set(sampleCompleted(completed.map((c) => c.caseId), await countyMac(), settings.callbackRatio));
  const openRectifications = (await rt.views.partition<{ doc: RectificationView }>(openRectificationsPartition, { generation })).map((i) => i.doc).filter((r) => r.calledBackDate === null);
  const previousList = previous ? (await rt.views.get<{ doc: CallbackListPublished['data'] }>({ pk: callbackListPartition(previous.date), sk: 'list' }, { generation }))?.doc : undefined;

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
  const data = assembleList({
    date,
    coveredFrom: from,
    coveredThrough: through,
    ratio: settings.callbackRatio,
    staff: staffOnDuty ?? settings.callbackStaff,
    maxAttempts: settings.maxCallbackAttempts,
    considered: completed.length,
    candidates,
  });
  try {
    await executeCommand<CallbackListEvent>(
      rt.events,
      {
        stream: callbackListStream(date),
        decide: (history) => decidePublish({ type: 'PublishCallbackList', data, meta }, foldCallbackList(history.map((e) => e.event))),
        // The list keeps masked numbers for good; the whole ones the staff dial, only for the county's retention.
        extra: () => [keepContacts(rt, callbackContactsScope(date), 0, Object.fromEntries(data.entries.map((e) => [e.caseId, cases.get(e.caseId)!.applicant.phone!])), meta.now)],
        respond: () => ({ statusCode: 201, headers: {}, body: '' }),
      },
      { idempotencyKey: undefined, fingerprint: '', ifMatch: undefined },
    );
    return { created: true, list: data };
  } catch (error) {
    // Someone published it meanwhile (the timer and an administrator, say): answer with theirs.
    if (error instanceof IllegalTransition) return { created: false, list: (await publishedList(rt, date))! };
    throw error;
  }
}

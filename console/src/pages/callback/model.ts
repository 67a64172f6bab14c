import type { FormInstance } from 'antd';
import type { ApiProblem } from '../../api/client.ts';
import { rectificationStatusName, type Attempt, type Entry, type Level, type Outcome, type Question, type RectificationStatus } from './labels.ts';

/** The page's logic, apart from React so it can be tested on its own. */

/** Where an entry of the day's list stands: not called yet, called without an answer (to try again), or done. */
export type EntryStatus = { kind: 'pending' } | { kind: 'retry'; noAnswers: number } | { kind: 'done'; outcome: Exclude<Outcome, 'no-answer'> };

export function entryStatus(entry: Pick<Entry, 'attempts'>): EntryStatus {
  const last = entry.attempts.at(-1);
  if (!last) return { kind: 'pending' };
  if (last.outcome === 'no-answer') return { kind: 'retry', noAnswers: entry.attempts.filter((a) => a.outcome === 'no-answer').length };
  return { kind: 'done', outcome: last.outcome };
}

/** Still to be called today: never called, or called without an answer. */
export const isOpen = (entry: Pick<Entry, 'attempts'>): boolean => entryStatus(entry).kind !== 'done';

const reasonOrder: Record<Entry['reason'], number> = { 'bad-review': 0, retry: 1, sample: 2 };

/** Bad reviews first, the earliest due first; then the unreached of earlier days; then the sample (the list's own order within each). */
export function orderEntries(entries: readonly Entry[]): Entry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => reasonOrder[a.entry.reason] - reasonOrder[b.entry.reason] || (a.entry.due ?? '9999').localeCompare(b.entry.due ?? '9999') || a.index - b.index)
    .map(({ entry }) => entry);
}

/** How close a bad review's callback is to its due day (it is owed within one working day). */
export function dueState(due: string | null, today: string): 'overdue' | 'today' | 'later' | 'none' {
  if (due === null) return 'none';
  if (due < today) return 'overdue';
  return due === today ? 'today' : 'later';
}

/** The case to call after `caseId`: the next open one down the list, wrapping round to the top; never `caseId` itself. */
export function nextOpen(ordered: readonly Entry[], caseId: string | undefined): Entry | undefined {
  const at = ordered.findIndex((e) => e.caseId === caseId);
  const rotated = at < 0 ? ordered : [...ordered.slice(at + 1), ...ordered.slice(0, at)];
  return rotated.find((e) => e.caseId !== caseId && isOpen(e));
}

/**
 * The list as the server last answered, with the attempts recorded here since: the list's attempts
 * come from a projection that may lag the command by a moment, and the page must not offer a case
 * again that was just called.
 */
export function withRecorded(entries: readonly Entry[], recorded: ReadonlyMap<string, Attempt[]>): Entry[] {
  return entries.map((e) => {
    const mine = recorded.get(e.caseId);
    return mine && mine.length > e.attempts.length ? { ...e, attempts: mine } : e;
  });
}

/** Counts for the line above the list. */
export function tally(entries: readonly Entry[], today: string) {
  const statuses = entries.map(entryStatus);
  return {
    total: entries.length,
    badReviews: entries.filter((e) => e.reason === 'bad-review').length,
    dueNow: entries.filter((e) => isOpen(e) && ['overdue', 'today'].includes(dueState(e.due, today))).length,
    pending: statuses.filter((s) => s.kind === 'pending').length,
    retry: statuses.filter((s) => s.kind === 'retry').length,
    reached: statuses.filter((s) => s.kind === 'done' && s.outcome === 'reached').length,
    done: statuses.filter((s) => s.kind === 'done').length,
  };
}

/** What the call form holds. */
export interface CallValues {
  outcome?: Outcome;
  level?: Level;
  answers?: Partial<Record<Question, boolean | undefined>>;
  comment?: string;
}

export interface AttemptBody {
  attemptId: string;
  outcome: Outcome;
  level?: Level;
  answers?: Partial<Record<Question, boolean>>;
  comment?: string;
}

/**
 * The body of `POST /callbacks/{caseId}/attempts`: a rating and the five answers only for a reached
 * call (the API refuses a level on any other), blank answers and an empty comment left out.
 */
export function attemptBody(values: CallValues, attemptId: string): AttemptBody {
  if (!values.outcome) throw new Error('the form requires an outcome');
  const comment = values.comment?.trim();
  const body: AttemptBody = { attemptId, outcome: values.outcome };
  if (values.outcome === 'reached') {
    if (values.level) body.level = values.level;
    const answers = Object.fromEntries(Object.entries(values.answers ?? {}).filter((kv): kv is [Question, boolean] => typeof kv[1] === 'boolean'));
    if (Object.keys(answers).length > 0) body.answers = answers;
  }
  if (comment) body.comment = comment;
  return body;
}

/** A phone number grouped for reading aloud and dialling: 139 0000 1111. */
export function groupedPhone(phone: string): string {
  const digits = phone.replace(/^\+?86/, '');
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : phone;
}

/** A number past the county's retention is listed masked (138****1234): it cannot be dialled. */
export const isMasked = (phone: string): boolean => phone.includes('*');

const statusPattern = Object.keys(rectificationStatusName).join('|');

/** The API's explanations of the refusals this page can meet, in the words of the hall. */
const details: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/The case is not on today’s callback list/, () => '该办件不在今日回访名单上'],
  [/the callback for this case is already settled/, () => '该办件的回访已经完成'],
  [/the case had its (\d+) attempts/, (m) => `该办件已拨打满 ${m[1]} 次`],
  [/Only a reached callback has a rating/, () => '只有接通的电话才能记录满意度'],
  [new RegExp(`cannot FollowUpRectification a rectification that is (${statusPattern})`), (m) => `该整改单目前“${rectificationStatusName[m[1] as RectificationStatus]}”，整改完成后才能回访`],
];

/**
 * The sentence to show for a refusal. The shared message carries the API's own explanation in
 * English after the Chinese sentence; a known one is said in Chinese, an unknown one left out.
 */
export function problemText(problem: ApiProblem): string {
  const { message: base, detail } = problem.shown;
  if (!detail) return base;
  for (const [pattern, say] of details) {
    const m = detail.match(pattern);
    if (m) return `${base}：${say(m)}`;
  }
  // A detail with Chinese in it is already for people; one in English only is not.
  return /[\u4e00-\u9fff]/.test(detail) ? `${base}：${detail}` : base;
}

/**
 * The problem's field errors named as the form names its fields (the API may prefix them with `body`),
 * for `form.setFields`: the names are the API's, which the forms here use for their fields.
 */
export function formErrors<V>(problem: ApiProblem): Parameters<FormInstance<V>['setFields']>[0] {
  const fields = problem.shown.fields.map((f) => ({ name: f.name[0] === 'body' ? f.name.slice(1) : f.name, errors: [f.message] })).filter((f) => f.name.length > 0);
  return fields as Parameters<FormInstance<V>['setFields']>[0];
}

import { checklist, type ChecklistKey, type VideoCheckBody } from './labels.ts';
import { countyInstant } from './roster.ts';

/** What the video-check form holds: the ticked (passed) items, the time of the look, the note. */
export interface VideoCheckValues {
  time: string;
  passed: ChecklistKey[];
  coverArranged?: boolean;
  note?: string;
  evidenceRef?: string;
}

/** Every item ticked: most looks find a window in order, and the director unticks what is wrong. */
export const allPassed = (): ChecklistKey[] => checklist.map((c) => c.key);

/** The items that failed, in checklist order. */
export function failedItems(passed: readonly ChecklistKey[]): typeof checklist {
  return checklist.filter((c) => !passed.includes(c.key));
}

/** The `POST /video-checks` body: each item true (符合) or false; cover is asked only when the post was empty. */
export function videoCheckBody(values: VideoCheckValues, rosterDate: string, windowId: string, timeZone: string): VideoCheckBody {
  const items = Object.fromEntries(checklist.map((c) => [c.key, values.passed.includes(c.key)])) as Record<ChecklistKey, boolean>;
  const note = values.note?.trim();
  const evidenceRef = values.evidenceRef?.trim();
  return {
    rosterDate,
    windowId,
    checkedAt: countyInstant(rosterDate, values.time, timeZone),
    items: items.atPost ? items : { ...items, coverArranged: values.coverArranged === true },
    ...(note ? { note } : {}),
    ...(evidenceRef ? { evidenceRef } : {}),
  };
}

/** Where the API's field errors go on the form: every checklist item is part of the one checklist field. */
export function formFieldOf(name: (string | number)[]): (string | number)[] {
  if (name[0] === 'items') return name[1] === 'coverArranged' ? ['coverArranged'] : ['passed'];
  if (name[0] === 'checkedAt' || name[0] === 'rosterDate') return ['time'];
  return name;
}

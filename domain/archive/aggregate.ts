import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition, InvalidInput } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import { macOrder, type Mac } from '../keyed.ts';
import type { LocalDate } from '../time.ts';

/** What an archive check looks for (档案检查). */
export const archiveProblemCodes = ['notice-undated', 'step-unsigned', 'step-undated', 'decision-after-deadline', 'materials-incomplete', 'other'] as const;
export type ArchiveProblemCode = (typeof archiveProblemCodes)[number];

export interface ArchiveSample {
  windowId: string;
  caseId: string;
  caseNo: string;
  completedDate: LocalDate;
}

/** The month's random sample of completed case files, per window (抽查). */
export type ArchiveSampleDrawn = { type: 'ArchiveSampleDrawn'; data: { month: string; perWindow: number; samples: ArchiveSample[] }; meta: EventMeta };

/** The checker's findings on one sampled file. */
export type ArchiveCheckRecorded = {
  type: 'ArchiveCheckRecorded';
  data: { month: string; caseId: string; windowId: string; problems: { code: ArchiveProblemCode; note: string | null }[]; checkedDate: LocalDate; checkerId: string; /** The window workers who signed the file's steps (absent from checks recorded before it was). */ signedBy?: string[] };
  meta: EventMeta;
};

export type ArchiveEvent = ArchiveSampleDrawn | ArchiveCheckRecorded;
export const archiveEventTypes = allOf<ArchiveEvent['type']>({ ArchiveSampleDrawn: true, ArchiveCheckRecorded: true });

export interface ArchiveState {
  month: string;
  perWindow: number;
  samples: ArchiveSample[];
  checks: Record<string, ArchiveCheckRecorded['data']>;
}

export function evolveArchive(state: ArchiveState | undefined, event: ArchiveEvent): ArchiveState {
  switch (event.type) {
    case 'ArchiveSampleDrawn':
      return { month: event.data.month, perWindow: event.data.perWindow, samples: event.data.samples, checks: {} };
    case 'ArchiveCheckRecorded':
      if (!state) throw new Error('ArchiveCheckRecorded before ArchiveSampleDrawn');
      return { ...state, checks: { ...state.checks, [event.data.caseId]: event.data } };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as ArchiveEvent).type}`);
    }
  }
}


/** Per window, the files whose salted hash (month, case) is smallest: random to the windows, the same for an auditor. */
export function drawSample(completed: readonly ArchiveSample[], month: string, perWindow: number, mac: Mac): ArchiveSample[] {
  const byWindow = new Map<string, ArchiveSample[]>();
  for (const c of completed) byWindow.set(c.windowId, [...(byWindow.get(c.windowId) ?? []), c]);
  return [...byWindow.keys()]
    .sort()
    .flatMap((windowId) => macOrder(byWindow.get(windowId)!, mac, (c) => `archive-sample#${month}#${c.caseId}`, (c) => c.caseId).slice(0, perWindow));
}

/** Draw a month's sample (抽取档案). */
export type DrawArchiveSample = { type: 'DrawArchiveSample'; data: ArchiveSampleDrawn['data']; meta: CommandMeta };
/** Record the problems found in a sampled file (记录档案检查). */
export type RecordArchiveCheck = { type: 'RecordArchiveCheck'; data: Omit<ArchiveCheckRecorded['data'], 'windowId'>; meta: CommandMeta };

export function decideArchive(command: DrawArchiveSample | RecordArchiveCheck, state: ArchiveState | undefined): ArchiveEvent[] {
  if (command.type === 'DrawArchiveSample') {
    if (state) throw new IllegalTransition(`the sample of ${state.month} is already drawn`);
    return [{ type: 'ArchiveSampleDrawn', data: command.data, meta: eventMetaOf(command.meta) }];
  }
  if (!state) throw new IllegalTransition(`no sample was drawn for ${command.data.month}`);
  const sample = state.samples.find((s) => s.caseId === command.data.caseId);
  if (!sample) throw new InvalidInput('The case is not in the month’s sample', [{ path: 'caseId', message: `case ${command.data.caseId} was not drawn for ${state.month}` }]);
  if (state.checks[command.data.caseId]) throw new IllegalTransition('this file’s check is already recorded');
  return [{ type: 'ArchiveCheckRecorded', data: { ...command.data, windowId: sample.windowId }, meta: eventMetaOf(command.meta) }];
}

/** A month's archive check (档案检查): the sample drawn once, then each sampled file's findings. */
export const archiveAggregate: Aggregate<DrawArchiveSample | RecordArchiveCheck, ArchiveEvent, ArchiveState | undefined> = {
  name: 'archive',
  streamPrefix: 'archive#',
  eventTypes: archiveEventTypes,
  initialState: () => undefined,
  evolve: evolveArchive,
  decide: (command, state) => decideArchive(command, state),
};

import { describe, expect, it } from 'vitest';
import { archiveAggregate, archiveEventTypes, type ArchiveCheckRecorded, type ArchiveSample, type DrawArchiveSample, type RecordArchiveCheck } from '../../../domain/archive/aggregate.ts';
import { fold } from '../../../domain/decider.ts';
import { IllegalTransition, InvalidInput } from '../../../domain/errors.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

type ArchiveCommand = DrawArchiveSample | RecordArchiveCheck;
const archives = specFor(archiveAggregate, undefined);

const MONTH = '2026-10';
const samples: ArchiveSample[] = [
  { windowId: 'W01', caseId: 'case-11', caseNo: '339999-20261012-00003', completedDate: '2026-10-14' },
  { windowId: 'W01', caseId: 'case-12', caseNo: '339999-20261020-00001', completedDate: '2026-10-22' },
  { windowId: 'W02', caseId: 'case-21', caseNo: '339999-20261009-00002', completedDate: '2026-10-16' },
];
const timer = { actor: { id: 'timer', role: 'system' as const }, windowId: null };
const draw = (data: Partial<DrawArchiveSample['data']> = {}): ArchiveCommand => ({ type: 'DrawArchiveSample', data: { month: MONTH, perWindow: 2, samples, ...data }, meta: meta(at('2026-11-02', '08:00'), timer) });
const record = (caseId: string, problems: ArchiveCheckRecorded['data']['problems'] = [], time = '10:00'): ArchiveCommand => ({
  type: 'RecordArchiveCheck',
  data: { month: MONTH, caseId, problems, checkedDate: '2026-11-03', checkerId: 'dir-W03' },
  meta: meta(at('2026-11-03', time), { actor: { id: 'dir-W03', role: 'director' }, windowId: null }),
});

describe('drawing a month’s archive sample (抽取档案)', () => {
  it('records the files drawn per window, and nothing checked yet', () => {
    archives
      .given([])
      .when(draw())
      .then((events, state) => {
        expect(events).toEqual([{ type: 'ArchiveSampleDrawn', data: { month: MONTH, perWindow: 2, samples }, meta: { ...timer, siteId: 'S-CENTER', at: at('2026-11-02', '08:00'), commandId: `cmd-${at('2026-11-02', '08:00')}`, correlationId: 'corr-1' } }]);
        expect(state).toEqual({ month: MONTH, perWindow: 2, samples, checks: {} });
      });
  });

  it('draws a month with no completed files as an empty sample', () => {
    archives.given([]).when(draw({ samples: [] })).then((_, state) => expect(state).toEqual({ month: MONTH, perWindow: 2, samples: [], checks: {} }));
    archives.given([draw({ samples: [] })]).when(record('case-11')).thenThrows(InvalidInput, /not in the month’s sample/);
  });

  it('is drawn once: another draw for the month is refused, even the same one sent again', () => {
    archives.given([draw()]).when(draw()).thenThrows(IllegalTransition, /the sample of 2026-10 is already drawn/);
    archives.given([draw(), record('case-11')]).when(draw({ samples: [] })).thenThrows(IllegalTransition, /already drawn/);
  });
});

describe('recording an archive check (记录档案检查)', () => {
  it('records the problems found in a sampled file against the window the file belongs to', () => {
    const problems = [
      { code: 'notice-undated' as const, note: '一次性告知书未签日期' },
      { code: 'step-unsigned' as const, note: null },
    ];
    archives
      .given([draw()])
      .when(record('case-21', problems))
      .then((events, state) => {
        expect(events).toMatchObject([
          {
            type: 'ArchiveCheckRecorded',
            data: { month: MONTH, caseId: 'case-21', windowId: 'W02', problems, checkedDate: '2026-11-03', checkerId: 'dir-W03' },
            meta: { actor: { id: 'dir-W03', role: 'director' }, at: at('2026-11-03', '10:00') },
          },
        ]);
        expect(state?.checks).toEqual({ 'case-21': events[0]?.data });
        expect(state?.samples).toEqual(samples);
      });
  });

  it('records a file with no problems as checked', () => {
    archives
      .given([draw()])
      .when(record('case-11', []))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'ArchiveCheckRecorded', data: { caseId: 'case-11', windowId: 'W01', problems: [] } }]);
        expect(state?.checks['case-11']?.problems).toEqual([]);
      });
  });

  it('keeps each file’s findings apart', () => {
    archives
      .given([draw(), record('case-11', [{ code: 'materials-incomplete', note: null }])])
      .when(record('case-12', [{ code: 'decision-after-deadline', note: null }, { code: 'other', note: '卷宗顺序错乱' }], '11:00'))
      .then((_, state) => {
        expect(Object.keys(state?.checks ?? {}).sort()).toEqual(['case-11', 'case-12']);
        expect(state?.checks['case-11']).toMatchObject({ windowId: 'W01', problems: [{ code: 'materials-incomplete' }] });
        expect(state?.checks['case-12']).toMatchObject({ windowId: 'W01', problems: [{ code: 'decision-after-deadline' }, { code: 'other', note: '卷宗顺序错乱' }] });
      });
  });

  it('needs the month’s sample drawn first', () => {
    archives.given([]).when(record('case-11')).thenThrows(IllegalTransition, /no sample was drawn for 2026-10/);
  });

  it('refuses a file not in the sample, naming the field', () => {
    const error = archives.given([draw()]).when(record('case-99')).thenThrows(InvalidInput, /The case is not in the month’s sample/);
    expect(error).toHaveProperty('errors', [{ path: 'caseId', message: 'case case-99 was not drawn for 2026-10' }]);
  });

  it('is recorded once per file: the same findings sent again, or other findings, are refused', () => {
    const checked = [draw(), record('case-11', [{ code: 'step-undated', note: null }])];
    archives.given(checked).when(record('case-11', [{ code: 'step-undated', note: null }])).thenThrows(IllegalTransition, /this file’s check is already recorded/);
    archives.given(checked).when(record('case-11', [], '12:00')).thenThrows(IllegalTransition, /already recorded/);
  });
});

describe('an archive check’s stream', () => {
  it('declares every event type it produces', () => {
    const history = archives.run([draw(), record('case-11'), record('case-21')]);
    expect(history.map((e) => e.type)).toEqual(['ArchiveSampleDrawn', 'ArchiveCheckRecorded', 'ArchiveCheckRecorded']);
    expect(history.every((e) => archiveEventTypes.includes(e.type))).toBe(true);
    expect(archiveAggregate.streamPrefix).toBe('archive#');
  });

  it('cannot be replayed from a finding before the draw', () => {
    const [, finding] = archives.run([draw(), record('case-11')]);
    if (!finding) throw new Error('missing event');
    expect(() => fold(archiveAggregate, [finding])).toThrow(/ArchiveCheckRecorded before ArchiveSampleDrawn/);
  });
});

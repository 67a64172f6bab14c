import { describe, expect, it } from 'vitest';
import { archiveAggregate, type ArchiveProblemCode, type ArchiveSample, type DrawArchiveSample, type RecordArchiveCheck } from '../../../domain/archive/aggregate.ts';
import { rosterAggregate, type PublishRoster, type RecordVideoCheck, type RosterContext, type RosterEvent, type RosterState, type VideoCheckItem } from '../../../domain/roster/aggregate.ts';
import type { Deduction } from '../../../domain/scorecard/scorecard.ts';
import { at, meta, submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, callbackAttempt, caseHistory, complete, mac, rectification, review, streamHistory, transfer } from './histories.ts';

// ── Rosters (视频督查排班) ────────────────────────────────────────────────────────────

const directors = [
  { id: 'dir-1', name: '市场监管窗口主任', windowId: 'W01' },
  { id: 'dir-2', name: '自然资源窗口主任', windowId: 'W02' },
  { id: 'dir-3', name: '东镇窗口主任', windowId: 'WT-1' },
];
const rosterContext = (previous?: RosterState['carry']): RosterContext => ({ directors, windows: ['W01', 'W02', 'WT-1'], checksPerDirector: 1, hall: { opens: '08:30', closes: '17:00' }, mac, previous });
const office = { actor: { id: 'admin-1', role: 'admin' as const }, windowId: null };
const publish = (date: string, absent: string[] = []): PublishRoster => ({ type: 'PublishRoster', data: { date, absent }, meta: meta(at(date, '07:30'), office) });

const passed: Record<VideoCheckItem, boolean> = { atPost: true, punctual: true, uniformAndBadge: true, noPhone: true, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true };
function videoCheck(date: string, directorId: string, windowId: string, failed: Partial<Record<VideoCheckItem, boolean>> & { coverArranged?: boolean } = {}, options: { checkId?: string; offRoster?: boolean; time?: string } = {}): RecordVideoCheck {
  const checkedAt = at(date, options.time ?? '10:00');
  return {
    type: 'RecordVideoCheck',
    data: { checkId: options.checkId ?? `K-${directorId}-${windowId}`, windowId, checkedAt, checkedDate: date, items: { ...passed, ...failed }, note: null, evidenceRef: null, directorId, mayCheckOffRoster: options.offRoster ?? false },
    meta: meta(checkedAt, { actor: { id: directorId, role: 'director' } }),
  };
}

const rosterHistory = (date: string, commands: readonly (PublishRoster | RecordVideoCheck)[], previous?: RosterState['carry']) => streamHistory(rosterAggregate, date, commands, rosterContext(previous));
const publishedOf = (history: StreamEvent[]) => (history[0]!.event as Extract<RosterEvent, { type: 'RosterPublished' }>).data;

describe('the day’s roster (roster)', () => {
  const history = rosterHistory('2026-11-10', [publish('2026-11-10')]);
  const roster = publishedOf(history);

  it('keeps the roster as published: every director checks another window, none their own', () => {
    expect(givenEvents(history).then.docs('roster')).toEqual([{ pk: 'roster#2026-11-10', sk: 'roster', index: {}, doc: { date: '2026-11-10', entries: roster.entries, absent: [], carry: roster.carry, checks: [] } }]);
    expect(roster.entries).toHaveLength(3);
    for (const e of roster.entries) expect(e.windowId).not.toBe(e.directorWindowId);
  });

  it('shows a revision after a director is reported absent: their checks moved to others', () => {
    const revised = rosterHistory('2026-11-10', [publish('2026-11-10'), publish('2026-11-10', ['dir-1'])]);
    expect(revised.map((e) => e.event.type)).toEqual(['RosterPublished', 'RosterRevised']);
    const [doc] = givenEvents(revised).then.docs('roster');
    const state = doc?.doc as RosterState;
    expect(state.absent).toEqual(['dir-1']);
    expect(state.entries.map((e) => e.directorId)).not.toContain('dir-1');
    expect(state.entries.map((e) => e.windowId).sort()).toEqual(roster.entries.map((e) => e.windowId).sort());
  });

  it('adds each recorded check to the roster', () => {
    const entry = roster.entries[0]!;
    const checked = rosterHistory('2026-11-10', [publish('2026-11-10'), videoCheck('2026-11-10', entry.directorId, entry.windowId)]);
    const state = givenEvents(checked).then.docs('roster')[0]?.doc as RosterState;
    expect(state.checks).toMatchObject([{ directorId: entry.directorId, windowId: entry.windowId, offRoster: false, checkedDate: '2026-11-10' }]);
  });
});

describe('the rosters’ index (roster-index)', () => {
  it('lists each day’s roster with the carry the next day’s draw continues from', () => {
    const first = rosterHistory('2026-11-10', [publish('2026-11-10')]);
    const second = rosterHistory('2026-11-11', [publish('2026-11-11')], publishedOf(first).carry);
    expect(givenEvents([...second, ...first]).then.docs('roster-index')).toEqual([
      { pk: 'rosters', sk: '2026-11-10', index: {}, doc: { date: '2026-11-10', carry: publishedOf(first).carry } },
      { pk: 'rosters', sk: '2026-11-11', index: {}, doc: { date: '2026-11-11', carry: publishedOf(second).carry } },
    ]);
    // The cycle goes on where yesterday's slots ended.
    expect(publishedOf(second).carry.cycle).toEqual(publishedOf(first).carry.cycle);
  });

  it('is not rewritten by a revision or a check', () => {
    const published = rosterHistory('2026-11-10', [publish('2026-11-10')]);
    const entry = publishedOf(published).entries[0]!;
    const later = rosterHistory('2026-11-10', [publish('2026-11-10'), publish('2026-11-10', ['dir-2']), videoCheck('2026-11-10', entry.directorId, entry.windowId, {}, { offRoster: true })]);
    expect(givenEvents(later).then.docs('roster-index')).toEqual(givenEvents(published).then.docs('roster-index'));
  });
});

describe('video-check deductions (scorecard-video)', () => {
  const roster = publishedOf(rosterHistory('2026-11-10', [publish('2026-11-10')]));
  const entry = roster.entries[0]!;
  const deductions = (...checks: RecordVideoCheck[]) => givenEvents(rosterHistory('2026-11-10', [publish('2026-11-10'), ...checks])).then.docs('scorecard-video');

  it('files one deduction per failed item against the checked window, linked to the check', () => {
    expect(deductions(videoCheck('2026-11-10', entry.directorId, entry.windowId, { noPhone: false, deskTidy: false }, { checkId: 'K-1' }))).toEqual([
      { pk: 'scorecard#2026-11', sk: `${entry.windowId}#video-check#K-1#deskTidy`, index: {}, doc: { kind: 'video-check', windowId: entry.windowId, date: '2026-11-10', detail: 'deskTidy', ref: { stream: 'roster#2026-11-10', version: 2 }, at: '2026-11-10T02:00:00.000Z' } },
      { pk: 'scorecard#2026-11', sk: `${entry.windowId}#video-check#K-1#noPhone`, index: {}, doc: { kind: 'video-check', windowId: entry.windowId, date: '2026-11-10', detail: 'noPhone', ref: { stream: 'roster#2026-11-10', version: 2 }, at: '2026-11-10T02:00:00.000Z' } },
    ]);
  });

  it('files nothing for a check passed on every item', () => {
    expect(deductions(videoCheck('2026-11-10', entry.directorId, entry.windowId))).toEqual([]);
  });

  it('does not count a clerk away from the post when cover was arranged, and does otherwise', () => {
    expect(deductions(videoCheck('2026-11-10', entry.directorId, entry.windowId, { atPost: false, coverArranged: true }))).toEqual([]);
    expect(deductions(videoCheck('2026-11-10', entry.directorId, entry.windowId, { atPost: false })).map((d) => (d.doc as Deduction).detail)).toEqual(['atPost']);
  });

  it('counts an administrator’s check off the roster like any other', () => {
    const docs = deductions(videoCheck('2026-11-10', 'admin-1', 'W01', { ratingDeviceInUse: false }, { checkId: 'K-admin', offRoster: true }));
    expect(docs.map((d) => [d.pk, d.sk])).toEqual([['scorecard#2026-11', 'W01#video-check#K-admin#ratingDeviceInUse']]);
  });
});

// ── Archive checks (档案检查) ──────────────────────────────────────────────────────────

const samples: ArchiveSample[] = [
  { windowId: 'W01', caseId: 'case-a', caseNo: '339999-20261012-00001', completedDate: '2026-10-12' },
  { windowId: 'W02', caseId: 'case-b', caseNo: '339999-20261013-00002', completedDate: '2026-10-13' },
];
const admin = { actor: { id: 'checker-1', role: 'admin' as const }, windowId: null };
const draw: DrawArchiveSample = { type: 'DrawArchiveSample', data: { month: '2026-10', perWindow: 1, samples }, meta: meta(at('2026-11-02', '08:00'), admin) };
const archiveCheck = (caseId: string, problems: ArchiveProblemCode[], checkedDate = '2026-11-03'): RecordArchiveCheck => ({
  type: 'RecordArchiveCheck',
  data: { month: '2026-10', caseId, problems: problems.map((code) => ({ code, note: null })), checkedDate, checkerId: 'checker-1' },
  meta: meta(at(checkedDate, '10:00'), admin),
});
const archiveHistory = (commands: readonly (DrawArchiveSample | RecordArchiveCheck)[]) => streamHistory(archiveAggregate, '2026-10', commands, undefined);

describe('the month’s archive check (archive-check)', () => {
  it('keeps the sample as drawn, then each file’s findings with the window it belongs to', () => {
    expect(givenEvents(archiveHistory([draw])).then.docs('archive-check')).toEqual([{ pk: 'archive#2026-10', sk: 'archive', index: {}, doc: { month: '2026-10', perWindow: 1, samples, checks: {} } }]);
    const checked = givenEvents(archiveHistory([draw, archiveCheck('case-b', ['notice-undated'])])).then.docs('archive-check');
    expect(checked).toMatchObject([{ pk: 'archive#2026-10', doc: { checks: { 'case-b': { windowId: 'W02', problems: [{ code: 'notice-undated', note: null }], checkedDate: '2026-11-03' } } } }]);
  });
});

describe('archive-problem deductions (scorecard-archive)', () => {
  it('files one deduction per problem against the file’s window, in the month of the check', () => {
    const docs = givenEvents(archiveHistory([draw, archiveCheck('case-a', ['notice-undated', 'step-unsigned'])])).then.docs('scorecard-archive');
    expect(docs).toEqual([
      { pk: 'scorecard#2026-11', sk: 'W01#archive-problem#case-a#0', index: {}, doc: { kind: 'archive-problem', windowId: 'W01', date: '2026-11-03', detail: 'notice-undated', ref: { stream: 'archive#2026-10', version: 2 }, staffIds: [] } },
      { pk: 'scorecard#2026-11', sk: 'W01#archive-problem#case-a#1', index: {}, doc: { kind: 'archive-problem', windowId: 'W01', date: '2026-11-03', detail: 'step-unsigned', ref: { stream: 'archive#2026-10', version: 2 }, staffIds: [] } },
    ]);
  });

  it('files nothing for a file without problems, and nothing for the draw', () => {
    expect(givenEvents(archiveHistory([draw, archiveCheck('case-a', [])])).then.docs('scorecard-archive')).toEqual([]);
  });
});

// ── Case deductions: bad reviews and late completions ────────────────────────────────────

const caseDeductions = (history: readonly StreamEvent[]) => givenEvents(history).then.docs('scorecard-case');
const badReview = [submitted(), accept('2026-11-02'), review('2026-11-02', 'dissatisfied', 'R-1')];
const appeal = rectification('AppealRectification', { reason: '评价人误操作' }, '2026-11-03');

describe('case deductions (scorecard-case)', () => {
  it('files a bad review (差评) against the window the case was at, linked to the review', () => {
    expect(caseDeductions(caseHistory('case-1', badReview))).toEqual([
      { pk: 'scorecard#2026-11', sk: 'W02#bad-review#R-1', index: {}, doc: { kind: 'bad-review', windowId: 'W02', date: '2026-11-02', detail: 'dissatisfied', ref: { stream: 'case#case-1', version: 3 }, staffIds: ['clerk-1'], siteId: 'S-CENTER' } },
    ]);
  });

  it('takes the deduction back when the review is voided on re-check, and keeps it when upheld', () => {
    expect(caseDeductions(caseHistory('case-1', [...badReview, appeal, rectification('RecheckRectification', { result: 'voided' }, '2026-11-04')]))).toEqual([]);
    expect(caseDeductions(caseHistory('case-1', [...badReview, appeal, rectification('RecheckRectification', { result: 'upheld' }, '2026-11-04')])).map((d) => d.sk)).toEqual(['W02#bad-review#R-1']);
  });

  it('takes it back from the window that was charged, even after the case moved on (转办)', () => {
    const moved = caseHistory('case-1', [...badReview, transfer('2026-11-03', 'W01'), appeal, rectification('RecheckRectification', { result: 'voided' }, '2026-11-04')]);
    expect(caseDeductions(moved)).toEqual([]);
    // Not voided, it stays with the window of the review, not the new one.
    expect(caseDeductions(caseHistory('case-1', [...badReview, transfer('2026-11-03', 'W01')])).map((d) => d.sk)).toEqual(['W02#bad-review#R-1']);
  });

  it('files a late completion with the deadline missed, and nothing for one on time', () => {
    expect(caseDeductions(caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-11')]))).toEqual([
      { pk: 'scorecard#2026-11', sk: 'W02#late-completion#case-1', index: {}, doc: { kind: 'late-completion', windowId: 'W02', date: '2026-11-11', detail: '2026-11-10', ref: { stream: 'case#case-1', version: 3 }, staffIds: ['clerk-1'], siteId: 'S-CENTER' } },
    ]);
    expect(caseDeductions(caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-10')]))).toEqual([]);
  });

  it('files nothing for good reviews, and a bad review given on a callback like any other', () => {
    expect(caseDeductions(caseHistory('case-1', [submitted(), accept('2026-11-02'), review('2026-11-02', 'basically-satisfied', 'R-1')]))).toEqual([]);
    const onCall = caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-04'), callbackAttempt('2026-11-05', 'A-1', 'reached', 'very-dissatisfied')]);
    expect(caseDeductions(onCall)).toMatchObject([{ sk: 'W02#bad-review#CB-A-1', doc: { detail: 'very-dissatisfied', date: '2026-11-05', ref: { version: 5 } } }]);
  });

  it('files each deduction under the month it arose in', () => {
    const history = caseHistory('case-1', [submitted({ date: '2026-11-30' }), accept('2026-11-30'), review('2026-11-30', 'dissatisfied', 'R-1'), review('2026-12-01', 'dissatisfied', 'R-2')]);
    expect(caseDeductions(history).map((d) => [d.pk, d.sk])).toEqual([
      ['scorecard#2026-11', 'W02#bad-review#R-1'],
      ['scorecard#2026-12', 'W02#bad-review#R-2'],
    ]);
  });
});

describe('a month’s scorecard partition', () => {
  it('gathers the video, archive and case deductions of a window side by side', () => {
    const roster = rosterHistory('2026-11-10', [publish('2026-11-10'), videoCheck('2026-11-10', 'admin-1', 'W02', { noChatting: false }, { checkId: 'K-9', offRoster: true })]);
    const archive = archiveHistory([draw, archiveCheck('case-b', ['other'], '2026-11-12')]);
    const cases = caseHistory('case-1', badReview);
    const then = givenEvents([...roster, ...archive, ...cases]).then;
    const w02 = ['scorecard-video', 'scorecard-archive', 'scorecard-case'].flatMap((name) => then.docs(name)).filter((d) => d.pk === 'scorecard#2026-11' && d.sk.startsWith('W02#'));
    expect(w02.map((d) => d.sk).sort()).toEqual(['W02#archive-problem#case-b#0', 'W02#bad-review#R-1', 'W02#video-check#K-9#noChatting']);
  });
});

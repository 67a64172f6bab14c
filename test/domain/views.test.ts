import { describe, expect, it } from 'vitest';
import { rankQueue } from '../../domain/projections/urgency.ts';
import type { QueueEntry } from '../../domain/projections/window-queue.ts';
import { dailySeries, summarize, type StatsRow } from '../../domain/stats/summary.ts';
import { testCalendar, testIndex } from '../support/builders.ts';

const calendar = testCalendar();

function entry(caseId: string, overrides: Partial<QueueEntry> = {}): QueueEntry {
  return {
    caseId,
    caseNo: `339999-20261102-0000${caseId.slice(-1)}`,
    windowId: 'W02',
    status: 'accepted',
    item: { code: 'COM-6', name: '建设工程规划许可', type: 'commitment', committedDays: 6 },
    channel: 'window',
    siteId: 'S-CENTER',
    receivedSiteId: 'S-CENTER',
    submittedAt: '2026-11-02T01:00:00.000Z',
    acceptedDate: '2026-11-02',
    suspendedWorkingDays: 0,
    suspendedSince: null,
    deadline: null,
    missing: null,
    ...overrides,
  };
}

describe('window queue urgency', () => {
  // Accepted 2026-11-02 with 6 working days: due 2026-11-10.
  const at = (today: string, e = entry('c1')) => rankQueue([e], calendar, today).entries[0]!;

  it('is normal well ahead, due soon within two working days, due today, then overdue', () => {
    expect(at('2026-11-05')).toMatchObject({ deadline: '2026-11-10', urgency: 'normal' });
    expect(at('2026-11-06').urgency).toBe('due-soon'); // Fri: Mon and Tue left
    expect(at('2026-11-09').urgency).toBe('due-soon');
    expect(at('2026-11-10').urgency).toBe('due-today');
    expect(at('2026-11-11').urgency).toBe('overdue');
  });

  it('stops the clock while suspended, showing the deadline as if resumed today', () => {
    const suspended = entry('c2', { status: 'suspended', suspendedSince: '2026-11-04' });
    expect(at('2026-11-20', suspended)).toMatchObject({ clockStopped: true, urgency: 'normal', deadline: '2026-11-26' });
  });

  it('sorts the most urgent first and counts each kind', () => {
    const { entries, counts, total } = rankQueue(
      [entry('c1', { item: { code: 'COM-6', name: 'x', type: 'commitment', committedDays: 20 } }), entry('c2'), entry('c3', { acceptedDate: null, status: 'submitted' }), entry('c4', { acceptedDate: '2026-10-09' })],
      calendar,
      '2026-11-10',
    );
    expect(entries.map((e) => [e.caseId, e.urgency])).toEqual([
      ['c4', 'overdue'],
      ['c2', 'due-today'],
      ['c1', 'normal'],
      ['c3', 'normal'],
    ]);
    expect(counts).toEqual({ overdue: 1, 'due-today': 1, 'due-soon': 0, normal: 2 });
    expect(total).toBe(4);
  });
});

describe('the center’s summary', () => {
  const row = (date: string, windowId: string, siteId: string, channel: StatsRow['channel'], counters: Record<string, number>): StatsRow => ({ date, windowId, siteId, channel, counters });
  const rows = [
    row('2026-11-02', 'W01', 'S-CENTER', 'window', { submitted: 3, accepted: 3, completed: 2, onTime: 2, commitmentCompleted: 1, early: 1 }),
    row('2026-11-02', 'W02', 'S-T1-V1', 'village', { submitted: 2, accepted: 1, rejected: 1 }),
    row('2026-11-03', 'W02', 'S-T1', 'township', { submitted: 1, accepted: 1, completed: 2, onTime: 1, late: 1, commitmentCompleted: 2, early: 0 }),
    row('2026-11-04', 'W02', 'S-CENTER', 'online', { submitted: 4, accepted: 4 }),
    row('2026-11-09', 'W01', 'S-CENTER', 'window', { submitted: 9, accepted: 9, completed: 9, onTime: 9 }),
  ];

  it('adds up the period, with rates over the right denominators', () => {
    const s = summarize(rows, testIndex, calendar, '2026-11-02', '2026-11-08');
    expect(s).toMatchObject({ workingDays: 5, submitted: 10, accepted: 9, rejected: 1, completed: 4, onTime: 3, late: 1, grassroots: 3, online: 4 });
    expect(s.completedPerWorkingDay).toBeCloseTo(4 / 5);
    expect(s.onTimeRate).toBeCloseTo(3 / 4);
    expect(s.earlyRate).toBeCloseTo(1 / 3);
    expect(s.byChannel).toEqual({ window: 3, online: 4, township: 1, village: 2, agent: 0 });
    // By the level of the site that took them: the center 7 (at its windows and online), the township 1, its village 2.
    expect(s.bySiteLevel).toEqual({ county: 7, township: 1, village: 2 });
    expect(s.windows.find((w) => w.windowId === 'W02')).toMatchObject({ submitted: 7, completed: 2, onTime: 1, late: 1, onTimeRate: 0.5 });
    expect(s.departments.find((d) => d.departmentId === 'D-NR')).toMatchObject({ submitted: 7 });
  });

  it('filters by window, department, and a site with the sites under it', () => {
    expect(summarize(rows, testIndex, calendar, '2026-11-02', '2026-11-30', { windowId: 'W01' }).submitted).toBe(12);
    expect(summarize(rows, testIndex, calendar, '2026-11-02', '2026-11-30', { departmentId: 'D-MR' }).submitted).toBe(12);
    expect(summarize(rows, testIndex, calendar, '2026-11-02', '2026-11-30', { siteId: 'S-T1' }).submitted).toBe(3);
    expect(summarize(rows, testIndex, calendar, '2026-11-02', '2026-11-30', { siteId: 'S-T1-V1' }).submitted).toBe(2);
  });

  it('has no rate where nothing was completed', () => {
    const s = summarize([], testIndex, calendar, '2026-10-01', '2026-10-07');
    expect(s).toMatchObject({ workingDays: 0, completedPerWorkingDay: null, onTimeRate: null, earlyRate: null });
  });

  it('gives one line per day, working or not', () => {
    const series = dailySeries(rows, testIndex, calendar, '2026-11-01', '2026-11-03');
    expect(series.map((d) => [d.date, d.workingDay, d.submitted])).toEqual([
      ['2026-11-01', false, 0],
      ['2026-11-02', true, 5],
      ['2026-11-03', true, 1],
    ]);
  });
});

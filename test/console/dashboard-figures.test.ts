import { describe, expect, it } from 'vitest';
import { cardChange, cardFigures, shownPrevious, shownValue } from '../../console/src/pages/dashboard/cards.ts';
import type { Figures, Queue, Satisfaction, Summary } from '../../console/src/pages/dashboard/data.ts';
import { windowsInScope } from '../../console/src/pages/dashboard/data.ts';
import { reportSentence } from '../../console/src/pages/dashboard/report.ts';
import { departmentCsv, departmentCsvHeader, departmentLines, departmentNames, windowCsv, windowCsvHeader, windowLines } from '../../console/src/pages/dashboard/tables.ts';

/** Fixed figures of a period, as the stats routes answer them; each test overrides what it is about. */
const figures0 = { submitted: 0, accepted: 0, rejected: 0, materialsRequested: 0, completed: 0, onTime: 0, early: 0, late: 0, commitmentCompleted: 0, onTimeRate: null, earlyRate: null };

function summary(over: Partial<Summary> = {}): Summary {
  return {
    from: '2026-12-01',
    to: '2026-12-17',
    filter: {},
    workingDays: 13,
    ...figures0,
    completedPerWorkingDay: 0,
    grassroots: 0,
    online: 0,
    byChannel: { window: 0, online: 0, township: 0, village: 0, agent: 0 },
    bySiteLevel: { county: 0, township: 0, village: 0 },
    windows: [],
    departments: [],
    queue: { issued: 0, called: 0, served: 0, noShows: 0, transfers: 0, averageWaitMinutes: null, p90WaitMinutes: null, averageServiceMinutes: null, p90ServiceMinutes: null },
    satisfaction: { reviews: 0, badReviews: 0, satisfactionRate: null, callbackAttempts: 0, validCallbacks: 0, smsReviews: 0 },
    ...over,
  };
}

function satisfaction(over: Partial<Satisfaction> = {}): Satisfaction {
  return {
    from: '2026-12-01',
    to: '2026-12-17',
    reviews: 0,
    badReviews: 0,
    satisfactionRate: null,
    averageScore: null,
    byLevel: {},
    callbackAttempts: 0,
    validCallbacks: 0,
    smsReviews: 0,
    smsUnparsed: 0,
    monthly: [],
    rectifications: { open: 0, overdue: 0, closed: 0 },
    windows: [],
    ...over,
  };
}

function queue(over: Partial<Queue> = {}): Queue {
  return { from: '2026-12-01', to: '2026-12-17', issued: 0, called: 0, served: 0, noShows: 0, transfers: 0, averageWaitMinutes: null, p90WaitMinutes: null, averageServiceMinutes: null, p90ServiceMinutes: null, byCategory: [], byWindow: [], byDay: [], ...over };
}

function figures(over: Partial<Figures> = {}): Figures {
  return { summary: summary(), previousSummary: summary(), satisfaction: satisfaction(), previousSatisfaction: satisfaction(), queue: queue(), previousQueue: queue(), daily: [], monthly: [], scorecards: { data: { month: '2026-12', windows: [] } }, ...over };
}

const window = (windowId: string, name: string, departmentId: string, over: Partial<Summary['windows'][number]> = {}): Summary['windows'][number] => ({ windowId, name, departmentId, ...figures0, ...over });

/** A period with figures in every card, and a previous period to compare with. */
const december = figures({
  summary: summary({ accepted: 1200, completed: 1100, completedPerWorkingDay: 1100 / 13, onTimeRate: 1, earlyRate: 0.9612, grassroots: 640, online: 52 }),
  previousSummary: summary({ accepted: 1000, completed: 1100, completedPerWorkingDay: 1100 / 13, onTimeRate: 0.995, earlyRate: null, grassroots: 700, online: 0 }),
  satisfaction: satisfaction({ satisfactionRate: 0.978, callbackAttempts: 150, validCallbacks: 98, badReviews: 3, reviews: 136, smsReviews: 120, rectifications: { open: 2, overdue: 1, closed: 4 } }),
  previousSatisfaction: satisfaction({ satisfactionRate: 0.981, callbackAttempts: 140, validCallbacks: 90, badReviews: 5 }),
  queue: queue({ issued: 800, averageWaitMinutes: 7.26, p90WaitMinutes: 18 }),
  previousQueue: queue({ issued: 760, averageWaitMinutes: 8 }),
});

describe('the cards', () => {
  const byKey = (f: Figures, scope: 'all' | 'window' | 'department' | 'site' = 'all') => new Map(cardFigures(f, scope).map((c) => [c.key, c]));

  it('show the annual report’s figures in its order, each beside the previous period’s', () => {
    const cards = cardFigures(december);
    expect(cards.map((c) => c.title)).toEqual(['受理', '办结', '日均办结', '按时办结率', '提前办结率', '满意率', '基层站点收件', '网上申报', '电话回访（拨打 / 有效）', '差评', '取号', '平均等候']);
    const c = byKey(december);
    expect(shownValue(c.get('accepted')!)).toBe('1,200');
    expect(shownPrevious(c.get('accepted')!)).toBe('1,000');
    expect(shownValue(c.get('completedPerWorkingDay')!)).toBe('84.6');
    expect(shownValue(c.get('onTimeRate')!)).toBe('100.0%');
    expect(shownValue(c.get('earlyRate')!)).toBe('96.1%');
    expect(shownPrevious(c.get('earlyRate')!)).toBe('—');
    expect(shownValue(c.get('satisfactionRate')!)).toBe('97.8%');
    expect(shownValue(c.get('callbacks')!)).toBe('150 / 98');
    expect(shownPrevious(c.get('callbacks')!)).toBe('140 / 90');
    expect(shownValue(c.get('averageWait')!)).toBe('7.3');
    expect(c.get('averageWait')!.note).toBe('90% 的人等候不超过 18.0 分钟');
    expect(c.get('badReviews')!.note).toBe('整改：在办 2 · 超期 1 · 本期办结 4');
  });

  it('say which way each figure moved, and whether that is good news', () => {
    const c = byKey(december);
    expect(cardChange(c.get('accepted')!)).toEqual({ direction: 'up', text: '↑ 20.0%', good: true });
    expect(cardChange(c.get('completed')!)).toEqual({ direction: 'same', text: '持平', good: undefined });
    expect(cardChange(c.get('onTimeRate')!)).toEqual({ direction: 'up', text: '↑ 0.5 个百分点', good: true });
    expect(cardChange(c.get('satisfactionRate')!)).toEqual({ direction: 'down', text: '↓ 0.3 个百分点', good: false });
    expect(cardChange(c.get('earlyRate')!)).toEqual({ direction: 'none', text: '—', good: undefined });
    // Fewer bad reviews and a shorter wait are the good direction.
    expect(cardChange(c.get('badReviews')!)).toEqual({ direction: 'down', text: '↓ 40.0%', good: true });
    expect(cardChange(c.get('averageWait')!)).toEqual({ direction: 'down', text: '↓ 9.3%', good: true });
    // From nothing: the difference itself.
    expect(cardChange(c.get('online')!)).toEqual({ direction: 'up', text: '↑ 52', good: true });
  });

  it('say when the queue’s figures are the whole center’s (a department or site filter), and count a window’s served tickets', () => {
    expect(byKey(december, 'department').get('queueIssued')!.title).toBe('取号（全中心）');
    expect(byKey(december, 'site').get('averageWait')!.title).toBe('平均等候（全中心）');
    expect(byKey(december).get('queueIssued')!.title).toBe('取号');
    const served = byKey(figures({ ...december, queue: queue({ issued: 0, served: 31 }), previousQueue: queue({ served: 25 }) }), 'window');
    expect(served.has('queueIssued')).toBe(false);
    expect(shownValue(served.get('queueServed')!)).toBe('31');
    expect(cardChange(served.get('queueServed')!).text).toBe('↑ 24.0%');
  });
});

describe('the tables', () => {
  const f = figures({
    summary: summary({
      accepted: 12,
      completed: 10,
      onTime: 9,
      onTimeRate: 0.9,
      windows: [
        window('W01', '自然资源和规划窗口', 'D-NR', { accepted: 7, completed: 6, onTime: 6, onTimeRate: 1 }),
        window('W02', '市场监管窗口', 'D-MR', { accepted: 5, completed: 4, onTime: 3, onTimeRate: 0.75 }),
        window('W03', '不动产登记窗口', 'D-REG'),
        window('W04', '税务窗口', 'D-TAX'),
      ],
      departments: [{ ...window('', '', '', { accepted: 7 }), departmentId: 'D-NR', name: '三门县自然资源和规划局' }],
    }),
    satisfaction: satisfaction({
      reviews: 5,
      badReviews: 1,
      satisfactionRate: 0.8,
      windows: [
        { windowId: 'W02', name: '市场监管窗口', reviews: 4, badReviews: 1, satisfactionRate: 0.75 },
        { windowId: 'W04', name: '税务窗口', reviews: 1, badReviews: 0, satisfactionRate: 1 },
      ],
    }),
  });

  it('join each window’s cases with its reviews, and list the windows with either', () => {
    const lines = windowLines(f, (id) => departmentNames(f).get(id) ?? id);
    expect(lines.map((l) => [l.windowId, l.department, l.accepted, l.reviews, l.satisfactionRate])).toEqual([
      ['W01', '三门县自然资源和规划局', 7, 0, null],
      ['W02', 'D-MR', 5, 4, 0.75],
      ['W04', 'D-TAX', 0, 1, 1],
    ]);
  });

  it('export the windows to Excel with a header, a line each and the total last', () => {
    const csv = windowCsv(windowLines(f, (id) => id).slice(0, 2), f);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(windowCsvHeader.join(','));
    expect(lines[1]).toBe('W01,自然资源和规划窗口,D-NR,0,7,0,6,6,0,0,100.0%,,0,0,');
    expect(lines[2]).toBe('W02,市场监管窗口,D-MR,0,5,0,4,3,0,0,75.0%,,4,1,75.0%');
    expect(lines[3]).toBe(',合计,,0,12,0,10,9,0,0,90.0%,,5,1,80.0%');
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('export the departments the same way', () => {
    const csv = departmentCsv(departmentLines(f), f);
    expect(csv.slice(1).split('\r\n').slice(0, 3)).toEqual([departmentCsvHeader.join(','), 'D-NR,三门县自然资源和规划局,0,7,0,0,0,0,0,,', ',合计,0,12,0,10,9,0,0,90.0%,']);
  });
});

describe('the printed report', () => {
  it('opens with the period’s figures in the annual report’s words', () => {
    expect(reportSentence('2026年12月1日至17日', '全中心', december)).toBe(
      '2026年12月1日至17日，全中心共受理办件 1,200 件，办结 1,100 件，日均办结 84.6 件，按时办结率 100.0%，提前办结率 96.1%；基层站点收件 640 件，网上申报 52 件。' +
        '开展电话回访 150 次（有效回访 98 次），收到短信评价 120 条，共 136 条评价，满意率 97.8%；差评 3 件，整改在办 2 件（其中超期 1 件），本期整改办结 4 件。大厅取号 800 人次，平均等候 7.3 分钟。',
    );
  });

  it('writes — for a rate with nothing behind it', () => {
    expect(reportSentence('2026年12月', '全中心', figures())).toContain('按时办结率 —，提前办结率 —');
  });
});

describe('the windows a scope covers (for the scorecard)', () => {
  const places = {
    departments: [
      { id: 'D-NR', name: '自然资源', windows: [{ id: 'W01', name: 'a', siteId: 'S-CENTER' }] },
      { id: 'D-MR', name: '市场监管', windows: [{ id: 'W02', name: 'b', siteId: 'S-CENTER' }, { id: 'W30', name: 'c', siteId: 'V-1' }] },
    ],
    windows: [
      { id: 'W01', name: 'a', departmentId: 'D-NR', siteId: 'S-CENTER' },
      { id: 'W02', name: 'b', departmentId: 'D-MR', siteId: 'S-CENTER' },
      { id: 'W30', name: 'c', departmentId: 'D-MR', siteId: 'V-1' },
    ],
    sites: [
      { id: 'S-CENTER', name: '中心', level: 'county' as const, parentId: null },
      { id: 'S-HY', name: '海游街道', level: 'township' as const, parentId: 'S-CENTER' },
      { id: 'V-1', name: '某村', level: 'village' as const, parentId: 'S-HY' },
    ],
    categories: [],
  };

  it('is every window for the whole center, the department’s windows, or the windows at a site and the sites under it', () => {
    expect(windowsInScope({ kind: 'all' }, places)).toBeUndefined();
    expect([...windowsInScope({ kind: 'department', id: 'D-MR' }, places)!]).toEqual(['W02', 'W30']);
    expect([...windowsInScope({ kind: 'site', id: 'S-HY' }, places)!]).toEqual(['W30']);
    expect([...windowsInScope({ kind: 'site', id: 'S-CENTER' }, places)!]).toEqual(['W01', 'W02', 'W30']);
    expect([...windowsInScope({ kind: 'window', id: 'W02' }, places)!]).toEqual(['W02']);
  });
});

import { describe, expect, it } from 'vitest';
import { countyInstant, fileable, fileBody, followUpBody, itemDetail, mayWork, timeline, weekdaysOnly, type Filing, type Project, type ProjectStep } from '../../console/src/pages/agent/model.ts';

const step = (stepId: string, over: Partial<ProjectStep> = {}): ProjectStep => ({
  stepId,
  itemCode: `ITEM-${stepId}`,
  itemName: `事项 ${stepId}`,
  committedDays: 5,
  after: [],
  targetDate: null,
  state: 'waiting',
  stalled: null,
  readySince: null,
  case: null,
  filings: 0,
  planned: { start: '2026-12-02', finish: '2026-12-09' },
  actual: { start: null, finish: null },
  expectedFinish: '2026-12-09',
  critical: false,
  blocking: false,
  targetAtRisk: false,
  ...over,
});

const project = (steps: ProjectStep[], over: Partial<Project> = {}): Project => ({
  projectId: '01KCPROJECT0000000000000000',
  projectNo: 'DB331022-2026-0001',
  name: '年产十万套智能家居项目',
  enterprise: { name: '三门县海润智能家居有限公司', creditCode: '91331022MA2K0XXXX0' },
  investment: 12000,
  siteId: 'S-HY',
  siteName: '海游街道',
  agentId: 'agent-s-hy',
  status: 'open',
  registeredDate: '2026-12-01',
  closedDate: null,
  planVersion: 1,
  steps,
  expectedFinish: '2026-12-31',
  criticalPath: [],
  blockingStepId: null,
  filings: [],
  followUps: [],
  version: 3,
  ...over,
});

const filing = (stepId: string, caseNo: string, filedDate: string, closedDate: string | null, outcome: Filing['outcome']): Filing => ({
  stepId,
  caseId: `C-${caseNo}`,
  caseNo,
  itemCode: `ITEM-${stepId}`,
  filedAt: `${filedDate}T01:00:00.000Z`,
  filedDate,
  outcome,
  reason: null,
  closedAt: closedDate ? `${closedDate}T08:00:00.000Z` : null,
  closedDate,
  onTime: outcome === null ? null : true,
});

describe('the plan timeline', () => {
  // Tue 12-01 … : S1 done; S2 and S3 side by side (S2 filed, S3 denied once and not filed again); S4 waiting on both.
  const steps = [
    step('S1', { state: 'done', planned: { start: '2026-12-01', finish: '2026-12-01' }, actual: { start: '2026-12-01', finish: '2026-12-01' }, expectedFinish: '2026-12-01', critical: true }),
    step('S2', { state: 'filed', after: ['S1'], planned: { start: '2026-12-01', finish: '2026-12-08' }, actual: { start: '2026-12-03', finish: null }, expectedFinish: '2026-12-10', critical: true, blocking: true }),
    step('S3', { state: 'denied', after: ['S1'], committedDays: 2, planned: { start: '2026-12-01', finish: '2026-12-03' }, actual: { start: '2026-12-01', finish: null }, expectedFinish: '2026-12-08' }),
    step('S4', { after: ['S2', 'S3'], committedDays: 3, planned: { start: '2026-12-08', finish: '2026-12-11' }, expectedFinish: '2026-12-15', targetDate: '2026-12-14', targetAtRisk: true, critical: true }),
  ];
  const filings = [filing('S1', 'N1', '2026-12-01', '2026-12-01', 'approved'), filing('S3', 'N3', '2026-12-01', '2026-12-02', 'rejected'), filing('S2', 'N2', '2026-12-03', null, null)];
  const chart = timeline(project(steps, { filings }), '2026-12-04', weekdaysOnly);

  it('has one column per working day, weekends left out, one beyond the last date', () => {
    expect(chart.days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14', '2026-12-15', '2026-12-16']);
    expect(chart.today).toBe(3);
    expect(chart.todayWorking).toBe(true);
  });

  it('draws the planned span inclusive of its finish', () => {
    expect(chart.rows.map((r) => r.planned)).toEqual([
      { from: 0, to: 1 },
      { from: 0, to: 6 },
      { from: 0, to: 3 },
      { from: 5, to: 9 },
    ]);
  });

  it('draws each case from its filing to its outcome, or to today while it is open', () => {
    expect(chart.rows.map((r) => r.cases.map((c) => [c.caseNo, c.span, c.outcome]))).toEqual([
      [['N1', { from: 0, to: 1 }, 'approved']],
      [['N2', { from: 2, to: 4 }, null]],
      [['N3', { from: 0, to: 2 }, 'rejected']],
      [],
    ]);
  });

  it('expects the rest: after today for an open case, from today for a step to file again, after its prerequisites for a waiting one; nothing once done', () => {
    expect(chart.rows.map((r) => r.expected)).toEqual([null, { from: 4, to: 8 }, { from: 3, to: 6 }, { from: 7, to: 11 }]);
    expect(chart.rows[3]?.target).toBe(9);
  });

  it('labels the first working day of each week', () => {
    expect(chart.ticks).toEqual([
      { column: 0, label: '12/1' },
      { column: 4, label: '12/7' },
      { column: 9, label: '12/14' },
    ]);
    expect(chart.months).toEqual([{ column: 0, span: 12, label: '2026年12月' }]);
  });

  it('on a weekend puts today at the next working day, as a line rather than a column', () => {
    const weekend = timeline(project(steps, { filings }), '2026-12-05', weekdaysOnly);
    expect(weekend.today).toBe(4);
    expect(weekend.todayWorking).toBe(false);
    // The open case has run through Friday.
    expect(weekend.rows[1]?.cases[0]?.span).toEqual({ from: 2, to: 4 });
  });

  it('follows the county calendar: a holiday has no column', () => {
    expect(timeline(project(steps, { filings }), '2026-12-04', (d) => weekdaysOnly(d) && d !== '2026-12-08').days).not.toContain('2026-12-08');
  });

  it('ends a closed project where it closed, with nothing expected', () => {
    const closed = timeline(project(steps, { filings, status: 'closed', closedDate: '2026-12-04' }), '2026-12-20', weekdaysOnly);
    expect(closed.rows.every((r) => r.expected === null)).toBe(true);
    expect(closed.rows[1]?.cases[0]?.span).toEqual({ from: 2, to: 4 });
    expect(closed.today).toBe(3);
    expect(closed.closed).toBe(true);
  });

  it('has nothing to draw before a plan', () => {
    expect(timeline(project([]), '2026-12-04', weekdaysOnly).rows).toEqual([]);
  });
});

describe('what the agent may do', () => {
  it('files a ready or denied step, not one waiting, filed or done, nor one whose case is still open', () => {
    const p = project([]);
    expect(fileable(p, { stepId: 'S1', state: 'ready' })).toBe(true);
    expect(fileable(p, { stepId: 'S1', state: 'denied' })).toBe(true);
    expect(fileable(p, { stepId: 'S1', state: 'waiting' })).toBe(false);
    expect(fileable(p, { stepId: 'S1', state: 'filed' })).toBe(false);
    expect(fileable(p, { stepId: 'S1', state: 'done' })).toBe(false);
    const open = project([], { filings: [filing('S1', 'N1', '2026-12-02', null, null)] });
    expect(fileable(open, { stepId: 'S1', state: 'stalled' })).toBe(false);
    expect(fileable(project([], { status: 'closed' }), { stepId: 'S1', state: 'ready' })).toBe(false);
  });

  it('works on an open project as an agent of its site or an administrator; a director and other sites’ agents look on', () => {
    const p = project([]);
    expect(mayWork({ roles: ['agent'], siteId: 'S-HY' }, p)).toBe(true);
    expect(mayWork({ roles: ['agent'], siteId: 'S-JT' }, p)).toBe(false);
    expect(mayWork({ roles: ['agent'] }, p)).toBe(false);
    expect(mayWork({ roles: ['director'] }, p)).toBe(false);
    expect(mayWork({ roles: ['admin'] }, p)).toBe(true);
    expect(mayWork({ roles: ['agent'], siteId: 'S-HY' }, { ...p, status: 'closed' })).toBe(false);
  });
});

describe('request bodies', () => {
  it('sends a follow-up at the county time given, the note trimmed and blank or repeated blockers dropped', () => {
    expect(followUpBody({ at: '2026-12-02T10:30', note: '  走访企业  ', blockers: ['土地指标', ' ', '土地指标 ', '环评'] }, 'Asia/Shanghai')).toEqual({ at: '2026-12-02T10:30:00+08:00', note: '走访企业', blockers: ['土地指标', '环评'] });
    expect(followUpBody({ at: '2026-12-02T10:30', note: '电话', blockers: [] }, 'Asia/Shanghai')).toEqual({ at: '2026-12-02T10:30:00+08:00', note: '电话' });
  });

  it('gives a county wall-clock time the county’s offset, whatever the browser’s', () => {
    expect(countyInstant('2026-07-01T08:00', 'Asia/Shanghai')).toBe('2026-07-01T08:00:00+08:00');
    expect(countyInstant('2026-07-01T08:00', 'Europe/Berlin')).toBe('2026-07-01T08:00:00+02:00');
  });

  it('files a step as the enterprise, through the agent channel, with no materials listed', () => {
    expect(fileBody(project([]), { stepId: 'S2', itemCode: '331022-ZRZY-002' }, ' 13812341234 ')).toEqual({
      itemCode: '331022-ZRZY-002',
      channel: 'agent',
      projectId: '01KCPROJECT0000000000000000',
      stepId: 'S2',
      applicant: { name: '三门县海润智能家居有限公司', organization: '三门县海润智能家居有限公司', phone: '13812341234' },
      materials: [],
    });
  });

  it('says a worklist item in Chinese from the facts the API gives', () => {
    const date = (d: string) => `D${d}`;
    const base = { due: null, readySince: null, expectedFinish: '2026-12-16', case: null };
    const refused = (outcome: 'denied' | 'rejected', reason: string | null) => ({ caseNo: '331022-20261116-00001', outcome, reason, closedDate: '2026-11-19', deadline: null });
    expect(itemDetail({ ...base, kind: 'file', readySince: '2026-12-01' }, date)).toBe('前置事项已完成，可以申报');
    expect(itemDetail({ ...base, kind: 'overdue', due: '2026-12-01' }, date)).toBe('办件已超过办结期限（D2026-12-01），请督促窗口办理');
    expect(itemDetail({ ...base, kind: 'target', due: '2026-12-20' }, date)).toBe('目标日期 D2026-12-20 临近，预计D2026-12-16完成');
    expect(itemDetail({ ...base, kind: 'target', due: '2026-12-08' }, date)).toBe('目标日期 D2026-12-08 临近，预计D2026-12-16完成（晚于目标）');
    expect(itemDetail({ ...base, kind: 'stalled', readySince: '2026-11-16' }, date)).toBe('D2026-11-16起可申报，至今未申报');
    expect(itemDetail({ ...base, kind: 'stalled', readySince: '2026-11-19', case: refused('rejected', null) }, date)).toBe('D2026-11-19不予受理，至今未重新申报');
    expect(itemDetail({ ...base, kind: 'refile', case: refused('denied', '规划条件不符') }, date)).toBe('上次申报不予许可：规划条件不符，整改后重新申报');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attendanceKinds, dayOf, dutyState, findingsSummary, leaveParts, leaveText, recordText, type AttendanceMonth } from '../../console/src/pages/assessment/attendance.ts';
import {
  byKind,
  chineseMonth,
  csvName,
  deductionKinds,
  detailText,
  inspectionBody,
  inspectionFailed,
  inspectionItems,
  minus,
  monthNote,
  monthsUpTo,
  points,
  previousMonth,
  rate,
  signed,
  siteName,
  siteOptions,
  sourceOf,
  tierColours,
  tierCounts,
  windowsOf,
  workerLabel,
  yuan,
  type Deduction,
  type Site,
  type StaffRow,
} from '../../console/src/pages/assessment/model.ts';
import { explain, refusalText } from '../../console/src/pages/assessment/refusals.ts';

/** The contract the console is built against: every code it may answer must have its Chinese here. */
const openapi = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as { components: { schemas: Record<string, unknown> } };
const enumAt = (schema: string, path: string[]): string[] => {
  let node = openapi.components.schemas[schema] as Record<string, unknown>;
  for (const key of path) node = node[key] as Record<string, unknown>;
  return node.enum as string[];
};
const deduction = (kind: Deduction['kind'], detail: string, link = '/cases/01J/events#v3', points = 1): Deduction => ({ kind, date: '2026-11-10', detail, points, link, ref: { stream: 'x', version: 1 } });

describe('the words of the assessment sheets', () => {
  it('names every deduction kind and attendance finding the API may answer, in Chinese', () => {
    const kinds = [
      ...enumAt('DepartmentScorecards', ['properties', 'departments', 'items', 'properties', 'deductions', 'items', 'properties', 'kind']),
      ...enumAt('SiteScorecards', ['properties', 'sites', 'items', 'properties', 'deductions', 'items', 'properties', 'kind']),
      ...enumAt('StaffScores', ['properties', 'staff', 'items', 'properties', 'deductions', 'items', 'properties', 'kind']),
    ];
    for (const kind of kinds) expect(deductionKinds[kind as Deduction['kind']], kind).toMatch(/\p{Script=Han}/u);
    for (const kind of enumAt('AttendanceMonth', ['properties', 'days', 'items', 'properties', 'findings', 'items', 'properties', 'kind'])) expect(attendanceKinds[kind as keyof typeof attendanceKinds], kind).toMatch(/\p{Script=Han}/u);
    for (const part of enumAt('AttendanceDay', ['properties', 'leave', 'items', 'properties', 'part'])) expect(leaveParts[part as keyof typeof leaveParts]).toBeTruthy();
    expect(deductionKinds.late).toBe('迟到');
    expect(deductionKinds['absent-half-day']).toBe('旷工半天');
    expect(deductionKinds.inspection).toBe('实地检查');
  });

  it('has the six inspection items of the request body, with the labels the form shows', () => {
    const body = (openapi as unknown as { paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { properties: { items: { properties: Record<string, unknown> } } } } } } } }> }).paths['/site-inspections']!.post.requestBody.content['application/json'].schema.properties.items.properties;
    expect(inspectionItems.map((i) => i.key).sort()).toEqual(Object.keys(body).sort());
    expect(inspectionItems.map((i) => i.label)).toEqual(['标识标牌', '按时开放', '人员在岗', '代办员在岗', '事项目录公开', '评价器使用']);
    expect(inspectionFailed('hoursKept')).toBe('未按时开放');
    expect(inspectionFailed('somethingNew')).toBe('somethingNew');
  });

  it('turns the codes in a deduction’s detail into words, and keeps what the API already writes in Chinese', () => {
    expect(detailText('inspection', 'S-HY hoursKept')).toBe('S-HY 未按时开放');
    expect(detailText('video-check', 'noPhone')).toBe('玩手机');
    expect(detailText('video-check', 'atPost')).toBe('脱岗');
    expect(detailText('archive-problem', 'W03 step-unsigned')).toBe('W03 办理环节未签名');
    expect(detailText('bad-review', 'W05 very-dissatisfied')).toBe('W05 非常不满意');
    expect(detailText('bad-review', 'dissatisfied')).toBe('不满意');
    expect(detailText('late-completion', 'W03 2026-11-05')).toBe('W03 办结期限 2026-11-05');
    expect(detailText('joint-deemed-approval', 'W16')).toBe('牵头窗口 W16');
    expect(detailText('late', '上午签到 08:36，迟到 6 分钟')).toBe('上午签到 08:36，迟到 6 分钟');
    expect(detailText('late-forwarding', 'SM-20261110-0003 2026-11-10 收件，2 个工作日后上报')).toBe('SM-20261110-0003 2026-11-10 收件，2 个工作日后上报');
    expect(detailText('wrong-number', 'SM-20261110-0003')).toBe('SM-20261110-0003');
  });
});

describe('where a deduction points', () => {
  it('opens a case’s record on the console’s case page', () => {
    expect(sourceOf('/cases/01JCASE/events#v3')).toEqual({ kind: 'case', to: '/cases/01JCASE', text: '办件记录（第 3 条）' });
    expect(sourceOf('/cases/01JCASE/events')).toEqual({ kind: 'case', to: '/cases/01JCASE', text: '办件记录' });
  });

  it('opens a worker’s attendance month at the day, an absence (v0) as well', () => {
    expect(sourceOf('/staff/clerk-w01/attendance/2026-11#2026-11-03-v2')).toEqual({ kind: 'attendance', staffId: 'clerk-w01', month: '2026-11', date: '2026-11-03', text: '2026-11-03 考勤记录' });
    expect(sourceOf('/staff/clerk-w01-2/attendance/2026-11#2026-11-03-v0')).toMatchObject({ kind: 'attendance', staffId: 'clerk-w01-2', date: '2026-11-03' });
  });

  it('names the records no console page shows: rosters, archive checks, inspections; anything else as it is', () => {
    expect(sourceOf('/rosters/2026-11-10#v4')).toEqual({ kind: 'text', text: '2026-11-10 视频督查记录' });
    expect(sourceOf('/archive-checks/2026-10#v2')).toEqual({ kind: 'text', text: '2026年10月档案抽查' });
    expect(sourceOf('/site-inspections/2026-11#S-HY-2026-11-12')).toEqual({ kind: 'text', text: '2026-11-12 实地检查（S-HY）' });
    expect(sourceOf('/site-inspections/2026-11#S-HY-V01-2026-11-12')).toEqual({ kind: 'text', text: '2026-11-12 实地检查（S-HY-V01）' });
    expect(sourceOf('something#v1')).toEqual({ kind: 'text', text: 'something#v1' });
  });
});

describe('figures', () => {
  it('writes rates, points and money as the sheets do', () => {
    expect(rate(0.978)).toBe('97.8%');
    expect(rate(1)).toBe('100.0%');
    expect(rate(null)).toBe('—');
    expect(points(97.5)).toBe('97.5');
    expect(points(90.1934)).toBe('90.19');
    expect(points(100)).toBe('100');
    expect(minus(2)).toBe('−2');
    expect(minus(0.5)).toBe('−0.5');
    expect(minus(0)).toBe('0');
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('−2');
    expect(signed(0)).toBe('0');
    expect(yuan(980)).toBe('980 元');
    expect(yuan(12300)).toBe('12,300 元');
  });

  it('colours the county’s tiers by name and any other tier by its place, best first', () => {
    expect(tierColours([{ tier: '合格', score: 91 }, { tier: '优秀', score: 99 }, { tier: '基本合格', score: 80 }])).toEqual({ 优秀: 'green', 合格: 'gold', 基本合格: 'orange' });
    expect(tierColours([{ tier: '四档', score: 60 }, { tier: '一档', score: 99 }])).toEqual({ 一档: 'green', 四档: 'red' });
    expect(tierColours([{ tier: 'C', score: 70 }, { tier: 'A', score: 99 }, { tier: 'B', score: 90 }, { tier: 'A', score: 97 }])).toEqual({ A: 'green', B: 'blue', C: 'gold' });
    expect(tierCounts([{ tier: '二档', score: 90 }, { tier: '一档', score: 99 }, { tier: '二档', score: 88 }])).toEqual([
      { tier: '一档', count: 1, colour: 'green' },
      { tier: '二档', count: 2, colour: 'blue' },
    ]);
  });

  it('sums a worker’s deductions by kind, most points first', () => {
    const list = [deduction('absent-half-day', '下午无签到记录', '/x', 5), deduction('late', 'a', '/x', 1), deduction('late', 'b', '/x', 1), deduction('video-check', 'deskTidy', '/x', 0.5)];
    expect(byKind(list)).toEqual([
      { kind: 'absent-half-day', label: '旷工半天', count: 1, points: 5 },
      { kind: 'late', label: '迟到', count: 2, points: 2 },
      { kind: 'video-check', label: '视频督查', count: 1, points: 0.5 },
    ]);
    expect(byKind([])).toEqual([]);
  });
});

describe('months and files', () => {
  it('says months the Chinese way and steps back over a year', () => {
    expect(chineseMonth('2026-11')).toBe('2026年11月');
    expect(chineseMonth('2026-01')).toBe('2026年1月');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(monthsUpTo('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthsUpTo('2026-11', 24)).toHaveLength(24);
  });

  it('notes that the running month is read through yesterday, and nothing for a month that is over', () => {
    expect(monthNote('2026-11', '2026-11-11')).toBe('本月截至昨日，考勤以已结束的工作日计');
    expect(monthNote('2026-11', '2026-11-01')).toBe('本月尚无已结束的工作日，考勤从明天起计入');
    expect(monthNote('2026-10', '2026-11-11')).toBeUndefined();
  });

  it('names each sheet’s CSV in Chinese, with the level or the window', () => {
    expect(csvName('departments', '2026-11')).toBe('部门考核-2026-11.csv');
    expect(csvName('sites', '2026-11')).toBe('乡镇考核-2026-11-乡镇.csv');
    expect(csvName('sites', '2026-11', { level: 'village' })).toBe('乡镇考核-2026-11-村级.csv');
    expect(csvName('staff', '2026-11')).toBe('个人考核-2026-11.csv');
    expect(csvName('staff', '2026-11', { windowId: 'W02' })).toBe('个人考核-2026-11-W02.csv');
  });
});

describe('the staff sheet and the sites', () => {
  const row = (staffId: string, windowId: string, name = staffId, badgeNo = '220101') => ({ staffId, windowId, name, badgeNo }) as StaffRow;

  it('lists the windows of the rows in the hall’s order (W2 before W10, the township windows last)', () => {
    expect(windowsOf([row('a', 'W10'), row('b', 'W02'), row('c', 'WT-HY'), row('d', 'W02'), row('e', 'W9')])).toEqual(['W02', 'W9', 'W10', 'WT-HY']);
    expect(workerLabel(row('clerk-w02', 'W02', '张伟', '220201'))).toBe('张伟（220201 · W02）');
  });

  const sites: Site[] = [
    { id: 'S-CENTER', name: '三门县行政服务中心', level: 'county', parentId: null },
    { id: 'S-HY', name: '海游街道', level: 'township', parentId: 'S-CENTER' },
    { id: 'S-JT', name: '健跳镇', level: 'township', parentId: 'S-CENTER' },
    { id: 'S-HY-V01', name: '海游街道城西村代办点', level: 'village', parentId: 'S-HY' },
    { id: 'S-JT-V01', name: '健跳镇六敖村代办点', level: 'village', parentId: 'S-JT' },
    { id: 'S-HY-V02', name: '海游街道上洋村代办点', level: 'village', parentId: 'S-HY' },
  ];

  it('offers the township centers and their village points, township by township, never the county center', () => {
    expect(siteOptions(sites)).toEqual([
      {
        label: '海游街道',
        options: [
          { value: 'S-HY', label: '海游街道便民服务中心' },
          { value: 'S-HY-V01', label: '海游街道城西村代办点' },
          { value: 'S-HY-V02', label: '海游街道上洋村代办点' },
        ],
      },
      { label: '健跳镇', options: [{ value: 'S-JT', label: '健跳镇便民服务中心' }, { value: 'S-JT-V01', label: '健跳镇六敖村代办点' }] },
    ]);
    expect(siteName({ name: '某某乡便民服务中心', level: 'township' })).toBe('某某乡便民服务中心');
  });

  it('sends every item of the inspection, ticked as passed, and no empty note', () => {
    expect(inspectionBody({ siteId: 'S-HY', date: '2026-11-11', passed: ['signage', 'staffPresent', 'agentOnDuty', 'catalogueDisplayed', 'ratingDeviceInUse'], note: '  09:00 仍未开门 ' })).toEqual({
      siteId: 'S-HY',
      date: '2026-11-11',
      items: { signage: true, hoursKept: false, staffPresent: true, agentOnDuty: true, catalogueDisplayed: true, ratingDeviceInUse: true },
      note: '09:00 仍未开门',
    });
    expect(inspectionBody({ siteId: 'S-HY', date: '2026-11-11', passed: [], note: '  ' })).toEqual({
      siteId: 'S-HY',
      date: '2026-11-11',
      items: { signage: false, hoursKept: false, staffPresent: false, agentOnDuty: false, catalogueDisplayed: false, ratingDeviceInUse: false },
    });
  });
});

describe('the terminal', () => {
  const day = (records: { kind: 'in' | 'out'; windowId: string; time: string; v: number; missedSignIn?: boolean }[], onDutyAt: string | null) => ({ records, onDutyAt });

  it('shows where the worker stands: not signed in, signed in since when and where, signed out', () => {
    expect(dutyState(undefined)).toEqual({ state: 'none', label: '未签到', color: 'orange' });
    expect(dutyState(day([], null))).toMatchObject({ state: 'none', label: '未签到' });
    expect(dutyState(day([{ kind: 'in', windowId: 'W01', time: '08:25', v: 1 }], 'W01'))).toEqual({ state: 'on', label: '已签到 08:25 · W01', color: 'green', windowId: 'W01' });
    // Back from lunch: the latest sign-in is the one that counts.
    const afternoon = day([{ kind: 'in', windowId: 'W01', time: '08:25', v: 1 }, { kind: 'out', windowId: 'W01', time: '12:00', v: 2 }, { kind: 'in', windowId: 'W01', time: '13:28', v: 3 }], 'W01');
    expect(dutyState(afternoon).label).toBe('已签到 13:28 · W01');
    expect(dutyState(day([{ kind: 'in', windowId: 'W01', time: '08:25', v: 1 }, { kind: 'out', windowId: 'W01', time: '12:00', v: 2 }], null))).toEqual({ state: 'off', label: '已签退 12:00', color: 'blue' });
  });

  it('writes each record and the leave for people', () => {
    expect(recordText({ kind: 'in', windowId: 'W02', time: '08:36', v: 1 })).toBe('08:36 签到（W02）');
    expect(recordText({ kind: 'out', windowId: 'W02', time: '17:05', v: 2, missedSignIn: true })).toBe('17:05 签退（W02），未签到');
    expect(leaveText({ part: 'afternoon', reason: '病假', v: 1 })).toBe('下午请假（病假）');
  });

  it('counts a month’s findings by kind, and finds a day', () => {
    const month = {
      staffId: 'clerk-w02',
      name: '张伟',
      windowId: 'W02',
      month: '2026-11',
      days: [
        { staffId: 'clerk-w02', date: '2026-11-10', onDutyAt: null, records: [], leave: [], counted: true, findings: [{ kind: 'late', detail: 'x', v: 1 }] },
        { staffId: 'clerk-w02', date: '2026-11-12', onDutyAt: null, records: [], leave: [], counted: true, findings: [{ kind: 'late', detail: 'y', v: 1 }, { kind: 'absent-half-day', detail: 'z', v: 0 }] },
      ],
    } satisfies AttendanceMonth;
    expect(findingsSummary(month)).toBe('迟到 2 次、旷工半天 1 次');
    expect(findingsSummary({ ...month, days: [] })).toBe('无考勤扣分');
    expect(dayOf(month, '2026-11-12')?.findings).toHaveLength(2);
    expect(dayOf(month, '2026-11-11')).toBeUndefined();
  });
});

describe('refusals', () => {
  it('says the API’s refusals of these pages in Chinese, with what to do', () => {
    expect(refusalText('already signed in at window W01 since 08:35: sign out first', 'x')).toBe('您已于 08:35 在 W01 窗口签到，无需重复签到');
    expect(refusalText('signed in at window W05: sign out there', 'x')).toBe('您在 W05 窗口签到，请在该窗口签退');
    expect(refusalText("clerk-x is not in the county's staff file: an administrator adds window workers there", 'x')).toBe('您不在本中心窗口工作人员名单中，请联系管理员');
    expect(refusalText('site S-HY was inspected on 2026-11-11 already', 'x')).toBe('S-HY 在 2026-11-11 已登记过实地检查，每个站点每天只登记一次');
    expect(refusalText('leave is already recorded for 2026-11-10 (afternoon)', 'x')).toBe('2026-11-10 已登记过请假（全天或同一半天），不能重复登记');
    expect(refusalText('Leave is recorded within two months of today', 'x')).toBe('请假日期须在今天前后两个月之内');
    expect(refusalText('An inspection is recorded on its day or within two months after', 'x')).toBe('检查日期须为今天或两个月之内的日期');
    expect(refusalText('Inspections are of township centers and village points', 'x')).toBe('只能检查乡镇便民服务中心和村级代办点');
    expect(refusalText('worker clerk-w02 is not at your window', 'x')).toBe('该工作人员不在您负责的窗口');
  });

  it('keeps the status’s sentence for anything else, and never shows the English', () => {
    expect(refusalText('something unforeseen', '当前状态不允许此操作')).toBe('当前状态不允许此操作');
    expect(refusalText(undefined, '网络连接失败')).toBe('网络连接失败');
    expect(explain({ message: '当前状态不允许此操作', shown: { status: 409, message: '当前状态不允许此操作', fields: [], detail: 'already signed in at window W02 since 08:36: sign out first' } })).toBe('您已于 08:36 在 W02 窗口签到，无需重复签到');
  });
});

import { describe, expect, it } from 'vitest';
import { archiveCheckBody, archiveFieldOf, evidenceOf, fileSteps, previousMonth, stepDetail } from '../../console/src/pages/director/archive.ts';
import { archiveProblemCodes, checklist, type TimelineEvent } from '../../console/src/pages/director/labels.ts';
import { inWorkOrder as rectificationOrder, nextStep } from '../../console/src/pages/director/rectifications.ts';
import { checkTimeError, countyClock, countyInstant, inWorkOrder, statusNow } from '../../console/src/pages/director/roster.ts';
import { allPassed, failedItems, formFieldOf, videoCheckBody } from '../../console/src/pages/director/video-check.ts';
import type { Rectification } from '../../console/src/pages/director/labels.ts';

const SHANGHAI = 'Asia/Shanghai';

describe('the roster clock', () => {
  it('reads the county’s date and time, whatever the machine’s zone (the tests run in Los Angeles)', () => {
    expect(countyClock(new Date('2026-12-14T01:07:00Z'), SHANGHAI)).toEqual({ date: '2026-12-14', time: '09:07' });
    // Late evening in Los Angeles is already tomorrow morning in the county.
    expect(countyClock(new Date('2026-12-14T23:30:00Z'), SHANGHAI)).toEqual({ date: '2026-12-15', time: '07:30' });
  });

  it('writes a county time as an instant with the county’s offset, and a zone with summer time by the offset of that day', () => {
    expect(countyInstant('2026-12-14', '09:05', SHANGHAI)).toBe('2026-12-14T09:05:00+08:00');
    expect(countyInstant('2026-07-01', '09:05', 'Europe/Berlin')).toBe('2026-07-01T09:05:00+02:00');
    expect(countyInstant('2026-12-01', '09:05', 'Europe/Berlin')).toBe('2026-12-01T09:05:00+01:00');
    expect(Date.parse(countyInstant('2026-12-14', '00:10', SHANGHAI))).toBe(Date.parse('2026-12-13T16:10:00Z'));
  });

  it('moves a check from upcoming to due at its time, and to missed once its day is over; checked stays checked', () => {
    const entry = { status: 'upcoming' as const, at: '09:05' };
    expect(statusNow(entry, '2026-12-14', { date: '2026-12-14', time: '09:04' })).toBe('upcoming');
    expect(statusNow(entry, '2026-12-14', { date: '2026-12-14', time: '09:05' })).toBe('due');
    expect(statusNow(entry, '2026-12-14', { date: '2026-12-15', time: '08:00' })).toBe('missed');
    expect(statusNow(entry, '2026-12-15', { date: '2026-12-14', time: '16:00' })).toBe('upcoming');
    expect(statusNow({ status: 'checked', at: '09:05' }, '2026-12-14', { date: '2026-12-15', time: '08:00' })).toBe('checked');
  });

  it('lists the checks to do now first, then the ones to come, then the finished', () => {
    const order = inWorkOrder([
      { status: 'checked' as const, at: '08:40', w: 'a' },
      { status: 'upcoming' as const, at: '14:00', w: 'b' },
      { status: 'due' as const, at: '10:00', w: 'c' },
      { status: 'due' as const, at: '09:00', w: 'd' },
      { status: 'missed' as const, at: '08:50', w: 'e' },
    ]);
    expect(order.map((e) => e.w)).toEqual(['d', 'c', 'b', 'e', 'a']);
  });

  it('refuses a check time that is missing, malformed or later than now, in Chinese', () => {
    const now = { date: '2026-12-14', time: '09:07' };
    expect(checkTimeError('', '2026-12-14', now)).toBe('请填写督查时间');
    expect(checkTimeError('9:5', '2026-12-14', now)).toMatch(/时间格式/);
    expect(checkTimeError('25:00', '2026-12-14', now)).toMatch(/时间格式/);
    expect(checkTimeError('09:08', '2026-12-14', now)).toBe('督查时间不能晚于现在（09:07）');
    expect(checkTimeError('09:07', '2026-12-14', now)).toBeUndefined();
  });
});

describe('the video-check body', () => {
  it('answers every checklist item: ticked passed, unticked failed, at the county time of the look', () => {
    const passed = allPassed().filter((k) => k !== 'noPhone');
    const body = videoCheckBody({ time: '09:07', passed, note: '  玩手机  ', evidenceRef: '' }, '2026-12-14', 'W05', SHANGHAI);
    expect(body).toEqual({
      rosterDate: '2026-12-14',
      windowId: 'W05',
      checkedAt: '2026-12-14T09:07:00+08:00',
      items: { atPost: true, punctual: true, uniformAndBadge: true, noPhone: false, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true },
      note: '玩手机',
    });
    expect(failedItems(passed).map((f) => f.failed)).toEqual(['玩手机']);
  });

  it('asks about cover only when the post was empty', () => {
    const away = videoCheckBody({ time: '10:00', passed: allPassed().filter((k) => k !== 'atPost'), coverArranged: true }, '2026-12-14', 'W05', SHANGHAI);
    expect(away.items).toMatchObject({ atPost: false, coverArranged: true });
    const there = videoCheckBody({ time: '10:00', passed: allPassed(), coverArranged: true }, '2026-12-14', 'W05', SHANGHAI);
    expect('coverArranged' in there.items).toBe(false);
  });

  it('has a Chinese label for each item of the API’s checklist, and puts the API’s item errors on the checklist', () => {
    expect(checklist.map((c) => c.key).sort()).toEqual(['atPost', 'deskTidy', 'noChatting', 'noEating', 'noPhone', 'noSleeping', 'punctual', 'ratingDeviceInUse', 'uniformAndBadge']);
    expect(checklist.every((c) => /[\u4e00-\u9fff]/.test(c.label) && /[\u4e00-\u9fff]/.test(c.failed))).toBe(true);
    expect(formFieldOf(['items', 'noPhone'])).toEqual(['passed']);
    expect(formFieldOf(['items', 'coverArranged'])).toEqual(['coverArranged']);
    expect(formFieldOf(['checkedAt'])).toEqual(['time']);
    expect(formFieldOf(['note'])).toEqual(['note']);
  });
});

const at = (version: number, type: string, iso: string, data: Record<string, unknown>, actor = 'clerk-w03'): TimelineEvent => ({ version, type, at: iso, actor: { id: actor, role: 'clerk' }, windowId: 'W03', siteId: 'S-CENTER', data });
const file = [
  at(1, 'CaseSubmitted', '2026-10-12T01:00:00.000Z', { materials: ['M1', 'M2'], item: { code: 'X', name: '不动产抵押登记' } }),
  at(2, 'MaterialsRequested', '2026-10-12T01:05:00.000Z', { missing: ['M3'], noticeDate: '2026-10-12', note: null }),
  at(3, 'MaterialsSupplied', '2026-10-13T01:05:00.000Z', { materials: ['M3'] }),
  at(4, 'CaseAccepted', '2026-10-13T01:10:00.000Z', { acceptedDate: '2026-10-13', deadline: '2026-10-16', deadlineProvisional: false }),
  at(5, 'CaseReviewed', '2026-10-14T01:10:00.000Z', { level: 'satisfied' }),
  at(6, 'CaseCompleted', '2026-10-27T08:00:00.000Z', { decision: 'approved', completedDate: '2026-10-27', deadline: '2026-10-16', onTime: false, early: false }),
];
const materials = [
  { code: 'M1', name: '申请书' },
  { code: 'M2', name: '身份证明' },
  { code: 'M3', name: '权属证书' },
];

describe('the archive check', () => {
  it('shows the file’s steps only (not its ratings), in order', () => {
    expect(fileSteps([...file].reverse()).map((e) => e.version)).toEqual([1, 2, 3, 4, 6]);
  });

  it('puts beside each problem code what the record says, warning where the record itself shows the problem', () => {
    const e = evidenceOf(file, materials);
    expect(e['notice-undated']).toEqual({ text: '一次性告知，出具日期 2026-10-12', warn: false });
    expect(e['step-unsigned']).toEqual({ text: '5 个环节均记录了经办人', warn: false });
    expect(e['decision-after-deadline']).toEqual({ text: '办结 2026-10-27，晚于期限 2026-10-16', warn: true });
    expect(e['materials-incomplete']).toEqual({ text: '要求的 3 项材料均已收取', warn: false });
    expect(e.other).toBeUndefined();
    const short = evidenceOf(file.filter((x) => x.type !== 'MaterialsSupplied'), materials);
    expect(short['materials-incomplete']).toEqual({ text: '系统记录缺少：权属证书', warn: true });
    const unsigned = evidenceOf([at(1, 'CaseSubmitted', '2026-10-12T01:00:00.000Z', { materials: [] }, '')], undefined);
    expect(unsigned['step-unsigned']).toEqual({ text: '第 1 步（收件登记）没有经办人', warn: true });
    expect(unsigned['decision-after-deadline']?.warn).toBe(true);
    expect(unsigned['materials-incomplete']).toBeUndefined();
  });

  it('names materials by the item’s list in a step’s detail', () => {
    const name = (code: string) => materials.find((m) => m.code === code)?.name ?? code;
    expect(stepDetail(file[1]!, name)).toBe('告知日期 2026-10-12；缺：权属证书');
    expect(stepDetail(file[5]!, name)).toBe('准予；办结 2026-10-27，期限 2026-10-16，超期');
  });

  it('sends the ticked codes in checklist order with their notes, and maps a note’s error back to its code', () => {
    const body = archiveCheckBody({ codes: ['other', 'notice-undated'], notes: { other: ' 缺受理通知书 ', 'notice-undated': '  ' } }, archiveProblemCodes);
    expect(body).toEqual({ problems: [{ code: 'notice-undated' }, { code: 'other', note: '缺受理通知书' }] });
    expect(archiveCheckBody({ codes: [] }, archiveProblemCodes)).toEqual({ problems: [] });
    expect(archiveFieldOf(['problems', 1, 'note'], body)).toEqual(['notes', 'other']);
    expect(archiveFieldOf(['problems', 0, 'code'], body)).toEqual(['codes']);
  });

  it('opens on last month’s sample', () => {
    expect(previousMonth('2026-12-14')).toBe('2026-11');
    expect(previousMonth('2027-01-04')).toBe('2026-12');
  });
});

const rect = (status: Rectification['status'], overdue: boolean, resolveDue: string, caseNo: string): Rectification => ({
  rectificationId: `01M76M9JM0V9GT93WMVM3WHCC${caseNo.slice(-1)}-R1`,
  caseId: '01M76M9JM0V9GT93WMVM3WHCCC',
  caseNo,
  itemName: '事项',
  windowId: 'W03',
  level: 'dissatisfied',
  status,
  openedDate: '2026-11-22',
  callbackDue: '2026-11-23',
  resolveDue,
  calledBackDate: null,
  finding: null,
  resolvedHow: null,
  recheck: null,
  recheckedDate: null,
  closedDate: null,
  warnings: overdue ? ['resolution-overdue'] : [],
});

describe('the rectification steps', () => {
  it('lets a director verify and close, and only an administrator re-check an appeal', () => {
    expect(nextStep({ status: 'opened' }, ['director'])).toEqual({ step: 'verify' });
    expect(nextStep({ status: 'followed-up' }, ['director'])).toEqual({ step: 'close' });
    expect(nextStep({ status: 'appealed' }, ['director'])).toEqual({ waiting: '窗口已申诉，等待管理员复核' });
    expect(nextStep({ status: 'appealed' }, ['admin'])).toEqual({ step: 'recheck' });
    expect(nextStep({ status: 'verified' }, ['director']).step).toBeUndefined();
    expect(nextStep({ status: 'resolved' }, ['admin']).step).toBeUndefined();
    expect(nextStep({ status: 'closed' }, ['admin'])).toEqual({});
  });

  it('lists what waits on me first, overdue before on time, then by the resolve deadline', () => {
    const list = [rect('verified', true, '2026-12-01', 'n1'), rect('opened', false, '2026-12-20', 'n2'), rect('followed-up', true, '2026-12-30', 'n3'), rect('opened', false, '2026-12-10', 'n4')];
    expect(rectificationOrder(list, ['director']).map((r) => r.caseNo)).toEqual(['n3', 'n4', 'n2', 'n1']);
  });
});

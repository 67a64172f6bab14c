import { describe, expect, it } from 'vitest';
import type { Case } from '../../client/index.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import { allowedActions } from '../../console/src/pages/clerk/case-actions.ts';
import { attendanceBody, formFieldErrors } from '../../console/src/pages/clerk/joint/forms.ts';
import {
  countyInstant,
  describeWaited,
  inspectionLatest,
  isWorkingDay,
  jointActionLabel,
  jointAvailability,
  jointProblemSentence,
  jointSummary,
  jointToolbar,
  nextJointAction,
  pendingByDepartment,
  waitedFor,
  workingDaysBetween,
  type CalendarYear,
  type JointReview,
  type JointTask,
} from '../../console/src/pages/clerk/joint/joint-rules.ts';
import { jointTask } from './joint-fixtures.ts';

// Sanmen's 竣工联合验收 (331022-LHSP-002), accepted on Thursday 2026-12-24: the shared domain notes' worked example.
const departmentNames: Record<string, string> = {
  'D-NR': '三门县自然资源和规划局',
  'D-FIRE': '三门县消防救援大队',
  'D-CAD': '三门县人民防空办公室',
  'D-LAND': '三门县自然资源和规划局（土地核验）',
  'D-ARCH': '三门县城市建设档案馆',
  'D-QS': '三门县建设工程质量安全监督站',
};
const names = (id: string) => departmentNames[id] ?? id;

const task = (departmentId: string, days: number, inspects: boolean, deadline: string, patch: Partial<JointTask> = {}): JointTask =>
  jointTask(departmentId, { days, inspects, materials: ['M1', 'M5'], deadline, ...patch });

function opened(): JointReview {
  return {
    acceptedDate: '2026-12-24',
    tasks: [
      task('D-NR', 5, true, '2026-12-31'),
      task('D-FIRE', 5, true, '2026-12-31'),
      task('D-CAD', 5, true, '2026-12-31'),
      task('D-LAND', 5, true, '2026-12-31'),
      task('D-ARCH', 3, false, '2026-12-29'),
      task('D-QS', 5, true, '2026-12-31'),
    ],
    inspection: { required: true, at: null, date: null, place: null, heldDate: null, present: [], absent: [] },
    rectification: { round: null, status: 'none', issuedDate: null, completedDate: null, stoppedWorkingDays: null, items: [], pending: [], rounds: 0 },
    serialWorkingDays: 28,
  };
}

const answered = (joint: JointReview, departmentId: string, patch: Partial<JointTask>): JointReview => ({
  ...joint,
  tasks: joint.tasks.map((t) => (t.departmentId === departmentId ? { ...t, answeredDate: '2026-12-25', ...patch } : t)),
});

/** After the inspection (人防 absent without reason) and four opinions: two passes, two asking for rectification. */
function afterOpinions(): JointReview {
  let joint = opened();
  joint = { ...joint, inspection: { ...joint.inspection, at: '2026-12-25T01:30:00.000Z', date: '2026-12-25', place: '海游街道工业园区项目现场', heldDate: '2026-12-25', present: ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], absent: [{ departmentId: 'D-CAD', justified: false, reason: null }] } };
  joint = answered(joint, 'D-CAD', { status: 'deemed-consenting' });
  joint = answered(joint, 'D-NR', { status: 'passed' });
  joint = answered(joint, 'D-LAND', { status: 'passed' });
  joint = answered(joint, 'D-FIRE', { status: 'rectify', items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }] });
  joint = answered(joint, 'D-QS', { status: 'rectify', items: [{ text: '三层楼梯栏杆高度不足1.05米' }] });
  return {
    ...joint,
    rectification: {
      ...joint.rectification,
      pending: [
        { departmentId: 'D-FIRE', text: '疏散指示标志不连续' },
        { departmentId: 'D-FIRE', text: '消防水泵接合器未标识' },
        { departmentId: 'D-QS', text: '三层楼梯栏杆高度不足1.05米' },
      ],
    },
  };
}

/** The combined list issued on 12-25: the asking departments' clocks stand still. */
function listOut(): JointReview {
  const joint = afterOpinions();
  return {
    ...joint,
    tasks: joint.tasks.map((t) => (t.status === 'rectify' ? { ...t, clockStopped: true } : t)),
    rectification: { round: 1, status: 'issued', issuedDate: '2026-12-25', completedDate: null, stoppedWorkingDays: null, items: joint.rectification.pending, pending: [], rounds: 1 },
  };
}

const accepted = (joint: JointReview): Pick<Case, 'status' | 'joint'> => ({ status: 'accepted', joint });
const allowed = (joint: JointReview, today = '2026-12-25', status: Case['status'] = 'accepted') =>
  Object.entries(jointAvailability({ status, joint }, today, names))
    .filter(([, a]) => a.allowed)
    .map(([action]) => action);

describe('the joint panel’s summary line', () => {
  it('counts the departments by status, the settled answers first, with what one after another would take', () => {
    expect(jointSummary(opened())).toBe('6个部门：6审查中；串联需28个工作日');
    expect(jointSummary(afterOpinions())).toBe('6个部门：2通过 · 1缺席视为同意 · 2需整改 · 1审查中；串联需28个工作日');
    const settled = answered(answered(answered(afterOpinions(), 'D-FIRE', { status: 'passed', items: [] }), 'D-QS', { status: 'failed', note: '主体结构不符合设计' }), 'D-ARCH', { status: 'deemed-approving' });
    expect(jointSummary(settled)).toBe('6个部门：3通过 · 1缺席视为同意 · 1超时默许 · 1不通过；串联需28个工作日');
  });
});

describe('which departments the approval still waits for', () => {
  it('is every task not passed, consenting or deemed approving, said with where it stands', () => {
    expect(waitedFor(afterOpinions()).map((t) => t.departmentId)).toEqual(['D-FIRE', 'D-ARCH', 'D-QS']);
    expect(describeWaited(afterOpinions(), names)).toBe('三门县消防救援大队（需整改，待出具整改通知）、三门县城市建设档案馆（审查中）、三门县建设工程质量安全监督站（需整改，待出具整改通知）');
    expect(describeWaited(listOut(), names)).toContain('三门县消防救援大队（需整改，申请人整改中）');
  });

  it('is nobody once every department agreed one way or another', () => {
    let joint = afterOpinions();
    for (const id of ['D-FIRE', 'D-QS']) joint = answered(joint, id, { status: 'passed', items: [] });
    joint = answered(joint, 'D-ARCH', { status: 'deemed-approving' });
    expect(waitedFor(joint)).toEqual([]);
    expect(describeWaited(joint, names)).toBe('');
  });
});

describe('the lead window’s steps', () => {
  it('opens with the appointment only; recording waits for the appointed day', () => {
    expect(allowed(opened(), '2026-12-24')).toEqual(['schedule']);
    const appointed = { ...opened(), inspection: { ...opened().inspection, at: '2026-12-25T01:30:00.000Z', date: '2026-12-25', place: '项目现场' } };
    const before = jointAvailability(accepted(appointed), '2026-12-24', names);
    expect(before.record).toEqual({ allowed: false, reason: '联合验收定于2026年12月25日，当天或之后才能记录' });
    // The appointment may be moved until it is held.
    expect(allowed(appointed, '2026-12-25')).toEqual(['schedule', 'record']);
    expect(jointActionLabel('schedule', appointed)).toBe('改期联合验收');
    expect(jointActionLabel('schedule', opened())).toBe('安排联合验收');
  });

  it('no longer appoints once the inspecting departments’ earliest deadline has passed', () => {
    expect(inspectionLatest(opened())).toBe('2026-12-31');
    expect(jointAvailability(accepted(opened()), '2027-01-04', names).schedule).toEqual({ allowed: false, reason: '现场验收部门的审查期限（2026年12月31日）已过，不能再安排联合验收' });
    // The archive does not inspect: its earlier deadline does not bound the inspection.
    expect(jointAvailability(accepted(opened()), '2026-12-30', names).schedule.allowed).toBe(true);
  });

  it('issues the combined list once a department asks, one round at a time, then takes the applicant’s report', () => {
    const asked = afterOpinions();
    const a = jointAvailability(accepted(asked), '2026-12-25', names);
    expect(a.schedule.reason).toBe('联合验收已于2026年12月25日举行');
    expect(a.record.reason).toBe('联合验收已于2026年12月25日记录');
    expect(a.issue.allowed).toBe(true);
    expect(jointActionLabel('issue', asked)).toBe('出具整改通知（第1轮）');
    expect(a.done).toEqual({ allowed: false, reason: '尚未出具整改通知' });
    expect(pendingByDepartment(asked)).toEqual([
      { departmentId: 'D-FIRE', items: ['疏散指示标志不连续', '消防水泵接合器未标识'] },
      { departmentId: 'D-QS', items: ['三层楼梯栏杆高度不足1.05米'] },
    ]);

    const out = jointAvailability(accepted(listOut()), '2026-12-28', names);
    expect(out.issue).toEqual({ allowed: false, reason: '第1轮整改通知尚在申请人处，整改完成后才能出具下一轮' });
    expect(out.done.allowed).toBe(true);
    expect(nextJointAction(out, listOut())).toBe('done');
  });

  it('says there is nothing to issue before anyone asks', () => {
    expect(jointAvailability(accepted(opened()), '2026-12-24', names).issue).toEqual({ allowed: false, reason: '没有部门提出整改意见，无需出具整改通知' });
  });

  it('approves only once every department passed, consented or was deemed approving, and names the ones still waited for', () => {
    const a = jointAvailability(accepted(afterOpinions()), '2026-12-25', names);
    expect(a.approve.allowed).toBe(false);
    expect(a.approve.reason).toBe(`尚待以下部门：${describeWaited(afterOpinions(), names)}`);
    expect(a.deny).toEqual({ allowed: false, reason: '只有部门审查不通过时才能办结为不予许可；目前没有部门不通过' });

    let settled = afterOpinions();
    for (const id of ['D-FIRE', 'D-QS']) settled = answered(settled, id, { status: 'passed', items: [] });
    settled = answered(settled, 'D-ARCH', { status: 'deemed-approving' });
    expect(allowed(settled, '2026-12-30')).toEqual(['approve']);
    expect(nextJointAction(jointAvailability(accepted(settled), '2026-12-30', names), settled)).toBe('approve');
  });

  it('denies only when a department failed, and then never approves', () => {
    const failed = answered(afterOpinions(), 'D-QS', { status: 'failed', note: '主体结构不符合设计' });
    const a = jointAvailability(accepted(failed), '2026-12-28', names);
    expect(a.deny.allowed).toBe(true);
    expect(a.approve).toEqual({ allowed: false, reason: '三门县建设工程质量安全监督站审查不通过，只能办结为不予许可' });
  });

  it('takes no joint step on a case that is suspended, completed or has no joint review', () => {
    expect(allowed(afterOpinions(), '2026-12-28', 'suspended')).toEqual([]);
    expect(jointAvailability({ status: 'suspended', joint: afterOpinions() }, '2026-12-28', names).issue.reason).toBe('办件在特别程序中，联合审批暂停计时，特别程序结束后再办理');
    expect(jointAvailability({ status: 'completed', joint: afterOpinions() }, '2026-12-28', names).approve.reason).toBe('办件已办结');
    expect(jointAvailability({ status: 'accepted', joint: null }, '2026-12-28', names).schedule.reason).toBe('此办件没有联合审批');
  });
});

describe('the case page’s toolbar', () => {
  const joint = { type: 'joint' as const, code: '331022-LHSP-002', name: '建设工程竣工联合验收', committedDays: 20, statutoryDays: 30 };
  it('leaves the completion of a joint case to its panel, and no special procedure while the list is out', () => {
    const steps = allowedActions({ status: 'accepted', item: joint, decision: null }, []);
    expect(steps).toContain('complete');
    expect(jointToolbar({ joint: afterOpinions() }, steps)).toEqual(['suspend', 'transfer']);
    expect(jointToolbar({ joint: listOut() }, steps)).toEqual(['transfer']);
  });

  it('keeps every step of any other case', () => {
    const steps = allowedActions({ status: 'accepted', item: { ...joint, type: 'commitment' }, decision: null }, []);
    expect(jointToolbar({ joint: null }, steps)).toEqual(['suspend', 'complete', 'transfer']);
  });
});

describe('refusals, in Chinese', () => {
  const refused = (status: number, detail: string, errors: { path: string; message: string }[] = []) => showProblem({ status, detail, errors, title: 't', type: 't', correlationId: 'c' }, status);

  it('names the departments a 409 on completion is waiting for', () => {
    const shown = refused(409, 'a joint case completes once every department has passed, consented or been deemed approving; waiting for D-FIRE (rectify), D-ARCH (open), D-QS (rectify)');
    expect(jointProblemSentence(shown, names)).toBe('各部门尚未全部同意，不能准予许可。仍在等待：三门县消防救援大队（需整改）、三门县城市建设档案馆（审查中）、三门县建设工程质量安全监督站（需整改）');
    expect(jointProblemSentence(refused(409, 'department D-QS failed the case: it can only be denied'), names)).toBe('三门县建设工程质量安全监督站审查不通过，只能办结为不予许可');
    expect(jointProblemSentence(refused(409, 'a joint case is denied on a department’s failing opinion, and none has failed'), names)).toBe('没有部门审查不通过，联合审批办件不能办结为不予许可');
  });

  it('says the joint steps’ refusals, and keeps the console’s sentence for one it does not know', () => {
    expect(jointProblemSentence(refused(409, 'the combined list of round 1 is still with the applicant'), names)).toBe('第1轮整改通知尚在申请人处，整改完成后才能出具下一轮');
    expect(jointProblemSentence(refused(409, 'the joint inspection was held on 2026-12-25'), names)).toBe('联合验收已于2026年12月25日举行');
    expect(jointProblemSentence(refused(422, 'The joint inspection is held within the inspecting departments’ time limits'), names, opened())).toBe('联合验收须在现场验收部门的审查期限内举行（最迟2026年12月31日）');
    expect(jointProblemSentence(refused(409, 'cannot IssueJointRectification a case that is suspended'), names)).toBe('办件当前为“特别程序中”，不能办理此项');
    const unknown = refused(409, 'something new');
    expect(jointProblemSentence(unknown, names)).toBe(unknown.message);
  });

  it('puts field errors on the dialog’s own fields', () => {
    const at = refused(400, 'An inspection is appointed on a working day', [{ path: 'at', message: '2026-12-26 is not a working day' }]);
    const sentence = jointProblemSentence(at, names);
    expect(sentence).toBe('联合验收须安排在工作日');
    expect(formFieldErrors('schedule', at.fields, { at: '2026-12-26T09:30:00+08:00', place: 'x' }, sentence)).toEqual([{ name: ['date'], errors: ['联合验收须安排在工作日'] }]);
    const body = attendanceBody(['D-NR', 'D-FIRE', 'D-CAD'], { 'D-NR': 'present', 'D-FIRE': 'justified', 'D-CAD': 'unjustified' }, { 'D-FIRE': ' ' });
    const reason = refused(400, 'The attendance does not fit the inspecting departments', [{ path: 'absent.0.reason', message: 'a justified absence gives its reason' }]);
    expect(formFieldErrors('record', reason.fields, body, jointProblemSentence(reason, names))).toEqual([{ name: ['reason', 'D-FIRE'], errors: ['请填写缺席理由'] }]);
  });
});

describe('the attendance of the joint inspection', () => {
  it('lists every inspecting department once, present unless marked absent; a reason only when given', () => {
    expect(attendanceBody(['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND'], { 'D-FIRE': 'justified', 'D-CAD': 'unjustified' }, { 'D-FIRE': ' 同日参加省厅检查 ', 'D-CAD': '' })).toEqual({
      present: ['D-NR', 'D-LAND'],
      absent: [
        { departmentId: 'D-FIRE', justified: true, reason: '同日参加省厅检查' },
        { departmentId: 'D-CAD', justified: false },
      ],
    });
  });
});

describe('the county’s calendar and clock', () => {
  const y2026: CalendarYear = { year: 2026, source: 'published', provisional: false, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'], countyHolidays: [], countyWorkdays: [], workingDays: 0 };
  const y2027: CalendarYear = { year: 2027, source: 'provisional', provisional: true, holidays: ['2027-01-01'], workdays: [], countyHolidays: [], countyWorkdays: [], workingDays: 0 };
  const years = new Map([
    [2026, y2026],
    [2027, y2027],
  ]);

  it('counts working days as the API does: weekends and holidays off, worked weekend days on', () => {
    expect(isWorkingDay('2026-12-25', y2026)).toBe(true);
    expect(isWorkingDay('2026-12-26', y2026)).toBe(false);
    expect(isWorkingDay('2026-10-01', y2026)).toBe(false);
    expect(isWorkingDay('2026-10-10', y2026)).toBe(true);
    expect(isWorkingDay('2026-10-01', { ...y2026, countyWorkdays: ['2026-10-01'] })).toBe(true);
    // (12-24, 12-30]: Friday, Monday, Tuesday, Wednesday.
    expect(workingDaysBetween('2026-12-24', '2026-12-30', years)).toBe(4);
    // Across the new year: 12-31, then 01-04 (01-01 is a holiday, 01-02 and 01-03 the weekend).
    expect(workingDaysBetween('2026-12-30', '2027-01-04', years)).toBe(2);
    expect(workingDaysBetween('2026-12-30', '2028-01-04', years)).toBeUndefined();
  });

  it('gives an appointment the county’s offset whatever the browser’s zone', () => {
    expect(countyInstant('2026-12-25', '09:30', 'Asia/Shanghai')).toBe('2026-12-25T09:30:00+08:00');
    expect(Date.parse(countyInstant('2026-12-25', '09:30', 'Asia/Shanghai'))).toBe(Date.parse('2026-12-25T01:30:00Z'));
    // A zone with daylight saving: its summer offset in July, its winter one in January.
    expect(countyInstant('2026-07-01', '09:00', 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00');
    expect(countyInstant('2026-01-05', '09:00', 'Europe/Berlin')).toBe('2026-01-05T09:00:00+01:00');
  });
});

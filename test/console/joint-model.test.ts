import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../client/index.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import { setConfig } from '../../console/src/config.ts';
import {
  actingRole,
  byDepartment,
  departmentFor,
  inspectionLine,
  isTaskStatus,
  jointDepartments,
  mayAnswerFor,
  opinionBlocker,
  opinionBody,
  opinionFieldErrors,
  opinionProblemText,
  type JointReview,
  type JointTask,
} from '../../console/src/pages/joint/model.ts';
import { jointTask } from './joint-fixtures.ts';

beforeAll(() => setConfig({ county: { key: 'sanmen', name: '三门县', timeZone: 'Asia/Shanghai' }, apiBase: '', auth: { kind: 'local' } }));

const task = (departmentId: string, over: Partial<JointTask> = {}): JointTask => jointTask(departmentId, { windowId: 'W16', deadline: '2026-12-28', ...over });

const review = (tasks: JointTask[], inspection: Partial<JointReview['inspection']> = {}, pending: JointReview['rectification']['pending'] = []): JointReview => ({
  acceptedDate: '2026-12-21',
  serialWorkingDays: 28,
  tasks,
  inspection: { required: true, at: null, date: null, place: null, heldDate: null, present: [], absent: [], ...inspection },
  rectification: { round: null, rounds: 0, status: 'none', issuedDate: null, completedDate: null, stoppedWorkingDays: null, items: [], pending },
});

const held = { at: '2026-12-22T01:30:00.000Z', date: '2026-12-22', place: '海游街道工业园区项目现场', heldDate: '2026-12-22' };
const kase = (joint: JointReview | null, status: Case['status'] = 'accepted'): Pick<Case, 'status' | 'joint'> => ({ status, joint });
const TODAY = '2026-12-22';

describe('whether a department may give its opinion, and why not', () => {
  it('offers the form to an open task once the inspection it attends was held, within its deadline', () => {
    expect(opinionBlocker(kase(review([task('D-FIRE')], held)), 'D-FIRE', TODAY, true)).toBeUndefined();
    // A department that does not inspect answers without waiting for the inspection.
    expect(opinionBlocker(kase(review([task('D-ARCH', { inspects: false, deadline: '2026-12-24' })])), 'D-ARCH', TODAY, true)).toBeUndefined();
    // On its deadline day it still may.
    expect(opinionBlocker(kase(review([task('D-FIRE')], held)), 'D-FIRE', '2026-12-28', true)).toBeUndefined();
  });

  it('says the inspection has not been held, with its appointed time in the county’s clock, or that none is appointed', () => {
    const appointed = opinionBlocker(kase(review([task('D-FIRE')], { at: held.at, date: held.date, place: held.place })), 'D-FIRE', TODAY, true);
    expect(appointed?.kind).toBe('inspection-pending');
    expect(appointed?.text).toContain('联合验收尚未举行');
    expect(appointed?.text).toContain('2026-12-22 09:30（海游街道工业园区项目现场）');
    expect(opinionBlocker(kase(review([task('D-FIRE')])), 'D-FIRE', TODAY, true)?.text).toContain('牵头窗口尚未安排时间');
  });

  it('says the deadline has passed (超时默许) the day after it, even before the sweep has deemed the task', () => {
    const late = opinionBlocker(kase(review([task('D-FIRE')], held)), 'D-FIRE', '2026-12-29', true);
    expect(late).toEqual({ kind: 'overdue', text: '已超过期限（超时默许）：本部门审查期限为2026年12月28日，逾期未答复视为同意。' });
    expect(opinionBlocker(kase(review([task('D-FIRE', { status: 'deemed-approving' })], held)), 'D-FIRE', '2026-12-29', true)?.text).toMatch(/^已超过期限（超时默许）/);
  });

  it('says the department has answered, and what it waits for after a rectification', () => {
    expect(opinionBlocker(kase(review([task('D-ARCH', { status: 'passed', answeredDate: '2026-12-23' })])), 'D-ARCH', TODAY, true)?.text).toBe('本部门已答复（通过，2026年12月23日）。');
    expect(opinionBlocker(kase(review([task('D-FIRE', { status: 'failed' })])), 'D-FIRE', TODAY, true)?.kind).toBe('answered');
    const waiting = review([task('D-FIRE', { status: 'rectify', answeredDate: TODAY })], held, [{ departmentId: 'D-FIRE', text: '疏散指示标志不连续' }]);
    expect(opinionBlocker(kase(waiting), 'D-FIRE', TODAY, true)?.text).toContain('等待牵头窗口出具一次性整改通知');
    const issued = review([task('D-FIRE', { status: 'rectify', answeredDate: TODAY, clockStopped: true })], held);
    expect(opinionBlocker(kase(issued), 'D-FIRE', TODAY, true)?.text).toContain('整改通知已出具');
    expect(opinionBlocker(kase(review([task('D-CAD', { status: 'deemed-consenting', answeredDate: TODAY })], held)), 'D-CAD', TODAY, true)?.text).toContain('缺席视为同意');
  });

  it('offers nothing for a department without a task, a case not accepted, suspended or closed, or to someone who may only look', () => {
    const open = review([task('D-FIRE')], held);
    expect(opinionBlocker(kase(open), 'D-EDU', TODAY, true)?.kind).toBe('no-task');
    expect(opinionBlocker(kase(open), undefined, TODAY, true)?.kind).toBe('no-task');
    expect(opinionBlocker(kase(null, 'submitted'), 'D-FIRE', TODAY, true)?.text).toContain('尚未受理');
    expect(opinionBlocker(kase(open, 'suspended'), 'D-FIRE', TODAY, true)?.kind).toBe('suspended');
    expect(opinionBlocker(kase(open, 'completed'), 'D-FIRE', TODAY, true)?.kind).toBe('closed');
    expect(opinionBlocker(kase(open), 'D-FIRE', TODAY, false)?.kind).toBe('not-allowed');
  });
});

describe('who answers for which department', () => {
  const reviewer = { roles: ['reviewer'], departmentId: 'D-FIRE' };
  const admin = { roles: ['admin'] };
  const director = { roles: ['director'] };

  it('acts with the strongest role, as the API does', () => {
    expect(actingRole({ roles: ['reviewer', 'director'] })).toBe('director');
    expect(actingRole(reviewer)).toBe('reviewer');
  });

  it('keeps a reviewer to their own department, whatever the address asks; others pick among those offered', () => {
    expect(departmentFor(reviewer, 'D-NR', ['D-NR', 'D-FIRE'])).toBe('D-FIRE');
    expect(departmentFor(admin, 'D-NR', ['D-NR', 'D-FIRE'])).toBe('D-NR');
    expect(departmentFor(director, 'D-NOPE', ['D-NR', 'D-FIRE'])).toBe('D-NR');
    expect(departmentFor(director, null, [])).toBeUndefined();
  });

  it('lets a reviewer answer for their department only, an administrator for any, a director for none', () => {
    expect(mayAnswerFor(reviewer, 'D-FIRE')).toBe(true);
    expect(mayAnswerFor(reviewer, 'D-NR')).toBe(false);
    expect(mayAnswerFor(admin, 'D-NR')).toBe(true);
    expect(mayAnswerFor(director, 'D-NR')).toBe(false);
    expect(mayAnswerFor({ roles: ['reviewer', 'director'], departmentId: 'D-FIRE' }, 'D-FIRE')).toBe(false);
    expect(mayAnswerFor(admin, undefined)).toBe(false);
  });
});

describe('the opinion’s request', () => {
  it('drops blank rectification rows and trims; only 需整改 carries items; a blank note is left out', () => {
    expect(opinionBody('D-FIRE', { result: 'rectify', items: [{ text: ' 疏散指示标志不连续 ' }, { text: '  ' }, undefined, { text: '消防水泵接合器未标识' }], note: '  ' })).toEqual({
      departmentId: 'D-FIRE',
      result: 'rectify',
      items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }],
    });
    expect(opinionBody('D-ARCH', { result: 'pass', items: [{ text: '留在表单里的一行' }], note: '资料齐全' })).toEqual({ departmentId: 'D-ARCH', result: 'pass', note: '资料齐全' });
    expect(opinionBody('D-QS', { result: 'fail', items: [{ text: '' }], note: ' 主体结构检测不合格 ' })).toEqual({ departmentId: 'D-QS', result: 'fail', note: '主体结构检测不合格' });
  });

  it('says a refusal in Chinese, from what the API explains', () => {
    const said = (status: number, detail?: string) => opinionProblemText(showProblem({ title: 'x', ...(detail ? { detail } : {}) }, status));
    expect(said(422, 'The department’s deadline has passed: it is deemed to approve (超时默许)')).toContain('超时默许');
    expect(said(409, 'department D-FIRE gives its opinion after the joint inspection, which has not been held')).toBe('联合验收尚未举行，本部门须在现场验收后出具意见。');
    expect(said(409, 'department D-FIRE asked for rectification')).toBe('本部门已答复此办件，页面已重新载入。');
    expect(said(409, 'cannot GiveDepartmentOpinion a case that is suspended')).toContain('特别程序');
    expect(said(403, 'department D-FIRE’s opinion is not for your department (D-NR)')).toBe('您只能为本部门出具意见。');
    expect(said(412)).toContain('重新载入');
    expect(said(400, 'The opinion does not fit its result')).toBe('意见填写有误，请检查标红的项目。');
    expect(said(503)).toBe('系统繁忙，请稍后重试');
  });

  it('puts field errors on the fields, in words that fit the result', () => {
    const problem = showProblem(
      {
        title: 'x',
        errors: [
          { path: 'items', message: 'a rectification opinion lists what to rectify' },
          { path: 'body.items.1.text', message: 'Too big: expected string to have <=500 characters' },
          { path: 'note', message: 'a failing opinion gives its reason' },
        ],
      },
      400,
    );
    expect(opinionFieldErrors(problem, 'rectify')).toEqual([
      { name: ['items'], errors: ['请至少填写一项整改内容'] },
      { name: ['items', 1, 'text'], errors: ['内容太多或太长'] },
      { name: ['note'], errors: ['不符合要求'] },
    ]);
    expect(opinionFieldErrors(problem, 'fail')[2]).toEqual({ name: ['note'], errors: ['请填写不通过的理由'] });
    expect(opinionFieldErrors(problem, 'pass')[0]).toEqual({ name: ['items'], errors: ['通过时不填写整改内容'] });
  });
});

describe('what the pages list', () => {
  it('offers the departments of the joint items once each, in catalogue order, by name', () => {
    const items = [
      { type: 'commitment' as const, joint: null },
      { type: 'joint' as const, joint: { inspection: true, departments: [{ departmentId: 'D-NR', days: 5, materials: [], inspects: true }, { departmentId: 'D-FIRE', days: 5, materials: [], inspects: true }] } },
      { type: 'joint' as const, joint: { inspection: false, departments: [{ departmentId: 'D-FIRE', days: 3, materials: [], inspects: false }, { departmentId: 'D-X', days: 3, materials: [], inspects: false }] } },
    ];
    expect(jointDepartments(items, [{ id: 'D-FIRE', name: '三门县消防救援大队' }, { id: 'D-NR', name: '三门县自然资源和规划局' }])).toEqual([
      { id: 'D-NR', name: '三门县自然资源和规划局' },
      { id: 'D-FIRE', name: '三门县消防救援大队' },
      { id: 'D-X', name: 'D-X' },
    ]);
  });

  it('groups a combined list by department, in the order they first appear', () => {
    expect(
      byDepartment([
        { departmentId: 'D-FIRE', text: 'a' },
        { departmentId: 'D-QS', text: 'b' },
        { departmentId: 'D-FIRE', text: 'c' },
      ]),
    ).toEqual([
      { departmentId: 'D-FIRE', texts: ['a', 'c'] },
      { departmentId: 'D-QS', texts: ['b'] },
    ]);
  });

  it('says where and when the inspection is, in the county’s clock', () => {
    expect(inspectionLine({ required: false, at: null, place: null, heldDate: null })).toBe('本事项无联合验收');
    expect(inspectionLine({ required: true, at: null, place: null, heldDate: null })).toBe('尚未安排');
    expect(inspectionLine({ required: true, at: held.at, place: held.place, heldDate: null })).toBe('2026-12-22 09:30 · 海游街道工业园区项目现场');
  });

  it('knows the inbox’s statuses', () => {
    expect(isTaskStatus('deemed-approving')).toBe(true);
    expect(isTaskStatus('closed')).toBe(false);
    expect(isTaskStatus(null)).toBe(false);
  });
});

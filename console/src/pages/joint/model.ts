import type { Case, Schemas } from '../../../../client/index.ts';
import type { ShownProblem } from '../../api/problem.ts';
import { chineseDate, localDateTime } from '../../lib/dates.ts';

/** The joint pages' logic, apart from React so it can be tested on its own. */

export type JointReview = Schemas['JointReview'];
export type JointTask = JointReview['tasks'][number];
export type TaskStatus = JointTask['status'];
export type InboxTask = Schemas['JointInbox']['tasks'][number];
export type OpinionResult = 'pass' | 'rectify' | 'fail';

/** The inbox's tabs, in the order a reviewer works them: what is still to review first. */
export const inboxTabs: readonly { status: TaskStatus; label: string }[] = [
  { status: 'open', label: '待审查' },
  { status: 'rectify', label: '需整改' },
  { status: 'passed', label: '已通过' },
  { status: 'failed', label: '不通过' },
  { status: 'deemed-consenting', label: '缺席视为同意' },
  { status: 'deemed-approving', label: '超时默许' },
];

export const isTaskStatus = (value: string | null | undefined): value is TaskStatus => inboxTabs.some((t) => t.status === value);

/**
 * The departments that take part in any of the county's joint items, in catalogue order (the order
 * the items list them), with their names: the departments a director or an administrator may look at.
 */
export function jointDepartments(items: readonly Pick<Schemas['Item'], 'type' | 'joint'>[], departments: readonly { id: string; name: string }[]): { id: string; name: string }[] {
  const ids: string[] = [];
  for (const item of items) {
    if (item.type !== 'joint' || !item.joint) continue;
    for (const d of item.joint.departments) if (!ids.includes(d.departmentId)) ids.push(d.departmentId);
  }
  return ids.map((id) => ({ id, name: departments.find((d) => d.id === id)?.name ?? id }));
}

/** Why a department's opinion form is not offered, in the words the reviewer reads. */
export interface Blocker {
  kind: 'not-joint' | 'not-accepted' | 'suspended' | 'closed' | 'no-task' | 'answered' | 'waiting-rectification' | 'deemed-consenting' | 'deemed-approving' | 'overdue' | 'inspection-pending' | 'not-allowed';
  text: string;
}

type CaseForOpinion = Pick<Case, 'status' | 'joint'>;

/**
 * Whether `departmentId` may give its opinion on the case today, and if not, why — the same rules the
 * API decides by (docs/joint.md): the task is open, its deadline not passed, an inspecting department
 * after the joint inspection; only while the case is accepted; only its reviewer or an administrator.
 * The page explains rather than offering a form the API would refuse.
 */
export function opinionBlocker(kase: CaseForOpinion, departmentId: string | undefined, today: string, mayAnswer: boolean): Blocker | undefined {
  const joint = kase.joint;
  if (!joint) return { kind: 'not-joint', text: kase.status === 'submitted' || kase.status === 'awaiting-materials' ? '办件尚未受理，受理后各部门开始联合审查。' : '此办件不是联合审批办件。' };
  const task = departmentId ? joint.tasks.find((t) => t.departmentId === departmentId) : undefined;
  if (!task) return { kind: 'no-task', text: '本部门不参与此办件的联合审查。' };
  switch (task.status) {
    case 'passed':
    case 'failed':
      return { kind: 'answered', text: `本部门已答复（${task.status === 'passed' ? '通过' : '不通过'}${task.answeredDate ? `，${chineseDate(task.answeredDate)}` : ''}）。` };
    case 'rectify': {
      const answered = `本部门已答复（需整改${task.answeredDate ? `，${chineseDate(task.answeredDate)}` : ''}）`;
      const waitingForNotice = joint.rectification.pending.some((i) => i.departmentId === task.departmentId);
      return { kind: 'waiting-rectification', text: waitingForNotice ? `${answered}，等待牵头窗口出具一次性整改通知；申请人整改完成后再复查。` : `${answered}，整改通知已出具，申请人整改完成后再复查。` };
    }
    case 'deemed-consenting':
      return { kind: 'deemed-consenting', text: `本部门无正当理由缺席联合验收，已视为同意（缺席视为同意${task.answeredDate ? `，${chineseDate(task.answeredDate)}` : ''}）。` };
    case 'deemed-approving':
      return { kind: 'deemed-approving', text: `已超过期限（超时默许）：本部门审查期限为${chineseDate(task.deadline)}，逾期未答复视为同意。` };
    case 'open':
      break;
  }
  if (kase.status === 'suspended') return { kind: 'suspended', text: '办件处于特别程序中，计时暂停，暂不能出具意见。' };
  if (kase.status !== 'accepted') return { kind: 'closed', text: '办件已办结，不再出具意见。' };
  if (today > task.deadline) return { kind: 'overdue', text: `已超过期限（超时默许）：本部门审查期限为${chineseDate(task.deadline)}，逾期未答复视为同意。` };
  if (task.inspects && joint.inspection.required && joint.inspection.heldDate === null) {
    const when = joint.inspection.at ? `，已安排在${localDateTime(joint.inspection.at)}${joint.inspection.place ? `（${joint.inspection.place}）` : ''}` : '，牵头窗口尚未安排时间';
    return { kind: 'inspection-pending', text: `联合验收尚未举行${when}。本部门参加联合验收，须在现场验收后出具意见。` };
  }
  if (!mayAnswer) return { kind: 'not-allowed', text: '只有本部门的审查人员（或系统管理员）可以出具意见，您可以查看。' };
  return undefined;
}

/** What the opinion form holds (Form.List rows may be half-filled or removed). */
export interface OpinionValues {
  result?: OpinionResult;
  items?: ({ text?: string } | undefined)[];
  note?: string;
}

export interface OpinionBody {
  departmentId: string;
  result: OpinionResult;
  items?: { text: string }[];
  note?: string;
}

/** The request body of an opinion: blank rectification rows dropped, text trimmed; only 需整改 carries items. */
export function opinionBody(departmentId: string, values: OpinionValues): OpinionBody {
  const result = values.result ?? 'pass';
  const items = (values.items ?? []).map((i) => i?.text?.trim() ?? '').filter((text) => text !== '');
  const note = values.note?.trim();
  return { departmentId, result, ...(result === 'rectify' ? { items: items.map((text) => ({ text })) } : {}), ...(note ? { note } : {}) };
}

/**
 * A refused opinion as one Chinese sentence: the API explains in English (`detail`); the ones a
 * reviewer meets are said here in the hall's words, anything else falls back to the status's sentence.
 */
export function opinionProblemText(problem: Pick<ShownProblem, 'status' | 'message' | 'detail'>): string {
  const detail = problem.detail ?? '';
  if (problem.status === 403) return '您只能为本部门出具意见。';
  if (problem.status === 412) return '办件刚被他人更新，页面已重新载入，请核对后再提交。';
  if (/deadline has passed/i.test(detail)) return '已超过本部门的审查期限，视为同意（超时默许），不能再出具意见。';
  if (/inspection, which has not been held/i.test(detail)) return '联合验收尚未举行，本部门须在现场验收后出具意见。';
  if (/has passed it|has failed it|asked for rectification|is deemed/i.test(detail)) return '本部门已答复此办件，页面已重新载入。';
  if (/not for your department|has no task in this case/i.test(detail)) return '本部门不参与此办件的联合审查。';
  if (/a case that is (suspended)/i.test(detail)) return '办件处于特别程序中，暂不能出具意见。';
  if (/a case that is/i.test(detail)) return '办件已办结，不再出具意见。';
  if (problem.status === 400) return '意见填写有误，请检查标红的项目。';
  return problem.message;
}

/**
 * Field errors of a refused opinion, on the fields they name, in words that fit the chosen result
 * (the API's own field messages are English and generic once translated).
 */
export function opinionFieldErrors(problem: Pick<ShownProblem, 'fields'>, result: OpinionResult | undefined): { name: (string | number)[]; errors: string[] }[] {
  return problem.fields.map((f) => {
    const [head, index] = f.name;
    if (head === 'items' && index === undefined) return { name: ['items'], errors: [result === 'pass' ? '通过时不填写整改内容' : '请至少填写一项整改内容'] };
    if (head === 'items' && typeof index === 'number') return { name: ['items', index, 'text'], errors: [f.message] };
    if (head === 'note' && result === 'fail') return { name: ['note'], errors: ['请填写不通过的理由'] };
    return { name: f.name, errors: [f.message] };
  });
}

/** The joint inspection in a line: when and where, or that it is not needed or not yet appointed. */
export function inspectionLine(inspection: Pick<JointReview['inspection'], 'required' | 'at' | 'place' | 'heldDate'>): string {
  if (!inspection.required) return '本事项无联合验收';
  if (!inspection.at) return '尚未安排';
  return `${localDateTime(inspection.at)}${inspection.place ? ` · ${inspection.place}` : ''}`;
}

/** A combined list's items, one group per department in the order they first appear. */
export function byDepartment(items: readonly { departmentId: string; text: string }[]): { departmentId: string; texts: string[] }[] {
  const groups: { departmentId: string; texts: string[] }[] = [];
  for (const item of items) {
    const group = groups.find((g) => g.departmentId === item.departmentId);
    if (group) group.texts.push(item.text);
    else groups.push({ departmentId: item.departmentId, texts: [item.text] });
  }
  return groups;
}

interface Who {
  roles: readonly string[];
  departmentId?: string | undefined;
}

/** The API acts with a person's strongest role (functions/auth/access.ts `rolePrecedence`); so do the pages. */
const precedence = ['admin', 'director', 'callback', 'clerk', 'reviewer'] as const;
export const actingRole = (who: Who): string | undefined => precedence.find((r) => who.roles.includes(r));

/** Whether the person works for one department only (a reviewer), rather than picking one. */
export const boundToDepartment = (who: Who): boolean => actingRole(who) === 'reviewer';

/**
 * The department a page works for: a reviewer's own; a director or an administrator the one picked,
 * else the first offered. Undefined while there is nothing to pick from.
 */
export function departmentFor(who: Who, picked: string | null | undefined, offered: readonly string[]): string | undefined {
  if (boundToDepartment(who)) return who.departmentId;
  if (picked && offered.includes(picked)) return picked;
  return offered[0];
}

/** Whether the person may answer for a department, as the API allows: its own reviewer, or an administrator. */
export function mayAnswerFor(who: Who, departmentId: string | undefined): boolean {
  if (!departmentId) return false;
  const role = actingRole(who);
  return role === 'admin' || (role === 'reviewer' && who.departmentId === departmentId);
}

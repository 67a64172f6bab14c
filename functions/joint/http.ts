import * as z from 'zod/mini';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { jointTaskStatuses, opinionResults, rectificationView, taskDeadline } from '../../domain/case/joint.ts';
import { InvalidInput, NotFound } from '../../domain/errors.ts';
import { jointStatsLabels, jointStatsPartition, jointTasks, jointTasksPartition } from '../../domain/projections/joint.ts';
import { urgencies, urgencyOf, type Urgency } from '../../domain/projections/urgency.ts';
import { summarizeJoint } from '../../domain/stats/joint.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { assertDepartment } from '../auth/access.ts';
import { CaseIdParams, CaseView } from '../case/schemas.ts';
import { caseReply, readCase, step } from '../case/steps.ts';
import { onCase } from '../case/run.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, type Out } from '../http/route.ts';
import { CaseId, DateParams, dateRange, EmptyBody, Id, LocalDateString, named, Nullable, Text } from '../http/schemas.ts';
import { counterRows } from '../projections/counter-rows.ts';
import { todayAt } from '../runtime.ts';
import { JointRectificationView } from './schemas.ts';
import { sweepJointDeadlines } from './sweep.ts';

/**
 * Joint approval (联合验收, 联合测量): the lead window appoints and records the joint inspection and
 * issues the combined rectification list; each department's reviewer gives its opinion; the daily
 * sweep deems silent departments approving; a department's inbox and the figures the center reports.
 */

const ENTRY = 'joint' as const;
const STAFF = ['clerk', 'director', 'callback', 'admin'] as const;

/** A step of the joint review taken at the lead window (its clerks, or an administrator). */
const windowStep = <B extends z.ZodMiniType>(path: string, operationId: string, summary: string, body: B, command: (body: Out<B>, meta: CommandMeta) => CaseCommand) =>
  step(`joint/${path}`, operationId, summary, body, command, ENTRY);

const Absent = z.strictObject({ departmentId: Id, justified: z.boolean(), reason: z.optional(Text(500)) });
const OpinionBody = z.strictObject({
  departmentId: Id,
  result: z.enum(opinionResults),
  items: z.optional(z.array(z.strictObject({ text: Text(500) })).check(z.maxLength(50))),
  note: z.optional(Text(1000)),
});

const InboxQuery = z.strictObject({ status: z._default(z.enum(jointTaskStatuses), 'open') });
const JointInbox = named('JointInbox', z.object({
  departmentId: z.string(),
  name: z.string(),
  date: LocalDateString,
  status: z.enum(jointTaskStatuses),
  counts: z.record(z.enum(urgencies), z.int()),
  tasks: z.array(
    z.object({
      caseId: CaseId,
      caseNo: z.string(),
      item: z.object({ code: z.string(), name: z.string() }),
      windowId: z.string(),
      organization: Nullable(z.string()),
      status: z.enum(jointTaskStatuses),
      days: z.int(),
      inspects: z.boolean(),
      acceptedDate: LocalDateString,
      deadline: LocalDateString,
      deadlineProvisional: z.boolean(),
      clockStopped: z.boolean(),
      urgency: z.enum(urgencies),
      inspection: z.object({ date: Nullable(LocalDateString), at: Nullable(z.string()), place: Nullable(z.string()), heldDate: Nullable(LocalDateString) }),
      answeredDate: Nullable(LocalDateString),
      items: z.array(z.object({ text: z.string() })),
    }),
  ),
}));
const SweepResultView = named('JointSweep', z.object({
  date: LocalDateString,
  considered: z.int(),
  deemed: z.array(z.object({ caseId: CaseId, caseNo: z.string(), departmentId: z.string(), deadline: LocalDateString })),
}));
const JointStatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, itemCode: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) }).check(z.superRefine(dateRange));
const Days = z.nullable(z.number());
const JointStats = named('JointStats', z.object({
  from: LocalDateString,
  to: LocalDateString,
  itemCode: Nullable(z.string()),
  cases: z.int().check(z.meta({ description: 'joint cases accepted in the period' })),
  completed: z.int(),
  approved: z.int(),
  denied: z.int(),
  averageWorkingDays: Days.check(z.meta({ description: 'working days from acceptance to completion, over the cases completed in the period' })),
  medianWorkingDays: Days,
  serialWorkingDays: Days.check(z.meta({ description: 'per completed case, the sum of its departments’ limits: what going one after another would have taken' })),
  deemedConsents: z.int(),
  deemedApprovals: z.int(),
  rectifications: z.int().check(z.meta({ description: 'combined rectification lists issued' })),
  rectificationItems: z.int(),
  byDepartment: z.array(
    z.object({
      departmentId: z.string(),
      name: z.string(),
      tasks: z.int(),
      answered: z.int(),
      passed: z.int(),
      rectify: z.int(),
      failed: z.int(),
      deemedApprovals: z.int(),
      deemedConsents: z.int(),
      averageWorkingDaysToAnswer: Days,
    }),
  ),
}));
const RectificationList = named('JointRectificationList', z.extend(JointRectificationView, { caseId: CaseId, caseNo: z.string(), departments: z.array(z.object({ departmentId: z.string(), name: z.string() })) }));

export const jointRoutes = [
  windowStep('inspection', 'scheduleJointInspection', 'Appoint the joint inspection, or move it (安排联合验收)', z.strictObject({ at: z.iso.datetime({ offset: true }), place: Text(200) }), (data, meta) => ({ type: 'ScheduleJointInspection', data, meta })),
  windowStep('inspection/held', 'recordJointInspection', 'Record who came to the joint inspection; an unjustified absence is consent (无正当理由缺席默认)', z.strictObject({ present: z.array(Id).check(z.maxLength(30)), absent: z.array(Absent).check(z.maxLength(30)) }), (data, meta) => ({ type: 'RecordJointInspection', data, meta })),
  windowStep('rectification', 'issueJointRectification', 'Issue the combined rectification list of every department that asked (一次性整改通知)', EmptyBody, (data, meta) => ({ type: 'IssueJointRectification', data, meta })),
  windowStep('rectification/done', 'completeJointRectification', 'The applicant has rectified: the departments that asked review again (整改完成)', EmptyBody, (data, meta) => ({ type: 'CompleteJointRectification', data, meta })),
  defineRoute({
    method: 'POST',
    path: '/cases/{id}/joint/opinions',
    entry: ENTRY,
    operationId: 'giveDepartmentOpinion',
    summary: 'A department’s opinion on a joint case: pass, rectify (with items) or fail (部门意见)',
    params: CaseIdParams,
    body: OpinionBody,
    response: { status: 200, schema: CaseView },
    command: true,
    access: ['reviewer', 'admin'],
    handle: (request, rt) => {
      assertDepartment(request.caller, request.body.departmentId, `department ${request.body.departmentId}’s opinion`);
      return onCase(
        rt,
        request,
        request.params.id,
        (state) => ({ type: 'GiveDepartmentOpinion', data: request.body, meta: commandMeta(request, { windowId: state.joint?.tasks.find((t) => t.departmentId === request.body.departmentId)?.windowId ?? null, siteId: null }) }),
        (result, context) => caseReply(result, request.caller, context),
        { authorize: () => undefined },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/cases/{id}/joint/rectification',
    entry: ENTRY,
    operationId: 'getJointRectification',
    summary: 'The combined rectification list, each item with its department',
    params: CaseIdParams,
    response: { status: 200, schema: RectificationList },
    access: [...STAFF, 'reviewer'],
    handle: async (request, rt) => {
      const { state } = await readCase(rt, request.params.id, request);
      if (!state.joint) throw new NotFound(`case ${state.caseNo} has no joint review`);
      const list = rectificationView(state.joint);
      const departments = [...new Set([...list.items, ...list.pending].map((i) => i.departmentId))].map((id) => ({ departmentId: id, name: rt.county.department(id)?.name ?? id }));
      return { headers: { etag: `"${state.version}"` }, body: { caseId: state.caseId, caseNo: state.caseNo, ...list, departments } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/joint/deadlines/{date}',
    entry: ENTRY,
    operationId: 'sweepJointDeadlines',
    summary: 'Deem every department whose deadline is before the date and that has not answered to approve (超时默许); the daily timer does the same',
    params: DateParams,
    body: EmptyBody,
    response: { status: 200, schema: SweepResultView },
    access: ['admin'],
    handle: async (request, rt) => ({ body: await sweepJointDeadlines(rt, request.params.date, request.now, () => commandMeta(request)) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/departments/{id}/joint-tasks',
    entry: ENTRY,
    operationId: 'listJointTasks',
    summary: 'A department’s joint tasks (部门待办), most urgent first',
    params: z.strictObject({ id: Id }),
    query: InboxQuery,
    response: { status: 200, schema: JointInbox },
    access: ['reviewer', 'clerk', 'director', 'admin'],
    handle: async (request, rt) => {
      const departmentId = request.params.id;
      const department = rt.county.department(departmentId);
      if (!department) throw new NotFound(`no department ${departmentId}`);
      assertDepartment(request.caller, departmentId, `department ${departmentId}’s tasks`);
      const today = todayAt(rt, request.now);
      const status = request.query.status;
      const [entries, calendar] = await Promise.all([rt.views.docs(jointTasks, jointTasksPartition(departmentId), { from: `${status}#`, to: `${status}#\uffff` }), rt.calendars.calendar()]);
      const tasks = entries.map(({ doc }) => {
        const clockStopped = doc.stoppedSince !== null;
        const running = doc.status === 'open' || doc.status === 'rectify';
        const stoppedNow = clockStopped ? calendar.workingDaysBetween(doc.stoppedSince!, today) : 0;
        const { deadline, provisional } = running ? taskDeadline(doc.acceptedDate, { days: doc.days, stoppedWorkingDays: doc.stoppedWorkingDays + stoppedNow }, calendar) : { deadline: doc.deadline, provisional: false };
        const urgency: Urgency = doc.status === 'open' && doc.caseStatus === 'accepted' ? urgencyOf(deadline, today, calendar) : 'normal';
        const { stoppedSince: _s, stoppedWorkingDays: _w, caseStatus: _c, departmentId: _d, ...shown } = doc;
        return { ...shown, deadline, deadlineProvisional: provisional, clockStopped, urgency };
      });
      tasks.sort((a, b) => urgencies.indexOf(a.urgency) - urgencies.indexOf(b.urgency) || a.deadline.localeCompare(b.deadline) || a.caseNo.localeCompare(b.caseNo));
      const counts = Object.fromEntries(urgencies.map((u) => [u, tasks.filter((t) => t.urgency === u).length])) as Record<Urgency, number>;
      return { body: { departmentId, name: department.name, date: today, status, counts, tasks } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/joint',
    entry: ENTRY,
    operationId: 'getJointStats',
    summary: 'Joint approval over a period: working days per case against the serial sum, deemed consents and approvals, by department',
    query: JointStatsQuery,
    response: { status: 200, schema: JointStats },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { from, to, itemCode } = request.query;
      if (itemCode !== undefined && rt.county.item(itemCode)?.type !== 'joint') {
        throw new InvalidInput('Not a joint item', [{ path: 'query.itemCode', message: `item ${itemCode} is not a joint item of this county` }]);
      }
      const rows = await counterRows(rt.views, jointStatsPartition, jointStatsLabels, from, to);
      return { body: { from, to, itemCode: itemCode ?? null, ...summarizeJoint(rows, rt.county.county.departments, itemCode) } };
    },
  }),
];

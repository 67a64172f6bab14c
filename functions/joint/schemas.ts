import * as z from 'zod/mini';
import { jointTaskStatuses } from '../../domain/case/joint.ts';
import { LocalDateString, named, Nullable } from '../http/schemas.ts';

/** What the API shows of a joint case's departments (联合审批): shared by the case and the joint routes. */

const Items = z.array(z.object({ text: z.string() }));
export const JointRectificationView = named('JointRectification', z.object({
  round: Nullable(z.int()),
  status: z.enum(['none', 'issued', 'completed']),
  issuedDate: Nullable(LocalDateString),
  completedDate: Nullable(LocalDateString),
  stoppedWorkingDays: Nullable(z.int()),
  items: z.array(z.object({ departmentId: z.string(), text: z.string() })),
  pending: z.array(z.object({ departmentId: z.string(), text: z.string() })).check(z.meta({ description: 'asked for since the last notice: they go out in the next one' })),
  rounds: z.int(),
}));

export const JointReviewView = named('JointReview', z.object({
  acceptedDate: LocalDateString,
  tasks: z.array(
    z.object({
      departmentId: z.string(),
      windowId: z.string().check(z.meta({ description: 'the window that answers for the department in the hall' })),
      status: z.enum(jointTaskStatuses),
      days: z.int(),
      inspects: z.boolean(),
      materials: z.array(z.string()),
      deadline: LocalDateString.check(z.meta({ description: 'against today’s calendar while the department has not answered' })),
      deadlineProvisional: z.boolean(),
      stoppedWorkingDays: z.int(),
      clockStopped: z.boolean(),
      answeredAt: Nullable(z.string()),
      answeredDate: Nullable(LocalDateString),
      items: Items,
      note: Nullable(z.string()),
    }),
  ),
  inspection: z.object({
    required: z.boolean(),
    at: Nullable(z.string()),
    date: Nullable(LocalDateString),
    place: Nullable(z.string()),
    heldDate: Nullable(LocalDateString),
    present: z.array(z.string()),
    absent: z.array(z.object({ departmentId: z.string(), justified: z.boolean(), reason: Nullable(z.string()) })),
  }),
  rectification: JointRectificationView,
  serialWorkingDays: z.int().check(z.meta({ description: 'the sum of the departments’ limits: what going one after another would take' })),
}));

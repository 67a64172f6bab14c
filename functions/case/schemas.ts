import * as z from 'zod/mini';
import { channels, decisions, deliveryMethods, procedures } from '../../domain/case/events.ts';
import { caseStatuses } from '../../domain/case/state.ts';
import { itemTypes } from '../../domain/county.ts';
import { actorRoles } from '../../domain/meta.ts';
import { CaseId, LocalDateString, named, Nullable } from '../http/schemas.ts';
import { JointReviewView } from '../joint/schemas.ts';
import { SmsEntry } from '../sms/schemas.ts';

/** What staff read of a case: its path parameter, the case, its timeline. */

export const CaseIdParams = z.strictObject({ id: CaseId });

const ApplicantView = z.object({ name: z.string(), phone: z.optional(z.string()), idNumber: z.optional(z.string()), organization: z.optional(z.string()) });
const ItemTerms = z.object({ code: z.string(), name: z.string(), type: z.enum(itemTypes), committedDays: z.number(), statutoryDays: z.number() });
export const CaseView = named('Case', z.object({
  caseId: CaseId,
  caseNo: z.string().check(z.meta({ example: '331022-20261126-00042' })),
  status: z.enum(caseStatuses),
  version: z.int(),
  item: ItemTerms,
  windowId: z.string(),
  departmentId: z.string(),
  siteId: z.string(),
  receivedSiteId: z.string(),
  channel: z.enum(channels),
  applicant: ApplicantView,
  queryCode: z.optional(z.string().check(z.regex(/^\d{6}$/))).check(z.describe('printed on the receipt (查询码): with the case number it looks the case up on the public progress page')),
  materials: z.array(z.string()),
  missing: Nullable(z.array(z.string())),
  materialsRequests: z.int(),
  submittedAt: z.string(),
  acceptedAt: Nullable(z.string()),
  acceptedDate: Nullable(LocalDateString),
  deadline: Nullable(LocalDateString),
  deadlineProvisional: z.boolean(),
  suspendedWorkingDays: z.int(),
  suspension: Nullable(z.object({ since: LocalDateString, procedure: z.enum(procedures), reason: z.string() })),
  rejectedAt: Nullable(z.string()),
  rejectionReason: Nullable(z.string()),
  completedAt: Nullable(z.string()),
  decision: Nullable(z.enum(decisions)),
  onTime: Nullable(z.boolean()),
  early: Nullable(z.boolean()),
  deliveredAt: Nullable(z.string()),
  deliveryMethod: Nullable(z.enum(deliveryMethods)),
  joint: Nullable(JointReviewView).check(z.meta({ description: 'a joint case’s departments, from acceptance (联合审批)' })),
  project: z.optional(z.object({ projectId: z.string(), stepId: z.string() })).check(z.describe('the agency project’s step the case files (代理代办)')),
  updatedAt: z.string(),
}));

/** A case's signed, dated steps as staff read them (the case page; an archive check's file). */
export const Timeline = named('Timeline', z.object({
  caseId: CaseId,
  caseNo: z.string(),
  events: z.array(
    z.object({
      version: z.int(),
      type: z.string(),
      at: z.string(),
      actor: z.object({ id: z.string(), role: z.enum(actorRoles) }),
      windowId: Nullable(z.string()),
      siteId: Nullable(z.string()),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  messages: z.array(SmsEntry).check(z.describe('the text messages the case’s events sent the applicant (短信), in event order')),
}));

import type { CommandMeta } from '../meta.ts';
import type { Applicant, Channel, Decision, DeliveryMethod, Procedure } from './events.ts';

type Command<Type extends string, Data> = { type: Type; data: Data; meta: CommandMeta };

/** Register an application (收件登记). */
export type SubmitCase = Command<
  'SubmitCase',
  {
    caseId: string;
    caseNo: string;
    itemCode: string;
    applicant: Applicant;
    channel: Channel;
    siteId?: string | undefined;
    windowId?: string | undefined;
    materials: string[];
  }
>;

/** Issue the one-time notice of everything missing (一次性告知). */
export type RequestMaterials = Command<'RequestMaterials', { missing: string[]; note?: string | undefined }>;

/** Record materials the applicant brought in answer to the notice (补正). */
export type SupplyMaterials = Command<'SupplyMaterials', { materials: string[] }>;

/** Accept the application (受理). */
export type AcceptCase = Command<'AcceptCase', Record<string, never>>;

/** Decline to accept (不予受理). */
export type RejectCase = Command<'RejectCase', { reason: string }>;

/** Start a special procedure that stops the clock (特别程序). */
export type SuspendCase = Command<'SuspendCase', { procedure: Procedure; reason: string }>;

/** End the special procedure (特别程序结束). */
export type ResumeCase = Command<'ResumeCase', Record<string, never>>;

/** Move the case to another window or forward it to the county (转办/转报). */
export type TransferCase = Command<'TransferCase', { windowId: string; siteId?: string | undefined }>;

/** Decide the case (办结). */
export type CompleteCase = Command<'CompleteCase', { decision: Decision; note?: string | undefined }>;

/** Hand over the result (送达). */
export type DeliverCase = Command<'DeliverCase', { method: DeliveryMethod }>;

export type CaseCommand =
  | SubmitCase
  | RequestMaterials
  | SupplyMaterials
  | AcceptCase
  | RejectCase
  | SuspendCase
  | ResumeCase
  | TransferCase
  | CompleteCase
  | DeliverCase;

export type { CommandMeta } from '../meta.ts';

export type CaseCommandType = CaseCommand['type'];

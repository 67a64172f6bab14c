import type { CommandMeta } from '../meta.ts';
import type { Level, ReviewChannel } from '../reviews/levels.ts';
import type { JointCommand } from './joint.ts';
import type { Applicant, CallbackAnswers, ProjectLink, CallbackOutcome, Channel, Decision, DeliveryMethod, Procedure, RecheckResult, RectificationVerified, Resolution } from './events.ts';

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
    /** The receipt's query code (查询码), derived by the adapter from the case id under the county secret. */
    queryCode?: string | undefined;
    /** The agency project's step this case files (代办项目的一步): channel `agent`; the adapter checked the step may be filed. */
    project?: ProjectLink | undefined;
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

/** Rate the service (评价) through a device, online or the hotline. */
export type ReviewCase = Command<'ReviewCase', { reviewId: string; level: Level; channel: ReviewChannel; tags?: string[] | undefined; text?: string | undefined }>;

/** Count the county's default level for a case nobody rated in time (默认评价). */
export type ApplyDefaultReview = Command<'ApplyDefaultReview', { reviewId: string }>;

/** An SMS reply to the rating invitation (短信评议): a rating, or kept as an unparsed reply. */
export type ReceiveSmsReply = Command<'ReceiveSmsReply', { reviewId: string; text: string; receivedAt: string; messageId?: string | undefined }>;

/** Record a callback attempt from today's list (电话回访). */
export type RecordCallbackAttempt = Command<
  'RecordCallbackAttempt',
  { attemptId: string; reviewId: string; outcome: CallbackOutcome; level?: Level | undefined; answers?: CallbackAnswers | undefined; comment?: string | undefined }
>;

/** Verify a bad review (核实). */
export type VerifyRectification = Command<'VerifyRectification', { rectificationId: string; finding: RectificationVerified['data']['finding']; note?: string | undefined }>;
/** Record the window's rectification (整改) or explanation. */
export type ResolveRectification = Command<'ResolveRectification', { rectificationId: string; how: Resolution; note: string }>;
/** Appeal a mistaken or malicious review (申诉). */
export type AppealRectification = Command<'AppealRectification', { rectificationId: string; reason: string }>;
/** Re-check an appeal (复核). */
export type RecheckRectification = Command<'RecheckRectification', { rectificationId: string; result: RecheckResult; note?: string | undefined }>;
/** Record the follow-up callback. */
export type FollowUpRectification = Command<'FollowUpRectification', { rectificationId: string; satisfied: boolean; note?: string | undefined }>;
/** Close the rectification. */
export type CloseRectification = Command<'CloseRectification', { rectificationId: string; note?: string | undefined }>;

export type RectificationCommand = VerifyRectification | ResolveRectification | AppealRectification | RecheckRectification | FollowUpRectification | CloseRectification;

/** What is said of the service: reviews, SMS replies, callbacks, and the rectification of bad reviews. */
export type ReviewCommand = ReviewCase | ApplyDefaultReview | ReceiveSmsReply | RecordCallbackAttempt | RectificationCommand;

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
  | DeliverCase
  | ReviewCommand
  | JointCommand;

export type { JointCommand } from './joint.ts';

export type { CommandMeta } from '../meta.ts';

export type CaseCommandType = CaseCommand['type'];

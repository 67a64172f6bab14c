import type { CommandMeta, EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/**
 * The intermediary-service marketplace (中介超市): intermediaries (`intermediary#<id>`) register and
 * are approved; a state-funded project's owner publishes its need (`market#<id>`), approved
 * intermediaries quote sealed, the winner is chosen by the announced method, publicised for
 * objections, contracted, and evaluated. Money is in whole yuan (元): intermediary fees are quoted so.
 */

type Event<T extends string, D> = { type: T; data: D; meta: EventMeta };

/** Qualification grades, highest first: 甲级, 乙级, 丙级. */
export const grades = ['A', 'B', 'C'] as const;
export type Grade = (typeof grades)[number];
/** Whether `grade` is at least `min` (A is the highest). */
export const gradeAtLeast = (grade: Grade, min: Grade) => grades.indexOf(grade) <= grades.indexOf(min);

/** A qualification certificate (资质证书): its type (a service type), grade, number and last valid day. */
export interface Qualification {
  type: string;
  grade: Grade;
  certificateNo: string;
  expires: LocalDate;
}

/** The intermediary's contact (联系人): shown to the center's staff and owners, never to the public or other intermediaries. */
export interface Contact {
  name: string;
  phone: string;
}

/** An intermediary registered (中介机构入驻申请): it waits for an administrator's approval. */
export type IntermediaryRegistered = Event<
  'IntermediaryRegistered',
  { intermediaryId: string; name: string; creditCode: string; serviceTypes: string[]; qualifications: Qualification[]; contact: Contact; registeredDate: LocalDate }
>;
/** Its service types and certificates changed (资质变更): a renewed or new certificate. */
export type QualificationsUpdated = Event<'QualificationsUpdated', { serviceTypes: string[]; qualifications: Qualification[]; updatedDate: LocalDate }>;
/** An administrator approved it (审核通过): it may quote from now on. */
export type IntermediaryApproved = Event<'IntermediaryApproved', { approvedDate: LocalDate }>;
/** An administrator suspended it (暂停): through `until` (inclusive), or until reinstated when null. */
export type IntermediarySuspended = Event<'IntermediarySuspended', { reason: string; suspendedDate: LocalDate; until: LocalDate | null }>;
/** An administrator lifted its suspension (恢复), a manual one or one its evaluations brought. */
export type IntermediaryReinstated = Event<'IntermediaryReinstated', { reinstatedDate: LocalDate; note: string | null }>;

export type IntermediaryEvent = IntermediaryRegistered | QualificationsUpdated | IntermediaryApproved | IntermediarySuspended | IntermediaryReinstated;

/** Register an intermediary (入驻登记). */
export type RegisterIntermediary = {
  type: 'RegisterIntermediary';
  data: { intermediaryId: string; name: string; creditCode: string; serviceTypes: string[]; qualifications: Qualification[]; contact: Contact };
  meta: CommandMeta;
};
/** Update its service types and certificates (资质变更). */
export type UpdateQualifications = { type: 'UpdateQualifications'; data: { serviceTypes: string[]; qualifications: Qualification[] }; meta: CommandMeta };
/** Approve it (审核通过). */
export type ApproveIntermediary = { type: 'ApproveIntermediary'; data: Record<string, never>; meta: CommandMeta };
/** Suspend it (暂停竞价资格). */
export type SuspendIntermediary = { type: 'SuspendIntermediary'; data: { reason: string; until: LocalDate | null }; meta: CommandMeta };
/** Lift its suspension (恢复资格). */
export type ReinstateIntermediary = { type: 'ReinstateIntermediary'; data: { note: string | null }; meta: CommandMeta };

export type IntermediaryCommand = RegisterIntermediary | UpdateQualifications | ApproveIntermediary | SuspendIntermediary | ReinstateIntermediary;

export interface IntermediaryState {
  intermediaryId: string;
  name: string;
  creditCode: string;
  serviceTypes: string[];
  qualifications: Qualification[];
  contact: Contact;
  registeredDate: LocalDate;
  status: 'pending' | 'approved' | 'suspended';
  approvedDate: LocalDate | null;
  /** The manual suspension in force (or last in force: `until` may have passed). */
  suspension: { reason: string; since: LocalDate; until: LocalDate | null } | null;
  /** The latest reinstatement: automatic suspensions triggered on or before it are lifted. */
  reinstatedDate: LocalDate | null;
}

/** Selection methods (选取方式): lowest price (最低价), random draw (随机抽取), comprehensive evaluation (综合比选), direct award (直接委托). */
export const methods = ['lowest-price', 'random-draw', 'comprehensive', 'direct'] as const;
export type Method = (typeof methods)[number];
/** The methods that need competition (at least the county's minimum number of quotes). */
export const competitive = (method: Method) => method !== 'direct';

/** How a random draw can be checked: the key committed to at publication, revealed now, and the draw it gives. */
export interface DrawEvidence {
  round: number;
  /** SHA-256 of the key, published with the announcement (before any quote). */
  commitment: string;
  /** The project's draw key (HMAC of the project id under the county secret), revealed with the result. */
  key: string;
  /** `<projectId>|<quoteDeadline>|<round>`. */
  message: string;
  /** HMAC-SHA-256 of the message under the key, hex. */
  digest: string;
  /** The qualified quotes' intermediaries, sorted by id. */
  candidates: string[];
  /** The digest as a number modulo the number of candidates: the winner's position in `candidates`. */
  index: number;
}

/** Why the winner won, for the record and the public result. */
export type SelectionEvidence =
  | { method: 'lowest-price'; round: number; ranking: { intermediaryId: string; amount: number; submittedAt: string }[] }
  | ({ method: 'random-draw' } & DrawEvidence)
  | { method: 'comprehensive'; round: number; scores: { intermediaryId: string; score: number; amount: number }[] }
  | { method: 'direct'; round: number };

/** A quote as recorded (报价). */
export interface Quote {
  quoteNo: number;
  intermediaryId: string;
  intermediaryName: string;
  amount: number;
  servicePeriodDays: number;
  grade: Grade;
  submittedAt: string;
  /** The earlier quote of the same intermediary it replaces, if any. */
  replaces: number | null;
}

/** What a project needs and how it will choose: the announcement's content (公告内容). */
export interface MarketNeed {
  projectId: string;
  projectNo: string;
  title: string;
  description: string;
  ownerId: string;
  ownerName: string;
  serviceType: string;
  /** Yuan. */
  budget: number;
  stateFunded: boolean;
  method: Method;
  qualification: { type: string; minLevel: Grade };
  quoteDeadline: LocalDate;
  servicePeriodDays: number;
  /** A direct award's intermediary (直接委托对象), chosen at drafting; null for the other methods. */
  directIntermediaryId: string | null;
}

/** A project's need was drafted (编制采购需求). */
export type MarketProjectDrafted = Event<'MarketProjectDrafted', MarketNeed & { draftedDate: LocalDate }>;
/** The announcement went out (发布公告); a draw's key commitment with it. */
export type MarketProjectPublished = Event<'MarketProjectPublished', { publishedDate: LocalDate; quoteDeadline: LocalDate; quotesCloseAt: string; drawCommitment: string | null }>;
/** An intermediary quoted, sealed until the deadline (密封报价). */
export type QuoteSubmitted = Event<'QuoteSubmitted', Quote>;
/** The deadline passed (报价截止). */
export type QuotingClosed = Event<'QuotingClosed', { closedDate: LocalDate; quotes: number }>;
/** No award (流标): too few quotes, or no qualified quote left. */
export type MarketProjectFailed = Event<'MarketProjectFailed', { reason: 'too-few-quotes' | 'no-candidates'; quotes: number; minimum: number; failedDate: LocalDate }>;
/** The winner was chosen by the announced method (确定中选机构). */
export type SelectionMade = Event<
  'SelectionMade',
  { round: number; intermediaryId: string; intermediaryName: string; amount: number; method: Method; evidence: SelectionEvidence; excluded: { intermediaryId: string; code: ExclusionCode; reason: string }[]; selectedDate: LocalDate }
>;
/** The result is publicised (结果公示) through `until` (inclusive, working days on the county calendar). */
export type ResultPublicised = Event<'ResultPublicised', { round: number; from: LocalDate; until: LocalDate; endsAt: string }>;
/** An objection to the result (异议). */
export type ObjectionRaised = Event<'ObjectionRaised', { objectionNo: number; byId: string; byRole: string; text: string; raisedDate: LocalDate }>;
/** The administrator's answer (异议处理): upheld annuls the selection. */
export type ObjectionResolved = Event<'ObjectionResolved', { objectionNo: number; upheld: boolean; resolution: string; resolvedDate: LocalDate }>;
/** The winner withdrew after the award (中选后放弃). */
export type AwardWithdrawn = Event<'AwardWithdrawn', { intermediaryId: string; reason: string; withdrawnDate: LocalDate }>;
/** The selection no longer stands: its winner is out, and the owner selects again among the rest. */
export type SelectionAnnulled = Event<'SelectionAnnulled', { round: number; intermediaryId: string; reason: 'objection-upheld' | 'withdrawn'; annulledDate: LocalDate }>;
/** The publicity period ended without a standing objection: the award is final (成交). */
export type PublicityEnded = Event<'PublicityEnded', { endedDate: LocalDate }>;
/** The contract was signed (签订合同). */
export type ContractSigned = Event<'ContractSigned', { contractNo: string; amount: number; signedDate: LocalDate; dueDate: LocalDate }>;
/** The service was delivered (服务完成). */
export type ServiceCompleted = Event<'ServiceCompleted', { completedDate: LocalDate; daysLate: number }>;
/** The owner evaluated the intermediary (服务评价): each 1–5; the score is their mean × 20. */
export type IntermediaryEvaluated = Event<
  'IntermediaryEvaluated',
  { intermediaryId: string; quality: number; timeliness: number; attitude: number; feeCompliance: number; score: number; comment: string | null; evaluatedDate: LocalDate }
>;

export type MarketEvent =
  | MarketProjectDrafted
  | MarketProjectPublished
  | QuoteSubmitted
  | QuotingClosed
  | MarketProjectFailed
  | SelectionMade
  | ResultPublicised
  | ObjectionRaised
  | ObjectionResolved
  | AwardWithdrawn
  | SelectionAnnulled
  | PublicityEnded
  | ContractSigned
  | ServiceCompleted
  | IntermediaryEvaluated;

type Command<T extends string, D> = { type: T; data: D; meta: CommandMeta };
/** Draft the need (编制需求); the adapter has made its id and number. */
export type DraftMarketProject = Command<'DraftMarketProject', MarketNeed>;
/** Publish the announcement (发布公告), with a new deadline when the draft's has come too close; a draw's commitment comes from the adapter (it holds the county secret). */
export type PublishMarketProject = Command<'PublishMarketProject', { drawCommitment: string | null; quoteDeadline: LocalDate | null }>;
/** Quote (报价), or replace one's quote before the deadline. */
export type SubmitQuote = Command<'SubmitQuote', { intermediaryId: string; amount: number; servicePeriodDays: number }>;
/** Close quoting after the deadline (the daily timer; selecting does it too). */
export type CloseQuoting = Command<'CloseQuoting', Record<string, never>>;
/** Select the winner (选取): a draw brings its key and digest from the adapter, comprehensive scoring the panel's scores. */
export type SelectIntermediary = Command<'SelectIntermediary', { draw: { key: string; digest: string } | null; scores: Record<string, number> | null }>;
/** Object to the result (提出异议): an intermediary that quoted (`intermediaryId`), or the administrator recording one. */
export type RaiseObjection = Command<'RaiseObjection', { text: string; intermediaryId: string | null }>;
/** Answer an objection (异议处理). */
export type ResolveObjection = Command<'ResolveObjection', { objectionNo: number; upheld: boolean; resolution: string }>;
/** The winner gives the award up (放弃中选): itself (`intermediaryId`), or the administrator recording it. */
export type WithdrawAward = Command<'WithdrawAward', { reason: string; intermediaryId: string | null }>;
/** End the publicity period (the daily timer). */
export type EndPublicity = Command<'EndPublicity', Record<string, never>>;
/** Record the contract (签订合同). */
export type SignContract = Command<'SignContract', { contractNo: string; signedDate: LocalDate }>;
/** Record the service delivered (服务完成). */
export type CompleteService = Command<'CompleteService', { completedDate: LocalDate }>;
/** Evaluate the intermediary (服务评价), once. */
export type EvaluateIntermediary = Command<'EvaluateIntermediary', { quality: number; timeliness: number; attitude: number; feeCompliance: number; comment: string | null }>;

export type MarketCommand =
  | DraftMarketProject
  | PublishMarketProject
  | SubmitQuote
  | CloseQuoting
  | SelectIntermediary
  | RaiseObjection
  | ResolveObjection
  | WithdrawAward
  | EndPublicity
  | SignContract
  | CompleteService
  | EvaluateIntermediary;

/** Why an intermediary may not quote: not approved yet, suspended (by hand or by its evaluations), trust below the floor. */
export type BarCode = 'pending' | 'suspended' | 'below-floor';
/** Why a quote was left out of a selection: its intermediary's bar, an earlier award of it annulled, or no registration. */
export type ExclusionCode = BarCode | 'annulled' | 'unregistered';

/** Where an intermediary stands on a day, as deciding needs it. */
export interface Standing {
  intermediaryId: string;
  name: string;
  status: 'pending' | 'approved' | 'suspended';
  /** Why it may not quote today (pending, suspended, below the trust floor), in a sentence for logs and errors, or null; `barredCode` says which. */
  barred: string | null;
  barredCode: BarCode | null;
  qualifications: Qualification[];
  trust: number;
}

/** What deciding needs beyond the stream: the calendar, the county's rules, where intermediaries stand. */
export interface MarketContext {
  timeZone: string;
  /** The hall's closing time: a deadline or publicity period ends at it on its last day. */
  closes: string;
  isWorkingDay: (date: LocalDate) => boolean;
  addWorkingDays: (date: LocalDate, n: number) => LocalDate;
  workingDaysBetween: (after: LocalDate, through: LocalDate) => number;
  serviceType: (code: string) => boolean;
  minQuotes: number;
  minQuoteWorkingDays: number;
  publicityWorkingDays: number;
  directAwardBelowYuan: number;
  /** Where an intermediary stands today (undefined: not registered). */
  standing: (intermediaryId: string) => Standing | undefined;
}

export type MarketStatus = 'draft' | 'published' | 'closed' | 'failed' | 'publicised' | 'awarded' | 'contracted' | 'completed' | 'evaluated';

export interface Objection {
  objectionNo: number;
  byId: string;
  byRole: string;
  text: string;
  raisedDate: LocalDate;
  /** The selection round it was raised against. */
  round: number;
  resolution: { upheld: boolean; text: string; resolvedDate: LocalDate } | null;
}

/** A project as its events leave it; `quoteDeadline` is the one in force (publishing may move a draft's). */
export interface MarketProjectState extends MarketNeed {
  status: MarketStatus;
  draftedDate: LocalDate;
  publishedDate: LocalDate | null;
  /** The instant quoting closes: the deadline day at the hall's closing time. */
  quotesCloseAt: string | null;
  drawCommitment: string | null;
  /** Every quote ever made, replaced ones too (`replaces`); the live ones are each intermediary's last. */
  quotes: Quote[];
  closedDate: LocalDate | null;
  failure: { reason: 'too-few-quotes' | 'no-candidates'; quotes: number; minimum: number; failedDate: LocalDate } | null;
  /** Every selection round; the last stands unless annulled. */
  selections: (SelectionMade['data'] & { annulled: { reason: 'objection-upheld' | 'withdrawn'; date: LocalDate } | null })[];
  publicity: { round: number; from: LocalDate; until: LocalDate; endsAt: string } | null;
  objections: Objection[];
  awardedDate: LocalDate | null;
  contract: { contractNo: string; amount: number; signedDate: LocalDate; dueDate: LocalDate } | null;
  completion: { completedDate: LocalDate; daysLate: number } | null;
  evaluation: IntermediaryEvaluated['data'] | null;
}

import { z } from 'zod';
import { callbackOutcomes, callbackQuestions, channels, decisions, deliveryMethods, procedures, verificationFindings } from '../../domain/case/events.ts';
import { levels, reviewChannels } from '../../domain/satisfaction/levels.ts';
import { archiveProblemCodes } from '../../domain/supervision/archive.ts';
import { priorities } from '../../domain/queue/ticket.ts';
import { caseStatuses, rectificationStatuses } from '../../domain/case/state.ts';
import { itemTypes, siteLevels } from '../../domain/county.ts';
import { actorRoles } from '../../domain/meta.ts';

/** Request and response shapes of the HTTP API, parsed at the edge and published as OpenAPI. */

export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'an id of letters, digits and "-"');
export const CaseId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a case id (26 characters, Crockford base32)');
export const LocalDateString = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const MaterialCode = z.string().min(1).max(40);

export const Phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile or landline number');

export const Applicant = z.strictObject({
  name: Text(60),
  /** Mainland mobile (13812341234) or landline (0576-83381234); optional (callbacks skip cases without one). */
  phone: Phone.optional(),
  /** The applicant declines callbacks and rating messages. */
  optOut: z.boolean().optional(),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, 'an 18-character resident identity number')
    .optional(),
  organization: Text(120).optional(),
});

export const CaseIdParams = z.strictObject({ id: CaseId });
export const ItemCodeParams = z.strictObject({ code: z.string().min(1).max(64) });
export const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const SubmitCaseBody = z.strictObject({
  itemCode: z.string().min(1).max(64),
  applicant: Applicant,
  channel: z.enum(channels),
  siteId: Id.optional(),
  windowId: Id.optional(),
  materials: z.array(MaterialCode).max(60),
});
export const RequestMaterialsBody = z.strictObject({ missing: z.array(MaterialCode).min(1).max(60), note: Text(1000).optional() });
export const SupplyMaterialsBody = z.strictObject({ materials: z.array(MaterialCode).min(1).max(60) });
export const EmptyBody = z.strictObject({});
export const RejectCaseBody = z.strictObject({ reason: Text(1000) });
export const SuspendCaseBody = z.strictObject({ procedure: z.enum(procedures), reason: Text(1000) });
export const TransferCaseBody = z.strictObject({ windowId: Id, siteId: Id.optional() });
export const CompleteCaseBody = z.strictObject({ decision: z.enum(decisions), note: Text(1000).optional() });
export const DeliverCaseBody = z.strictObject({ method: z.enum(deliveryMethods) });
export const AmendCalendarBody = z.strictObject({
  holidays: z.array(LocalDateString).max(366),
  workdays: z.array(LocalDateString).max(366),
  note: Text(500).optional(),
});

const ApplicantView = z.object({ name: z.string(), phone: z.string(), idNumber: z.string().optional(), organization: z.string().optional() });
const ItemTerms = z.object({ code: z.string(), name: z.string(), type: z.enum(itemTypes), committedDays: z.number(), statutoryDays: z.number() });
const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const CaseView = z.object({
  caseId: CaseId,
  caseNo: z.string().meta({ example: '331022-20261126-00042' }),
  status: z.enum(caseStatuses),
  version: z.number().int(),
  item: ItemTerms,
  windowId: z.string(),
  departmentId: z.string(),
  siteId: z.string(),
  receivedSiteId: z.string(),
  channel: z.enum(channels),
  applicant: ApplicantView,
  materials: z.array(z.string()),
  missing: Nullable(z.array(z.string())),
  materialsRequests: z.number().int(),
  submittedAt: z.string(),
  acceptedAt: Nullable(z.string()),
  acceptedDate: Nullable(LocalDateString),
  deadline: Nullable(LocalDateString),
  deadlineProvisional: z.boolean(),
  suspendedWorkingDays: z.number().int(),
  suspension: Nullable(z.object({ since: LocalDateString, procedure: z.enum(procedures), reason: z.string() })),
  rejectedAt: Nullable(z.string()),
  rejectionReason: Nullable(z.string()),
  completedAt: Nullable(z.string()),
  decision: Nullable(z.enum(decisions)),
  onTime: Nullable(z.boolean()),
  early: Nullable(z.boolean()),
  deliveredAt: Nullable(z.string()),
  deliveryMethod: Nullable(z.enum(deliveryMethods)),
  updatedAt: z.string(),
});

export const Timeline = z.object({
  caseId: CaseId,
  caseNo: z.string(),
  events: z.array(
    z.object({
      version: z.number().int(),
      type: z.string(),
      at: z.string(),
      actor: z.object({ id: z.string(), role: z.enum(actorRoles) }),
      windowId: Nullable(z.string()),
      siteId: Nullable(z.string()),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const ItemView = z.object({
  code: z.string(),
  name: z.string(),
  windowId: z.string(),
  departmentId: z.string(),
  type: z.enum(itemTypes),
  committedDays: z.number().int(),
  statutoryDays: z.number().int(),
  materials: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const WindowView = z.object({ id: z.string(), name: z.string(), departmentId: z.string(), siteId: z.string() });
export const SiteView = z.object({ id: z.string(), name: z.string(), level: z.enum(siteLevels), parentId: Nullable(z.string()) });

export const CalendarYearView = z.object({
  year: z.number().int(),
  source: z.enum(['provisional', 'published', 'amended']),
  provisional: z.boolean(),
  holidays: z.array(LocalDateString),
  workdays: z.array(LocalDateString),
  countyHolidays: z.array(LocalDateString),
  countyWorkdays: z.array(LocalDateString),
  workingDays: z.number().int(),
});

export const Health = z.object({ status: z.literal('ok'), county: z.string(), time: z.string() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  correlationId: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

const Filters = {
  windowId: Id.optional(),
  departmentId: Id.optional(),
  siteId: Id.optional(),
};
const MAX_RANGE_DAYS = 3 * 366;
const dateRange = <T extends { from: string; to: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
  else if ((Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most three years at a time' });
};
export const StatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, ...Filters, format: z.enum(['json', 'csv']).default('json') }).superRefine(dateRange);
export const DailyQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, ...Filters }).superRefine(dateRange);
export const WindowParams = z.strictObject({ id: Id });

const Figures = {
  submitted: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  materialsRequested: z.number().int(),
  completed: z.number().int(),
  onTime: z.number().int(),
  early: z.number().int(),
  late: z.number().int(),
  commitmentCompleted: z.number().int(),
  onTimeRate: z.number().min(0).max(1).nullable(),
  earlyRate: z.number().min(0).max(1).nullable(),
};
/** The ticket queue's figures (summary, `/stats/queue`). */
const QueueFigures = {
  issued: z.number().int(),
  called: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transfers: z.number().int(),
  averageWaitMinutes: z.number().nullable(),
  p90WaitMinutes: z.number().nullable(),
  averageServiceMinutes: z.number().nullable(),
  p90ServiceMinutes: z.number().nullable(),
};
export const StatsSummary = z.object({
  from: LocalDateString,
  to: LocalDateString,
  filter: z.object(Filters),
  workingDays: z.number().int(),
  ...Figures,
  completedPerWorkingDay: z.number().nullable(),
  grassroots: z.number().int().meta({ description: 'cases received at township and village sites' }),
  online: z.number().int(),
  byChannel: z.record(z.enum(channels), z.number().int()),
  windows: z.array(z.object({ windowId: z.string(), name: z.string(), departmentId: z.string(), ...Figures })),
  departments: z.array(z.object({ departmentId: z.string(), name: z.string(), ...Figures })),
  queue: z.object(QueueFigures),
  satisfaction: z.object({
    reviews: z.number().int(),
    badReviews: z.number().int(),
    satisfactionRate: z.number().nullable(),
    callbackAttempts: z.number().int(),
    validCallbacks: z.number().int(),
    smsReviews: z.number().int(),
  }),
});
export const DailySeries = z.array(z.object({ date: LocalDateString, workingDay: z.boolean(), ...Figures }));

const Urgency = z.enum(['overdue', 'due-today', 'due-soon', 'normal']);
export const UrgencyCounts = z.object({ overdue: z.number().int(), 'due-today': z.number().int(), 'due-soon': z.number().int(), normal: z.number().int() });
export const WindowQueue = z.object({
  windowId: z.string(),
  today: LocalDateString,
  total: z.number().int(),
  counts: UrgencyCounts,
  entries: z.array(
    z.object({
      caseId: CaseId,
      caseNo: z.string(),
      status: z.enum(caseStatuses),
      item: z.object({ code: z.string(), name: z.string(), type: z.enum(itemTypes), committedDays: z.number().int() }),
      channel: z.enum(channels),
      siteId: z.string(),
      receivedSiteId: z.string(),
      submittedAt: z.string(),
      acceptedDate: LocalDateString.nullable(),
      deadline: LocalDateString.nullable(),
      deadlineProvisional: z.boolean(),
      clockStopped: z.boolean(),
      urgency: Urgency,
      missing: z.array(z.string()).nullable(),
    }),
  ),
});
export const WindowWithCounts = WindowView.extend({ open: z.number().int(), counts: UrgencyCounts });
export const DeadLetters = z.array(
  z.object({ stream: z.string(), version: z.number().int(), type: z.string(), sequenceNumber: z.string(), attempts: z.number().int(), parkedAt: z.string(), reason: z.string() }),
);

export const RectificationIdParams = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}-R\d{1,3}$/, 'a rectification id such as 01J…-R1') });
export const DateParams = z.strictObject({ date: LocalDateString });
export const CaseIdOnly = z.strictObject({ caseId: CaseId });

/** An id the client gives a rating, an attempt or a message, so that sending it again records it once. */
const ClientId = z.string().regex(/^[\x21-\x7e]{1,128}$/, '1–128 printable ASCII characters');

export const ReviewBody = z.strictObject({
  reviewId: ClientId.optional().describe('the device’s own id for this rating: sent again (after a lost answer), it is recorded once'),
  level: z.enum(levels),
  /** SMS ratings arrive through /sms/inbound and callback ratings through the callback attempts. */
  channel: z.enum(['window-device', 'online', 'hotline']),
  tags: z.array(Text(30)).max(10).optional(),
  text: Text(1000).optional(),
});
export const SmsInboundBody = z.strictObject({
  messageId: ClientId.optional().describe('the gateway’s id of the message: delivered again, it is taken once'),
  from: z.string().regex(/^(\+?86)?1[3-9]\d{9}$/, 'a mainland mobile number'),
  text: z.string().max(500),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export const BuildCallbackListBody = z.strictObject({ staff: z.array(z.string().min(1).max(64)).max(50).optional() });
export const CallbackAttemptBody = z.strictObject({
  attemptId: ClientId.optional().describe('the terminal’s id for this attempt: sent again, it is recorded once'),
  outcome: z.enum(callbackOutcomes),
  level: z.enum(levels).optional(),
  answers: z.strictObject(Object.fromEntries(callbackQuestions.map((q) => [q, z.boolean().optional()])) as Record<(typeof callbackQuestions)[number], z.ZodOptional<z.ZodBoolean>>).optional(),
  comment: Text(1000).optional(),
});
export const DateQuery = z.strictObject({ date: LocalDateString });
export const UnmatchedSms = z.object({
  date: LocalDateString,
  replies: z.array(z.object({ receivedAt: z.string(), text: z.string(), phone: z.string().describe('whole while the county keeps it (privacy.contactRetentionDays), masked after') })),
});
export const CallbacksQuery = z.strictObject({ date: LocalDateString, staff: z.string().min(1).max(64).optional(), format: z.enum(['json', 'csv']).default('json') });
export const RectificationsQuery = z.strictObject({ status: z.enum([...rectificationStatuses, 'open']).optional(), windowId: Id.optional(), month: z.string().regex(/^\d{4}-\d{2}$/).optional() });
export const VerifyBody = z.strictObject({ finding: z.enum(verificationFindings), note: Text(1000).optional() });
export const ResolveBody = z.strictObject({ how: z.enum(['rectified', 'explained']), note: Text(2000) });
export const AppealBody = z.strictObject({ reason: Text(2000) });
export const RecheckBody = z.strictObject({ result: z.enum(['upheld', 'voided']), note: Text(1000).optional() });
export const FollowUpBody = z.strictObject({ satisfied: z.boolean(), note: Text(1000).optional() });
export const CloseBody = z.strictObject({ note: Text(1000).optional() });
export const SatisfactionQuery = z
  .strictObject({ from: LocalDateString, to: LocalDateString, windowId: Id.optional(), departmentId: Id.optional(), siteId: Id.optional(), channel: z.enum([...reviewChannels, 'default']).optional() })
  .superRefine(dateRange);

export const ReviewResult = z.object({ caseId: CaseId, reviewId: z.string(), level: z.enum(levels), bad: z.boolean(), rectificationId: z.string().nullable(), version: z.number().int() });
/** All the SMS gateway learns: the reply is kept (never which case it rated, or whether it rated one). */
export const SmsResult = z.strictObject({ received: z.literal(true) });
const Attempt = z.object({ listDate: LocalDateString, outcome: z.enum(callbackOutcomes), attemptDate: LocalDateString });
export const CallbackList = z.object({
  date: LocalDateString,
  coveredFrom: LocalDateString,
  coveredThrough: LocalDateString,
  ratio: z.number(),
  staff: z.array(z.string()),
  considered: z.number().int(),
  sampled: z.number().int(),
  skipped: z.object({ noPhone: z.number().int(), optedOut: z.number().int() }),
  entries: z.array(
    z.object({
      caseId: CaseId,
      caseNo: z.string(),
      reason: z.enum(['bad-review', 'retry', 'sample']),
      due: LocalDateString.nullable(),
      windowId: z.string(),
      itemName: z.string(),
      completedDate: LocalDateString.nullable(),
      phone: z.string().describe('whole while the county keeps it (privacy.contactRetentionDays), masked after'),
      staffId: z.string().nullable(),
      earlierAttempts: z.array(Attempt),
      attempts: z.array(Attempt),
    }),
  ),
});
export const CallbackListSummary = z.object({ date: LocalDateString, created: z.boolean(), entries: z.number().int(), byStaff: z.record(z.string(), z.number().int()), skipped: z.object({ noPhone: z.number().int(), optedOut: z.number().int() }) });
export const AttemptResult = z.object({ caseId: CaseId, attempt: z.number().int(), outcome: z.enum(callbackOutcomes), settled: z.boolean(), reviewId: z.string().nullable(), version: z.number().int() });
export const RectificationView = z.object({
  rectificationId: z.string(),
  caseId: CaseId,
  caseNo: z.string(),
  itemName: z.string(),
  windowId: z.string(),
  level: z.enum(levels),
  status: z.enum(rectificationStatuses),
  openedDate: LocalDateString,
  callbackDue: LocalDateString,
  resolveDue: LocalDateString,
  calledBackDate: LocalDateString.nullable(),
  finding: z.enum(verificationFindings).nullable(),
  resolvedHow: z.enum(['rectified', 'explained']).nullable(),
  recheck: z.enum(['upheld', 'voided']).nullable(),
  closedDate: LocalDateString.nullable(),
  warnings: z.array(z.enum(['callback-overdue', 'resolution-overdue'])),
});
export const Satisfaction = z.object({
  from: LocalDateString,
  to: LocalDateString,
  reviews: z.number().int(),
  byLevel: z.record(z.enum(levels), z.number().int()),
  badReviews: z.number().int(),
  satisfactionRate: z.number().min(0).max(1).nullable(),
  averageScore: z.number().nullable(),
  callbackAttempts: z.number().int(),
  validCallbacks: z.number().int(),
  smsReviews: z.number().int(),
  smsUnparsed: z.number().int(),
  rectifications: z.object({ open: z.number().int(), overdue: z.number().int(), closed: z.number().int() }),
  monthly: z.array(z.object({ month: z.string(), reviews: z.number().int(), badReviews: z.number().int(), satisfactionRate: z.number().nullable() })),
});

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM');
export const MonthParams = z.strictObject({ month: Month });
export const ArchiveCaseParams = z.strictObject({ month: Month, caseId: CaseId });
export const PublishRosterBody = z.strictObject({ absentDirectorIds: z.array(z.string().min(1).max(64)).max(100).optional() });
export const RosterQuery = z.strictObject({ director: z.string().min(1).max(64).optional() });
export const VideoCheckBody = z.strictObject({
  rosterDate: LocalDateString,
  windowId: Id,
  checkedAt: z.iso.datetime({ offset: true }),
  items: z.strictObject({
    atPost: z.boolean(),
    coverArranged: z.boolean().optional(),
    punctual: z.boolean(),
    uniformAndBadge: z.boolean(),
    noPhone: z.boolean(),
    noEating: z.boolean(),
    noSleeping: z.boolean(),
    noChatting: z.boolean(),
    deskTidy: z.boolean(),
    ratingDeviceInUse: z.boolean(),
  }),
  note: Text(1000).optional(),
  evidenceRef: Text(200).optional(),
});
export const ArchiveCheckBody = z.strictObject({ problems: z.array(z.strictObject({ code: z.enum(archiveProblemCodes), note: Text(500).optional() })).max(50) });
export const ScorecardQuery = z.strictObject({ windowId: Id.optional(), format: z.enum(['json', 'csv']).default('json') });

const RosterEntryView = z.object({ directorId: z.string(), directorWindowId: z.string(), windowId: z.string(), at: z.string(), status: z.enum(['checked', 'missed', 'due', 'upcoming']), checkId: z.string().nullable() });
export const RosterView = z.object({
  date: LocalDateString,
  absent: z.array(z.string()),
  entries: z.array(RosterEntryView),
  offRoster: z.array(z.object({ windowId: z.string(), directorId: z.string(), checkedAt: z.string(), checkId: z.string() })),
});
export const PublishedRoster = RosterView.extend({ status: z.enum(['published', 'revised', 'unchanged']) });
export const DirectorView = z.object({ id: z.string(), name: z.string(), windowId: z.string() });
export const VideoCheckView = z.object({ checkId: z.string(), windowId: z.string(), checkedAt: z.string(), checkedDate: LocalDateString, offRoster: z.boolean(), directorId: z.string(), items: z.record(z.string(), z.boolean()), note: z.string().nullable(), evidenceRef: z.string().nullable() });
const ArchiveSampleView = z.object({ windowId: z.string(), caseId: CaseId, caseNo: z.string(), completedDate: LocalDateString, checked: z.boolean(), problems: z.array(z.object({ code: z.enum(archiveProblemCodes), note: z.string().nullable() })) });
export const ArchiveChecks = z.object({ month: Month, perWindow: z.number().int(), samples: z.array(ArchiveSampleView) });
export const ArchiveCheckView = ArchiveSampleView.extend({ events: Timeline.shape.events });
export const Scorecards = z.object({
  month: Month,
  windows: z.array(
    z.object({
      windowId: z.string(),
      name: z.string(),
      score: z.number(),
      rank: z.number().int(),
      tier: z.string(),
      tierPoints: z.number(),
      deducted: z.number(),
      bonus: z.number(),
      deductions: z.array(z.object({ kind: z.enum(['video-check', 'archive-problem', 'bad-review', 'late-completion']), date: z.string(), detail: z.string(), points: z.number(), link: z.string(), ref: z.object({ stream: z.string(), version: z.number().int() }) })),
      bonuses: z.array(z.object({ kind: z.string(), points: z.number() })),
    }),
  ),
});

export const TicketParams = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ticket id') });
export const IssueTicketBody = z
  .strictObject({
    category: z.string().regex(/^[A-Z]$/, 'a category letter'),
    priority: z.enum(priorities).optional(),
    source: z.enum(['kiosk', 'desk']).optional(),
    appointmentId: z.string().min(1).max(64).optional(),
    /** When the appointment is for: today, in the county's time. */
    appointmentAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => (b.appointmentId === undefined) === (b.appointmentAt === undefined), { message: 'an appointment needs both appointmentId and appointmentAt', path: ['appointmentAt'] })
  .refine((b) => b.appointmentId === undefined || b.source === undefined, { message: 'a ticket from an appointment has no kiosk or desk source', path: ['source'] });
export const TransferTicketBody = z
  .strictObject({ category: z.string().regex(/^[A-Z]$/, 'a category letter').optional(), windowId: Id.optional().describe('the window the visitor is sent to') })
  .refine((b) => (b.category === undefined) !== (b.windowId === undefined), { message: 'send the visitor to a category or to a window, one of the two' });
export const FinishTicketBody = z.strictObject({ caseIds: z.array(CaseId).max(20).optional() });
export const WindowCategoriesBody = z.strictObject({ categories: z.array(z.string().regex(/^[A-Z]$/)).max(26) });
export const QueueQuery = z
  .strictObject({ category: z.string().regex(/^[A-Z]$/, 'a category letter').optional(), windowId: Id.optional().describe('the visitors sent to this window in person') })
  .refine((q) => (q.category === undefined) !== (q.windowId === undefined), { message: 'ask for a category or a window, one of the two' });
export const QueueStatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, windowId: Id.optional(), category: z.string().regex(/^[A-Z]$/).optional() }).superRefine(dateRange);

export const TicketCategory = z.object({ code: z.string(), name: z.string(), windowIds: z.array(z.string()) });
export const IssuedTicket = z.object({ ticketId: z.string(), number: z.string(), category: z.string(), ahead: z.number().int(), estimatedWaitMinutes: z.number().int() });
export const CalledTicket = z.object({ ticketId: z.string(), number: z.string(), category: z.string(), windowId: z.string() });
export const TicketView = z.object({
  ticketId: z.string(),
  number: z.string(),
  category: z.string(),
  status: z.enum(['waiting', 'called', 'serving', 'finished', 'no-show']),
  windowId: z.string().nullable(),
  forWindowId: z.string().nullable(),
  priority: z.enum(priorities),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recalls: z.number().int(),
  transfers: z.number().int(),
  caseIds: z.array(z.string()),
  version: z.number().int(),
});
export const WaitingList = z.object({
  category: z.string().nullable(),
  windowId: z.string().nullable(),
  date: LocalDateString,
  waiting: z.number().int(),
  entries: z.array(z.object({ ticketId: z.string(), number: z.string(), priority: z.enum(priorities), appointmentAt: z.string().nullable(), issuedAt: z.string(), ahead: z.number().int(), waitingMinutes: z.number().int() })),
});
export const HallBoard = z.object({ date: LocalDateString, calls: z.array(z.object({ number: z.string(), category: z.string(), windowId: z.string(), windowName: z.string(), at: z.string(), recall: z.boolean() })) });
export const QueueStats = z.object({
  from: LocalDateString,
  to: LocalDateString,
  ...QueueFigures,
  byWindow: z.array(z.object({ windowId: z.string(), ...QueueFigures }).omit({ issued: true })),
  byCategory: z.array(z.object({ category: z.string(), ...QueueFigures })),
  byDay: z.array(z.object({ date: LocalDateString, ...QueueFigures })),
});
export const WindowCategories = z.object({ windowId: z.string(), date: LocalDateString, categories: z.array(z.string()) });

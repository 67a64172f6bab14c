import type { z } from 'zod';
import type { Access } from '../auth/access.ts';
import type { EntryName } from '../entrypoints.ts';
import * as s from './schemas.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path template. */
  path: string;
  entry: EntryName;
  operationId: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType };
  /** Who may call it ('public': no token). Clerks are further bound to their own window or site. */
  access: Access;
  /** A command: takes `Idempotency-Key` and `If-Match`. */
  command?: true;
}

const STAFF = ['clerk', 'director', 'callback', 'admin'] as const;
const CASE_ACTORS = ['clerk', 'admin'] as const;
const QUEUE_READERS = ['clerk', 'director', 'admin'] as const;
const SUPERVISORS = ['director', 'admin'] as const;
const ADMIN = ['admin'] as const;

const caseCommand = (
  path: string,
  operationId: string,
  summary: string,
  body: z.ZodType,
): RouteDef => ({ method: 'POST', path: `/cases/{id}/${path}`, entry: 'case-commands', operationId, summary, params: s.CaseIdParams, body, response: { status: 200, schema: s.CaseView }, command: true, access: CASE_ACTORS });

const SAT = 'satisfaction' as const;
const rectificationStep = (path: string, operationId: string, summary: string, body: z.ZodType, access: Access): RouteDef => ({
  method: 'POST',
  path: `/rectifications/{id}/${path}`,
  entry: SAT,
  operationId,
  summary,
  params: s.RectificationIdParams,
  body,
  response: { status: 200, schema: s.RectificationView },
  command: true,
  access,
});

/** Satisfaction (好差评) and callbacks (电话回访). */
const satisfactionRoutes: RouteDef[] = [
  { method: 'POST', path: '/cases/{id}/reviews', entry: SAT, operationId: 'reviewCase', summary: 'Rate the service (好差评): from a rating device, online or the hotline', params: s.CaseIdParams, body: s.ReviewBody, response: { status: 201, schema: s.ReviewResult }, command: true, access: ['clerk', 'admin', 'rating-device'] },
  { method: 'POST', path: '/sms/inbound', entry: SAT, operationId: 'smsInbound', summary: 'An SMS reply from the gateway (1–5 or the Chinese word rates the sender’s case; anything else is kept); 202 says nothing of which case', body: s.SmsInboundBody, response: { status: 202, schema: s.SmsResult }, access: ['sms-gateway', 'admin'] },
  { method: 'GET', path: '/sms/unmatched', entry: SAT, operationId: 'getUnmatchedSms', summary: 'A day’s SMS replies from numbers no case waits on: the whole number while the county keeps it, masked after', query: s.DateQuery, response: { status: 200, schema: s.UnmatchedSms }, access: ['callback', 'admin'] },
  { method: 'GET', path: '/callbacks', entry: SAT, operationId: 'getCallbacks', summary: 'A day’s callback list with full phone numbers (staff=me for one’s own share; format=csv)', query: s.CallbacksQuery, response: { status: 200, schema: s.CallbackList }, access: ['callback', 'admin'] },
  { method: 'POST', path: '/callbacks/lists/{date}', entry: SAT, operationId: 'buildCallbackList', summary: 'Build and publish a day’s callback list (once per day; again returns it)', params: s.DateParams, body: s.BuildCallbackListBody, response: { status: 201, schema: s.CallbackListSummary }, access: ADMIN },
  { method: 'POST', path: '/callbacks/{caseId}/attempts', entry: SAT, operationId: 'recordCallbackAttempt', summary: 'Record a callback attempt from today’s list', params: s.CaseIdOnly, body: s.CallbackAttemptBody, response: { status: 201, schema: s.AttemptResult }, command: true, access: ['callback', 'admin'] },
  { method: 'GET', path: '/rectifications', entry: SAT, operationId: 'listRectifications', summary: 'Rectifications (整改) with overdue warnings; clerks see their window’s', query: s.RectificationsQuery, response: { status: 200, schema: s.RectificationView.array() }, access: QUEUE_READERS },
  rectificationStep('verify', 'verifyRectification', 'Verify the bad review (核实)', s.VerifyBody, SUPERVISORS),
  rectificationStep('resolve', 'resolveRectification', 'Rectify (整改) or explain', s.ResolveBody, ['clerk', 'director', 'admin']),
  rectificationStep('appeal', 'appealRectification', 'Appeal a mistaken or malicious review (申诉)', s.AppealBody, ['clerk', 'director', 'admin']),
  rectificationStep('recheck', 'recheckRectification', 'Re-check an appeal (复核): uphold or void the review', s.RecheckBody, ADMIN),
  rectificationStep('follow-up', 'followUpRectification', 'Record the follow-up callback', s.FollowUpBody, ['callback', 'admin']),
  rectificationStep('close', 'closeRectification', 'Close the rectification', s.CloseBody, SUPERVISORS),
  { method: 'GET', path: '/stats/satisfaction', entry: SAT, operationId: 'getSatisfaction', summary: 'Satisfaction rate, reviews by level, callbacks, SMS reviews, rectifications; monthly series', query: s.SatisfactionQuery, response: { status: 200, schema: s.Satisfaction }, access: SUPERVISORS },
];


const SUP = 'supervision' as const;
/** Supervision: video-check rosters (视频督查), archive checks (档案检查), scorecards (绩效考核). */
const supervisionRoutes: RouteDef[] = [
  { method: 'GET', path: '/directors', entry: SUP, operationId: 'listDirectors', summary: 'Window directors and their windows', response: { status: 200, schema: s.DirectorView.array() }, access: STAFF },
  { method: 'POST', path: '/rosters/{date}', entry: SUP, operationId: 'publishRoster', summary: 'Publish a day’s video-check roster (once); with absentDirectorIds, hand only their checks to others', params: s.DateParams, body: s.PublishRosterBody, response: { status: 201, schema: s.PublishedRoster }, access: ADMIN },
  { method: 'GET', path: '/rosters/{date}', entry: SUP, operationId: 'getRoster', summary: 'A day’s roster with each check’s status: a director sees their own checks until the day is over, the whole roster after it; administrators always', params: s.DateParams, query: s.RosterQuery, response: { status: 200, schema: s.RosterView }, access: SUPERVISORS },
  { method: 'POST', path: '/video-checks', entry: SUP, operationId: 'recordVideoCheck', summary: 'Record a video check by the assigned director (administrators may check off the roster)', body: s.VideoCheckBody, response: { status: 201, schema: s.VideoCheckView }, command: true, access: SUPERVISORS },
  { method: 'POST', path: '/archive-checks/{month}', entry: SUP, operationId: 'drawArchiveChecks', summary: 'Draw a month’s archive sample per window (once)', params: s.MonthParams, body: s.EmptyBody, response: { status: 201, schema: s.ArchiveChecks }, access: ADMIN },
  { method: 'GET', path: '/archive-checks/{month}', entry: SUP, operationId: 'getArchiveChecks', summary: 'A month’s archive sample and findings', params: s.MonthParams, response: { status: 200, schema: s.ArchiveChecks }, access: SUPERVISORS },
  { method: 'GET', path: '/archive-checks/{month}/{caseId}', entry: SUP, operationId: 'getArchiveCheck', summary: 'One sampled file with the case’s own dated, signed steps next to the checklist', params: s.ArchiveCaseParams, response: { status: 200, schema: s.ArchiveCheckView }, access: SUPERVISORS },
  { method: 'POST', path: '/archive-checks/{month}/{caseId}', entry: SUP, operationId: 'recordArchiveCheck', summary: 'Record the problems found in a sampled file', params: s.ArchiveCaseParams, body: s.ArchiveCheckBody, response: { status: 201, schema: s.ArchiveCheckView.omit({ events: true }) }, command: true, access: SUPERVISORS },
  { method: 'GET', path: '/scorecards/{month}', entry: SUP, operationId: 'getScorecards', summary: 'The month’s window scorecards: score, rank, tier, every deduction with its event (format=csv)', params: s.MonthParams, query: s.ScorecardQuery, response: { status: 200, schema: s.Scorecards }, access: SUPERVISORS },
];

const Q = 'queue' as const;
/** Staff, and the machines of the hall that show the queue: kiosks list categories, screens show the calls. */
const HALL_SCREENS = [...STAFF, 'hall-screen'] as const;
const CATEGORY_READERS = [...HALL_SCREENS, 'kiosk'] as const;
const ticketStep = (path: string, operationId: string, summary: string, body: z.ZodType): RouteDef => ({
  method: 'POST',
  path: `/tickets/{id}/${path}`,
  entry: Q,
  operationId,
  summary,
  params: s.TicketParams,
  body,
  response: { status: 200, schema: s.TicketView },
  command: true,
  access: CASE_ACTORS,
});
/** The hall's ticket queue (排队叫号). */
const queueRoutes: RouteDef[] = [
  { method: 'GET', path: '/ticket-categories', entry: Q, operationId: 'listTicketCategories', summary: 'Ticket categories, their letters and the windows serving them', response: { status: 200, schema: s.TicketCategory.array() }, access: CATEGORY_READERS },
  { method: 'POST', path: '/tickets', entry: Q, operationId: 'issueTicket', summary: 'Take a ticket (取号) at a kiosk, a desk, or from an appointment', body: s.IssueTicketBody, response: { status: 201, schema: s.IssuedTicket }, command: true, access: ['clerk', 'admin', 'kiosk'] },
  { method: 'POST', path: '/windows/{id}/call-next', entry: Q, operationId: 'callNext', summary: 'Call the next ticket by the window’s rule (叫号); 204 when nobody waits', params: s.WindowParams, body: s.EmptyBody, response: { status: 200, schema: s.CalledTicket }, command: true, access: CASE_ACTORS },
  ticketStep('recall', 'recallTicket', 'Call the ticket again (重呼)', s.EmptyBody),
  ticketStep('no-show', 'noShowTicket', 'The visitor did not come (过号): after a recall, or after the county’s minutes', s.EmptyBody),
  ticketStep('transfer', 'transferTicket', 'Send the visitor to another category or window (转移)', s.TransferTicketBody),
  ticketStep('start', 'startTicket', 'Begin serving (开始办理)', s.EmptyBody),
  ticketStep('finish', 'finishTicket', 'End the service, linking the cases registered during it', s.FinishTicketBody),
  { method: 'PUT', path: '/windows/{id}/categories', entry: Q, operationId: 'setWindowCategories', summary: 'Change the categories a window serves today', params: s.WindowParams, body: s.WindowCategoriesBody, response: { status: 200, schema: s.WindowCategories }, command: true, access: CASE_ACTORS },
  { method: 'GET', path: '/queue', entry: Q, operationId: 'getQueue', summary: 'A category’s waiting list, in calling order, with how many wait ahead', query: s.QueueQuery, response: { status: 200, schema: s.WaitingList }, access: HALL_SCREENS },
  { method: 'GET', path: '/hall/board', entry: Q, operationId: 'getHallBoard', summary: 'The last calls for the hall screen (ticket → window)', response: { status: 200, schema: s.HallBoard }, access: HALL_SCREENS },
  { method: 'GET', path: '/stats/queue', entry: Q, operationId: 'getQueueStats', summary: 'Tickets issued, served, no-shows, transfers, wait and service times (average, p90), per window, category and day', query: s.QueueStatsQuery, response: { status: 200, schema: s.QueueStats }, access: SUPERVISORS },
];

/** The one table of routes: the CDK API, the local server, the dispatcher and the OpenAPI document read it. */
export const routes: readonly RouteDef[] = [
  { method: 'POST', path: '/cases', entry: 'case-commands', operationId: 'submitCase', summary: 'Register an application (收件)', body: s.SubmitCaseBody, response: { status: 201, schema: s.CaseView }, command: true, access: CASE_ACTORS },
  caseCommand('request-materials', 'requestMaterials', 'Issue the one-time notice of everything missing (一次性告知)', s.RequestMaterialsBody),
  caseCommand('supply-materials', 'supplyMaterials', 'Record the materials brought in answer to the notice (补正)', s.SupplyMaterialsBody),
  caseCommand('accept', 'acceptCase', 'Accept the application (受理); the deadline starts', s.EmptyBody),
  caseCommand('reject', 'rejectCase', 'Decline to accept (不予受理), with the reason', s.RejectCaseBody),
  caseCommand('suspend', 'suspendCase', 'Start a special procedure (特别程序): the clock stops', s.SuspendCaseBody),
  caseCommand('resume', 'resumeCase', 'End the special procedure: the clock runs again', s.EmptyBody),
  caseCommand('transfer', 'transferCase', 'Move the case to another window, or forward it to the county (转办/转报)', s.TransferCaseBody),
  caseCommand('complete', 'completeCase', 'Decide the case (办结)', s.CompleteCaseBody),
  caseCommand('deliver', 'deliverCase', 'Hand over the result (送达)', s.DeliverCaseBody),
  { method: 'GET', path: '/cases/{id}', entry: 'case-queries', operationId: 'getCase', summary: 'A case, with its deadline against today’s calendar', params: s.CaseIdParams, response: { status: 200, schema: s.CaseView }, access: STAFF },
  { method: 'GET', path: '/cases/{id}/events', entry: 'case-queries', operationId: 'getCaseEvents', summary: 'A case’s timeline: who did what, where and when', params: s.CaseIdParams, response: { status: 200, schema: s.Timeline }, access: STAFF },
  { method: 'GET', path: '/items', entry: 'catalogue', operationId: 'listItems', summary: 'The item catalogue (事项目录)', response: { status: 200, schema: s.ItemView.array() }, access: STAFF },
  { method: 'GET', path: '/items/{code}', entry: 'catalogue', operationId: 'getItem', summary: 'One item', params: s.ItemCodeParams, response: { status: 200, schema: s.ItemView }, access: STAFF },
  { method: 'GET', path: '/windows', entry: 'views', operationId: 'listWindows', summary: 'The windows (窗口), each with its open cases counted by urgency', response: { status: 200, schema: s.WindowWithCounts.array() }, access: STAFF },
  { method: 'GET', path: '/windows/{id}/queue', entry: 'views', operationId: 'getWindowQueue', summary: 'A window’s backlog (窗口队列), most urgent first', params: s.WindowParams, response: { status: 200, schema: s.WindowQueue }, access: QUEUE_READERS },
  { method: 'GET', path: '/stats/summary', entry: 'views', operationId: 'getStatsSummary', summary: 'The figures a center reports for a period (format=csv for Excel)', query: s.StatsQuery, response: { status: 200, schema: s.StatsSummary }, access: SUPERVISORS },
  { method: 'GET', path: '/stats/daily', entry: 'views', operationId: 'getStatsDaily', summary: 'The daily series of a period', query: s.DailyQuery, response: { status: 200, schema: s.DailySeries }, access: SUPERVISORS },
  { method: 'GET', path: '/dead-letters', entry: 'views', operationId: 'listDeadLetters', summary: 'Events the projector gave up on (locally; on AWS also the SQS dead-letter queue)', response: { status: 200, schema: s.DeadLetters }, access: ADMIN },
  { method: 'GET', path: '/sites', entry: 'catalogue', operationId: 'listSites', summary: 'County, township and village sites (三级联动)', response: { status: 200, schema: s.SiteView.array() }, access: STAFF },
  { method: 'GET', path: '/calendar/{year}', entry: 'calendar', operationId: 'getCalendarYear', summary: 'A year’s holidays and worked weekend days', params: s.YearParams, response: { status: 200, schema: s.CalendarYearView }, access: STAFF },
  { method: 'PUT', path: '/calendar/{year}', entry: 'calendar', operationId: 'amendCalendarYear', summary: 'Enter or correct a year’s holiday notice', params: s.YearParams, body: s.AmendCalendarBody, response: { status: 200, schema: s.CalendarYearView }, command: true, access: ADMIN },
  { method: 'GET', path: '/health', entry: 'system', operationId: 'health', summary: 'Liveness', response: { status: 200, schema: s.Health }, access: 'public' },
  { method: 'GET', path: '/openapi.json', entry: 'system', operationId: 'openapi', summary: 'This API’s OpenAPI 3.1 document', response: { status: 200, schema: s.OpenApiDocument }, access: 'public' },
  ...satisfactionRoutes,
  ...supervisionRoutes,
  ...queueRoutes,
];

export const routeKeyOf = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method} ${route.path}`;

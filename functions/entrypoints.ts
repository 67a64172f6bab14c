import { appointmentAggregate } from '../domain/appointment/aggregate.ts';
import { archiveAggregate } from '../domain/archive/aggregate.ts';
import { CALENDAR, calendarAggregate } from '../domain/calendar/amendment.ts';
import { callbackListAggregate } from '../domain/callback-list/aggregate.ts';
import { caseAggregate } from '../domain/case/aggregate.ts';
import { streamOf, type Aggregate } from '../domain/decider.ts';
import { projectAggregate } from '../domain/project/aggregate.ts';
import { intermediaryAggregate } from '../domain/market/intermediary.ts';
import { marketAggregate } from '../domain/market/project.ts';
import { rosterAggregate } from '../domain/roster/aggregate.ts';
import { smsInboxAggregate } from '../domain/sms-inbox/aggregate.ts';
import { ticketAggregate } from '../domain/ticket/aggregate.ts';
import { windowDayAggregate } from '../domain/window-day/aggregate.ts';
import { attendanceAggregate } from '../domain/attendance/aggregate.ts';
import { siteInspectionAggregate } from '../domain/site-inspection/aggregate.ts';
import { streams } from './tables.ts';

/**
 * Every Lambda entrypoint, once: the CDK stack makes one function of each, the local server
 * imports the same files. `grants` says exactly what each may do to which table and which keys
 * (least privilege): the stack turns them into the function's IAM policy, and the local runtime
 * refuses any request they do not cover, as IAM would.
 */
export type DynamoAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'Scan' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem' | 'ConditionCheckItem';

export interface TableGrant {
  table: 'events' | 'views';
  actions: readonly DynamoAction[];
  /** Partition-key patterns (IAM StringLike: `case#*`) the actions are limited to (`dynamodb:LeadingKeys`); absent: any key. */
  keys?: readonly string[];
  /** Indexes of the table the actions also cover. */
  indexes?: readonly string[];
}

export interface Entrypoint {
  /** Path of the module (relative to the repository root) that exports `handler`. */
  file: string;
  kind: 'http' | 'stream' | 'timer' | 'task';
  description: string;
  grants: readonly TableGrant[];
  /** Stream entries: records per batch (small when traffic is light, large while catching up a backlog). */
  batchSize?: number;
  /** Timer entries: the county-local time of day they run (EventBridge Scheduler on AWS, a local timer in `npm start`). */
  daily?: string;
  /** Timer entries that run all day: every this many minutes (the SMS sender). */
  everyMinutes?: number;
  /** Reads the county secret (sampling salt, phone keys, roster seed). */
  secret?: true;
  /** Sends text messages: reads the SMS provider's credentials (Secrets Manager) and may reach the provider. */
  sms?: true;
}

const READ = ['GetItem', 'Query'] as const;
/** Appending events: a conditional Put of each new version (alone, or in a transaction). */
const APPEND = ['PutItem'] as const;
const VIEWS_READ: TableGrant = { table: 'views', actions: ['GetItem', 'BatchGetItem', 'Query'] };
/** Events streams and records by their key prefix: each aggregate's own, and the store's records (`functions/tables.ts`). */
const all = (aggregate: Pick<Aggregate<never, { type: string }, unknown, never>, 'streamPrefix'>) => streamOf(aggregate, '*');
/** The SMS outbox's items in the Views table, outside the views' generations (functions/sms/outbox.ts). */
const SMS_OUTBOX = ['sms#*', 'smsdue#*', 'smsday#*', 'smsref#*', 'smsdead#*'] as const;
const k = {
  case: all(caseAggregate),
  idem: streams.idempotency('*'),
  calendar: streamOf(calendarAggregate, CALENDAR),
  caseNumbers: streams.sequence('caseNo#*'),
  callbacks: all(callbackListAggregate),
  smsInbox: all(smsInboxAggregate),
  roster: all(rosterAggregate),
  archive: all(archiveAggregate),
  ticket: all(ticketAggregate),
  waiting: 'waiting#*',
  windowDay: all(windowDayAggregate),
  appointment: all(appointmentAggregate),
  project: all(projectAggregate),
  projectNumbers: streams.sequence('projectNo#*'),
  intermediary: all(intermediaryAggregate),
  market: all(marketAggregate),
  marketNumbers: streams.sequence('marketNo#*'),
  intermediaryCodes: streams.sequence('intermediaryCode#*'),
  stepFilings: streams.sequence('stepFilings#*'),
  attendance: all(attendanceAggregate),
  siteInspection: all(siteInspectionAggregate),
  callbackContacts: streams.contacts(`${callbackListAggregate.streamPrefix}*`),
  smsContacts: streams.contacts(`${smsInboxAggregate.streamPrefix}*`),
} as const;

/** The SMS outbox, and the number a message goes to, read from its stream as it is when the message is sent. */
const SMS_GRANTS: readonly TableGrant[] = [
  { table: 'views', actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], keys: SMS_OUTBOX },
  { table: 'events', actions: READ, keys: [k.case, k.appointment] },
];

export const entrypoints = {
  'case-commands': {
    file: 'functions/entries/case-commands.ts',
    kind: 'http',
    description: 'Case commands: submit, notice, accept, reject, suspend, resume, transfer, complete, deliver',
    grants: [
      // A project's stream: a case filed for a step must be ready to file.
      { table: 'events', actions: READ, keys: [k.case, k.idem, k.calendar, k.caseNumbers, k.project] },
      { table: 'events', actions: APPEND, keys: [k.case, k.idem] },
      // The day's case-number counter and a project step's filings counter, taken in the submit's own transaction.
      { table: 'events', actions: ['UpdateItem'], keys: [k.caseNumbers, k.stepFilings] },
    ],
    secret: true,
  },
  'case-queries': {
    file: 'functions/entries/case-queries.ts',
    kind: 'http',
    description: 'A case and its timeline, read from its stream, with the text messages it sent',
    grants: [
      { table: 'events', actions: ['Query'], keys: [k.case, k.calendar] },
      { table: 'views', actions: ['Query'], keys: ['sms#*'] },
    ],
  },
  catalogue: {
    file: 'functions/entries/catalogue.ts',
    kind: 'http',
    description: "The county's items, windows and sites",
    grants: [],
  },
  views: {
    file: 'functions/entries/views.ts',
    kind: 'http',
    description: 'Read models: window queues, statistics, dead letters',
    grants: [VIEWS_READ, { table: 'events', actions: ['Query'], keys: [k.calendar] }],
  },
  reviews: {
    file: 'functions/entries/reviews.ts',
    kind: 'http',
    description: 'Reviews and SMS replies, callback lists and attempts, the rectification of bad reviews, satisfaction rates',
    grants: [
      VIEWS_READ,
      { table: 'events', actions: READ, keys: [k.case, k.idem, k.calendar, k.callbacks, k.smsInbox, k.callbackContacts, k.smsContacts] },
      { table: 'events', actions: APPEND, keys: [k.case, k.idem, k.callbacks, k.smsInbox, k.callbackContacts, k.smsContacts] },
    ],
    secret: true,
  },
  joint: {
    file: 'functions/entries/joint.ts',
    kind: 'http',
    description: 'Joint approval (联合审批): the joint inspection, departments’ opinions, the combined rectification list, the deadline sweep on demand, departments’ inboxes, the joint figures',
    grants: [VIEWS_READ, { table: 'events', actions: READ, keys: [k.case, k.idem, k.calendar] }, { table: 'events', actions: APPEND, keys: [k.case, k.idem] }],
    secret: true,
  },
  projects: {
    file: 'functions/entries/projects.ts',
    kind: 'http',
    description: 'Agency projects (代理代办): registration, agent, plan, follow-ups, closing, the agent’s worklist, the agency figures',
    grants: [
      VIEWS_READ,
      { table: 'events', actions: READ, keys: [k.project, k.idem, k.calendar, k.projectNumbers] },
      { table: 'events', actions: APPEND, keys: [k.project, k.idem] },
      // The year's project-number counter, taken in the registration's own transaction.
      { table: 'events', actions: ['UpdateItem'], keys: [k.projectNumbers] },
    ],
  },
  market: {
    file: 'functions/entries/market.ts',
    kind: 'http',
    description: 'The intermediary-service marketplace (中介超市): intermediaries and their approval, projects, sealed quotes, selection, objections, contract, evaluation, the market figures',
    grants: [
      VIEWS_READ,
      { table: 'events', actions: READ, keys: [k.intermediary, k.market, k.idem, k.calendar, k.marketNumbers, k.intermediaryCodes] },
      { table: 'events', actions: APPEND, keys: [k.intermediary, k.market, k.idem] },
      // The year's project-number counter, taken in the draft's own transaction; an organisation's credit code, claimed in its registration's.
      { table: 'events', actions: ['UpdateItem'], keys: [k.marketNumbers, k.intermediaryCodes] },
    ],
    // A random draw's key is an HMAC under the county secret.
    secret: true,
  },
  'market-deadlines': {
    file: 'functions/entries/market-deadlines.ts',
    kind: 'timer',
    description: 'Daily after closing: close quoting on the marketplace projects whose deadline passed (流标 when too few quoted) and end the publicity periods that are over',
    grants: [VIEWS_READ, { table: 'events', actions: READ, keys: [k.market, k.idem, k.calendar] }, { table: 'events', actions: APPEND, keys: [k.market, k.idem] }],
    daily: '17:45',
  },
  'joint-deadlines': {
    file: 'functions/entries/joint-deadlines.ts',
    kind: 'timer',
    description: 'Each working day after closing: deem the joint departments whose deadline passed without an opinion to approve (超时默许)',
    grants: [VIEWS_READ, { table: 'events', actions: READ, keys: [k.case, k.idem, k.calendar] }, { table: 'events', actions: APPEND, keys: [k.case, k.idem] }],
    secret: true,
    daily: '17:30',
  },
  'callback-lists': {
    file: 'functions/entries/callback-lists.ts',
    kind: 'timer',
    description: 'Each working day before opening: publish the day’s callback list',
    grants: [
      VIEWS_READ,
      // The working-day check reads the calendar; the list is published exactly once under the timer's key.
      { table: 'events', actions: READ, keys: [k.case, k.callbacks, k.calendar, k.idem] },
      { table: 'events', actions: APPEND, keys: [k.callbacks, k.callbackContacts, k.idem] },
    ],
    secret: true,
    daily: '07:30',
  },
  'default-reviews': {
    file: 'functions/entries/default-reviews.ts',
    kind: 'timer',
    description: 'Daily: count the county’s default level for cases nobody rated in time (when the county counts one)',
    grants: [
      VIEWS_READ,
      { table: 'events', actions: READ, keys: [k.case, k.idem, k.calendar] },
      { table: 'events', actions: APPEND, keys: [k.case, k.idem] },
    ],
    secret: true,
    daily: '02:00',
  },
  sms: {
    file: 'functions/entries/sms.ts',
    kind: 'http',
    description: 'Text messages (短信): the outbox, the sender on demand, the gateway’s delivery receipts',
    grants: SMS_GRANTS,
    secret: true,
    sms: true,
  },
  'sms-sender': {
    file: 'functions/entries/sms-sender.ts',
    kind: 'timer',
    description: 'Every minute: send the text messages that are due (none in quiet hours), retry, dead-letter',
    grants: SMS_GRANTS,
    everyMinutes: 1,
    secret: true,
    sms: true,
  },
  supervision: {
    file: 'functions/entries/supervision.ts',
    kind: 'http',
    description: 'Video-check rosters and findings, archive checks, window scorecards',
    grants: [
      VIEWS_READ,
      { table: 'events', actions: READ, keys: [k.roster, k.archive, k.case, k.idem] },
      { table: 'events', actions: APPEND, keys: [k.roster, k.archive, k.idem] },
    ],
    secret: true,
  },
  assessment: {
    file: 'functions/entries/assessment.ts',
    kind: 'http',
    description: 'Assessment beyond the windows (考核): sign-in at the terminal, leave, inspections of township centers, department, site and staff score sheets',
    grants: [
      VIEWS_READ,
      { table: 'events', actions: READ, keys: [k.attendance, k.siteInspection, k.idem, k.calendar] },
      { table: 'events', actions: APPEND, keys: [k.attendance, k.siteInspection, k.idem] },
      // A sign-in marks the window staffed on its categories' lines (the waiting estimates count staffed windows).
      { table: 'events', actions: ['UpdateItem'], keys: [k.waiting] },
    ],
  },
  rosters: {
    file: 'functions/entries/rosters.ts',
    kind: 'timer',
    description: 'Each working day before opening: publish the video-check roster',
    grants: [VIEWS_READ, { table: 'events', actions: READ, keys: [k.roster, k.calendar] }, { table: 'events', actions: APPEND, keys: [k.roster] }],
    daily: '07:00',
    secret: true,
  },
  'archive-checks': {
    file: 'functions/entries/archive-checks.ts',
    kind: 'timer',
    description: 'On the first working day of a month: draw last month’s archive sample',
    grants: [VIEWS_READ, { table: 'events', actions: READ, keys: [k.archive, k.calendar] }, { table: 'events', actions: APPEND, keys: [k.archive] }],
    daily: '07:10',
    secret: true,
  },
  queue: {
    file: 'functions/entries/queue.ts',
    kind: 'http',
    description: 'The hall’s ticket queue: tickets, calling, the hall screen, queue statistics',
    grants: [
      VIEWS_READ,
      // A visit's cases are checked to exist by their first event; an appointment's check-in at the kiosk is recorded on its slot.
      { table: 'events', actions: READ, keys: [k.ticket, k.waiting, k.windowDay, k.idem, k.case, k.appointment] },
      { table: 'events', actions: APPEND, keys: [k.ticket, k.waiting, k.windowDay, k.idem, k.appointment] },
      // The waiting index and the lines are the only items ever changed or removed: events never are.
      { table: 'events', actions: ['UpdateItem', 'DeleteItem'], keys: [k.waiting] },
    ],
  },
  appointments: {
    file: 'functions/entries/appointments.ts',
    kind: 'http',
    description: 'Online appointments (在线预约): slots with places left, booking and cancelling (public), the no-show sweep on demand',
    grants: [
      VIEWS_READ,
      // The working-day check reads the calendar; a no-show sweep looks for a ticket issued under the check-in's key.
      { table: 'events', actions: READ, keys: [k.appointment, k.idem, k.calendar] },
      { table: 'events', actions: APPEND, keys: [k.appointment, k.idem] },
    ],
    // Phone keys and appointment codes.
    secret: true,
  },
  'appointment-no-shows': {
    file: 'functions/entries/appointment-no-shows.ts',
    kind: 'timer',
    description: 'Each day after the last slot: mark the bookings nobody checked in for as no-shows (爽约)',
    grants: [VIEWS_READ, { table: 'events', actions: READ, keys: [k.appointment, k.idem] }, { table: 'events', actions: APPEND, keys: [k.appointment, k.idem] }],
    daily: '17:45',
  },
  public: {
    file: 'functions/entries/public.ts',
    kind: 'http',
    description: 'The citizens’ side without sign-in: progress lookup (办件进度查询) by case number and code, rating from the link (扫码/短信评价)',
    grants: [
      // The generation pointer and the case-number index: no other view.
      { table: 'views', actions: ['GetItem'], keys: ['meta', 'g*#case-no#*'] },
      // The marketplace's announcements and results (one partition).
      { table: 'views', actions: ['Query'], keys: ['g*#market'] },
      { table: 'events', actions: READ, keys: [k.case, k.idem, k.calendar] },
      // A rating from the link is a review on the case's own stream.
      { table: 'events', actions: APPEND, keys: [k.case, k.idem] },
    ],
    // Opening rating tokens.
    secret: true,
  },
  calendar: {
    file: 'functions/entries/calendar.ts',
    kind: 'http',
    description: 'The working-day calendar and its amendments',
    grants: [{ table: 'events', actions: READ, keys: [k.calendar, k.idem] }, { table: 'events', actions: APPEND, keys: [k.calendar, k.idem] }],
  },
  projector: {
    file: 'functions/entries/projector.ts',
    kind: 'stream',
    description: 'Projects new events into the views, exactly once, from the Events table stream',
    grants: [
      { table: 'views', actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'] },
      // The agency projects' process manager: a step's case recorded on the project's stream.
      { table: 'events', actions: READ, keys: [k.project, k.idem] },
      { table: 'events', actions: APPEND, keys: [k.project, k.idem] },
    ],
    batchSize: 1000,
  },
  rebuild: {
    file: 'functions/entries/rebuild.ts',
    kind: 'task',
    description: 'Admin task: rebuild every view from the Events table into a fresh generation',
    // The only function that scans.
    grants: [
      { table: 'events', actions: ['Scan', 'Query'] },
      { table: 'views', actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'ConditionCheckItem'], indexes: ['touched'] },
    ],
  },
  'calendar-watch': {
    file: 'functions/entries/calendar-watch.ts',
    kind: 'timer',
    description: 'Daily: warns when deadlines start running into a year whose holiday notice is not entered',
    grants: [{ table: 'events', actions: ['Query'], keys: [k.calendar] }],
    daily: '06:00',
  },
  system: {
    file: 'functions/entries/system.ts',
    kind: 'http',
    description: 'Health check and the OpenAPI document',
    grants: [],
  },
} as const satisfies Record<string, Entrypoint>;

export type EntryName = keyof typeof entrypoints;

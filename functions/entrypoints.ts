/**
 * Every Lambda entrypoint, once: the CDK stack makes one function of each, the local server
 * imports the same files. `tables` says what each may do to which table (least privilege).
 */
export type TableAccess = 'read' | 'write';

export interface Entrypoint {
  /** Path of the module (relative to the repository root) that exports `handler`. */
  file: string;
  kind: 'http' | 'stream' | 'timer' | 'task';
  description: string;
  tables: { events?: TableAccess; views?: TableAccess };
  /** Stream entries: records per batch (small when traffic is light, large while catching up a backlog). */
  batchSize?: number;
  /** Timer entries: the county-local time of day they run (EventBridge Scheduler on AWS, a local timer in `npm start`). */
  daily?: string;
  /** Reads the county secret (sampling salt, phone keys, roster seed). */
  secret?: true;
}

export const entrypoints = {
  'case-commands': {
    file: 'functions/entries/case-commands.ts',
    kind: 'http',
    description: 'Case commands: submit, notice, accept, reject, suspend, resume, transfer, complete, deliver',
    tables: { events: 'write' },
    secret: true,
  },
  'case-queries': {
    file: 'functions/entries/case-queries.ts',
    kind: 'http',
    description: 'A case and its timeline, read from its stream',
    tables: { events: 'read' },
  },
  catalogue: {
    file: 'functions/entries/catalogue.ts',
    kind: 'http',
    description: "The county's items, windows and sites",
    tables: {},
  },
  views: {
    file: 'functions/entries/views.ts',
    kind: 'http',
    description: 'Read models: window queues, statistics, dead letters',
    tables: { views: 'read', events: 'read' },
  },
  satisfaction: {
    file: 'functions/entries/satisfaction.ts',
    kind: 'http',
    description: 'Reviews, SMS replies, callback lists and attempts, the bad-review loop, satisfaction rates',
    tables: { events: 'write', views: 'read' },
    secret: true,
  },
  'callback-lists': {
    file: 'functions/entries/callback-lists.ts',
    kind: 'timer',
    description: 'Each working day before opening: publish the day’s callback list',
    tables: { events: 'write', views: 'read' },
    secret: true,
    daily: '07:30',
  },
  'default-reviews': {
    file: 'functions/entries/default-reviews.ts',
    kind: 'timer',
    description: 'Daily: count the county’s default level for cases nobody rated in time (when the county counts one)',
    tables: { events: 'write', views: 'read' },
    secret: true,
    daily: '02:00',
  },
  supervision: {
    file: 'functions/entries/supervision.ts',
    kind: 'http',
    description: 'Video-check rosters and findings, archive checks, window scorecards',
    tables: { events: 'write', views: 'read' },
    secret: true,
  },
  rosters: {
    file: 'functions/entries/rosters.ts',
    kind: 'timer',
    description: 'Each working day before opening: publish the video-check roster',
    tables: { events: 'write', views: 'read' },
    daily: '07:00',
    secret: true,
  },
  'archive-checks': {
    file: 'functions/entries/archive-checks.ts',
    kind: 'timer',
    description: 'On the first working day of a month: draw last month’s archive sample',
    tables: { events: 'write', views: 'read' },
    daily: '07:10',
    secret: true,
  },
  queue: {
    file: 'functions/entries/queue.ts',
    kind: 'http',
    description: 'The hall’s ticket queue: tickets, calling, the hall screen, queue statistics',
    tables: { events: 'write', views: 'read' },
  },
  calendar: {
    file: 'functions/entries/calendar.ts',
    kind: 'http',
    description: 'The working-day calendar and its amendments',
    tables: { events: 'write' },
  },
  projector: {
    file: 'functions/entries/projector.ts',
    kind: 'stream',
    description: 'Projects new events into the views, exactly once, from the Events table stream',
    tables: { views: 'write' },
    batchSize: 1000,
  },
  rebuild: {
    file: 'functions/entries/rebuild.ts',
    kind: 'task',
    description: 'Admin task: rebuild every view from the Events table into a fresh generation',
    tables: { events: 'read', views: 'write' },
  },
  'calendar-watch': {
    file: 'functions/entries/calendar-watch.ts',
    kind: 'timer',
    description: 'Daily: warns when deadlines start running into a year whose holiday notice is not entered',
    tables: { events: 'read' },
    daily: '06:00',
  },
  system: {
    file: 'functions/entries/system.ts',
    kind: 'http',
    description: 'Health check and the OpenAPI document',
    tables: {},
  },
} as const satisfies Record<string, Entrypoint>;

export type EntryName = keyof typeof entrypoints;

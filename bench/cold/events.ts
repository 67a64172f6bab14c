import type { EntryName } from '../../functions/entrypoints.ts';

/**
 * Each function's first event in `npm run bench:cold`: a request or record it really serves, that
 * reaches DynamoDB Local where the function's work does, and the answer it must give (a function that
 * answers otherwise fails the benchmark, so a broken bundle cannot look fast).
 */
export interface FirstEvent {
  event: unknown;
  /** HTTP status, or 'ok' for a stream, timer or task that returned. */
  expect: number | 'ok';
}

const CASE = '01JCB0000000000000000000ZZ';
const DAY = '2026-11-03';
const NOW = '2026-11-03T01:30:00.000Z';

/** Claims of a clerk at the planning window, who submits the fixture's cases. */
export const clerkClaims = { 'custom:windowId': 'W01', 'custom:siteId': 'S-CENTER' };

export function http(method: 'GET' | 'POST', template: string, options: { params?: Record<string, string>; query?: Record<string, string>; role?: string; body?: unknown; extraClaims?: Record<string, string> } = {}) {
  const rawPath = template.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? name);
  const claims = options.role ? { sub: `cold-${options.role}`, 'cognito:username': `cold-${options.role}`, 'cognito:groups': `[${options.role}]`, ...options.extraClaims } : undefined;
  const query = options.query ? new URLSearchParams(options.query).toString() : '';
  return {
    version: '2.0',
    routeKey: `${method} ${template}`,
    rawPath,
    rawQueryString: query,
    headers: { host: 'cold.local', 'user-agent': 'bench-cold', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.params ? { pathParameters: options.params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'cold',
      domainName: 'cold.local',
      domainPrefix: 'cold',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'bench-cold' },
      requestId: 'cold-request',
      routeKey: `${method} ${template}`,
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      stage: '$default',
      time: new Date(NOW).toUTCString(),
      timeEpoch: Date.parse(NOW),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  };
}

/**
 * A timer's run on one of November and December 2026's working days, another for each start, so
 * that every run does a day's real work (a roster to draw, lists to make) rather than find it done.
 */
const WORKING_DAYS = ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
const timer = (start: number) => ({ time: `${WORKING_DAYS[start % WORKING_DAYS.length]}T01:30:00.000Z` });

/**
 * What the first events work on: cases submitted before the run (one for each start, so that every
 * start accepts, reads or projects a case of its own), and their events as the Events table's stream
 * delivers them.
 */
export interface Fixture {
  caseIds: string[];
  /** Each case's events as stream records (`INSERT`, `NewImage`). */
  records: unknown[][];
}

const streamBatch = (records: unknown[]) => ({ Records: records });

/** The first event of a function's `start`-th cold start in a run. */
export const firstEvent = (name: EntryName, start: number, fixture: Fixture): FirstEvent => firstEvents(start, fixture)[name];

const firstEvents = (start: number, fixture: Fixture): Record<EntryName, FirstEvent> => ({
  'case-commands': { event: http('POST', '/cases/{id}/accept', { params: { id: fixture.caseIds[start]! }, role: 'admin', body: {} }), expect: 200 },
  'case-queries': { event: http('GET', '/cases/{id}/events', { params: { id: fixture.caseIds[start]! }, role: 'admin' }), expect: 200 },
  catalogue: { event: http('GET', '/items', { role: 'admin' }), expect: 200 },
  views: { event: http('GET', '/windows', { role: 'admin' }), expect: 200 },
  reviews: { event: http('GET', '/stats/satisfaction', { role: 'admin', query: { from: '2026-11-01', to: '2026-11-30' } }), expect: 200 },
  joint: { event: http('GET', '/cases/{id}/joint/rectification', { params: { id: CASE }, role: 'admin' }), expect: 404 },
  projects: { event: http('GET', '/projects', { role: 'admin' }), expect: 200 },
  market: { event: http('GET', '/market/projects', { role: 'admin' }), expect: 200 },
  assessment: { event: http('GET', '/staff-scores/{month}', { params: { month: '2026-11' }, role: 'admin' }), expect: 200 },
  'market-deadlines': { event: timer(start), expect: 'ok' },
  'joint-deadlines': { event: timer(start), expect: 'ok' },
  'callback-lists': { event: timer(start), expect: 'ok' },
  'default-reviews': { event: timer(start), expect: 'ok' },
  sms: { event: http('GET', '/sms/outbox', { role: 'admin' }), expect: 200 },
  'sms-sender': { event: timer(start), expect: 'ok' },
  supervision: { event: http('GET', '/rosters/{date}', { params: { date: '2027-06-30' }, role: 'admin' }), expect: 404 },
  rosters: { event: timer(start), expect: 'ok' },
  'archive-checks': { event: timer(start), expect: 'ok' },
  queue: { event: http('GET', '/ticket-categories', { role: 'admin' }), expect: 200 },
  appointments: { event: http('GET', '/public/appointments/slots', { query: { category: 'B', date: DAY } }), expect: 200 },
  'appointment-no-shows': { event: timer(start), expect: 'ok' },
  public: { event: http('GET', '/public/progress', { query: { caseNo: '331022-20261102-00042', code: '1234' } }), expect: 404 },
  calendar: { event: http('GET', '/calendar/{year}', { params: { year: '2026' }, role: 'admin' }), expect: 200 },
  projector: { event: streamBatch(fixture.records[start]!), expect: 'ok' },
  rebuild: { event: {}, expect: 'ok' },
  'calendar-watch': { event: timer(start), expect: 'ok' },
  system: { event: http('GET', '/health'), expect: 200 },
});

/** The bare handler's first event: one validated request, one Query. */
export const bareEvent: FirstEvent = { event: { pathParameters: { id: CASE } }, expect: 200 };

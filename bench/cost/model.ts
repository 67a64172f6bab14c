/**
 * The parts of `npm run cost` that are a model rather than a count, as pure functions: how many
 * execution environments a day's traffic starts (cold starts), how many traces X-Ray's default
 * sampling keeps, what Lambda itself logs per invocation, and the console's polling.
 */

/** Minutes of the day (county time) at an instant. */
export function minuteOfDay(instant: string, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(instant))
      .filter((p) => p.type === 'hour' || p.type === 'minute')
      .map((p) => [p.type, Number(p.value)]),
  ) as { hour: number; minute: number };
  return parts.hour * 60 + parts.minute;
}

/** A day cut into bins as long as an idle environment lives: expected invocations in each. */
export type DayProfile = number[];

export const emptyProfile = (binMinutes: number): DayProfile => Array.from({ length: Math.ceil(1440 / binMinutes) }, () => 0);

export function addToProfile(profile: DayProfile, minute: number, binMinutes: number, count = 1): void {
  const bin = Math.min(profile.length - 1, Math.floor(minute / binMinutes));
  profile[bin]! += count;
}

/** The same number of invocations a minute over [from, to) minutes of the day. */
export function addSteady(profile: DayProfile, fromMinute: number, toMinute: number, perMinute: number, binMinutes: number): void {
  for (let b = 0; b < profile.length; b++) {
    const start = b * binMinutes;
    const overlap = Math.max(0, Math.min(toMinute, start + binMinutes) - Math.max(fromMinute, start));
    profile[b]! += overlap * perMinute;
  }
}

export interface ColdStartModel {
  /** How long an idle execution environment is kept (the bin length of the profile). */
  binMinutes: number;
  /** How long an environment lives at most while in use before Lambda replaces it. */
  lifetimeHours: number;
}

/** P(X ≥ k) for X Poisson with mean `mean`. */
function atLeast(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= mean / (i + 1);
  }
  return Math.max(0, 1 - below);
}

/**
 * Expected cold starts in a day with this profile (invocations per bin, arriving at random within
 * the bin) when each takes `durationMs`:
 *  - after an idle bin, the first invocation of a busy bin starts an environment (the day's first included);
 *  - an invocation that arrives while k environments are busy starts a (k+1)th; that one stays warm
 *    while such overlaps keep coming, so it is counted once per run of bins that need it
 *    (bins are taken as independent: P(needed now) × P(not needed in the bin before));
 *  - an environment in use all along is replaced every `lifetimeHours`.
 */
export function coldStartsPerDay(profile: DayProfile, durationMs: number, model: ColdStartModel): number {
  const seconds = model.binMinutes * 60;
  const LEVELS = 20;
  // need[b][k]: the bin needs a (k+1)th environment (k = 0: any invocation at all).
  const need = profile.map((n) => {
    const concurrent = (n / seconds) * (durationMs / 1000);
    return Array.from({ length: LEVELS }, (_, k) => 1 - Math.exp(-n * (k === 0 ? 1 : atLeast(k, concurrent))));
  });
  let starts = 0;
  let environmentHours = 0;
  for (let b = 0; b < need.length; b++) {
    for (let k = 0; k < LEVELS; k++) {
      const now = need[b]![k]!;
      const before = b === 0 ? 0 : need[b - 1]![k]!;
      starts += now * (1 - before);
      environmentHours += (now * model.binMinutes) / 60;
    }
  }
  return starts + environmentHours / model.lifetimeHours;
}

/**
 * Traces X-Ray keeps a day under Lambda's default sampling (the first request each second, then
 * 5% of the rest), for invocations arriving at random at the profile's rate.
 */
export function tracedPerDay(profile: DayProfile, binMinutes: number): number {
  const seconds = binMinutes * 60;
  return profile.reduce((sum, n) => {
    const rate = n / seconds;
    const first = 1 - Math.exp(-rate);
    return sum + seconds * (first + 0.05 * (rate - first));
  }, 0);
}

/**
 * What Lambda itself writes to the function's log group for each invocation (active tracing adds
 * the XRAY part to REPORT), and for each cold start. Byte counts of real-shaped lines.
 */
const REQUEST_ID = '6f0d6b2e-8a7a-4c51-9f51-2f8a4b1c9d0e';
export const PLATFORM_LINES = {
  invocation: [
    `START RequestId: ${REQUEST_ID} Version: $LATEST\n`,
    `END RequestId: ${REQUEST_ID}\n`,
    `REPORT RequestId: ${REQUEST_ID}\tDuration: 23.45 ms\tBilled Duration: 24 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB\t\nXRAY TraceId: 1-675e1b41-5ac6c58f5b5dbd6a6b6d3a1c\tSegmentId: 6b4a1c2d3e4f5a6b\tSampled: true\t\n`,
  ],
  coldStart: [`INIT_START Runtime Version: nodejs:24.v12\tRuntime Version ARN: arn:aws-cn:lambda:cn-north-1::runtime:0b5c2a1f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b\n`, 'Init Duration: 412.37 ms\t'],
};
export const bytesOf = (lines: readonly string[]) => lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8'), 0);
export const PLATFORM_BYTES_PER_INVOCATION = bytesOf(PLATFORM_LINES.invocation);
export const PLATFORM_BYTES_PER_COLD_START = bytesOf(PLATFORM_LINES.coldStart);

/**
 * The console's pages that read again by themselves while open (the staff console in console/src):
 * each poll of one device sends these requests. The hall's screens and the windows' displays are
 * on from opening to closing; so are a clerk's desk, a department's joint inbox, an agent's
 * worklist and a director's page, in this model.
 */
export interface Poller {
  page: string;
  /** Where the interval is set. */
  source: string;
  everySeconds: number;
  devices: number;
  /** The requests one poll of one device sends (method and path; the route key is found by the dispatcher). */
  requests: (device: number) => string[];
  /** The role whose token the page has. */
  role: 'admin' | 'director' | 'agent';
}

export interface PollingCounty {
  /** Windows a ticket category calls to (the hall's counters), with the categories each serves. */
  counters: { windowId: string; categories: string[] }[];
  /** Every window (counters and the townships' service windows). */
  windows: string[];
  jointDepartments: string[];
  directors: number;
  agents: number;
  /** Joint inbox tabs, each its own request (console/src/pages/joint/model.ts `inboxTabs`). */
  inboxTabs: string[];
}

export function consolePollers(county: PollingCounty, date: string): Poller[] {
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  return [
    { page: 'hall screen: the board', source: 'console/src/pages/hall/HallScreen.tsx', everySeconds: 0.75, devices: 1, requests: () => ['/hall/board'], role: 'admin' },
    { page: 'hall screen: who waits', source: 'console/src/pages/hall/HallScreen.tsx', everySeconds: 5, devices: 1, requests: () => ['/hall/waiting'], role: 'admin' },
    { page: 'window display (one per counter)', source: 'console/src/pages/window/WindowDisplay.tsx', everySeconds: 2, devices: county.counters.length, requests: (i) => [`/windows/${pick(county.counters, i).windowId}/display`], role: 'admin' },
    {
      page: 'clerk desk: ticket panel (counters)',
      source: 'console/src/pages/clerk/TicketPanel.tsx',
      everySeconds: 15,
      devices: county.counters.length,
      requests: (i) => {
        const counter = pick(county.counters, i);
        return ['/ticket-categories', `/queue?windowId=${counter.windowId}`, ...counter.categories.map((c) => `/queue?category=${c}`)];
      },
      role: 'admin',
    },
    { page: 'clerk desk: backlog (every window)', source: 'console/src/pages/clerk/Backlog.tsx', everySeconds: 30, devices: county.windows.length, requests: (i) => [`/windows/${pick(county.windows, i)}/queue`], role: 'admin' },
    {
      page: 'joint inbox (one per joint department)',
      source: 'console/src/pages/joint/JointInbox.tsx',
      everySeconds: 60,
      devices: county.jointDepartments.length,
      requests: (i) => county.inboxTabs.map((status) => `/departments/${pick(county.jointDepartments, i)}/joint-tasks?status=${status}`),
      role: 'admin',
    },
    { page: 'agent worklist', source: 'console/src/pages/agent/AgentWorklist.tsx', everySeconds: 60, devices: county.agents, requests: () => ['/agents/me/worklist'], role: 'agent' },
    { page: 'director: today’s checks', source: 'console/src/pages/director/TodayChecks.tsx', everySeconds: 300, devices: county.directors, requests: () => [`/rosters/${date}?director=me`], role: 'director' },
  ];
}

/** Requests a poller sends in a working day of `hallMinutes`. */
export function pollsPerDay(poller: Poller, hallMinutes: number): number {
  const ticks = (hallMinutes * 60) / poller.everySeconds;
  let perTick = 0;
  for (let d = 0; d < poller.devices; d++) perTick += poller.requests(d).length;
  return ticks * perTick;
}

import { localDateOf } from '../../domain/time.ts';
import { entrypoints, type EntryName, type Entrypoint } from '../../functions/entrypoints.ts';
import { lookupOutcomes } from '../../functions/public/metrics.ts';
import type { YearUsage } from './bill.ts';
import type { Measurements } from './measure.ts';
import type { Invocation } from './meter.ts';
import { addSteady, addToProfile, coldStartsPerDay, emptyProfile, minuteOfDay, PLATFORM_BYTES_PER_COLD_START, PLATFORM_BYTES_PER_INVOCATION, pollsPerDay, tracedPerDay, type DayProfile } from './model.ts';

/**
 * From what a short simulation counted to a county's year: everything the cases cause is scaled
 * per accepted case; what runs on a schedule (timers) or while the hall is open (the console's
 * polling) is counted per run and multiplied by the runs a year.
 */

/** Cases accepted in a year at the seed county (../shared/domain.md, "The numbers a center reports": the seed's 2015 report). */
export const SEED_CASES_A_YEAR = 130_268;

export interface YearOptions {
  /** Cases accepted a year. */
  cases: number;
  /** INIT duration of a cold start, ms (every function alike; `npm run bench:cold` measures it per function). */
  initMs: number;
  /** How long Lambda keeps an idle environment, minutes. */
  idleMinutes: number;
  /** How long an environment in constant use lives before Lambda replaces it, hours. */
  lifetimeHours: number;
  /** The SMS provider's HTTPS call per message, ms (the local sink answers at once). */
  smsProviderMs: number;
  /** Case pages a clerk opens per command on a case. */
  casePagesPerCommand: number;
  /** The console's polling (hall screen, window displays, clerks' desks…). */
  polling: boolean;
}

export const defaultYearOptions: YearOptions = { cases: SEED_CASES_A_YEAR, initMs: 400, idleMinutes: 10, lifetimeHours: 2, smsProviderMs: 200, casePagesPerCommand: 1, polling: true };

/** The simulator's requests that a timer makes on AWS: their work is the timer's. */
export const TIMER_STAND_INS: Record<string, EntryName> = {
  'POST /callbacks/lists/{date}': 'callback-lists',
  'POST /joint/deadlines/{date}': 'joint-deadlines',
  'POST /market/deadlines': 'market-deadlines',
};

/** A clerk's command on a case: the case page was open for it. */
const STAFF_COMMAND = /^POST \/cases\/\{id\}\/(?!reviews)/;

export interface FunctionYear {
  entry: EntryName;
  memoryMb: number;
  requests: number;
  /** Sum of the invocations' billed milliseconds (each rounded up to 1 ms). */
  billedMs: number;
  coldStarts: number;
  gbSeconds: number;
  writeUnits: number;
  readUnits: number;
  indexWriteUnits: number;
  logBytes: number;
  traces: number;
  apiRequests: number;
  /** Invocations in each idle-length bin of a working day. */
  profile: DayProfile;
}

export interface Year {
  usage: YearUsage;
  functions: FunctionYear[];
  /** The parts, for the printout. */
  parts: {
    counted: Counted;
    factor: number;
    workingDays: number;
    pollingRequests: { page: string; source: string; devices: number; everySeconds: number; requests: number }[];
    casePages: number;
    smsMessages: number;
    storage: { growthGb: number; expiringGb: number; year1GbMonths: number; year5GbMonths: number };
    timerRuns: Partial<Record<EntryName, number>>;
  };
}

const GB = 2 ** 30;
const ceilMs = (ms: number) => Math.max(1, Math.ceil(ms));
/** Memory per function as the stateless stack sets it (infra/stateless-stack.ts: the rebuild task 2048 MB, the rest 512 MB). */
export const memoryOf = (entry: Entrypoint) => (entry.kind === 'task' ? 2048 : 512);

/** What happened on the counted days (after the warm-up). */
export interface Counted {
  invocations: Invocation[];
  submitted: number;
  accepted: number;
  completed: number;
  smsSent: number;
}

const succeeded = (inv: Invocation) => ((inv.result as { statusCode?: number } | undefined)?.statusCode ?? 500) < 300;

export function counted(m: Measurements): Counted {
  const { from, to } = m.window;
  const inWindow = (inv: Invocation) => {
    if (inv.at === undefined) return false;
    const date = localDateOf(inv.at, m.county.timeZone);
    return date >= from && date <= to;
  };
  const invocations = withoutWarmUp(m.simulated).filter(inWindow);
  const count = (label: string) => invocations.filter((inv) => inv.kind === 'http' && inv.label === label && succeeded(inv)).length;
  const smsSent = invocations.reduce((n, inv) => n + (inv.entry === 'sms-sender' ? ((inv.result as { sent?: number } | undefined)?.sent ?? 0) : 0), 0);
  return { invocations, submitted: count('POST /cases'), accepted: count('POST /cases/{id}/accept'), completed: count('POST /cases/{id}/complete'), smsSent };
}

export function toYear(m: Measurements, options: YearOptions = defaultYearOptions): Year {
  const window = counted(m);
  const factor = options.cases / Math.max(1, window.accepted);
  const workingDays = m.workingDaysPerYear;
  const binMinutes = options.idleMinutes;
  const timeZone = m.county.timeZone;
  const fns = new Map<EntryName, FunctionYear>();
  const fn = (entry: EntryName): FunctionYear => {
    let f = fns.get(entry);
    if (!f) fns.set(entry, (f = { entry, memoryMb: memoryOf(entrypoints[entry]), requests: 0, billedMs: 0, coldStarts: 0, gbSeconds: 0, writeUnits: 0, readUnits: 0, indexWriteUnits: 0, logBytes: 0, traces: 0, apiRequests: 0, profile: emptyProfile(binMinutes) }));
    return f;
  };
  /** Adds `weight` copies of an invocation's cost to its function (or to `as`). */
  const add = (inv: Invocation, weight: number, how: { requests: boolean; api: boolean; profile: boolean; as?: EntryName; ms?: number }) => {
    const f = fn(how.as ?? inv.entry);
    f.billedMs += (how.ms ?? ceilMs(inv.ms)) * weight;
    f.writeUnits += inv.writeUnits * weight;
    f.readUnits += inv.readUnits * weight;
    f.indexWriteUnits += inv.indexWriteUnits * weight;
    f.logBytes += inv.logBytes * weight;
    if (how.requests) f.requests += weight;
    if (how.api) f.apiRequests += weight;
    if (how.profile && inv.at) addToProfile(f.profile, minuteOfDay(inv.at, timeZone), binMinutes, weight / workingDays);
  };

  // 1. What the cases cause: the simulator's requests, the projector's batches, the SMS sender's work.
  const idle = mean(m.probes.idleSender);
  const staffCommands: Invocation[] = [];
  const simulated = window.invocations;
  const standInCalls = (timer: EntryName) => simulated.filter((inv) => inv.kind === 'http' && TIMER_STAND_INS[inv.label] === timer).length;
  for (const inv of simulated) {
    if (inv.kind === 'http') {
      const timer = TIMER_STAND_INS[inv.label];
      if (timer) {
        // What it reads and writes grows with the day's cases; its time is mostly the run's own: counted
        // per working day (on rest days the timer only finds it has nothing to do).
        const runsPerCall = workingDays / standInCalls(timer);
        add({ ...inv, ms: 0 }, factor, { requests: false, api: false, profile: false, as: timer, ms: 0 });
        fn(timer).billedMs += ceilMs(inv.ms) * runsPerCall;
      } else add(inv, factor, { requests: true, api: true, profile: true });
      if (STAFF_COMMAND.test(inv.label)) staffCommands.push(inv);
    } else if (inv.kind === 'stream') add(inv, factor, { requests: true, api: false, profile: true });
    else if (inv.entry === 'sms-sender') {
      // Its runs are counted from its schedule below; here only what a run does beyond an idle one.
      const beyond = { ...inv, ms: Math.max(0, inv.ms - idle.ms), writeUnits: Math.max(0, inv.writeUnits - idle.writeUnits), readUnits: Math.max(0, inv.readUnits - idle.readUnits), indexWriteUnits: Math.max(0, inv.indexWriteUnits - idle.indexWriteUnits) };
      add(beyond, factor, { requests: false, api: false, profile: false, ms: beyond.ms });
    }
  }
  const smsMessages = window.smsSent * factor;
  fn('sms-sender').billedMs += smsMessages * options.smsProviderMs;

  // 2. A clerk opens the case before each command on it (four reads), at the command's time.
  const pages = staffCommands.length * factor * options.casePagesPerCommand;
  const probedPages = m.probes.casePage.length;
  if (probedPages > 0 && pages > 0) {
    for (const page of m.probes.casePage) for (const inv of page) add(inv, pages / probedPages, { requests: true, api: true, profile: false });
    const perPage = new Map<EntryName, number>();
    for (const page of m.probes.casePage) for (const inv of page) perPage.set(inv.entry, (perPage.get(inv.entry) ?? 0) + 1 / probedPages);
    for (const command of staffCommands) {
      if (!command.at) continue;
      for (const [entry, n] of perPage) addToProfile(fn(entry).profile, minuteOfDay(command.at, timeZone), binMinutes, (n * factor * options.casePagesPerCommand) / workingDays);
    }
  }

  // 3. The console's polling while the hall is open, every working day.
  const hall = m.county.supervision.hall;
  const [opens, closes] = [hall.opens, hall.closes].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))) as [number, number];
  const pollingRequests: Year['parts']['pollingRequests'] = [];
  if (options.polling) {
    for (const { poller, invocations } of m.probes.polls) {
      const perDay = pollsPerDay(poller, closes - opens);
      pollingRequests.push({ page: poller.page, source: poller.source, devices: poller.devices, everySeconds: poller.everySeconds, requests: perDay * workingDays });
      if (invocations.length === 0 || perDay === 0) continue;
      for (const inv of invocations) {
        add(inv, (perDay * workingDays) / invocations.length, { requests: true, api: true, profile: false });
        addSteady(fn(inv.entry).profile, opens, closes, perDay / (closes - opens) / invocations.length, binMinutes);
      }
    }
  }

  // 4. Timers, from their schedules (EventBridge Scheduler runs the daily ones every day of the year).
  const timerRuns: Partial<Record<EntryName, number>> = {};
  for (const [name, entry] of Object.entries(entrypoints) as [EntryName, Entrypoint][]) {
    if (entry.kind !== 'timer') continue;
    const runs = entry.everyMinutes ? (365 * 24 * 60) / entry.everyMinutes : 365;
    timerRuns[name] = runs;
    const f = fn(name);
    f.requests += runs;
    f.traces += runs;
    if (entry.everyMinutes) {
      for (const inv of m.probes.idleSender) add(inv, runs / m.probes.idleSender.length, { requests: false, api: false, profile: false });
      // Always warm: replaced every lifetime.
      f.coldStarts += (365 * 24) / options.lifetimeHours;
      continue;
    }
    // A day between runs: every run starts cold.
    f.coldStarts += runs;
    if (standInCalls(name) > 0) continue;
    const probe = m.probes.daily[name] ?? [];
    for (const inv of probe) add(inv, runs / probe.length, { requests: false, api: false, profile: false });
  }

  // 5. Cold starts and traces of the functions the day's traffic wakes (nothing on rest days), then GB-seconds and logs.
  for (const f of fns.values()) {
    const entry = entrypoints[f.entry];
    if (entry.kind === 'http' || entry.kind === 'stream') {
      const meanMs = f.requests > 0 ? f.billedMs / f.requests : 0;
      f.coldStarts += coldStartsPerDay(f.profile, meanMs, { binMinutes, lifetimeHours: options.lifetimeHours }) * workingDays;
      f.traces += tracedPerDay(f.profile, binMinutes) * workingDays;
    }
    f.gbSeconds = (f.memoryMb / 1024) * ((f.billedMs + f.coldStarts * options.initMs) / 1000);
    f.logBytes += f.requests * PLATFORM_BYTES_PER_INVOCATION + f.coldStarts * PLATFORM_BYTES_PER_COLD_START;
  }
  const functions = [...fns.values()].filter((f) => f.requests > 0 || f.billedMs > 0).sort((a, b) => b.gbSeconds - a.gbSeconds);
  const sum = (pick: (f: FunctionYear) => number) => functions.reduce((s, f) => s + pick(f), 0);

  // 6. Storage: what stays grows with the cases over the year; what expires stays at its level.
  // The tables hold every simulated case (the warm-up's too): bytes per case over all of them.
  const perCase = (bytes: number) => bytes / Math.max(1, m.tally.accepted);
  const growth = perCase(m.storage.events.bytes + m.storage.views.bytes + m.storage.views.indexBytes + m.storage.events.indexBytes) * options.cases;
  const tableGrowth = perCase(m.storage.events.bytes + m.storage.views.bytes) * options.cases;
  const expiring = [...m.storage.events.expiring, ...m.storage.views.expiring].reduce((sum2, e) => sum2 + perCase(e.bytes) * (options.cases / 365) * e.days, 0);
  // The average table over a year is half its growth plus the years before it (a county keeps its cases).
  const gbMonths = (year: number, g: number) => (12 * ((year - 0.5) * g + expiring)) / GB;

  const secretCalls = functions.reduce((s, f) => {
    const entry: Entrypoint = entrypoints[f.entry];
    return s + (entry.secret ? f.coldStarts : 0) + (entry.sms ? f.coldStarts : 0);
  }, 0);
  const ingestBytes = sum((f) => f.logBytes);
  const usage: YearUsage = {
    cases: options.cases,
    dynamo: {
      writeUnits: sum((f) => f.writeUnits + f.indexWriteUnits) + (m.outside.write + m.outside.index) * factor,
      readUnits: sum((f) => f.readUnits) + m.outside.read * factor,
      storageGbMonths: gbMonths(1, growth),
      pitrGbMonths: gbMonths(1, tableGrowth),
    },
    lambda: { requests: sum((f) => f.requests), gbSeconds: sum((f) => f.gbSeconds) },
    api: { requests: sum((f) => f.apiRequests) },
    // Six months kept (infra/constructs/banjian-function.ts): in a steady year half a year's logs are stored every month.
    logs: { ingestGb: ingestBytes / GB, storedGbMonths: (12 * (ingestBytes / 2)) / GB },
    xray: { traces: sum((f) => f.traces) },
    // The county secret and the SMS provider's key pair (infra/stateful-stack.ts), each read once per cold start.
    secrets: { secretMonths: 2 * 12, apiCalls: secretCalls },
    scheduler: { invocations: Object.values(timerRuns).reduce((s, n) => s + n, 0) },
    // infra/constructs/monitoring.ts: six alarms on ten metrics (ServerErrors reads four, TableThrottles two); one dashboard;
    // custom metrics: ProgressLookups by outcome (functions/public/metrics.ts) and ProvisionalWorkingDaysAhead.
    monitoring: { alarmMetricMonths: 10 * 12, customMetricMonths: (lookupOutcomes.length + 1) * 12, dashboardMonths: 12 },
    // infra/edge-stack.ts (outside China only): one web ACL with two rules.
    waf: { webAclMonths: 12, ruleMonths: 2 * 12 },
  };
  return {
    usage,
    functions,
    parts: {
      counted: window,
      factor,
      workingDays,
      pollingRequests,
      casePages: pages,
      smsMessages,
      storage: { growthGb: growth / GB, expiringGb: expiring / GB, year1GbMonths: gbMonths(1, growth), year5GbMonths: gbMonths(5, growth) },
      timerRuns,
    },
  };
}

/**
 * Each function's first call in this process does its lazy setup (its runtime, the county, the
 * secret): on Lambda that happens once per cold start, not once per county. It is counted at the
 * median time of the function's other calls of the same kind.
 */
export function withoutWarmUp(invocations: readonly Invocation[]): Invocation[] {
  const seen = new Set<string>();
  const medians = new Map<string, number>();
  const keyOf = (inv: Invocation) => `${inv.entry} ${inv.kind}`;
  for (const key of new Set(invocations.map(keyOf))) {
    const times = invocations.filter((inv) => keyOf(inv) === key).map((inv) => inv.ms).sort((a, b) => a - b);
    medians.set(key, times[Math.floor(times.length / 2)] ?? 0);
  }
  return invocations.map((inv) => {
    const key = keyOf(inv);
    if (seen.has(key)) return inv;
    seen.add(key);
    return { ...inv, ms: medians.get(key) ?? inv.ms };
  });
}

/** The mean of some invocations (an idle run's cost). */
function mean(invocations: Invocation[]): Pick<Invocation, 'ms' | 'writeUnits' | 'readUnits' | 'indexWriteUnits' | 'logBytes'> {
  const n = Math.max(1, invocations.length);
  const total = (pick: (i: Invocation) => number) => invocations.reduce((s, i) => s + pick(i), 0) / n;
  return { ms: total((i) => ceilMs(i.ms)), writeUnits: total((i) => i.writeUnits), readUnits: total((i) => i.readUnits), indexWriteUnits: total((i) => i.indexWriteUnits), logBytes: total((i) => i.logBytes) };
}

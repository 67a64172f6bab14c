import { WorkingCalendar } from '../domain/calendar/calendar.ts';
import type { Channel } from '../domain/case/events.ts';
import type { County, Item } from '../domain/county.ts';
import { addDays, type LocalDate } from '../domain/time.ts';
import { publishedYears } from '../functions/calendar/published.ts';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same county day. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, weight] of entries) if ((r -= weight) < 0) return value;
      return entries.at(-1)![0];
    },
  };
}

type Rng = ReturnType<typeof random>;

function seedOf(seed: number, day: string, index: number): number {
  let h = seed ^ 0x9e3779b9;
  for (const ch of `${day}#${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

export interface SimulationOptions {
  url: string;
  county: County;
  from: LocalDate;
  /** Working days to simulate. */
  days: number;
  /** 1 = the seed county's volume (about 570 applications and 558 completions a working day). */
  scale: number;
  seed: number;
  concurrency?: number;
  log?: (line: string) => void;
  /** How requests reach the API: HTTP by default; the benchmark calls the handlers directly. */
  transport?: Transport;
  /** A bearer token (an administrator's: the simulator acts at every window). */
  token?: string;
}

export type Transport = (path: string, body: string, headers: Record<string, string>) => Promise<{ status: number; json: Record<string, unknown> }>;

const httpTransport =
  (url: string, token: string | undefined): Transport =>
  async (path, body, headers) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

export interface Tally {
  from: LocalDate;
  to: LocalDate;
  workingDays: number;
  submitted: number;
  accepted: number;
  rejected: number;
  materialsRequested: number;
  suspended: number;
  forwarded: number;
  completed: number;
  onTime: number;
  late: number;
  early: number;
  commitmentCompleted: number;
  delivered: number;
  grassroots: number;
  online: number;
  byChannel: Record<Channel, number>;
  errors: number;
}

/** Applications per working day at scale 1, and the seed county's mixes. */
const DAILY_APPLICATIONS = 570;
const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['window', 0.27],
  ['township', 0.38],
  ['village', 0.2],
  ['online', 0.08],
  ['agent', 0.07],
];
const TYPES = [
  ['immediate', 0.5],
  ['commitment', 0.42],
  ['joint', 0.04],
  ['report-up', 0.04],
] as const;

type Step = { at: string; run: () => Promise<void> };

/**
 * Drives a county's traffic through the HTTP API with the dev clock: applications through every
 * channel, one-time notices, rejections, forwarding from grassroots sites, special procedures,
 * completions mostly early and a few late, deliveries. It counts what it did, so that the report
 * can be checked against it.
 */
export async function simulate(options: SimulationOptions): Promise<Tally> {
  const rng = random(options.seed);
  const transport = options.transport ?? httpTransport(options.url, options.token);
  const calendar = new WorkingCalendar({ published: publishedYears(), county: options.county.calendar, amended: new Map() });
  const days: LocalDate[] = [];
  for (let d = calendar.workingDayOnOrAfter(options.from); days.length < options.days; d = calendar.workingDayOnOrAfter(addDays(d, 1))) days.push(d);
  const lastDay = days.at(-1)!;
  const tally: Tally = {
    from: options.from,
    to: lastDay,
    workingDays: days.length,
    submitted: 0,
    accepted: 0,
    rejected: 0,
    materialsRequested: 0,
    suspended: 0,
    forwarded: 0,
    completed: 0,
    onTime: 0,
    late: 0,
    early: 0,
    commitmentCompleted: 0,
    delivered: 0,
    grassroots: 0,
    online: 0,
    byChannel: { window: 0, online: 0, township: 0, village: 0, agent: 0 },
    errors: 0,
  };
  const byType = new Map(TYPES.map(([type]) => [type, options.county.items.filter((i) => i.type === type)]));
  const sitesOf = (level: 'township' | 'village') => options.county.sites.filter((s) => s.level === level);
  const countyWindow = (item: Item) => options.county.windows.find((w) => w.id === item.windowId)!;
  const at = (date: LocalDate, minutes: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000).toISOString();
  const pending = new Map<LocalDate, Step[][]>();
  const later = (date: LocalDate, chain: Step[]) => {
    if (date > lastDay) return;
    pending.set(date, [...(pending.get(date) ?? []), chain]);
  };

  async function post(path: string, body: unknown, instant: string, key = `sim-${options.seed}-${path}-${instant}`): Promise<Record<string, unknown>> {
    const { status, json } = await transport(path, JSON.stringify(body), { 'content-type': 'application/json', 'x-dev-clock': instant, 'idempotency-key': key });
    if (status >= 300) {
      tally.errors++;
      throw new Error(`${path} → ${status}: ${String(json.detail ?? json.title)}`);
    }
    return json;
  }

  /** Plans one application: what happens to it on its first day, and what it schedules for later. */
  function application(day: LocalDate, index: number): Step[] {
    // Each case draws from its own generator, so that running cases in parallel keeps a seed's outcome.
    const rng = random(seedOf(options.seed, day, index));
    const type = rng.weighted(TYPES);
    const item = rng.pick(byType.get(type)!.length > 0 ? byType.get(type)! : options.county.items);
    const channel = rng.weighted(CHANNELS);
    const siteId = channel === 'township' || channel === 'village' ? rng.pick(sitesOf(channel)).id : undefined;
    // Morning peak: most arrivals between 08:30 and 11:30.
    let minute = rng.chance(0.65) ? rng.int(8 * 60 + 30, 11 * 60 + 30) : rng.int(13 * 60 + 30, 16 * 60);
    const codes = item.materials.map((m) => m.code);
    const incomplete = codes.length > 1 && rng.chance(0.15);
    const brought = incomplete ? codes.slice(0, rng.int(1, codes.length - 1)) : codes;
    const reject = rng.chance(0.02);
    const forward = siteId !== undefined && rng.chance(0.3);
    let caseId = '';
    const steps: Step[] = [];
    const step = (run: (instant: string) => Promise<void>) => {
      const instant = at(day, (minute += rng.int(3, 12)));
      steps.push({ at: instant, run: () => run(instant) });
    };
    step(async (instant) => {
      const created = await post('/cases', { itemCode: item.code, applicant: { name: '模拟申请人', phone: `138${String(rng.int(0, 99_999_999)).padStart(8, '0')}` }, channel, siteId, materials: brought }, instant, `sim-${options.seed}-${day}-${index}-submit`);
      caseId = created.caseId as string;
      tally.submitted++;
      tally.byChannel[channel]++;
      if (siteId !== undefined) tally.grassroots++;
      if (channel === 'online') tally.online++;
    });
    if (incomplete) {
      step(async (instant) => {
        await post(`/cases/${caseId}/request-materials`, { missing: codes.filter((c) => !brought.includes(c)), note: '请补齐材料' }, instant);
        tally.materialsRequested++;
      });
    }
    if (reject) {
      step(async (instant) => {
        await post(`/cases/${caseId}/reject`, { reason: '申请事项不属于本机关职权范围' }, instant);
        tally.rejected++;
      });
      return steps;
    }
    if (incomplete) {
      step(async (instant) => void (await post(`/cases/${caseId}/supply-materials`, { materials: codes.filter((c) => !brought.includes(c)) }, instant)));
    }
    if (forward) {
      step(async (instant) => {
        await post(`/cases/${caseId}/transfer`, { windowId: countyWindow(item).id }, instant);
        tally.forwarded++;
      });
    }
    step(async (instant) => {
      const accepted = await post(`/cases/${caseId}/accept`, {}, instant);
      tally.accepted++;
      await plan(rng, caseId, item, day, instant, accepted.deadline as LocalDate);
    });
    return steps;
  }

  async function completeNow(rng: Rng, caseId: string, item: Item, instant: string, date: LocalDate) {
    const done = await post(`/cases/${caseId}/complete`, { decision: item.type === 'report-up' ? 'forwarded' : rng.chance(0.97) ? 'approved' : 'denied' }, instant);
    tally.completed++;
    if (done.onTime === true) tally.onTime++;
    else tally.late++;
    if (item.type === 'commitment') {
      tally.commitmentCompleted++;
      if (done.early === true) tally.early++;
    }
    if (item.type !== 'report-up' && rng.chance(0.5)) {
      const next = calendar.addWorkingDays(date, 1);
      const when = at(next, 9 * 60 + rng.int(0, 400));
      later(next, [{ at: when, run: () => deliver(rng, caseId, when) }]);
    }
  }

  /** After acceptance: immediate items are done at once; others get a special procedure now and then, and a completion day mostly early, a few late. */
  async function plan(rng: Rng, caseId: string, item: Item, acceptedDay: LocalDate, acceptedAt: string, deadline: LocalDate) {
    if (item.type === 'immediate') {
      await completeNow(rng, caseId, item, new Date(Date.parse(acceptedAt) + rng.int(10, 60) * 60_000).toISOString(), acceptedDay);
      return;
    }
    const completeOn = (date: LocalDate) => {
      const instant = at(date, rng.int(9 * 60, 16 * 60 + 30));
      later(date, [{ at: instant, run: () => completeNow(rng, caseId, item, instant, date) }]);
    };
    const finish = (from: LocalDate, due: LocalDate) => {
      const slack = calendar.workingDaysBetween(from, due);
      const roll = rng.next();
      if (roll < 0.01) completeOn(calendar.addWorkingDays(due, rng.int(1, 3)));
      else if (roll < 0.04 || slack <= 1) completeOn(slack === 0 ? calendar.addWorkingDays(from, 1) : due);
      else completeOn(calendar.addWorkingDays(from, rng.int(1, slack - 1)));
    };
    if (item.committedDays >= 3 && rng.chance(0.03)) {
      const suspendDay = calendar.addWorkingDays(acceptedDay, 1);
      const resumeDay = calendar.addWorkingDays(suspendDay, rng.int(2, 4));
      const suspendAt = at(suspendDay, 10 * 60);
      const resumeAt = at(resumeDay, 9 * 60);
      later(suspendDay, [
        {
          at: suspendAt,
          run: async () => {
            await post(`/cases/${caseId}/suspend`, { procedure: rng.pick(['hearing', 'expert-review', 'inspection', 'testing'] as const), reason: '依法启动特别程序' }, suspendAt);
            tally.suspended++;
          },
        },
      ]);
      later(resumeDay, [{ at: resumeAt, run: async () => finish(resumeDay, (await post(`/cases/${caseId}/resume`, {}, resumeAt)).deadline as LocalDate) }]);
      return;
    }
    finish(acceptedDay, deadline);
  }

  async function deliver(rng: Rng, caseId: string, instant: string) {
    await post(`/cases/${caseId}/deliver`, { method: rng.pick(['in-person', 'post', 'electronic'] as const) }, instant);
    tally.delivered++;
  }

  const concurrency = options.concurrency ?? 8;
  for (const day of days) {
    const chains: Step[][] = [...(pending.get(day) ?? [])];
    pending.delete(day);
    const arrivals = Math.round(DAILY_APPLICATIONS * options.scale * (0.9 + rng.next() * 0.2));
    for (let i = 0; i < arrivals; i++) chains.push(application(day, i));
    // Chains run in parallel; the steps of one case run in order, each at its own dev-clock instant.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, chains.length) }, async () => {
        while (next < chains.length) {
          const chain = chains[next++]!;
          try {
            for (const step of chain) await step.run();
          } catch (error) {
            options.log?.(`  ${day}: ${(error as Error).message}`);
          }
        }
      }),
    );
    options.log?.(`${day}: ${arrivals} applications; running totals: ${tally.submitted} submitted, ${tally.accepted} accepted, ${tally.completed} completed (${tally.late} late)`);
  }
  return tally;
}

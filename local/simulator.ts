import { WorkingCalendar } from '../domain/calendar/calendar.ts';
import type { Channel } from '../domain/case/events.ts';
import type { County, Item } from '../domain/county.ts';
import { addDays, type LocalDate } from '../domain/time.ts';
import { parseSmsReply } from '../domain/reviews/levels.ts';
import { lunarDates, publishedYears } from '../functions/calendar/published.ts';
import { emptyHallTally, hallDay, type HallTally } from './hall.ts';

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
  /** Reviews, SMS replies, daily callback lists and the bad-review loop (on by default). */
  satisfaction?: boolean;
  /** How long to let the projector catch up before a day's callback list is drawn (ms). */
  settleMs?: number;
  /** The hall's ticket queue: visitors taking tickets, windows calling them (on by default). */
  hall?: boolean;
  /** The hall's volume, when it should differ from `scale` (1 = about 400 visitors a working day). */
  hallScale?: number;
}

export type Transport = (path: string, body: string, headers: Record<string, string>, method?: 'GET' | 'POST' | 'PUT') => Promise<{ status: number; json: Record<string, unknown> }>;

const httpTransport =
  (url: string, token: string | undefined): Transport =>
  async (path, body, headers, method = 'POST') => {
    const response = await fetch(`${url}${path}`, { method, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: method === 'GET' ? undefined : body });
    const text = await response.text();
    return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
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
  /** Satisfaction: reviews that count (voided ones taken out), bad ones, SMS, callbacks, the loop. */
  reviews: number;
  badReviews: number;
  voidedReviews: number;
  smsReplies: number;
  smsReviews: number;
  smsUnparsed: number;
  callbackLists: number;
  listEntries: { badReview: number; retry: number; sample: number };
  callbackAttempts: number;
  validCallbacks: number;
  appeals: number;
  rectificationsClosed: number;
  /** The hall's ticket queue. */
  hall: HallTally;
  errors: number;
}

/** Applications per working day at scale 1, and the seed county's mixes. */
const DAILY_APPLICATIONS = 570;
/** Visitors taking a ticket in the hall per working day at scale 1. */
const DAILY_VISITORS = 400;
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
  const calendar = new WorkingCalendar({ published: publishedYears(), county: options.county.calendar, amended: new Map(), lunar: lunarDates });
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
    reviews: 0,
    badReviews: 0,
    voidedReviews: 0,
    smsReplies: 0,
    smsReviews: 0,
    smsUnparsed: 0,
    callbackLists: 0,
    listEntries: { badReview: 0, retry: 0, sample: 0 },
    callbackAttempts: 0,
    validCallbacks: 0,
    appeals: 0,
    rectificationsClosed: 0,
    hall: emptyHallTally(),
    errors: 0,
  };
  const byType = new Map(TYPES.map(([type]) => [type, options.county.items.filter((i) => i.type === type)]));
  const sitesOf = (level: 'township' | 'village') => options.county.sites.filter((s) => s.level === level);
  const countyWindow = (item: Item) => options.county.windows.find((w) => w.id === item.windowId)!;
  const at = (date: LocalDate, minutes: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000).toISOString();
  // Work for later days, by case: one case's steps of a day run in one chain, in time order, so that
  // no step is ever dated before the case's previous one.
  const pending = new Map<LocalDate, Map<string, Step[]>>();
  const later = (date: LocalDate, chain: Step[], caseKey: string) => {
    if (date > lastDay) return;
    const day = pending.get(date) ?? new Map<string, Step[]>();
    day.set(caseKey, [...(day.get(caseKey) ?? []), ...chain].sort((a, b) => a.at.localeCompare(b.at)));
    pending.set(date, day);
  };
  const satisfactionOn = options.satisfaction ?? true;
  const LEVELS = [
    ['very-satisfied', 0.85],
    ['satisfied', 0.1],
    ['basically-satisfied', 0.03],
    ['dissatisfied', 0.012],
    ['very-dissatisfied', 0.008],
  ] as const;
  const isBadLevel = (level: string) => level === 'dissatisfied' || level === 'very-dissatisfied';
  const phones = new Map<string, string>();

  async function post(path: string, body: unknown, instant: string, key = `sim-${options.seed}-${path}-${instant}`): Promise<Record<string, unknown>> {
    const { status, json } = await transport(path, JSON.stringify(body), { 'content-type': 'application/json', 'x-dev-clock': instant, 'idempotency-key': key });
    if (status >= 300) {
      tally.errors++;
      throw new Error(`${path} → ${status}: ${String(json.detail ?? json.title)}`);
    }
    return json;
  }

  /** Plans one application: what happens to it on its first day, and what it schedules for later. */
  /** The cases registered at the center's windows each day: the hall links visits to them. */
  const atWindows = new Map<LocalDate, string[]>();

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
      const phone = `138${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      const optOut = rng.chance(0.03);
      const created = await post('/cases', { itemCode: item.code, applicant: { name: '模拟申请人', phone, ...(optOut ? { optOut } : {}) }, channel, siteId, materials: brought }, instant, `sim-${options.seed}-${day}-${index}-submit`);
      caseId = created.caseId as string;
      if (channel === 'window') atWindows.get(day)?.push(caseId);
      if (!optOut) phones.set(caseId, phone);
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
      if (satisfactionOn && rng.chance(0.3)) await reviewAtWindow(rng, caseId, day, new Date(Date.parse(instant) + 2 * 60_000).toISOString());
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
    const phone = phones.get(caseId);
    if (satisfactionOn && phone !== undefined && rng.chance(0.4)) {
      // Replies come in over the evening; the gateway hands them on the next morning (by then the invitation is in the views).
      const receivedAt = new Date(Date.parse(instant) + rng.int(5, 120) * 60_000).toISOString();
      const next = calendar.addWorkingDays(date, 1);
      const when = at(next, 8 * 60 + rng.int(0, 20));
      later(next, [{ at: when, run: () => smsReply(rng, phone, receivedAt, when) }], caseId);
    }
    if (item.type !== 'report-up' && rng.chance(0.5)) {
      const next = calendar.addWorkingDays(date, 1);
      const when = at(next, 9 * 60 + rng.int(0, 400));
      later(next, [{ at: when, run: () => deliver(rng, caseId, when) }], caseId);
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
      later(date, [{ at: instant, run: () => completeNow(rng, caseId, item, instant, date) }], caseId);
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
      later(
        suspendDay,
        [
          {
            at: suspendAt,
            run: async () => {
              await post(`/cases/${caseId}/suspend`, { procedure: rng.pick(['hearing', 'expert-review', 'inspection', 'testing'] as const), reason: '依法启动特别程序' }, suspendAt);
              tally.suspended++;
            },
          },
        ],
        caseId,
      );
      later(resumeDay, [{ at: resumeAt, run: async () => finish(resumeDay, (await post(`/cases/${caseId}/resume`, {}, resumeAt)).deadline as LocalDate) }], caseId);
      return;
    }
    finish(acceptedDay, deadline);
  }

  async function reviewAtWindow(rng: Rng, caseId: string, day: LocalDate, instant: string) {
    const level = rng.weighted(LEVELS);
    const reviewed = await post(`/cases/${caseId}/reviews`, { level, channel: 'window-device' }, instant);
    countReview(level);
    if (typeof reviewed.rectificationId === 'string') closeOut(rng, caseId, reviewed.rectificationId, day);
  }

  function countReview(level: string) {
    tally.reviews++;
    if (isBadLevel(level)) tally.badReviews++;
  }

  /** The bad-review loop: verify, sometimes an appeal and its re-check, rectify or explain, follow up, close. */
  function closeOut(rng: Rng, caseId: string, rectificationId: string, day: LocalDate) {
    const base = `/rectifications/${rectificationId}`;
    const d1 = calendar.addWorkingDays(day, 1);
    const d2 = calendar.addWorkingDays(day, 2);
    const d3 = calendar.addWorkingDays(day, 3);
    const appeal = rng.chance(0.15);
    const voided = appeal && rng.chance(0.6);
    const steps: [LocalDate, number, string, unknown, (() => void)?][] = [[d1, 10 * 60, 'verify', { finding: appeal ? 'mistaken' : 'confirmed' }]];
    if (appeal) {
      steps.push([d1, 11 * 60, 'appeal', { reason: '申请人对办理结果有误解，非窗口服务问题' }, () => tally.appeals++]);
      steps.push([d2, 13 * 60, 'recheck', { result: voided ? 'voided' : 'upheld' }, () => void (voided && (tally.voidedReviews++, tally.reviews--, tally.badReviews--))]);
    }
    if (!voided) {
      steps.push([d2, 15 * 60, 'resolve', { how: rng.chance(0.6) ? 'rectified' : 'explained', note: '已约谈窗口人员并整改' }]);
      steps.push([d3, 16 * 60, 'follow-up', { satisfied: rng.chance(0.9) }]);
      steps.push([d3, 16 * 60 + 30, 'close', {}, () => tally.rectificationsClosed++]);
    }
    for (const [date, minute, path, body, count] of steps) {
      const when = at(date, minute);
      later(date, [{ at: when, run: async () => void (await post(`${base}/${path}`, body, when), count?.()) }], caseId);
    }
  }

  const GARBAGE = ['谢谢', 'OK', '好的，谢谢', '?', '请问什么时候能领证', '退订'];
  async function smsReply(rng: Rng, phone: string, receivedAt: string, instant: string) {
    const level = rng.weighted(LEVELS);
    const roll = rng.next();
    const text = roll < 0.05 ? rng.pick(GARBAGE) : roll < 0.08 ? ({ 'very-satisfied': '非常满意', satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意', 'very-dissatisfied': '非常不满意' } as const)[level] : String(LEVELS.findIndex(([l]) => l === level) + 1);
    await post('/sms/inbound', { from: phone, text, receivedAt }, instant, `sim-sms-${options.seed}-${phone}-${receivedAt}`);
    // The gateway is told nothing of the outcome: the tally counts what the reply should have done,
    // and the test compares it with what the center reports.
    tally.smsReplies++;
    const rated = parseSmsReply(text);
    if (rated !== undefined) {
      tally.smsReviews++;
      countReview(rated);
    } else tally.smsUnparsed++;
  }

  /** The morning list, then each entry called in the afternoon: reached, no answer, wrong number or refused. */
  async function callbacksOf(day: LocalDate): Promise<Map<string, Step[]>> {
    const built = await post(`/callbacks/lists/${day}`, {}, at(day, 7 * 60 + 30));
    if (built.created === true) tally.callbackLists++;
    const list = (await transport(`/callbacks?date=${day}`, '', { 'x-dev-clock': at(day, 7 * 60 + 35) }, 'GET')).json as { entries: { caseId: string; reason: 'bad-review' | 'retry' | 'sample' }[] };
    const chains = new Map<string, Step[]>();
    for (const [i, entry] of list.entries.entries()) {
      tally.listEntries[entry.reason === 'bad-review' ? 'badReview' : entry.reason]++;
      const rng = random(seedOf(options.seed, `${day}#callback`, i));
      const when = at(day, rng.int(14 * 60, 16 * 60 + 20));
      chains.set(entry.caseId, [
        {
          at: when,
          run: async () => {
            const outcome = rng.weighted([['reached', 0.7], ['no-answer', 0.25], ['wrong-number', 0.03], ['refused', 0.02]] as const);
            const level = outcome === 'reached' ? rng.weighted(LEVELS) : undefined;
            const answers = outcome === 'reached' ? { attitude: true, speed: rng.chance(0.95), oneTimeNotice: true, timeLimit: true, integrity: true } : undefined;
            const result = await post(`/callbacks/${entry.caseId}/attempts`, { outcome, level, answers }, when);
            tally.callbackAttempts++;
            if (outcome === 'reached') tally.validCallbacks++;
            if (level !== undefined && result.reviewId !== null) countReview(level);
          },
        },
      ]);
    }
    return chains;
  }

  async function deliver(rng: Rng, caseId: string, instant: string) {
    await post(`/cases/${caseId}/deliver`, { method: rng.pick(['in-person', 'post', 'electronic'] as const) }, instant);
    tally.delivered++;
  }

  const concurrency = options.concurrency ?? 8;
  for (const day of days) {
    const byCase = pending.get(day) ?? new Map<string, Step[]>();
    pending.delete(day);
    if (satisfactionOn) {
      // Let the projector catch up on yesterday before the list is drawn from the views.
      await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 1500));
      for (const [caseId, chain] of await callbacksOf(day)) byCase.set(caseId, [...(byCase.get(caseId) ?? []), ...chain].sort((a, b) => a.at.localeCompare(b.at)));
    }
    const chains: Step[][] = [...byCase.values()];
    const arrivals = Math.round(DAILY_APPLICATIONS * options.scale * (0.9 + rng.next() * 0.2));
    atWindows.set(day, []);
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
    if (options.hall ?? true) {
      await hallDay({
        county: options.county,
        day,
        rng: random(seedOf(options.seed, `${day}#hall`, 0)),
        cases: [...(atWindows.get(day) ?? [])].sort(),
        visitors: Math.round(DAILY_VISITORS * (options.hallScale ?? options.scale) * (0.9 + rng.next() * 0.2)),
        send: async (method, path, body, instant, key) => {
          const result = await transport(path, JSON.stringify(body), { 'content-type': 'application/json', 'x-dev-clock': instant, 'idempotency-key': key }, method);
          if (result.status >= 300) tally.errors++;
          return result;
        },
        tally: tally.hall,
        log: options.log,
      });
      atWindows.delete(day);
      options.log?.(`${day}: hall: running totals: ${tally.hall.tickets} tickets, ${tally.hall.served} served, ${tally.hall.noShows} no-shows, ${tally.hall.transfers} transfers`);
    }
  }
  return tally;
}

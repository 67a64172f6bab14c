import type { County } from '../domain/county.ts';
import type { LocalDate } from '../domain/time.ts';

/** What the hall did in a simulation: tickets issued and how each visit ended. */
export interface HallTally {
  tickets: number;
  priority: number;
  appointments: number;
  called: number;
  recalls: number;
  served: number;
  noShows: number;
  transfers: number;
  /** Calls that found nobody waiting (204): windows racing for the last ticket. */
  emptyCalls: number;
  /** Windows that took another category on for the afternoon. */
  categoryChanges: number;
  /** Cases linked to the visit they were registered in, when the visit finished. */
  linkedCases: number;
}

export const emptyHallTally = (): HallTally => ({ tickets: 0, priority: 0, appointments: 0, called: 0, recalls: 0, served: 0, noShows: 0, transfers: 0, emptyCalls: 0, categoryChanges: 0, linkedCases: 0 });

type Rng = {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
};

export interface HallDay {
  county: County;
  day: LocalDate;
  rng: Rng;
  /** Visitors taking a ticket over the day. */
  visitors: number;
  /** The day's cases registered at the center's windows, each linked to one finished visit. */
  cases: string[];
  /** Sends a command at a dev-clock instant; resolves to the status and body. */
  send: (method: 'POST' | 'PUT', path: string, body: unknown, instant: string, key: string) => Promise<{ status: number; json: Record<string, unknown> }>;
  tally: HallTally;
  log?: ((line: string) => void) | undefined;
}

interface Waiting {
  ticketId: string;
  /** Callable from this minute of the day (an appointment only once it is due). */
  from: number;
}

interface Visit {
  ticketId: string;
  category: string;
}

/**
 * One day in the hall, minute by minute on the dev clock: visitors take tickets through the day (a
 * morning peak, a smaller afternoon), some with priority, some for an appointment; every minute the
 * free windows that have someone waiting in their categories call at once, so that windows sharing a
 * category (综合受理) call the same queue together. A called visitor is served (a few minutes to
 * twenty, the visit linked to a case registered at the windows that day while there are any), or
 * does not come (recall, then no-show), or is sent on to another category. At 13:30 the
 * window with the shortest list takes 综合受理 on for the afternoon when it is crowded.
 */
export async function hallDay(h: HallDay): Promise<void> {
  const { county, rng, tally } = h;
  const categories = county.queue.categories;
  const windows = [...new Set(categories.flatMap((c) => c.windowIds))].sort();
  const serving = new Map(windows.map((w) => [w, categories.filter((c) => c.windowIds.includes(w)).map((c) => c.code)]));
  const general = categories.find((c) => c.windowIds.length > 1)?.code ?? categories[0]!.code;
  const departments = categories.map((c) => c.code).filter((c) => c !== general);
  const at = (minute: number, second = 0) => new Date(Date.parse(`${h.day}T00:00:00+08:00`) + minute * 60_000 + second * 1000).toISOString();

  // Arrivals: 70% in the morning, peaking around ten; the rest in the afternoon.
  const arrivals = Array.from({ length: h.visitors }, () => (rng.chance(0.7) ? 8 * 60 + 30 + rng.int(0, 90) + rng.int(0, 90) : 13 * 60 + 30 + rng.int(0, 180))).sort((a, b) => a - b);
  const waiting = new Map<string, Waiting[]>(categories.map((c) => [c.code, []]));
  const unlinked = [...h.cases];
  const busyUntil = new Map(windows.map((w) => [w, 0]));
  const steps = new Map<number, (() => Promise<void>)[]>();
  const later = (minute: number, run: () => Promise<void>) => steps.set(minute, [...(steps.get(minute) ?? []), run]);
  const ok = (r: { status: number; json: Record<string, unknown> }, what: string) => {
    if (r.status >= 300) throw new Error(`${what} → ${r.status}: ${String(r.json.detail ?? r.json.title)}`);
    return r.json;
  };

  function visit(windowId: string, v: Visit, minute: number) {
    const path = `/tickets/${v.ticketId}`;
    const send = (step: string, body: unknown, m: number) => h.send('POST', `${path}/${step}`, body, at(m, 30), `sim-hall-${v.ticketId}-${step}-${m}`).then((r) => ok(r, `${path}/${step}`));
    const roll = rng.next();
    if (roll < 0.04) {
      // Nobody comes: call again a minute later, then mark the ticket a no-show.
      later(minute + 1, async () => void (await send('recall', {}, minute + 1), tally.recalls++));
      later(minute + 2, async () => void (await send('no-show', {}, minute + 2), tally.noShows++));
      busyUntil.set(windowId, minute + 2);
      return;
    }
    const service = v.category === general ? rng.int(3, 12) : rng.int(5, 20);
    later(minute + 1, () => send('start', {}, minute + 1).then(() => undefined));
    const transfer = v.category === general ? roll < 0.1 : roll < 0.06;
    if (transfer) {
      // 综合受理 sends the visitor on to a department; a department sends them back to 综合受理.
      const to = v.category === general ? rng.pick(departments) : general;
      later(minute + 3, async () => {
        await send('transfer', { category: to }, minute + 3);
        tally.transfers++;
        waiting.get(to)!.push({ ticketId: v.ticketId, from: minute + 3 });
      });
      busyUntil.set(windowId, minute + 3);
      return;
    }
    later(minute + 1 + service, async () => {
      // The visit links the case registered during it, while the day's registered cases last.
      const caseId = unlinked.shift();
      await send('finish', { caseIds: caseId === undefined ? [] : [caseId] }, minute + 1 + service);
      tally.served++;
      if (caseId !== undefined) tally.linkedCases++;
    });
    busyUntil.set(windowId, minute + 1 + service);
  }

  let issued = 0;
  for (let minute = 8 * 60; minute <= 18 * 60; minute++) {
    // The windows' own steps due this minute, at every window at once.
    const due = steps.get(minute) ?? [];
    steps.delete(minute);
    await Promise.all(due.map((run) => run().catch((error: Error) => h.log?.(`  ${h.day} hall: ${error.message}`))));

    // Visitors arriving this minute take their tickets, in the order they came.
    while (issued < arrivals.length && arrivals[issued] === minute) {
      const i = issued++;
      const category = rng.chance(0.35) ? general : rng.pick(departments);
      const priority = rng.chance(0.06);
      const appointment = !priority && rng.chance(0.1);
      const slot = Math.ceil((minute + 5) / 30) * 30;
      const body = { category, ...(priority ? { priority: 'priority' } : {}), ...(appointment ? { appointmentId: `YY-${h.day}-${i}`, appointmentAt: at(slot) } : { source: rng.chance(0.8) ? 'kiosk' : 'desk' }) };
      try {
        const json = ok(await h.send('POST', '/tickets', body, at(minute, i % 30), `sim-hall-${h.day}-ticket-${i}`), '/tickets');
        waiting.get(category)!.push({ ticketId: json.ticketId as string, from: appointment ? slot : minute });
        tally.tickets++;
        if (priority) tally.priority++;
        if (appointment) tally.appointments++;
      } catch (error) {
        h.log?.(`  ${h.day} hall: ${(error as Error).message}`);
      }
    }

    if (minute === 13 * 60 + 30 && waiting.get(general)!.length > 3) {
      // A crowded 综合受理 after lunch: the quietest department window takes it on as well.
      const quietest = windows.filter((w) => !serving.get(w)!.includes(general)).sort((a, b) => serving.get(a)!.reduce((n, c) => n + waiting.get(c)!.length, 0) - serving.get(b)!.reduce((n, c) => n + waiting.get(c)!.length, 0))[0];
      if (quietest !== undefined) {
        const categoriesNow = [...serving.get(quietest)!, general];
        ok(await h.send('PUT', `/windows/${quietest}/categories`, { categories: categoriesNow }, at(minute), `sim-hall-${h.day}-${quietest}-categories`), 'categories');
        serving.set(quietest, categoriesNow);
        tally.categoryChanges++;
      }
    }

    // Every free window with someone waiting in its categories calls at the same moment.
    const callers = windows.filter((w) => busyUntil.get(w)! <= minute && serving.get(w)!.some((c) => waiting.get(c)!.some((t) => t.from <= minute)));
    const calls = await Promise.all(
      callers.map(async (windowId) => {
        const r = await h.send('POST', `/windows/${windowId}/call-next`, {}, at(minute, 45), `sim-hall-${h.day}-${windowId}-call-${minute}`);
        return { windowId, r };
      }),
    );
    for (const { windowId, r } of calls) {
      if (r.status === 204) {
        tally.emptyCalls++;
        continue;
      }
      try {
        const json = ok(r, `/windows/${windowId}/call-next`);
        const category = json.category as string;
        const list = waiting.get(category)!;
        const index = list.findIndex((t) => t.ticketId === json.ticketId);
        if (index >= 0) list.splice(index, 1);
        tally.called++;
        visit(windowId, { ticketId: json.ticketId as string, category }, minute);
      } catch (error) {
        h.log?.(`  ${h.day} hall: ${(error as Error).message}`);
      }
    }
  }
}

import { mac32, macOrder, type Mac } from '../keyed.ts';
import type { LocalDate } from '../time.ts';

/**
 * Video-check rosters (视频督查). Every checked window sits on one cycle; each day takes the next
 * slots from it — as many as the directors on duty have checks — so that over any run of days
 * every window is checked as often as any other, give or take one. The day's windows are then
 * matched to directors: never their own window, never the same window twice a day, and a pair
 * repeats only once the director has seen every other window. Check times are drawn from the
 * county secret and the date: unpredictable to the windows, reproducible for an auditor.
 */
export interface Director {
  id: string;
  name: string;
  windowId: string;
}

export interface RosterEntry {
  directorId: string;
  directorWindowId: string;
  windowId: string;
  /** County-local time, HH:MM. */
  at: string;
}

/** What tomorrow's roster continues from. */
export interface RosterCarry {
  /** The windows in cycle order, and where today's slots ended. */
  cycle: string[];
  cursor: number;
  /** Windows each director has checked since they last saw them all. */
  seen: Record<string, string[]>;
}

export interface HallHours {
  opens: string;
  closes: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The cycle for today: yesterday's, less windows gone, with new windows slotted in where today starts. */
export function nextCycle(previous: RosterCarry | undefined, windows: readonly string[], mac: Mac): { cycle: string[]; cursor: number } {
  const present = new Set(windows);
  if (!previous) {
    const cycle = macOrder(windows, mac, (w) => `roster-cycle#${w}`, (w) => w);
    return { cycle, cursor: 0 };
  }
  const kept = previous.cycle.filter((w) => present.has(w));
  // The cursor moves with the windows removed before it.
  let cursor = previous.cycle.slice(0, previous.cursor % Math.max(previous.cycle.length, 1)).filter((w) => present.has(w)).length;
  const added = windows.filter((w) => !previous.cycle.includes(w)).sort();
  const cycle = [...kept.slice(0, cursor), ...added, ...kept.slice(cursor)];
  if (cycle.length === 0) cursor = 0;
  return { cycle, cursor: cycle.length === 0 ? 0 : cursor % cycle.length };
}

/**
 * Assigns the day's window slots to directors by min-cost flow: each director takes up to `k`
 * distinct windows, each window its number of slots today; a new pair costs nothing, a repeat a
 * lot, and a small salted cost breaks ties so that nobody can predict who checks whom.
 */
function assign(directors: readonly Director[], k: number, todays: readonly string[], repeatCost: (d: Director, w: string) => number, tieBreak: (d: Director, w: string) => number): { director: Director; windowId: string }[] {
  const values = [...new Set(todays)];
  const multiplicity = new Map(values.map((v) => [v, todays.filter((w) => w === v).length]));
  // Nodes: 0 source, 1..D directors, D+1..D+V windows, D+V+1 sink.
  const D = directors.length;
  const V = values.length;
  const sink = D + V + 1;
  type Edge = { to: number; cap: number; cost: number; rev: number };
  const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number) => {
    graph[from]!.push({ to, cap, cost, rev: graph[to]!.length });
    graph[to]!.push({ to: from, cap: 0, cost: -cost, rev: graph[from]!.length - 1 });
  };
  directors.forEach((d, i) => add(0, 1 + i, k, 0));
  directors.forEach((d, i) =>
    values.forEach((v, j) => {
      if (v !== d.windowId) add(1 + i, 1 + D + j, 1, repeatCost(d, v) * 1_000_000 + tieBreak(d, v));
    }),
  );
  values.forEach((v, j) => add(1 + D + j, sink, multiplicity.get(v)!, 0));
  // Successive shortest paths (Bellman-Ford: costs are small and the graph is tiny).
  for (;;) {
    const dist = Array<number>(sink + 1).fill(Infinity);
    const prev: ({ node: number; edge: number } | undefined)[] = Array.from({ length: sink + 1 }, () => undefined);
    dist[0] = 0;
    for (let round = 0, changed = true; changed && round <= sink; round++) {
      changed = false;
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue;
        graph[u]!.forEach((e, idx) => {
          if (e.cap > 0 && dist[u]! + e.cost < dist[e.to]!) {
            dist[e.to] = dist[u]! + e.cost;
            prev[e.to] = { node: u, edge: idx };
            changed = true;
          }
        });
      }
    }
    if (dist[sink] === Infinity) break;
    for (let v = sink; v !== 0; ) {
      const { node, edge } = prev[v]!;
      const e = graph[node]![edge]!;
      e.cap -= 1;
      graph[v]![e.rev]!.cap += 1;
      v = node;
    }
  }
  const result: { director: Director; windowId: string }[] = [];
  directors.forEach((d, i) => {
    for (const e of graph[1 + i]!) if (e.to > D && e.to <= D + V && e.cap === 0 && e.cost >= 0) result.push({ director: d, windowId: values[e.to - 1 - D]! });
  });
  return result;
}

export interface DrawOptions {
  date: LocalDate;
  directors: readonly Director[];
  /** Windows the video system covers. */
  windows: readonly string[];
  checksPerDirector: number;
  hall: HallHours;
  /** The county's keyed MAC: order and times nobody can predict without the secret. */
  mac: Mac;
  previous: RosterCarry | undefined;
}

/** Times within opening hours, drawn from the secret, the date and the director. */
function timeOf(options: Pick<DrawOptions, 'date' | 'hall' | 'mac'>, directorId: string, windowId: string, slot: number): string {
  const open = minutes(options.hall.opens);
  const span = Math.max(1, minutes(options.hall.closes) - open - 15);
  return hhmm(open + (mac32(options.mac, `roster-time#${options.date}#${directorId}#${windowId}#${slot}`) % span));
}

export function drawRoster(options: DrawOptions): { entries: RosterEntry[]; carry: RosterCarry } {
  const { cycle, cursor } = nextCycle(options.previous, options.windows, options.mac);
  const directors = macOrder(options.directors, options.mac, (d) => `roster-director#${options.date}#${d.id}`, (d) => d.id);
  const total = directors.length * options.checksPerDirector;
  const todays = cycle.length === 0 ? [] : Array.from({ length: total }, (_, i) => cycle[(cursor + i) % cycle.length]!);
  const seen = new Map(Object.entries(options.previous?.seen ?? {}).map(([d, ws]) => [d, new Set(ws)]));
  const others = (d: Director) => cycle.filter((w) => w !== d.windowId);
  const unseen = (d: Director, w: string) => {
    const s = seen.get(d.id);
    // Once a director has seen every other window, the round starts again.
    return !s || others(d).every((x) => s.has(x)) || !s.has(w);
  };
  // New pairs cost nothing, a repeat a lot: repeats happen only where no new pair fits.
  const assigned = assign(directors, options.checksPerDirector, todays, (d, w) => (unseen(d, w) ? 0 : 1), (d, w) => mac32(options.mac, `roster-pick#${options.date}#${d.id}#${w}`) % 1000);
  const entries: RosterEntry[] = assigned.map(({ director, windowId }, i) => ({
    directorId: director.id,
    directorWindowId: director.windowId,
    windowId,
    at: timeOf(options, director.id, windowId, i),
  }));
  for (const e of entries) {
    const director = directors.find((d) => d.id === e.directorId)!;
    let s = seen.get(e.directorId) ?? new Set<string>();
    if (others(director).every((x) => s.has(x))) s = new Set();
    s.add(e.windowId);
    seen.set(e.directorId, s);
  }
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.directorId.localeCompare(b.directorId));
  return {
    entries,
    carry: { cycle, cursor: cycle.length === 0 ? 0 : (cursor + total) % cycle.length, seen: Object.fromEntries([...seen].map(([d, s]) => [d, [...s].sort()])) },
  };
}

/**
 * After an absence: only the absent directors' checks move, each to a director on duty who is not
 * at that window and does not already check it today, the least loaded first (new pairs preferred).
 */
export function reassign(entries: readonly RosterEntry[], absent: readonly string[], directors: readonly Director[], carry: RosterCarry, mac: Mac, date: LocalDate): { entries: RosterEntry[]; moved: { from: string; to: string; windowId: string }[]; unassigned: RosterEntry[] } {
  const gone = new Set(absent);
  const onDuty = directors.filter((d) => !gone.has(d.id));
  const kept = entries.filter((e) => !gone.has(e.directorId));
  const moved: { from: string; to: string; windowId: string }[] = [];
  const unassigned: RosterEntry[] = [];
  const load = (id: string) => kept.filter((e) => e.directorId === id).length;
  const tieBreak = new Map(onDuty.map((d) => [d.id, mac32(mac, `roster-reassign#${date}#${d.id}`)]));
  for (const entry of entries.filter((e) => gone.has(e.directorId))) {
    const candidates = onDuty
      .filter((d) => d.windowId !== entry.windowId && !kept.some((e) => e.directorId === d.id && e.windowId === entry.windowId))
      .sort(
        (a, b) =>
          load(a.id) - load(b.id) ||
          Number(carry.seen[a.id]?.includes(entry.windowId) ?? false) - Number(carry.seen[b.id]?.includes(entry.windowId) ?? false) ||
          tieBreak.get(a.id)! - tieBreak.get(b.id)!,
      );
    const to = candidates[0];
    if (!to) {
      unassigned.push(entry);
      continue;
    }
    kept.push({ ...entry, directorId: to.id, directorWindowId: to.windowId });
    moved.push({ from: entry.directorId, to: to.id, windowId: entry.windowId });
  }
  kept.sort((a, b) => a.at.localeCompare(b.at) || a.directorId.localeCompare(b.directorId));
  return { entries: kept, moved, unassigned };
}

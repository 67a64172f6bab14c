/**
 * With `--dev-clock`, time is what the requests say it is. The timers that run all day (the SMS
 * sender) run at the instants the requests brought since their last run — the latest of each
 * simulated hour, in order — so a message queued at a simulated 10:40 goes at 10:40, one queued at
 * 21:40 waits for the first request of a simulated morning, and none goes at the wall clock's time.
 */
const HOUR_MS = 3_600_000;
/** The latest instant seen in each simulated hour since the timers last ran. */
const pending = new Map<number, number>();

export function sawDevClock(value: string | undefined): void {
  if (value === undefined) return;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return;
  const hour = Math.floor(ms / HOUR_MS);
  pending.set(hour, Math.max(pending.get(hour) ?? ms, ms));
}

/** The instants to run at since the last call, oldest first (and forgets them). */
export function devClockInstants(): string[] {
  const instants = [...pending.values()].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
  pending.clear();
  return instants;
}

/** Without the dev clock: now, by the wall clock. */
export const wallClockInstants = (): string[] => [new Date().toISOString()];

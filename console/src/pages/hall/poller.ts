/**
 * Reads something again and again, one request at a time: the next starts `intervalMs` after the
 * previous one began (at least a quarter of that after its answer), so the pace holds while a slow
 * network never piles requests up. After a failure it waits longer each time (the backoff) and
 * says so; the first good answer resumes the normal pace.
 */
export interface PollOptions<T> {
  load: (signal: AbortSignal) => Promise<T>;
  intervalMs: number;
  /** Waits after the 1st, 2nd, … consecutive failure; the last one repeats. */
  backoffMs?: readonly number[];
  /** A request still unanswered after this is given up (and counts as a failure). */
  timeoutMs?: number;
  onData: (data: T) => void;
  /** Each failure, with how many in a row. */
  onFailure?: (error: unknown, failures: number) => void;
  /** A failure after which polling stops for good (a refused session). */
  fatal?: (error: unknown) => boolean;
}

export interface Poller {
  /** Reads again right away (after a new call; when the network comes back), without a second request in flight. */
  poke(): void;
  stop(): void;
}

export const DEFAULT_BACKOFF_MS = [1000, 2000, 4000, 8000] as const;

export function startPolling<T>(options: PollOptions<T>): Poller {
  const { load, intervalMs, backoffMs = DEFAULT_BACKOFF_MS, timeoutMs = 8000, onData, onFailure, fatal } = options;
  let stopped = false;
  let inFlight = false;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void run(), ms);
  };

  const run = async () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    clearTimeout(timer);
    inFlight = true;
    again = false;
    const started = Date.now();
    controller = new AbortController();
    const abort = setTimeout(() => controller?.abort(), timeoutMs);
    try {
      const data = await load(controller.signal);
      if (stopped) return;
      failures = 0;
      onData(data);
      schedule(again ? 0 : Math.max(intervalMs / 4, intervalMs - (Date.now() - started)));
    } catch (error) {
      if (stopped) return;
      failures++;
      onFailure?.(error, failures);
      if (fatal?.(error)) {
        stopped = true;
        return;
      }
      schedule(again ? 0 : (backoffMs[Math.min(failures, backoffMs.length) - 1] ?? intervalMs));
    } finally {
      clearTimeout(abort);
      inFlight = false;
    }
  };

  void run();
  return {
    poke: () => void run(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}

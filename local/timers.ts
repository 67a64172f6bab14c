import { entrypoints, type Entrypoint } from '../functions/entrypoints.ts';
import { entryHandler } from './server.ts';

/** Milliseconds from `now` to the next `HH:MM` in the time zone. */
export function msUntil(daily: string, timeZone: string, now = Date.now()): number {
  const [hour, minute] = daily.split(':').map(Number) as [number, number];
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)]),
  ) as { hour: number; minute: number; second: number };
  const secondsNow = parts.hour * 3600 + parts.minute * 60 + parts.second;
  let wait = hour * 3600 + minute * 60 - secondsNow;
  if (wait <= 0) wait += 24 * 3600;
  return wait * 1000 - (now % 1000);
}

/** Timers that run all day run this often locally, so that a person trying things sees their effect in seconds. */
const LOCAL_EVERY_MS = 5_000;

/**
 * The local stand-in for EventBridge Scheduler: each timer entry's handler at its county-local time,
 * every day; those that run all day (the SMS sender) every few seconds, at each of `instants()` —
 * under `--dev-clock` the simulated instants the requests brought since the last run.
 */
export function startTimers(timeZone: string, log: (line: string) => void, instants: () => string[] = () => [new Date().toISOString()]): () => void {
  const handles: NodeJS.Timeout[] = [];
  for (const [name, entry] of Object.entries(entrypoints) as [string, Entrypoint][]) {
    if (entry.kind === 'timer' && entry.everyMinutes !== undefined) {
      let running = false;
      const handle = setInterval(() => {
        if (running) return;
        running = true;
        void (async () => {
          try {
            const handler = await entryHandler<(event: { time: string }) => Promise<{ considered?: number }>>(entry);
            for (const time of instants()) {
              const result = await handler({ time });
              if ((result.considered ?? 0) > 0) log(`timer ${name} at ${time}: ${JSON.stringify(result)}`);
            }
          } catch (error) {
            log(`timer ${name} failed: ${(error as Error).message}`);
          } finally {
            running = false;
          }
        })();
      }, LOCAL_EVERY_MS);
      handle.unref();
      handles.push(handle);
      continue;
    }
    if (entry.kind !== 'timer' || !entry.daily) continue;
    const daily = entry.daily;
    const arm = () => {
      const handle = setTimeout(() => {
        void (async () => {
          try {
            const handler = await entryHandler<(event: { time: string }) => Promise<unknown>>(entry);
            log(`timer ${name}: ${JSON.stringify(await handler({ time: new Date().toISOString() }))}`);
          } catch (error) {
            log(`timer ${name} failed: ${(error as Error).message}`);
          }
          arm();
        })();
      }, msUntil(daily, timeZone));
      handle.unref();
      handles.push(handle);
    };
    arm();
  }
  return () => handles.forEach((h) => clearTimeout(h));
}

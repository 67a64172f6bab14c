import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPolling, type Poller } from '../../console/src/pages/hall/poller.ts';

/** A server the test answers by hand: each request waits until the test resolves or rejects it. */
function server<T>() {
  const requests: { at: number; signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      requests.push({ at: Date.now(), signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { requests, load, last: () => requests[requests.length - 1]! };
}

let poller: Poller | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  poller?.stop();
  vi.useRealTimers();
});

describe('startPolling', () => {
  it('reads at once, then a second after each request began, never two requests at a time', async () => {
    const s = server<number>();
    const data: number[] = [];
    poller = startPolling({ load: s.load, intervalMs: 1000, onData: (d) => data.push(d) });
    expect(s.requests).toHaveLength(1);
    // Answered after 300 ms: the next request starts 1 s after the first began.
    await vi.advanceTimersByTimeAsync(300);
    s.last().resolve(1);
    await vi.advanceTimersByTimeAsync(699);
    expect(s.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.requests).toHaveLength(2);
    // A slow answer: nothing else is asked meanwhile, and the next waits a quarter second after it.
    await vi.advanceTimersByTimeAsync(3000);
    expect(s.requests).toHaveLength(2);
    s.last().resolve(2);
    await vi.advanceTimersByTimeAsync(249);
    expect(s.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.requests).toHaveLength(3);
    expect(data).toEqual([1, 2]);
  });

  it('after a failure waits longer each time, says how many failed, and resumes its pace once answered', async () => {
    const s = server<string>();
    const failures: number[] = [];
    const data: string[] = [];
    poller = startPolling({ load: s.load, intervalMs: 1000, backoffMs: [1000, 2000, 4000], onData: (d) => data.push(d), onFailure: (_e, n) => failures.push(n) });
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = s.requests.length;
      const failedAt = Date.now();
      s.last().reject(new TypeError('Failed to fetch'));
      await vi.advanceTimersByTimeAsync(0);
      while (s.requests.length === before) await vi.advanceTimersByTimeAsync(100);
      gaps.push(s.last().at - failedAt);
    }
    expect(gaps).toEqual([1000, 2000, 4000, 4000]);
    expect(failures).toEqual([1, 2, 3, 4]);
    s.last().resolve('back');
    await vi.advanceTimersByTimeAsync(1000);
    expect(data).toEqual(['back']);
    expect(s.requests).toHaveLength(6);
  });

  it('gives up a request that hangs, and counts it as a failure', async () => {
    const s = server<string>();
    const failures: unknown[] = [];
    poller = startPolling({ load: s.load, intervalMs: 1000, timeoutMs: 5000, onData: () => undefined, onFailure: (e) => failures.push(e) });
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.requests[0]!.signal.aborted).toBe(true);
    expect(failures).toHaveLength(1);
  });

  it('reads right away when poked, after the request in flight rather than beside it', async () => {
    const s = server<number>();
    poller = startPolling({ load: s.load, intervalMs: 5000, onData: () => undefined });
    poller.poke();
    expect(s.requests).toHaveLength(1);
    s.last().resolve(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.requests).toHaveLength(2);
    s.last().resolve(2);
    await vi.advanceTimersByTimeAsync(100);
    poller.poke();
    expect(s.requests).toHaveLength(3);
  });

  it('stops for good after a fatal refusal, and asks nothing after stop()', async () => {
    const s = server<number>();
    poller = startPolling({ load: s.load, intervalMs: 1000, onData: () => undefined, fatal: (e) => e === 'refused' });
    s.last().reject('refused');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.requests).toHaveLength(1);

    const t = server<number>();
    const other = startPolling({ load: t.load, intervalMs: 1000, onData: () => undefined });
    t.last().resolve(1);
    other.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.requests).toHaveLength(1);
  });
});

/**
 * The console's "now". Normally the wall clock. In the local build, a person (or a browser test)
 * may set a simulated start instant on the development sign-in page (`npm start -- --dev-clock`):
 * it then runs on from that instant, and every request carries it as `X-Dev-Clock`, so the server
 * and the page agree on the day. The AWS build has none of this.
 */
const KEY = 'banjian.devClock';

interface DevClock {
  /** The simulated instant (ms) when it was set… */
  base: number;
  /** …and the wall clock (ms) at that moment. */
  setAt: number;
}

function devClock(): DevClock | undefined {
  if (!__LOCAL_SIGN_IN__) return undefined;
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as DevClock;
  } catch {
    return undefined;
  }
}

export function now(): Date {
  const clock = devClock();
  return clock ? new Date(clock.base + (Date.now() - clock.setAt)) : new Date();
}

/** The `X-Dev-Clock` header to send, when a simulated clock is set. */
export function devClockHeader(): string | undefined {
  return devClock() ? now().toISOString() : undefined;
}

export function setDevClock(iso: string | undefined): void {
  if (!__LOCAL_SIGN_IN__) return;
  if (!iso) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify({ base: Date.parse(iso), setAt: Date.now() } satisfies DevClock));
}

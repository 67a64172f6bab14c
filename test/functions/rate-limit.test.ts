import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../functions/public/rate-limit.ts';

/** A bucket set on a clock the test moves. */
function bucketsAt(settings = { perMinute: 10, burst: 3 }, maxClients?: number) {
  let now = 1_000_000;
  const buckets = new TokenBuckets(settings, { now: () => now, ...(maxClients === undefined ? {} : { maxClients }) });
  return { buckets, advance: (ms: number) => (now += ms) };
}

describe('the lookups’ token buckets', () => {
  it('let a client take its burst at once, then refuse with the seconds until the next token', () => {
    const { buckets } = bucketsAt();
    for (let i = 0; i < 3; i++) expect(buckets.take('10.0.0.1')).toEqual({ allowed: true });
    // 10 a minute: a token every 6 s.
    expect(buckets.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('refill at the rate, never beyond the burst', () => {
    const { buckets, advance } = bucketsAt();
    for (let i = 0; i < 3; i++) buckets.take('a');
    advance(5_999);
    expect(buckets.take('a').allowed).toBe(false);
    advance(1);
    // The refused call took nothing: the token that came in the meantime is there.
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toMatchObject({ allowed: false });
    advance(3_600_000);
    for (let i = 0; i < 3; i++) expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('says how long until the next token from where the bucket stands', () => {
    const { buckets, advance } = bucketsAt({ perMinute: 1, burst: 1 });
    expect(buckets.take('a').allowed).toBe(true);
    advance(20_000);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    advance(39_500);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps clients apart', () => {
    const { buckets } = bucketsAt();
    for (let i = 0; i < 3; i++) buckets.take('a');
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('neither refills nor drains when the clock goes back', () => {
    const { buckets, advance } = bucketsAt();
    for (let i = 0; i < 3; i++) buckets.take('a');
    advance(-60_000);
    expect(buckets.take('a').allowed).toBe(false);
    advance(60_000 + 6_000);
    expect(buckets.take('a').allowed).toBe(true);
  });

  it('holds at most maxClients, dropping the least recently seen first', () => {
    const { buckets } = bucketsAt({ perMinute: 10, burst: 1 }, 2);
    buckets.take('a');
    buckets.take('b');
    buckets.take('a');
    buckets.take('c');
    expect(buckets.size).toBe(2);
    // b was the least recently seen: it went, and starts afresh; a (seen after b) is still empty.
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.size).toBe(2);
  });

  it('drops buckets that have filled up again', () => {
    const { buckets, advance } = bucketsAt();
    for (const client of ['a', 'b', 'c']) buckets.take(client);
    expect(buckets.size).toBe(3);
    // 3 tokens at 10 a minute: full again after 18 s.
    advance(18_000);
    buckets.take('d');
    expect(buckets.size).toBe(1);
  });

  it('refuses settings that could never let anyone through', () => {
    expect(() => new TokenBuckets({ perMinute: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ perMinute: 1, burst: 0 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { settledPlace } from '../../domain/queue/rules.ts';

describe('a category line’s settled place', () => {
  const t0 = Date.parse('2026-12-07T02:00:00.000Z');
  const bucket = (ms: number) => Math.floor(ms / 5_000);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('counts a claim as settled only once it is at least 10 s old', () => {
    const ring = { s0: { b: bucket(t0), v: 7 }, s1: { b: -1, v: 0 } };
    expect(settledPlace(ring, iso(t0))).toBe(0);
    expect(settledPlace(ring, iso(t0 + 9_999))).toBe(0);
    expect(settledPlace(ring, iso(t0 + 15_000))).toBe(7);
  });

  it('takes the latest of the old buckets and ignores recent ones and ones from a later clock', () => {
    const ring = { s0: { b: bucket(t0) - 6, v: 3 }, s1: { b: bucket(t0) - 4, v: 9 }, s2: { b: bucket(t0) - 1, v: 14 }, s3: { b: bucket(t0) + 40, v: 30 } };
    expect(settledPlace(ring, iso(t0))).toBe(9);
    expect(settledPlace(undefined, iso(t0))).toBe(0);
  });
});

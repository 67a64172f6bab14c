import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleCompleted } from '../../domain/callback-list/assemble.ts';
import { phoneKey } from '../../domain/keyed.ts';
import { drawRoster } from '../../domain/roster/draw.ts';
import { drawSample } from '../../domain/archive/aggregate.ts';
import { macOf } from '../../functions/secret.ts';

/** FNV-1a over UTF-16 code units: the state a secret prefix used to collapse into. */
function fnvState(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Two different secrets with the same 32-bit FNV-1a state (a birthday search over random-looking secrets: about 80,000 tries). */
function collidingSecrets(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; i < 1_000_000; i++) {
    const secret = createHash('sha256').update(String(i)).digest('hex').slice(0, 16);
    const state = fnvState(secret);
    const other = seen.get(state);
    if (other !== undefined) return [other, secret];
    seen.set(state, secret);
  }
  throw new Error('no collision found');
}

describe('keyed hashes under the county secret', () => {
  it('key a phone number with HMAC-SHA-256 of the county secret', () => {
    const expected = createHmac('sha256', 'the-secret').update('phone#13812341234').digest('hex').slice(0, 32);
    expect(phoneKey('138-1234-1234', macOf('the-secret'))).toBe(expected);
    expect(phoneKey('13812341234', macOf('another-secret'))).not.toBe(expected);
  });

  it('depend on the whole secret: two secrets that a 32-bit hash state cannot tell apart give unrelated keys, samples and rosters', () => {
    const [a, b] = collidingSecrets();
    expect(fnvState(a)).toBe(fnvState(b));
    const [macA, macB] = [macOf(a), macOf(b)];
    const phones = Array.from({ length: 20 }, (_, i) => `138${String(i * 7_654_321).padStart(8, '0').slice(0, 8)}`);
    for (const phone of phones) expect(phoneKey(phone, macA)).not.toBe(phoneKey(phone, macB));
    const ids = Array.from({ length: 2000 }, (_, i) => `01JCASE${String(i).padStart(6, '0')}`);
    expect(sampleCompleted(ids, macA, 0.1)).not.toEqual(sampleCompleted(ids, macB, 0.1));
    const files = ids.map((caseId, i) => ({ windowId: `W0${i % 3}`, caseId, caseNo: caseId, completedDate: '2026-10-15' }));
    expect(drawSample(files, '2026-10', 5, macA)).not.toEqual(drawSample(files, '2026-10', 5, macB));
    const directors = ['W01', 'W02', 'W03', 'W04', 'W05'].map((w) => ({ id: `d-${w}`, name: w, windowId: w }));
    const roster = (mac: typeof macA) => drawRoster({ date: '2026-11-02', directors, windows: ['W01', 'W02', 'W03', 'W04', 'W05', 'W06'], checksPerDirector: 2, hall: { opens: '08:30', closes: '17:00' }, mac, previous: undefined });
    expect(roster(macA).entries.map((e) => e.at)).not.toEqual(roster(macB).entries.map((e) => e.at));
  });
});

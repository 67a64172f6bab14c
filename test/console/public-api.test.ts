// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setConfig } from '../../console/src/config.ts';
import { setDevClock } from '../../console/src/lib/clock.ts';
import { book, lookUpProgress } from '../../console/src/pages/public/api.ts';

/** A staff member's session in the same browser (a JWT the console reads, never checks). */
const staffToken = `x.${btoa(JSON.stringify({ 'cognito:username': 'clerk-w03', 'cognito:groups': ['clerk'], exp: 4_102_444_800 })).replace(/=+$/, '')}.y`;

beforeAll(() => setConfig({ county: { key: 'sanmen', name: '三门县', timeZone: 'Asia/Shanghai' }, apiBase: 'https://staff-api.example.com', auth: { kind: 'local' } }));
afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

function capture(status = 200, body: unknown = {}) {
  const sent: Request[] = [];
  vi.stubGlobal('fetch', (request: Request) => {
    sent.push(request);
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  });
  return sent;
}

describe('the citizens’ client', () => {
  it('asks the page’s own origin, without anyone’s token, never from the cache, on the simulated clock', async () => {
    sessionStorage.setItem('banjian.session', staffToken);
    setDevClock('2026-12-03T10:00:00+08:00');
    const sent = capture(200, { caseNo: '331022-20261203-00001' });
    await lookUpProgress('331022-20261203-00001', '1234');
    const request = sent[0]!;
    expect(new URL(request.url).origin).toBe(window.location.origin);
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe('/public/progress?caseNo=331022-20261203-00001&code=1234');
    expect(request.headers.get('authorization')).toBeNull();
    expect(request.cache).toBe('no-store');
    expect(request.headers.get('x-dev-clock')).toMatch(/^2026-12-03T02:00/);
  });

  it('books with an Idempotency-Key, the same on a resend after a lost answer', async () => {
    const sent: Request[] = [];
    let calls = 0;
    vi.stubGlobal('fetch', (request: Request) => {
      sent.push(request);
      if (calls++ === 0) return Promise.reject(new TypeError('network down'));
      return Promise.resolve(new Response(JSON.stringify({ appointmentId: 'B-20261204-0900-1', code: '483920' }), { status: 201, headers: { 'content-type': 'application/json' } }));
    });
    vi.useFakeTimers();
    const booked = book({ category: 'B', date: '2026-12-04', slot: '09:00', name: '王小明', phone: '13812345678' }, 'key-0123456789');
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    expect((await booked).code).toBe('483920');
    expect(sent.map((r) => r.headers.get('idempotency-key'))).toEqual(['key-0123456789', 'key-0123456789']);
  });
});

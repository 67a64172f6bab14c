import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entrypoints, type Entrypoint } from '../../functions/entrypoints.ts';
import { entryHandler } from '../../local/server.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * Every timer entry, run as its schedule runs it, under its own IAM grants (the local runtime enforces
 * them as its Lambda's role would): a missing grant shows up here, not at 07:30 in a county.
 */
let stack: Stack;
const timers = Object.entries(entrypoints as Record<string, Entrypoint>).filter(([, e]) => e.kind === 'timer' && e.daily !== undefined);

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  const admin = api(stack.url, await stack.token('admin'));
  // A case completed on Monday: Tuesday's callback list and the default-review sweep have something to look at.
  const submitted = await admin.post<{ caseId: string }>('/cases', { itemCode: '331022-BDCDJ-001', applicant: { name: '张三', phone: '13812341234' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] }, clock('2026-11-02', '09:00'));
  expect(submitted.status, submitted.text).toBe(201);
  const id = submitted.body.caseId;
  expect((await admin.post(`/cases/${id}/accept`, {}, clock('2026-11-02', '09:10'))).status).toBe(200);
  expect((await admin.post(`/cases/${id}/complete`, { decision: 'approved' }, clock('2026-11-02', '09:20'))).status).toBe(200);
  await settle(async () => (await stack.scan('views')).some((i) => i.projection === 'completions'));
});
afterAll(async () => stack.close());

describe('the timers', () => {
  it('are the eight the schedules run', () => {
    expect(timers.map(([name]) => name).sort()).toEqual(['appointment-no-shows', 'archive-checks', 'calendar-watch', 'callback-lists', 'default-reviews', 'joint-deadlines', 'market-deadlines', 'rosters']);
  });

  it.each(timers)('%s runs on a working day within its grants, and again without harm', async (name, entry) => {
    const handler = await entryHandler<(event: { time: string }) => Promise<unknown>>(entry);
    const time = `2026-12-01T${entry.daily}:00+08:00`;
    await expect(handler({ time }), name).resolves.toBeDefined();
    await expect(handler({ time }), `${name} again`).resolves.toBeDefined();
  });

  it('publishes the day’s callback list once', async () => {
    const callback = api(stack.url, await stack.token('callback'));
    const list = await callback.get<{ date: string; entries: unknown[] }>('/callbacks?date=2026-12-01');
    expect(list.status, list.text).toBe(200);
    expect(list.body.date).toBe('2026-12-01');
    const published = (await stack.scan('events')).filter((e) => e.type === 'CallbackListPublished');
    expect(published).toHaveLength(1);
  });
});

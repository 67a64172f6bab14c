import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { ViewStore } from '../../functions/projections/view-store.ts';
import { repositoryRoot } from '../../local/server.ts';
import { jointFigures, simulate } from '../../local/simulator.ts';
import { generationItems } from '../support/projection-fixtures.ts';
import { api, clock, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  http = api(stack.url, await stack.token('admin'));
});
afterAll(async () => stack.close());

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ms: performance.now() - started };
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const MORTGAGE = '331022-BDCDJ-001'; // 他项权证, W03, 3 committed days
const applicant = { name: '赵六', phone: '13955556666' };

describe('views through the local stream poller', () => {
  it('shows a command’s effect in the window queue and the statistics within a second', async () => {
    const created = await http.post<{ caseId: string }>('/cases', { itemCode: MORTGAGE, applicant, channel: 'village', siteId: 'S-HY-V01', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] }, clock('2026-11-02', '09:00'));
    const { caseId } = created.body;
    const queued = await eventually(
      () => http.get<{ entries: { caseId: string; status: string }[] }>('/windows/W03/queue', clock('2026-11-02', '09:01')),
      (r) => r.body.entries.some((e) => e.caseId === caseId),
    );
    expect(queued.ms).toBeLessThan(1000);
    await http.post(`/cases/${caseId}/accept`, {}, clock('2026-11-02', '09:30'));
    const stats = await eventually(
      () => http.get<{ accepted: number; grassroots: number; windows: { windowId: string; accepted: number }[] }>('/stats/summary?from=2026-11-02&to=2026-11-02'),
      (r) => r.body.accepted === 1,
    );
    expect(stats.ms).toBeLessThan(1000);
    expect(stats.value.body).toMatchObject({ accepted: 1, grassroots: 1 });
    expect(stats.value.body.windows.find((w) => w.windowId === 'W03')?.accepted).toBe(1);
  });

  it('ranks the queue by urgency against the day asked about', async () => {
    const { caseId } = (await http.post<{ caseId: string }>('/cases', { itemCode: MORTGAGE, applicant, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] }, clock('2026-11-09', '09:00'))).body;
    await http.post(`/cases/${caseId}/accept`, {}, clock('2026-11-09', '09:10')); // deadline 2026-11-12
    const urgencyOn = async (date: string) => {
      const r = await eventually(
        () => http.get<{ entries: { caseId: string; urgency: string; deadline: string }[]; counts: Record<string, number> }>('/windows/W03/queue', clock(date, '12:00')),
        (q) => q.body.entries.some((e) => e.caseId === caseId && e.deadline !== null),
      );
      return r.value.body.entries.find((e) => e.caseId === caseId)!;
    };
    expect(await urgencyOn('2026-11-09')).toMatchObject({ deadline: '2026-11-12', urgency: 'normal' });
    expect((await urgencyOn('2026-11-10')).urgency).toBe('due-soon');
    expect((await urgencyOn('2026-11-12')).urgency).toBe('due-today');
    expect((await urgencyOn('2026-11-13')).urgency).toBe('overdue');
    const windows = await http.get<{ id: string; counts: Record<string, number> }[]>('/windows', clock('2026-11-13', '12:00'));
    expect(windows.body.find((w) => w.id === 'W03')?.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('parks a poison event as a dead letter and keeps projecting other streams', async () => {
    await stack.db.send(new PutCommand({ TableName: stack.tables.events, Item: { stream: 'case#01POISON0000000000000000', version: 1, type: 'CaseExploded', data: {}, meta: {}, schemaVersion: 1 } }));
    const { caseId } = (await http.post<{ caseId: string }>('/cases', { itemCode: MORTGAGE, applicant, channel: 'window', materials: [] }, clock('2026-11-16', '09:00'))).body;
    const letters = await eventually(() => http.get<{ stream: string; type: string }[]>('/dead-letters'), (r) => r.body.length > 0, 10_000);
    expect(letters.value.body[0]).toMatchObject({ stream: 'case#01POISON0000000000000000', type: 'CaseExploded' });
    await eventually(
      () => http.get<{ entries: { caseId: string }[] }>('/windows/W03/queue', clock('2026-11-16', '10:00')),
      (r) => r.body.entries.some((e) => e.caseId === caseId),
      10_000,
    );
  });

  it('exports the summary as CSV that Excel opens with Chinese intact', async () => {
    const response = await fetch(`${stack.url}/stats/summary?from=2026-11-01&to=2026-11-30&format=csv`, { headers: { authorization: `Bearer ${await stack.token('director')}` } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = text.trimEnd().split('\r\n');
    expect(header).toBe('窗口编号,窗口名称,部门,收件,受理,不予受理,办结,按期办结,提前办结,超期办结,按期办结率,提前办结率');
    expect(rows.find((r) => r.startsWith('W03,'))).toMatch(/^W03,不动产登记窗口,/);
    expect(rows.at(-1)).toMatch(/^,合计,/);
  });
});

describe('the simulator against the report', () => {
  it('reports exactly what the simulator did, and a rebuild (interrupted, then rerun) reproduces every view', async () => {
    const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
    const lines: string[] = [];
    const tally = await simulate({ url: stack.url, token: await stack.token('admin'), pool: stack.pool, county, from: '2026-12-01', days: 3, scale: 0.02, seed: 7, log: (line) => lines.push(line) });
    expect(tally.errors, lines.join('\n')).toBe(0);
    expect(tally.submitted).toBeGreaterThan(20);
    // A short run at this scale still has its joint case (the seed's handful a month would give none in three days).
    expect(tally.joint.accepted).toBeGreaterThanOrEqual(1);
    const summary = await eventually(
      () => http.get<Record<string, number> & { queue: Record<string, number> }>(`/stats/summary?from=${tally.from}&to=${tally.to}`),
      (r) => r.body.completed === tally.completed && r.body.submitted === tally.submitted && r.body.accepted === tally.accepted && r.body.queue.issued === tally.hall.tickets && r.body.queue.served === tally.hall.served,
      10_000,
    );
    for (const field of ['submitted', 'accepted', 'rejected', 'materialsRequested', 'completed', 'onTime', 'early', 'late', 'grassroots', 'online'] as const) {
      expect(summary.value.body[field], field).toBe(tally[field]);
    }
    expect(summary.value.body.completedPerWorkingDay).toBeCloseTo(tally.completed / 3, 6);
    expect(tally.hall.tickets).toBeGreaterThan(0);
    expect(summary.value.body.queue).toMatchObject({ noShows: tally.hall.noShows, transfers: tally.hall.transfers });
    const figures = jointFigures(tally.joint);
    const joint = await eventually(
      () => http.get<ReturnType<typeof jointFigures>>(`/stats/joint?from=${tally.from}&to=${tally.to}`),
      (r) => r.body.cases === figures.cases && r.body.completed === figures.completed && r.body.deemedConsents === figures.deemedConsents && r.body.deemedApprovals === figures.deemedApprovals && r.body.rectifications === figures.rectifications,
      10_000,
    );
    expect(joint.value.body).toMatchObject(figures);

    const views = new ViewStore(stack.db, stack.tables.views);
    const before = await views.pointer(true);
    // Interrupted mid-scan: readers keep the generation they had.
    await expect(
      rebuild({
        db: stack.db,
        tables: stack.tables,
        settleMs: 0,
        onProgress: (p) => {
          if (p.scanned > 10) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect((await views.pointer(true)).current).toBe(before.current);
    const result = await rebuild({ db: stack.db, tables: stack.tables, segments: 3 });
    expect(result.generation).toBeGreaterThan(before.current + 1);
    const live = await generationItems(stack.db, stack.tables.views, before.current);
    const rebuilt = await generationItems(stack.db, stack.tables.views, result.generation);
    // The poison event is left out by both: the projector parked it, the rebuild reports it.
    expect(rebuilt).toEqual(live);
    expect(result.unfoldable).toBe(1);
    const after = await http.get<Record<string, number>>(`/stats/summary?from=${tally.from}&to=${tally.to}`);
    expect(after.body).toEqual(summary.value.body);
  }, 120_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { repositoryRoot } from '../../local/server.ts';
import { jointFigures, simulate, type Tally } from '../../local/simulator.ts';
import { api, startStack, type Stack } from '../support/local-stack.ts';

type StoredEvent = { stream: string; version: number; type: string; data: Record<string, unknown>; meta: { at: string; actor: { id: string; role: string }; windowId: string | null } };

let stack: Stack;
let http: ReturnType<typeof api>;
let tally: Tally;
let lines: string[];
let streams: Map<string, StoredEvent[]>;

/** Beijing wall-clock HH:MM of an instant. */
const beijing = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(11, 16);

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  http = api(stack.url, await stack.token('admin'));
  const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
  lines = [];
  // Few everyday applications, many joint cases (a busy season's worth), three weeks: every joint path shows up.
  tally = await simulate({ url: stack.url, token: await stack.token('admin'), pool: stack.pool, county, from: '2026-11-02', days: 15, scale: 0.005, jointScale: 8, seed: 21, satisfaction: false, hall: false, log: (l) => lines.push(l) });
  const events = (await stack.scan('events')).filter((i) => String(i.stream).startsWith('case#')) as unknown as StoredEvent[];
  streams = new Map();
  for (const e of events) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
  for (const list of streams.values()) list.sort((a, b) => a.version - b.version);
}, 180_000);
afterAll(async () => stack.close());

describe('the simulator’s joint cases', () => {
  it('runs without a refusal and takes every path: inspection absences, silence, rectification, completion', () => {
    expect(tally.errors, lines.join('\n')).toBe(0);
    const j = tally.joint;
    expect(j.accepted).toBeGreaterThan(20);
    expect(j.completed).toBeGreaterThan(5);
    expect(j.approved + j.denied).toBe(j.completed);
    expect(j.deemedConsents).toBeGreaterThan(0);
    expect(j.deemedApprovals).toBeGreaterThan(0);
    expect(j.rectifications).toBeGreaterThan(0);
    expect(j.rectificationItems).toBeGreaterThanOrEqual(j.rectifications);
    // Joint work is faster than the departments one after another, as the seed report says.
    const figures = jointFigures(j);
    expect(figures.averageWorkingDays!).toBeLessThan(figures.serialWorkingDays!);
  });

  it('counts exactly what GET /stats/joint reports for the period', async () => {
    const figures = jointFigures(tally.joint);
    let body: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      body = (await http.get<Record<string, unknown>>(`/stats/joint?from=${tally.from}&to=${tally.to}`)).body;
      if (body.completed === figures.completed && body.deemedApprovals === figures.deemedApprovals && body.cases === figures.cases) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(body).toMatchObject(figures);
  });

  it('never dates a case’s step before its previous one', () => {
    for (const [stream, list] of streams) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.meta.at >= list[i - 1]!.meta.at, `${stream} v${list[i]!.version} ${list[i]!.type}`).toBe(true);
    }
  });

  it('has each step taken by its people: the lead window’s clerk, each department’s reviewer, the evening sweep', () => {
    const joint = [...streams.values()].flat().filter((e) => ['JointInspectionScheduled', 'JointInspectionHeld', 'JointRectificationIssued', 'JointRectificationCompleted', 'DepartmentOpinionGiven', 'DepartmentDeemedApproving'].includes(e.type));
    expect(joint.length).toBeGreaterThan(50);
    for (const e of joint) {
      if (e.type === 'DepartmentOpinionGiven') {
        expect(e.meta.actor.role).toBe('reviewer');
        expect(e.meta.actor.id).toBe(`sim-reviewer-${String(e.data.departmentId).toLowerCase()}`);
        expect(['pass', 'rectify', 'fail']).toContain(e.data.result);
      } else if (e.type === 'DepartmentDeemedApproving') {
        expect(e.meta.actor.role).toBe('admin');
        expect(beijing(e.meta.at)).toBe('17:45');
      } else {
        expect(e.meta.actor).toMatchObject({ role: 'clerk', id: 'sim-clerk-w16' });
      }
    }
    // Inspecting departments answer after the inspection was held; a rectification asks for one to three items.
    for (const list of streams.values()) {
      const held = list.find((e) => e.type === 'JointInspectionHeld');
      for (const e of list.filter((x) => x.type === 'DepartmentOpinionGiven')) {
        if (held && (held.data.present as string[]).includes(e.data.departmentId as string)) expect(e.meta.at > held.meta.at).toBe(true);
        if (e.data.result === 'rectify') expect((e.data.items as unknown[]).length).toBeGreaterThanOrEqual(1);
        if (e.data.result === 'rectify') expect((e.data.items as unknown[]).length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('completes a joint case on a working day after its last department was settled', () => {
    const settledTypes = ['DepartmentOpinionGiven', 'DepartmentDeemedConsenting', 'DepartmentDeemedApproving'];
    let checked = 0;
    for (const list of streams.values()) {
      const completed = list.find((e) => e.type === 'CaseCompleted');
      if (!completed || !list.some((e) => e.type === 'JointReviewOpened')) continue;
      const lastSettled = list.filter((e) => settledTypes.includes(e.type)).at(-1)!;
      const day = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);
      expect(day(completed.meta.at) > day(lastSettled.meta.at)).toBe(true);
      expect(completed.meta.actor.role).toBe('clerk');
      checked++;
    }
    expect(checked).toBe(tally.joint.completed);
  });
});

import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCreditChecks } from '../../domain/project/credit-code.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The intermediary-service marketplace (中介超市) over HTTP on the real DynamoDB Local: a lowest-price
 * project from draft to evaluation, a random draw checked from its evidence alone, a project that
 * fails for too few quotes, sealed quotes read by everyone before the deadline, an objection upheld
 * and the reselection, quotes racing the deadline and the timer, and the figures.
 */

type Quote = { intermediaryId: string; amount: number };
type Selection = { round: number; intermediaryId: string; amount: number; evidence: Record<string, unknown>; annulled: { reason: string } | null };
type Project = {
  projectId: string;
  projectNo: string;
  status: string;
  sealed: boolean;
  quoteCount: number | null;
  quotes: Quote[];
  selections: Selection[];
  savings: number | null;
  publicity: { from: string; until: string } | null;
  drawCommitment: string | null;
  failure: { reason: string } | null;
  objections: { objectionNo: number; resolution: unknown }[];
  contract: { dueDate: string } | null;
  completion: { daysLate: number } | null;
  evaluation: { score: number } | null;
  version: number;
};
type Intermediary = { intermediaryId: string; status: string; barred: string | null; contact: unknown; trust: { score: number; evaluations: number; penaltyPoints: number }; facts: { kind: string }[] };

const FIRMS = [
  { id: 'ZJ-HUAXIA', name: '浙江华夏工程咨询有限公司', code: withCreditChecks('9133102200000001') },
  { id: 'ZJ-DADI', name: '台州大地测绘有限公司', code: withCreditChecks('9133102200000002') },
  { id: 'ZJ-ZHONGCE', name: '中测造价咨询（浙江）有限公司', code: withCreditChecks('9133102200000003') },
  { id: 'ZJ-LVYUAN', name: '绿源环境科技有限公司', code: withCreditChecks('9133102200000004') },
];

let stack: Stack;
let admin: ReturnType<typeof api>;
let director: ReturnType<typeof api>;
let owner: ReturnType<typeof api>;
let otherOwner: ReturnType<typeof api>;
let anonymous: ReturnType<typeof api>;
const firms: Record<string, ReturnType<typeof api>> = {};

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, stack.token('admin'));
  director = api(stack.url, stack.token('director'));
  owner = api(stack.url, stack.token('owner', { ownerId: 'O-JTJ', user: 'owner-jtj' }));
  otherOwner = api(stack.url, stack.token('owner', { ownerId: 'O-SLJ', user: 'owner-slj' }));
  anonymous = api(stack.url);
  for (const f of FIRMS) firms[f.id] = api(stack.url, stack.token('intermediary', { intermediaryId: f.id, user: f.id.toLowerCase() }));
  // Every firm registers itself (grade A in cost consultancy and surveying, certificates valid for years) and is approved.
  for (const [i, f] of FIRMS.entries()) {
    const grade = i === 3 ? 'C' : 'A';
    const r = await firms[f.id]!.post<Intermediary>(
      '/intermediaries',
      {
        name: f.name,
        creditCode: f.code,
        serviceTypes: ['COST', 'SURVEY'],
        qualifications: [
          { type: 'COST', grade, certificateNo: `ZJ-COST-${i}`, expires: '2029-12-31' },
          { type: 'SURVEY', grade: 'B', certificateNo: `ZJ-SURV-${i}`, expires: '2029-12-31' },
        ],
        contact: { name: '联系人', phone: `1385760000${i}` },
      },
      clock('2026-10-26'),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.status).toBe('pending');
    expect((await admin.post(`/intermediaries/${f.id}/approve`, {}, clock('2026-10-26'))).status).toBe(200);
  }
});
afterAll(async () => stack.close());

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: '县道 X301 改建工程造价咨询',
  ownerName: '三门县交通运输局',
  serviceType: 'COST',
  budget: 200_000,
  stateFunded: true,
  method: 'lowest-price',
  qualification: { type: 'COST', minLevel: 'B' },
  quoteDeadline: '2026-11-09',
  servicePeriodDays: 30,
  ...overrides,
});

async function publish(body: Record<string, unknown>, date = '2026-11-02') {
  const drafted = await owner.post<Project>('/market/projects', body, clock(date, '09:00'));
  expect(drafted.status, drafted.text).toBe(201);
  const published = await owner.post<Project>(`/market/projects/${drafted.body.projectId}/publish`, {}, clock(date, '09:05'));
  expect(published.status, published.text).toBe(200);
  expect(published.body.status).toBe('published');
  return published.body;
}

const quote = async (firm: string, projectId: string, amount: number, date = '2026-11-04', time = '10:00') => firms[firm]!.post<Project>(`/market/projects/${projectId}/quotes`, { amount, servicePeriodDays: 25 }, clock(date, time));

async function projected(projectId: string, check: (p: Project) => boolean) {
  await settle(async () => {
    const list = await admin.get<Project[]>('/market/projects', clock('2026-12-31'));
    const p = list.body.find((x) => x.projectId === projectId);
    return p !== undefined && check(p);
  });
}

describe('a lowest-price project from draft to evaluation', () => {
  let p: Project;
  it('is drafted and published with the deadline at the hall’s closing time', async () => {
    p = await publish(draft());
    expect(p.projectNo).toMatch(/^ZJ331022-2026-\d{4}$/);
    expect(p.drawCommitment).toBeNull();
  });

  it('takes sealed quotes: nobody sees an amount or how many before the deadline, an intermediary only its own', async () => {
    expect((await quote('ZJ-HUAXIA', p.projectId, 180_000)).status).toBe(200);
    expect((await quote('ZJ-DADI', p.projectId, 150_000)).status).toBe(200);
    // A replacement before the deadline: the lower amount counts.
    expect((await quote('ZJ-HUAXIA', p.projectId, 150_000, '2026-11-05')).status).toBe(200);
    const mine = await quote('ZJ-ZHONGCE', p.projectId, 165_000, '2026-11-06');
    expect(mine.body.quotes).toEqual([expect.objectContaining({ intermediaryId: 'ZJ-ZHONGCE', amount: 165_000 })]);
    await projected(p.projectId, (x) => x.status === 'published');
    const before = clock('2026-11-09', '16:59');
    for (const [who, reader] of [['owner', owner], ['director', director], ['admin', admin], ['another intermediary', firms['ZJ-LVYUAN']!]] as const) {
      const one = await reader.get<Project>(`/market/projects/${p.projectId}`, before);
      expect(one.status, `${who}: ${one.text}`).toBe(200);
      expect(one.body.sealed, who).toBe(true);
      expect(one.body.quotes, who).toEqual([]);
      expect(one.body.quoteCount, who).toBeNull();
      expect(one.text, who).not.toMatch(/150000|165000|180000/);
      const list = await reader.get<Project[]>('/market/projects', before);
      expect(list.text, who).not.toMatch(/150000|165000|180000/);
    }
    const own = await firms['ZJ-DADI']!.get<Project>(`/market/projects/${p.projectId}`, before);
    expect(own.body.quotes).toEqual([expect.objectContaining({ intermediaryId: 'ZJ-DADI', amount: 150_000 })]);
    const notice = await anonymous.get<{ projectNo: string; result: unknown }[]>('/public/market/projects?status=published', before);
    expect(notice.status).toBe(200);
    expect(notice.text).not.toMatch(/150000|165000|180000/);
    expect(notice.body.find((n) => n.projectNo === p.projectNo)?.result).toBeNull();
  });

  it('refuses a quote over the budget, from an unqualified grade, and after the deadline', async () => {
    const over = await quote('ZJ-LVYUAN', p.projectId, 250_000);
    expect(over.status).toBe(422);
    // ZJ-LVYUAN holds a grade C cost certificate; the project asks for B or higher.
    const grade = await quote('ZJ-LVYUAN', p.projectId, 120_000);
    expect(grade.status).toBe(422);
    expect(grade.text).toContain('grade B');
    const late = await quote('ZJ-DADI', p.projectId, 100_000, '2026-11-09', '17:00');
    expect(late.status).toBe(409);
  });

  it('selects the lowest amount after the deadline, ties going to the earlier quote, and publicises the result', async () => {
    const selected = await owner.post<Project>(`/market/projects/${p.projectId}/select`, {}, clock('2026-11-10', '09:00'));
    expect(selected.status, selected.text).toBe(200);
    expect(selected.body.status).toBe('publicised');
    // ZJ-DADI quoted 150,000 on the 4th; ZJ-HUAXIA matched it on the 5th.
    expect(selected.body.selections[0]).toMatchObject({ intermediaryId: 'ZJ-DADI', amount: 150_000 });
    expect(selected.body.savings).toBe(50_000);
    expect(selected.body.quotes.map((q) => q.amount).sort()).toEqual([150_000, 150_000, 165_000]);
    // Five working days after the 10th (a Tuesday).
    expect(selected.body.publicity).toMatchObject({ from: '2026-11-10', until: '2026-11-17' });
  });

  it('ends the publicity period by the timer, exactly once, and goes on to contract, completion and evaluation', async () => {
    const early = await admin.post<{ ended: string[] }>('/market/deadlines', {}, clock('2026-11-17', '16:00'));
    expect(early.body.ended).not.toContain(p.projectNo);
    await projected(p.projectId, (x) => x.status === 'publicised');
    const [a, b] = await Promise.all([admin.post<{ ended: string[] }>('/market/deadlines', {}, clock('2026-11-17', '17:45')), admin.post<{ ended: string[] }>('/market/deadlines', {}, clock('2026-11-17', '17:45'))]);
    expect([...a.body.ended, ...b.body.ended].filter((n) => n === p.projectNo)).toHaveLength(1);
    const contract = await owner.post<Project>(`/market/projects/${p.projectId}/contract`, { contractNo: 'JTJ-2026-ZX-018', signedDate: '2026-11-18' }, clock('2026-11-18'));
    expect(contract.status, contract.text).toBe(200);
    expect(contract.body.contract?.dueDate).toBe('2026-12-13');
    const done = await owner.post<Project>(`/market/projects/${p.projectId}/complete`, { completedDate: '2026-12-15' }, clock('2026-12-15'));
    expect(done.body.completion).toEqual({ completedDate: '2026-12-15', daysLate: 2 });
    const evaluated = await owner.post<Project>(`/market/projects/${p.projectId}/evaluation`, { quality: 5, timeliness: 3, attitude: 4, feeCompliance: 4, comment: '成果质量好，略有延期' }, clock('2026-12-16'));
    expect(evaluated.status, evaluated.text).toBe(200);
    expect(evaluated.body.evaluation?.score).toBe(80);
    const again = await owner.post(`/market/projects/${p.projectId}/evaluation`, { quality: 1, timeliness: 1, attitude: 1, feeCompliance: 1 }, clock('2026-12-16'));
    expect(again.status).toBe(409);
  });

  it('counts the evaluation and the late completion in the winner’s trust score', async () => {
    await projected(p.projectId, (x) => x.status === 'evaluated');
    const r = await firms['ZJ-DADI']!.get<Intermediary>('/intermediaries/ZJ-DADI', clock('2026-12-16'));
    expect(r.status, r.text).toBe(200);
    // (80 + 80) / 2 = 80, minus 5 for the late completion.
    expect(r.body.trust).toMatchObject({ score: 75, evaluations: 1, penaltyPoints: 5 });
    expect(r.body.facts.map((f) => f.kind)).toEqual(['late-completion', 'evaluation']);
    expect((await firms['ZJ-DADI']!.get('/intermediaries/ZJ-HUAXIA')).status).toBe(403);
  });
});

describe('a random draw', () => {
  it('is reproducible from its evidence alone, against the commitment published before any quote', async () => {
    const p = await publish(draft({ title: '农村公路测绘', serviceType: 'SURVEY', qualification: { type: 'SURVEY', minLevel: 'B' }, method: 'random-draw', budget: 90_000 }));
    expect(p.drawCommitment).toMatch(/^[0-9a-f]{64}$/);
    for (const [i, f] of FIRMS.entries()) expect((await quote(f.id, p.projectId, 80_000 + i * 1000)).status).toBe(200);
    const r = await owner.post<Project>(`/market/projects/${p.projectId}/select`, {}, clock('2026-11-10', '09:00'));
    expect(r.status, r.text).toBe(200);
    const e = r.body.selections[0]!.evidence as { key: string; message: string; digest: string; candidates: string[]; index: number; commitment: string };
    expect(createHash('sha256').update(e.key).digest('hex')).toBe(p.drawCommitment);
    expect(e.message).toBe(`${p.projectId}|2026-11-09|1`);
    const digest = createHmac('sha256', e.key).update(e.message).digest('hex');
    expect(digest).toBe(e.digest);
    expect(e.candidates).toEqual([...FIRMS.map((f) => f.id)].sort());
    const index = Number(BigInt(`0x${digest}`) % BigInt(e.candidates.length));
    expect(e.index).toBe(index);
    expect(r.body.selections[0]!.intermediaryId).toBe(e.candidates[index]);
    // The public result carries the same evidence.
    let evidence: Record<string, unknown> | undefined;
    await settle(async () => {
      const notice = await anonymous.get<{ projectNo: string; result: { evidence: Record<string, unknown> } | null }[]>('/public/market/projects?status=publicised', clock('2026-11-10'));
      evidence = notice.body.find((n) => n.projectNo === p.projectNo)?.result?.evidence;
      return evidence !== undefined;
    });
    expect(evidence).toMatchObject({ key: e.key, digest: e.digest, index, candidates: e.candidates });
  });
});

describe('failure, objections and the deadline race', () => {
  it('fails a competitive project with fewer than three quotes when the timer closes it (流标)', async () => {
    const p = await publish(draft({ title: '水库除险加固造价咨询', budget: 120_000 }));
    await quote('ZJ-HUAXIA', p.projectId, 100_000);
    await quote('ZJ-DADI', p.projectId, 110_000);
    await projected(p.projectId, (x) => x.status === 'published');
    const swept = await admin.post<{ closed: { projectNo: string; failed: boolean }[] }>('/market/deadlines', {}, clock('2026-11-09', '17:45'));
    expect(swept.body.closed).toContainEqual({ projectNo: p.projectNo, failed: true });
    const after = await owner.get<Project>(`/market/projects/${p.projectId}`, clock('2026-11-10'));
    expect(after.body).toMatchObject({ status: 'failed', failure: { reason: 'too-few-quotes' } });
    expect((await owner.post(`/market/projects/${p.projectId}/select`, {}, clock('2026-11-10'))).status).toBe(409);
  });

  it('annuls an award when an objection is upheld: the winner is penalised and the next lowest is selected', async () => {
    const p = await publish(draft({ title: '桥梁检测造价咨询', budget: 100_000 }));
    await quote('ZJ-HUAXIA', p.projectId, 70_000);
    await quote('ZJ-DADI', p.projectId, 80_000);
    await quote('ZJ-ZHONGCE', p.projectId, 90_000);
    await owner.post(`/market/projects/${p.projectId}/select`, {}, clock('2026-11-10', '09:00'));
    // Only a firm that quoted objects; the owner cannot.
    expect((await firms['ZJ-LVYUAN']!.post(`/market/projects/${p.projectId}/objections`, { text: '异议' }, clock('2026-11-11'))).status).toBe(422);
    expect((await owner.post(`/market/projects/${p.projectId}/objections`, { text: '异议' }, clock('2026-11-11'))).status).toBe(403);
    const raised = await firms['ZJ-DADI']!.post<Project>(`/market/projects/${p.projectId}/objections`, { text: '中选机构项目负责人资格证书已过期' }, clock('2026-11-11'));
    expect(raised.status, raised.text).toBe(201);
    const upheld = await admin.post<Project>(`/market/projects/${p.projectId}/objections/1/resolve`, { upheld: true, resolution: '经核实异议成立，取消中选资格' }, clock('2026-11-12'));
    expect(upheld.body.status).toBe('closed');
    expect(upheld.body.selections[0]!.annulled).toMatchObject({ reason: 'objection-upheld' });
    const again = await owner.post<Project>(`/market/projects/${p.projectId}/select`, {}, clock('2026-11-12', '10:00'));
    expect(again.body.selections[1]).toMatchObject({ round: 2, intermediaryId: 'ZJ-DADI', amount: 80_000 });
    expect(again.body.selections[1]!.evidence).toMatchObject({ ranking: [expect.objectContaining({ intermediaryId: 'ZJ-DADI' }), expect.objectContaining({ intermediaryId: 'ZJ-ZHONGCE' })] });
    await projected(p.projectId, (x) => x.selections.length === 2);
    const huaxia = await admin.get<Intermediary>('/intermediaries/ZJ-HUAXIA', clock('2026-11-12'));
    expect(huaxia.body.facts.map((f) => f.kind)).toContain('objection-upheld');
  });

  it('takes every quote before the deadline and none after it, and the timer racing them cuts none off', async () => {
    const p = await publish(draft({ title: '渔港码头测绘', serviceType: 'SURVEY', qualification: { type: 'SURVEY', minLevel: 'B' }, budget: 60_000 }));
    const attempts = FIRMS.flatMap((f, i) => [quote(f.id, p.projectId, 50_000 + i, '2026-11-09', '16:59'), quote(f.id, p.projectId, 40_000 + i, '2026-11-09', '17:00')]);
    await projected(p.projectId, (x) => x.status === 'published');
    // The timer at the deadline leaves quoting open for the minute's grace: quotes still being written land.
    const early = admin.post<{ closed: { projectNo: string }[] }>('/market/deadlines', {}, clock('2026-11-09', '17:00'));
    const results = await Promise.all(attempts);
    expect((await early).body.closed.map((c) => c.projectNo)).not.toContain(p.projectNo);
    expect(results.filter((_, i) => i % 2 === 0).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((_, i) => i % 2 === 1).map((r) => r.status)).toEqual([409, 409, 409, 409]);
    // Then two runs at once close it, once, with the four quotes.
    const swept = await Promise.all([admin.post<{ closed: { projectNo: string }[] }>('/market/deadlines', {}, clock('2026-11-09', '17:01')), admin.post<{ closed: { projectNo: string }[] }>('/market/deadlines', {}, clock('2026-11-09', '17:01'))]);
    expect(swept.map((s) => s.status)).toEqual([200, 200]);
    expect(swept.flatMap((s) => s.body.closed.map((c) => c.projectNo)).filter((n) => n === p.projectNo)).toHaveLength(1);
    const closed = await owner.get<Project>(`/market/projects/${p.projectId}`, clock('2026-11-10'));
    expect(closed.body.status).toBe('closed');
    expect(closed.body.quotes.map((q) => q.amount).sort()).toEqual([50_000, 50_001, 50_002, 50_003]);
  });
});

describe('who may do what', () => {
  it('keeps owners to their own projects, intermediaries to quoting and staff to reading', async () => {
    const p = (await owner.post<Project>('/market/projects', draft({ title: '草稿' }), clock('2026-11-02'))).body;
    expect((await otherOwner.get(`/market/projects/${p.projectId}`)).status).toBe(403);
    expect((await otherOwner.post(`/market/projects/${p.projectId}/publish`, {})).status).toBe(403);
    expect((await firms['ZJ-HUAXIA']!.get(`/market/projects/${p.projectId}`)).status).toBe(404);
    expect((await firms['ZJ-HUAXIA']!.post('/market/projects', draft())).status).toBe(403);
    expect((await director.post(`/market/projects/${p.projectId}/publish`, {})).status).toBe(403);
    expect((await owner.post('/intermediaries/ZJ-HUAXIA/approve', {})).status).toBe(403);
    expect((await anonymous.get('/market/projects')).status).toBe(401);
    // An owner may not draft for another unit.
    expect((await owner.post('/market/projects', draft({ ownerId: 'O-SLJ' }))).status).toBe(403);
  });

  it('registers an organisation once: a second registration of its credit code is refused, whoever sends it', async () => {
    const again = await admin.post('/intermediaries', { name: '华夏咨询（重复）', creditCode: FIRMS[0]!.code, serviceTypes: ['COST'], qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'X', expires: '2029-12-31' }], contact: { name: '联系人', phone: '13857600009' } });
    expect(again.status, again.text).toBe(409);
    expect(again.text).toContain('registered already');
    expect((await admin.get<Intermediary[]>('/intermediaries')).body.filter((i) => i.intermediaryId.length === 26)).toEqual([]);
    // Two at once for a new code: one is registered, the other refused.
    const body = { name: '三门县新立测绘有限公司', creditCode: withCreditChecks('9133102200000099'), serviceTypes: ['SURVEY'], qualifications: [{ type: 'SURVEY', grade: 'B', certificateNo: 'S-99', expires: '2029-12-31' }], contact: { name: '联系人', phone: '13857600099' } };
    const both = await Promise.all([admin.post('/intermediaries', body), admin.post('/intermediaries', body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('shows contacts to staff and owners, not to other intermediaries or the public', async () => {
    const asOwner = await owner.get<Intermediary[]>('/intermediaries');
    expect(asOwner.body.every((i) => i.contact !== null)).toBe(true);
    const asFirm = await firms['ZJ-DADI']!.get<Intermediary[]>('/intermediaries');
    expect(asFirm.body.filter((i) => i.contact !== null).map((i) => i.intermediaryId)).toEqual(['ZJ-DADI']);
    const notices = await anonymous.get('/public/market/projects');
    expect(notices.status).toBe(200);
    expect(notices.text).not.toMatch(/1385760000|联系人|contact|ownerId|byId|comment|成果质量/);
  });

  it('suspends and reinstates: a suspended intermediary cannot quote', async () => {
    const p = await publish(draft({ title: '停车场造价咨询', budget: 40_000, quoteDeadline: '2026-11-20' }), '2026-11-12');
    expect((await admin.post('/intermediaries/ZJ-ZHONGCE/suspend', { reason: '资质材料弄虚作假', until: '2026-11-30' }, clock('2026-11-13'))).status).toBe(200);
    const refused = await quote('ZJ-ZHONGCE', p.projectId, 30_000, '2026-11-13');
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('suspended');
    expect((await admin.post('/intermediaries/ZJ-ZHONGCE/reinstate', { note: '复核后恢复' }, clock('2026-11-14'))).status).toBe(200);
    expect((await quote('ZJ-ZHONGCE', p.projectId, 30_000, '2026-11-14')).status).toBe(200);
  });
});

describe('the figures', () => {
  it('counts published, concluded, failed, budgets, awards and savings for the period', async () => {
    // The views are a moment behind the commands: wait for the last test's project and the concluded one.
    await settle(async () => {
      const { body } = await admin.get<{ published: number; concluded: number }>('/stats/market?from=2026-11-01&to=2026-12-31&serviceType=COST');
      return body.published >= 4 && body.concluded >= 1;
    });
    const r = await director.get<Record<string, unknown>>('/stats/market?from=2026-11-01&to=2026-12-31&serviceType=COST', clock('2026-12-31'));
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ published: 4, concluded: 1, failed: 1, budgetTotal: 200_000, awardedTotal: 150_000, savings: 50_000, savingsRate: 0.25, activeIntermediaries: 4 });
    expect((await owner.get('/stats/market?from=2026-11-01&to=2026-12-31')).status).toBe(403);
  });
});

import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  barredText,
  checkDraw,
  evaluationScore,
  evidenceOf,
  exclusionTexts,
  withOwnAnswer,
  myQuotes,
  openObjections,
  ownerNext,
  quoteChance,
  savingsText,
  wholeYuan,
  type Intermediary,
  type MarketProject,
  type Quote,
  type Selection,
} from '../../console/src/pages/market/model.ts';

const BEFORE = '2027-01-14T02:00:00.000Z';
const typeName = (code: string) => ({ EIA: '环境影响评价', SURVEY: '测绘' })[code] ?? code;

const intermediary = (over: Partial<Intermediary> = {}): Intermediary => ({
  intermediaryId: 'ZJ-HUAXIA',
  name: '华夏工程咨询有限公司',
  creditCode: '91331022MA2K7H3B2G',
  serviceTypes: ['EIA'],
  qualifications: [{ type: 'EIA', grade: 'B', certificateNo: 'HP-001', expires: '2028-12-31' }],
  contact: { name: '李明', phone: '13800000000' },
  registeredDate: '2027-01-04',
  approvedDate: '2027-01-05',
  status: 'approved',
  suspendedUntil: null,
  suspensionKind: null,
  suspensionReason: null,
  barred: null,
  barredCode: null,
  trust: { score: 80, evaluationScore: 80, evaluations: 0, penaltyPoints: 0, badEvaluations: 0, floor: 60 },
  facts: [],
  ...over,
});

const quote = (intermediaryId: string, amount: number, quoteNo: number): Quote => ({ quoteNo, intermediaryId, intermediaryName: `机构 ${intermediaryId}`, amount, servicePeriodDays: 30, grade: 'B', submittedAt: BEFORE });

const selection = (intermediaryId: string, amount: number, over: Partial<Selection> = {}): Selection => ({
  round: 1,
  intermediaryId,
  intermediaryName: `机构 ${intermediaryId}`,
  amount,
  method: 'lowest-price',
  evidence: { method: 'lowest-price', round: 1, ranking: [{ intermediaryId, amount, submittedAt: BEFORE }] },
  excluded: [],
  selectedDate: '2027-01-19',
  annulled: null,
  ...over,
});

const project = (over: Partial<MarketProject> = {}): MarketProject => ({
  projectId: '01KCMARKET0000000000000000',
  projectNo: 'ZJ331022-2027-0001',
  title: '沿海公路改建工程环境影响评价',
  description: '',
  ownerId: 'O-JTJ',
  ownerName: '三门县交通运输局',
  serviceType: 'EIA',
  serviceTypeName: '环境影响评价',
  budget: 200_000,
  stateFunded: true,
  method: 'lowest-price',
  qualification: { type: 'EIA', minLevel: 'B' },
  quoteDeadline: '2027-01-18',
  quotesCloseAt: '2027-01-18T09:00:00.000Z',
  servicePeriodDays: 60,
  directIntermediaryId: null,
  status: 'published',
  draftedDate: '2027-01-12',
  publishedDate: '2027-01-12',
  drawCommitment: null,
  sealed: true,
  quoteCount: null,
  quotes: [],
  failure: null,
  selections: [],
  publicity: null,
  objections: [],
  awardedDate: null,
  savings: null,
  contract: null,
  completion: null,
  evaluation: null,
  ...over,
});

describe('whether an intermediary may quote', () => {
  it('may with a certificate of the type at the grade asked, valid through the deadline', () => {
    expect(quoteChance(intermediary(), project(), BEFORE, typeName)).toEqual({ may: true, grade: 'B' });
    expect(quoteChance(intermediary({ qualifications: [{ type: 'EIA', grade: 'A', certificateNo: 'x', expires: '2027-01-18' }] }), project(), BEFORE, typeName)).toEqual({ may: true, grade: 'A' });
  });

  it('says why not: closed, not registered, barred, a direct award to another, no certificate, too low a grade, expiring before the deadline', () => {
    const why = (me: Intermediary | undefined, p = project(), now = BEFORE) => {
      const chance = quoteChance(me, p, now, typeName);
      return chance.may ? 'may' : chance.reason;
    };
    expect(why(intermediary(), project(), '2027-01-18T09:00:00.000Z')).toBe('报价已截止');
    expect(why(intermediary(), project({ status: 'closed', sealed: false }))).toBe('报价已截止');
    expect(why(undefined)).toBe('本机构尚未入驻登记');
    expect(why(intermediary({ status: 'pending', barred: 'not approved yet', barredCode: 'pending' }))).toBe('入驻申请尚未审核通过');
    expect(why(intermediary(), project({ method: 'direct', directIntermediaryId: 'ZJ-DADI' }))).toBe('此项目直接委托其他机构');
    expect(why(intermediary({ qualifications: [{ type: 'SURVEY', grade: 'A', certificateNo: 'x', expires: '2028-01-01' }] }))).toBe('本机构没有环境影响评价资质');
    expect(why(intermediary({ qualifications: [{ type: 'EIA', grade: 'C', certificateNo: 'x', expires: '2028-01-01' }] }))).toBe('需环境影响评价乙级及以上资质，本机构为丙级');
    expect(why(intermediary({ qualifications: [{ type: 'EIA', grade: 'B', certificateNo: 'x', expires: '2027-01-17' }] }))).toBe('环境影响评价资质证书有效期至2027年1月17日，早于报价截止日');
  });

  it('gives a suspension or a low trust score in Chinese, not the API’s English sentence', () => {
    expect(barredText(intermediary())).toBeNull();
    const suspended = { status: 'suspended' as const, barred: 'suspended (x)', barredCode: 'suspended' as const, suspensionKind: 'manual' as const, suspensionReason: '提交虚假材料' };
    expect(barredText(intermediary({ ...suspended, suspendedUntil: '2027-03-31' }))).toBe('竞价资格暂停（提交虚假材料），至2027年3月31日');
    expect(barredText(intermediary({ ...suspended, suspendedUntil: null }))).toBe('竞价资格暂停（提交虚假材料），待管理员恢复');
    const bad = { ...suspended, suspensionKind: 'evaluations' as const, suspensionReason: '2 bad evaluations', suspendedUntil: '2027-07-01', trust: { score: 70, evaluationScore: 70, evaluations: 3, penaltyPoints: 0, badEvaluations: 2, floor: 60 } };
    expect(barredText(intermediary(bad))).toBe('竞价资格暂停（2 次服务评价不合格），至2027年7月1日');
    expect(barredText(intermediary({ barred: 'trust score 55 is below the floor 60', barredCode: 'below-floor', trust: { score: 55, evaluationScore: 65, evaluations: 2, penaltyPoints: 10, badEvaluations: 0, floor: 60 } }))).toBe('信用评分 55 低于 60 分');
    expect(barredText(intermediary({ status: 'pending', barred: 'not approved yet', barredCode: 'pending' }))).toBe('入驻申请尚未审核通过');
  });

  it('says why a quote was left out of a selection, for every code the API gives', () => {
    expect(exclusionTexts).toEqual({ annulled: '此前中选已被撤销', pending: '未通过入驻审核', unregistered: '已不在册', suspended: '竞价资格暂停', 'below-floor': '信用评分低于准入分' });
  });
});

describe('a project’s course for its owner', () => {
  it('publishes a draft, waits for the deadline, selects, waits for the publicity period, then contracts, completes and evaluates', () => {
    expect(ownerNext(project({ status: 'draft', publishedDate: null, quotesCloseAt: null }))).toEqual({ step: 'publish' });
    expect(ownerNext(project())).toEqual({ waiting: 'quoting' });
    // Past the deadline before the timer closed quoting: selecting closes it.
    expect(ownerNext(project({ sealed: false }))).toEqual({ step: 'select' });
    expect(ownerNext(project({ status: 'closed', sealed: false }))).toEqual({ step: 'select' });
    expect(ownerNext(project({ status: 'publicised', sealed: false }))).toEqual({ waiting: 'publicity' });
    expect(ownerNext(project({ status: 'awarded', sealed: false }))).toEqual({ step: 'contract' });
    expect(ownerNext(project({ status: 'contracted', sealed: false }))).toEqual({ step: 'complete' });
    expect(ownerNext(project({ status: 'completed', sealed: false }))).toEqual({ step: 'evaluate' });
    expect(ownerNext(project({ status: 'failed', sealed: false }))).toBeNull();
    expect(ownerNext(project({ status: 'evaluated', sealed: false }))).toBeNull();
  });

  it('scores an evaluation as the API does: the mean of the four marks × 20', () => {
    expect(evaluationScore({ quality: 5, timeliness: 4, attitude: 5, feeCompliance: 4 })).toBe(90);
    expect(evaluationScore({ quality: 3, timeliness: 2, attitude: 3, feeCompliance: 3 })).toBe(55);
  });

  it('reads money as whole yuan and gives the savings with their share of the budget', () => {
    expect(wholeYuan('168,000')).toBe(168_000);
    expect(wholeYuan(' 95000 ')).toBe(95_000);
    expect(wholeYuan('95000.5')).toBeUndefined();
    expect(wholeYuan('0')).toBeUndefined();
    expect(wholeYuan('')).toBeUndefined();
    expect(savingsText(200_000, 168_000)).toBe('32,000 元（16.0%）');
  });
});

describe('an intermediary’s quotes and their results', () => {
  const mine = 'ZJ-HUAXIA';
  it('are sealed until the deadline, then won, lost, waiting, annulled or failed', () => {
    const projects = [
      project({ projectId: 'P1', quotes: [quote(mine, 150_000, 1)] }),
      project({ projectId: 'P2', status: 'publicised', sealed: false, quotes: [quote(mine, 150_000, 1), quote('ZJ-DADI', 160_000, 2)], selections: [selection(mine, 150_000)] }),
      project({ projectId: 'P3', status: 'publicised', sealed: false, quotes: [quote(mine, 170_000, 1), quote('ZJ-DADI', 160_000, 2)], selections: [selection('ZJ-DADI', 160_000)] }),
      project({ projectId: 'P4', status: 'closed', sealed: false, quotes: [quote(mine, 150_000, 1)] }),
      project({ projectId: 'P5', status: 'closed', sealed: false, quotes: [quote(mine, 150_000, 1)], selections: [selection(mine, 150_000, { annulled: { reason: 'objection-upheld', date: '2027-01-21' } })] }),
      project({ projectId: 'P6', status: 'failed', sealed: false, quotes: [quote(mine, 150_000, 1)] }),
      project({ projectId: 'P7', status: 'publicised', sealed: false, quotes: [quote('ZJ-DADI', 160_000, 1)], selections: [selection('ZJ-DADI', 160_000)] }),
    ];
    expect(myQuotes(projects, mine).map((r) => [r.project.projectId, r.result])).toEqual([
      ['P1', 'sealed'],
      ['P2', 'won'],
      ['P3', 'lost'],
      ['P4', 'waiting'],
      ['P5', 'annulled'],
      ['P6', 'failed'],
    ]);
  });

  it('lists the objections waiting for an answer, oldest first', () => {
    const objection = (objectionNo: number, raisedDate: string, answered: boolean) => ({ objectionNo, byId: 'ZJ-DADI', byRole: 'intermediary', text: '报价计算有误', raisedDate, round: 1, resolution: answered ? { upheld: false, text: '不成立', resolvedDate: raisedDate } : null });
    const rows = openObjections([project({ projectId: 'P1', objections: [objection(1, '2027-01-21', true), objection(2, '2027-01-22', false)] }), project({ projectId: 'P2', objections: [objection(1, '2027-01-20', false)] })]);
    expect(rows.map((r) => [r.project.projectId, r.objection.objectionNo])).toEqual([
      ['P2', 1],
      ['P1', 2],
    ]);
  });
});

describe('a selection’s evidence', () => {
  const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const message = '01KCMARKET0000000000000000|2027-01-18|1';
  const digest = createHmac('sha256', key).update(message, 'utf8').digest('hex');
  const candidates = ['ZJ-DADI', 'ZJ-HUAXIA', 'ZJ-ZHONGCE'];
  const index = Number(BigInt(`0x${digest}`) % 3n);
  const draw = { method: 'random-draw', round: 1, commitment: createHash('sha256').update(key, 'utf8').digest('hex'), key, message, digest, candidates, index };

  it('is read field by field for its method, and refused when it does not match it', () => {
    expect(evidenceOf(selection('ZJ-HUAXIA', 150_000))).toEqual({ method: 'lowest-price', ranking: [{ intermediaryId: 'ZJ-HUAXIA', amount: 150_000 }] });
    expect(evidenceOf({ method: 'random-draw', evidence: draw })).toMatchObject({ method: 'random-draw', candidates, index });
    expect(evidenceOf({ method: 'comprehensive', evidence: { scores: [{ intermediaryId: 'ZJ-DADI', score: 91.5, amount: 160_000 }] } })).toEqual({ method: 'comprehensive', scores: [{ intermediaryId: 'ZJ-DADI', score: 91.5, amount: 160_000 }] });
    expect(evidenceOf({ method: 'random-draw', evidence: { ...draw, index: '1' } })).toBeUndefined();
    expect(evidenceOf({ method: 'lowest-price', evidence: { ranking: [{ intermediaryId: 'ZJ-DADI' }] } })).toBeUndefined();
  });

  it('checks a random draw as anyone could: the key against its commitment, the digest, the index', async () => {
    const e = evidenceOf({ method: 'random-draw', evidence: draw });
    if (e?.method !== 'random-draw') throw new Error('not a draw');
    await expect(checkDraw(e)).resolves.toEqual({ commitment: true, digest: true, index: true });
    await expect(checkDraw({ ...e, key: `${key.slice(0, -1)}1` })).resolves.toMatchObject({ commitment: false, digest: false });
    await expect(checkDraw({ ...e, index: (index + 1) % 3 })).resolves.toEqual({ commitment: true, digest: true, index: false });
  });
});

describe('the desk’s own quote, before the views catch up', () => {
  it('shows the answer a quote got until the list holds that quote or a later one', () => {
    const listed = project({ quotes: [quote('ZJ-HUAXIA', 168_000, 1)] });
    const answered = project({ quotes: [quote('ZJ-HUAXIA', 165_000, 4)] });
    expect(withOwnAnswer(listed, answered, 'ZJ-HUAXIA').quotes[0]!.amount).toBe(165_000);
    expect(withOwnAnswer(project({ quotes: [quote('ZJ-HUAXIA', 165_000, 4)] }), project({ quotes: [quote('ZJ-HUAXIA', 165_000, 4)] }), 'ZJ-HUAXIA')).toEqual(project({ quotes: [quote('ZJ-HUAXIA', 165_000, 4)] }));
    expect(withOwnAnswer(project({ quotes: [quote('ZJ-HUAXIA', 160_000, 6)] }), answered, 'ZJ-HUAXIA').quotes[0]!.amount).toBe(160_000);
    expect(withOwnAnswer(project({ quotes: [] }), answered, 'ZJ-HUAXIA')).toBe(answered);
    expect(withOwnAnswer(listed, undefined, 'ZJ-HUAXIA')).toBe(listed);
    expect(withOwnAnswer(listed, { ...answered, projectId: 'another' }, 'ZJ-HUAXIA')).toBe(listed);
  });
});

import type { Schemas } from '../../../../client/index.ts';
import { chineseDate } from '../../lib/dates.ts';

/** The marketplace pages' logic (中介超市), apart from React so it can be tested on its own. Money is whole yuan. */

export type MarketProject = Schemas['MarketProject'];
export type Intermediary = Schemas['Intermediary'];
export type MarketRules = Schemas['MarketRules'];
export type MarketStats = Schemas['MarketStats'];
export type Quote = MarketProject['quotes'][number];
export type Selection = MarketProject['selections'][number];
export type Objection = MarketProject['objections'][number];
export type TrustFact = Intermediary['facts'][number];
export type Grade = Quote['grade'];
export type Method = MarketProject['method'];

// ——— words ———

export const grades: Record<Grade, string> = { A: '甲级', B: '乙级', C: '丙级' };
/** Whether `grade` is at least `min` (甲级 is the highest). */
export const gradeAtLeast = (grade: Grade, min: Grade): boolean => grade <= min;

export const methods: Record<Method, string> = { 'lowest-price': '最低价', 'random-draw': '随机抽取', comprehensive: '综合比选', direct: '直接委托' };

export const projectStatus: Record<MarketProject['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '公告中', color: 'processing' },
  closed: { label: '待选取', color: 'gold' },
  failed: { label: '流标', color: 'red' },
  publicised: { label: '结果公示中', color: 'cyan' },
  awarded: { label: '已成交', color: 'green' },
  contracted: { label: '已签合同', color: 'green' },
  completed: { label: '服务完成', color: 'green' },
  evaluated: { label: '已评价', color: 'default' },
};

export const intermediaryStatus: Record<Intermediary['status'], { label: string; color: string }> = {
  pending: { label: '待审核', color: 'gold' },
  approved: { label: '已入驻', color: 'green' },
  suspended: { label: '暂停资格', color: 'red' },
};

export const factKinds: Record<TrustFact['kind'], string> = { evaluation: '服务评价', withdrawn: '放弃中选', 'objection-upheld': '异议成立', 'late-completion': '逾期完成服务' };

export const failureReasons: Record<NonNullable<MarketProject['failure']>['reason'], string> = { 'too-few-quotes': '报价不足', 'no-candidates': '没有符合条件的报价' };

export const annulReasons: Record<NonNullable<Selection['annulled']>['reason'], string> = { 'objection-upheld': '异议成立', withdrawn: '中选机构放弃' };

/** 12,300 元 */
export const yuan = (n: number): string => `${n.toLocaleString('zh-CN')} 元`;

/** What the owner saved against the budget, e.g. 3,700 元（18.5%）. */
export const savingsText = (budget: number, amount: number): string => `${yuan(budget - amount)}（${budget > 0 ? (((budget - amount) / budget) * 100).toFixed(1) : '0.0'}%）`;

/** Whole yuan from what a person typed (`12300`, `12,300`), or undefined. */
export function wholeYuan(text: string | undefined): number | undefined {
  const cleaned = (text ?? '').replace(/[,，\s]/g, '');
  if (!/^\d{1,10}$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return n > 0 ? n : undefined;
}

/** An evaluation's score as the API works it out: the mean of the four marks × 20, to one decimal. */
export const evaluationScore = (m: { quality: number; timeliness: number; attitude: number; feeCompliance: number }): number =>
  Math.round(((m.quality + m.timeliness + m.attitude + m.feeCompliance) / 4) * 20 * 10) / 10;

// ——— an intermediary's standing ———

/**
 * Why an intermediary may not quote, in Chinese, from its standing's codes (the API's `barred` is an
 * English sentence for logs): not approved, suspended (by hand, or by its bad evaluations), below the floor.
 */
export function barredText(i: Pick<Intermediary, 'barredCode' | 'suspendedUntil' | 'suspensionKind' | 'suspensionReason' | 'trust'>): string | null {
  switch (i.barredCode) {
    case null:
      return null;
    case 'pending':
      return '入驻申请尚未审核通过';
    case 'suspended': {
      const why = i.suspensionKind === 'evaluations' ? `${i.trust.badEvaluations} 次服务评价不合格` : (i.suspensionReason ?? '管理员暂停');
      return `竞价资格暂停（${why}）${i.suspendedUntil ? `，至${chineseDate(i.suspendedUntil)}` : '，待管理员恢复'}`;
    }
    case 'below-floor':
      return `信用评分 ${i.trust.score} 低于 ${i.trust.floor} 分`;
  }
}

/** Why a quote was left out of a selection, in Chinese, from its code. */
export const exclusionTexts: Record<Selection['excluded'][number]['code'], string> = {
  annulled: '此前中选已被撤销',
  pending: '未通过入驻审核',
  unregistered: '已不在册',
  suspended: '竞价资格暂停',
  'below-floor': '信用评分低于准入分',
};

export type QuoteChance = { may: true; grade: Grade } | { may: false; reason: string };

/**
 * Whether an intermediary may quote on a project now, and why not: quoting still open, its standing,
 * a direct award to another, and a certificate of the type at the grade asked, valid through the deadline.
 */
export function quoteChance(me: Intermediary | undefined, project: MarketProject, now: string, typeName: (code: string) => string): QuoteChance {
  if (project.status !== 'published' || !project.sealed || (project.quotesCloseAt !== null && Date.parse(now) >= Date.parse(project.quotesCloseAt))) return { may: false, reason: '报价已截止' };
  if (!me) return { may: false, reason: '本机构尚未入驻登记' };
  const barred = barredText(me);
  if (barred) return { may: false, reason: barred };
  if (project.directIntermediaryId !== null && project.directIntermediaryId !== me.intermediaryId) return { may: false, reason: '此项目直接委托其他机构' };
  const { type, minLevel } = project.qualification;
  const name = typeName(type);
  const held = me.qualifications.filter((q) => q.type === type);
  if (held.length === 0) return { may: false, reason: `本机构没有${name}资质` };
  const good = held.find((q) => gradeAtLeast(q.grade, minLevel) && q.expires >= project.quoteDeadline);
  if (good) return { may: true, grade: good.grade };
  const graded = held.find((q) => gradeAtLeast(q.grade, minLevel));
  if (!graded) return { may: false, reason: `需${name}${grades[minLevel]}及以上资质，本机构为${held.map((q) => grades[q.grade]).join('、')}` };
  return { may: false, reason: `${name}资质证书有效期至${chineseDate(graded.expires)}，早于报价截止日` };
}

// ——— a project's course ———

/** The selection that stands: the last, unless annulled. */
export const standing = (p: Pick<MarketProject, 'selections'>): Selection | undefined => {
  const last = p.selections.at(-1);
  return last && !last.annulled ? last : undefined;
};

export type OwnerStep = 'publish' | 'select' | 'contract' | 'complete' | 'evaluate';

/**
 * What the owner does next, or what it waits for: publishing a draft; selecting once quoting has
 * closed; nothing during the publicity period (objections may come); then the contract, the service's
 * completion and the evaluation.
 */
export function ownerNext(p: MarketProject): { step: OwnerStep } | { waiting: 'quoting' | 'publicity' } | null {
  switch (p.status) {
    case 'draft':
      return { step: 'publish' };
    case 'published':
      return p.sealed ? { waiting: 'quoting' } : { step: 'select' };
    case 'closed':
      return { step: 'select' };
    case 'publicised':
      return { waiting: 'publicity' };
    case 'awarded':
      return { step: 'contract' };
    case 'contracted':
      return { step: 'complete' };
    case 'completed':
      return { step: 'evaluate' };
    default:
      return null;
  }
}

/** Whether an intermediary may object now: it quoted, and the result is in its publicity period. */
export const mayObject = (p: MarketProject, intermediaryId: string, now: string): boolean =>
  p.status === 'publicised' && p.publicity !== null && Date.parse(now) < Date.parse(p.publicity.endsAt) && p.quotes.some((q) => q.intermediaryId === intermediaryId);

/** Quotes cheapest first (ties: the earlier). */
export const byAmount = (quotes: readonly Quote[]): Quote[] => [...quotes].sort((a, b) => a.amount - b.amount || a.quoteNo - b.quoteNo);

export type QuoteResult = 'sealed' | 'waiting' | 'won' | 'lost' | 'annulled' | 'failed';

export const quoteResults: Record<QuoteResult, { label: string; color: string }> = {
  sealed: { label: '已报价（密封中）', color: 'processing' },
  waiting: { label: '待选取', color: 'gold' },
  won: { label: '中选', color: 'green' },
  lost: { label: '未中选', color: 'default' },
  annulled: { label: '中选已撤销', color: 'red' },
  failed: { label: '流标', color: 'red' },
};

/** An intermediary's quotes: each project it quoted on, its own quote and how it came out. */
export function myQuotes(projects: readonly MarketProject[], intermediaryId: string): { project: MarketProject; quote: Quote; result: QuoteResult }[] {
  return projects.flatMap((project) => {
    const quote = project.quotes.find((q) => q.intermediaryId === intermediaryId);
    if (!quote) return [];
    const winner = standing(project);
    const result: QuoteResult = project.sealed
      ? 'sealed'
      : project.status === 'failed'
        ? 'failed'
        : winner
          ? winner.intermediaryId === intermediaryId
            ? 'won'
            : 'lost'
          : project.selections.some((s) => s.intermediaryId === intermediaryId)
            ? 'annulled'
            : 'waiting';
    return [{ project, quote, result }];
  });
}

/** The objections waiting for the administrator's answer, oldest first. */
export const openObjections = (projects: readonly MarketProject[]): { project: MarketProject; objection: Objection }[] =>
  projects
    .flatMap((project) => project.objections.filter((o) => o.resolution === null).map((objection) => ({ project, objection })))
    .sort((a, b) => a.objection.raisedDate.localeCompare(b.objection.raisedDate));

// ——— a selection's evidence ———

export type Evidence =
  | { method: 'lowest-price'; ranking: { intermediaryId: string; amount: number }[] }
  | { method: 'random-draw'; commitment: string; key: string; message: string; digest: string; candidates: string[]; index: number }
  | { method: 'comprehensive'; scores: { intermediaryId: string; score: number; amount: number }[] }
  | { method: 'direct' };

const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const rows = <T>(x: unknown, row: (r: Record<string, unknown>) => T | undefined): T[] | undefined => {
  if (!Array.isArray(x)) return undefined;
  const out = x.map((r) => (r && typeof r === 'object' ? row(r as Record<string, unknown>) : undefined));
  return out.every((r) => r !== undefined) ? out : undefined;
};

/** A selection's evidence, checked field by field (the API types it as an open record); undefined if it is not what its method records. */
export function evidenceOf(s: Pick<Selection, 'method' | 'evidence'>): Evidence | undefined {
  const e = s.evidence;
  switch (s.method) {
    case 'lowest-price': {
      const ranking = rows(e.ranking, (r) => (isString(r.intermediaryId) && isNumber(r.amount) ? { intermediaryId: r.intermediaryId, amount: r.amount } : undefined));
      return ranking && { method: 'lowest-price', ranking };
    }
    case 'random-draw': {
      const candidates = Array.isArray(e.candidates) && e.candidates.every(isString) ? e.candidates : undefined;
      if (!candidates || !isString(e.commitment) || !isString(e.key) || !isString(e.message) || !isString(e.digest) || !isNumber(e.index)) return undefined;
      return { method: 'random-draw', commitment: e.commitment, key: e.key, message: e.message, digest: e.digest, candidates, index: e.index };
    }
    case 'comprehensive': {
      const scores = rows(e.scores, (r) => (isString(r.intermediaryId) && isNumber(r.score) && isNumber(r.amount) ? { intermediaryId: r.intermediaryId, score: r.score, amount: r.amount } : undefined));
      return scores && { method: 'comprehensive', scores };
    }
    case 'direct':
      return { method: 'direct' };
  }
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Checks a random draw the way anyone can: the key's SHA-256 is the commitment published with the
 * announcement, the HMAC-SHA-256 of the message under the key is the digest, and the digest modulo
 * the number of candidates is the winner's position.
 */
export async function checkDraw(e: Extract<Evidence, { method: 'random-draw' }>, subtle: SubtleCrypto = crypto.subtle): Promise<{ commitment: boolean; digest: boolean; index: boolean }> {
  const utf8 = new TextEncoder();
  const hash = hex(await subtle.digest('SHA-256', utf8.encode(e.key)));
  const key = await subtle.importKey('raw', utf8.encode(e.key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const digest = hex(await subtle.sign('HMAC', key, utf8.encode(e.message)));
  const index = /^[0-9a-f]{64}$/.test(e.digest) && e.candidates.length > 0 ? Number(BigInt(`0x${e.digest}`) % BigInt(e.candidates.length)) : -1;
  return { commitment: hash === e.commitment, digest: digest === e.digest, index: index === e.index };
}

/**
 * A project as the intermediary's desk shows it: the list (read from the views, a moment behind) or
 * the answer its own quote got (read from the project's stream), whichever holds its later quote, so
 * that a quote just made or replaced shows at once.
 */
export function withOwnAnswer(listed: MarketProject, answered: MarketProject | undefined, intermediaryId: string): MarketProject {
  if (!answered || answered.projectId !== listed.projectId) return listed;
  const quoteNo = (p: MarketProject) => p.quotes.find((q) => q.intermediaryId === intermediaryId)?.quoteNo ?? 0;
  return quoteNo(answered) > quoteNo(listed) ? answered : listed;
}

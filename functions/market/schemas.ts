import * as z from 'zod/mini';
import { grades, methods } from '../../domain/market/types.ts';
import { Id, LocalDateString, named, Nullable, Text } from '../http/schemas.ts';

/** The intermediary-service marketplace (中介超市): what its routes take and answer. Money in whole yuan (元). */

export const MarketProjectId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a project id (26 characters, Crockford base32)'));
export const MarketProjectParams = z.strictObject({ id: MarketProjectId });
export const ObjectionParams = z.strictObject({ id: MarketProjectId, n: z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)) });
export const IntermediaryParams = z.strictObject({ id: Id });

const Yuan = z.int().check(z.positive(), z.lte(1_000_000_000), z.describe('yuan (元), whole'));
const CreditCode = z.string().check(z.trim(), z.length(18, 'a unified social credit code has 18 characters'), z.describe('统一社会信用代码 (GB 32100-2015), with its check character'));
const Phone = z.string().check(z.regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile number (11 digits) or a landline with its area code'));
const Grade = z.enum(grades).check(z.describe('资质等级: A 甲级, B 乙级, C 丙级 (A is the highest)'));
const Qualification = z.strictObject({ type: Id, grade: Grade, certificateNo: Text(64), expires: LocalDateString.check(z.describe('the last day the certificate is valid')) });

export const RegisterIntermediaryBody = z.strictObject({
  name: Text(120),
  creditCode: CreditCode,
  serviceTypes: z.array(Id).check(z.minLength(1), z.maxLength(20)),
  qualifications: z.array(Qualification).check(z.minLength(1), z.maxLength(20)),
  contact: z.strictObject({ name: Text(40), phone: Phone }),
});
export const QualificationsBody = z.strictObject({ serviceTypes: z.array(Id).check(z.minLength(1), z.maxLength(20)), qualifications: z.array(Qualification).check(z.minLength(1), z.maxLength(20)) });
export const SuspendBody = z.strictObject({ reason: Text(500), until: z.optional(LocalDateString.check(z.describe('the last day of the suspension; left out: until reinstated'))) });
export const NoteBody = z.strictObject({ note: z.optional(Text(500)) });
export const IntermediariesQuery = z.strictObject({ serviceType: z.optional(Id), status: z.optional(z.enum(['pending', 'approved', 'suspended'])) });

export const DraftBody = z.strictObject({
  title: Text(120),
  description: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  ownerId: z.optional(Id).check(z.describe('the owner unit (业主单位): an owner’s own when left out; an administrator names it')),
  ownerName: Text(120),
  serviceType: Id,
  budget: Yuan,
  stateFunded: z.boolean(),
  method: z.enum(methods).check(z.describe('lowest-price 最低价, random-draw 随机抽取, comprehensive 综合比选, direct 直接委托 (below the county’s threshold)')),
  qualification: z.strictObject({ type: Id, minLevel: Grade }),
  quoteDeadline: LocalDateString.check(z.describe('a working day: quoting closes at the hall’s closing time on it')),
  servicePeriodDays: z.int().check(z.gte(1), z.lte(1000)),
  directIntermediaryId: z.optional(Id),
});
export const PublishBody = z.strictObject({ quoteDeadline: z.optional(LocalDateString.check(z.describe('a new deadline, when the draft’s has come too close'))) });
export const QuoteBody = z.strictObject({ amount: Yuan, servicePeriodDays: z.int().check(z.gte(1), z.lte(1000)) });
export const SelectBody = z.strictObject({
  scores: z.optional(z.record(Id, z.number().check(z.gte(0), z.lte(100))).check(z.describe('comprehensive scoring (综合比选): the panel’s score (0–100) of every qualified quote, by intermediary id'))),
});
export const ObjectionBody = z.strictObject({ text: Text(2000), intermediaryId: z.optional(Id).check(z.describe('an administrator recording an intermediary’s objection names it')) });
export const ResolveBody = z.strictObject({ upheld: z.boolean(), resolution: Text(2000) });
export const WithdrawBody = z.strictObject({ reason: Text(500) });
export const ContractBody = z.strictObject({ contractNo: Text(64), signedDate: LocalDateString });
export const CompleteBody = z.strictObject({ completedDate: LocalDateString });
const Mark = z.int().check(z.gte(1), z.lte(5));
export const EvaluationBody = z.strictObject({ quality: Mark, timeliness: Mark, attitude: Mark, feeCompliance: Mark, comment: z.optional(Text(1000)) });
const marketStatuses = ['draft', 'published', 'closed', 'failed', 'publicised', 'awarded', 'contracted', 'completed', 'evaluated'] as const;
export const MarketProjectsQuery = z.strictObject({ status: z.optional(z.enum(marketStatuses)), serviceType: z.optional(Id) });
export const PublicMarketQuery = z.strictObject({ status: z.optional(z.enum(['published', 'publicised', 'concluded'])) });
export const MarketStatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, serviceType: z.optional(Id) });

const QualificationView = z.object({ type: z.string(), grade: z.enum(grades), certificateNo: z.string(), expires: LocalDateString });
const TrustFactView = z.object({
  kind: z.enum(['evaluation', 'withdrawn', 'objection-upheld', 'late-completion']),
  date: LocalDateString,
  projectId: z.string(),
  projectNo: z.string(),
  score: z.optional(z.number()),
  points: z.optional(z.number()),
});
export const IntermediaryView = named('Intermediary', z.object({
  intermediaryId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  serviceTypes: z.array(z.string()),
  qualifications: z.array(QualificationView),
  contact: Nullable(z.object({ name: z.string(), phone: z.string() })).check(z.describe('staff, owners and the intermediary itself only')),
  registeredDate: LocalDateString,
  approvedDate: Nullable(LocalDateString),
  status: z.enum(['pending', 'approved', 'suspended']),
  suspendedUntil: Nullable(LocalDateString),
  suspensionKind: Nullable(z.enum(['manual', 'evaluations'])).check(z.describe('set by an administrator, or brought by bad evaluations')),
  suspensionReason: Nullable(z.string()),
  barred: Nullable(z.string()).check(z.describe('why it may not quote today, a sentence; barredCode says which')),
  barredCode: Nullable(z.enum(['pending', 'suspended', 'below-floor'])),
  trust: z.object({
    score: z.number().check(z.describe('信用评价 0–100')),
    evaluationScore: z.number(),
    evaluations: z.int(),
    penaltyPoints: z.number(),
    badEvaluations: z.int(),
    floor: z.number(),
  }),
  /** Every fact the score counts, oldest first (on the intermediary's own page; empty in lists). */
  facts: z.array(TrustFactView),
  version: z.optional(z.int()),
}));

const QuoteView = z.object({ quoteNo: z.int(), intermediaryId: z.string(), intermediaryName: z.string(), amount: z.int(), servicePeriodDays: z.int(), grade: z.enum(grades), submittedAt: z.string() });
const SelectionView = z.object({
  round: z.int(),
  intermediaryId: z.string(),
  intermediaryName: z.string(),
  amount: z.int(),
  method: z.enum(methods),
  evidence: z.record(z.string(), z.unknown()).check(z.describe('lowest price: the ranking; random draw: commitment, key, message, digest, candidates, index; comprehensive: the scores')),
  excluded: z.array(z.object({ intermediaryId: z.string(), code: z.enum(['pending', 'suspended', 'below-floor', 'annulled', 'unregistered']), reason: z.string() })),
  selectedDate: LocalDateString,
  annulled: Nullable(z.object({ reason: z.enum(['objection-upheld', 'withdrawn']), date: LocalDateString })),
});
export const MarketProjectView = named('MarketProject', z.object({
  projectId: z.string(),
  projectNo: z.string().check(z.meta({ example: 'ZJ331022-2026-0007' })),
  title: z.string(),
  description: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  serviceType: z.string(),
  serviceTypeName: z.string(),
  budget: z.int(),
  stateFunded: z.boolean(),
  method: z.enum(methods),
  qualification: z.object({ type: z.string(), minLevel: z.enum(grades) }),
  quoteDeadline: LocalDateString,
  quotesCloseAt: Nullable(z.string()),
  servicePeriodDays: z.int(),
  directIntermediaryId: Nullable(z.string()),
  status: z.enum(marketStatuses),
  draftedDate: LocalDateString,
  publishedDate: Nullable(LocalDateString),
  drawCommitment: Nullable(z.string()),
  sealed: z.boolean().check(z.describe('before the deadline nobody sees a quote but their own')),
  quoteCount: Nullable(z.int()).check(z.describe('null while sealed')),
  quotes: z.array(QuoteView).check(z.describe('each intermediary’s last quote: after the deadline all of them; before it only the caller’s own')),
  failure: Nullable(z.object({ reason: z.enum(['too-few-quotes', 'no-candidates']), quotes: z.int(), minimum: z.int(), failedDate: LocalDateString })),
  selections: z.array(SelectionView),
  publicity: Nullable(z.object({ round: z.int(), from: LocalDateString, until: LocalDateString, endsAt: z.string() })),
  objections: z.array(z.object({ objectionNo: z.int(), byId: z.string(), byRole: z.string(), text: z.string(), raisedDate: LocalDateString, round: z.int(), resolution: Nullable(z.object({ upheld: z.boolean(), text: z.string(), resolvedDate: LocalDateString })) })),
  awardedDate: Nullable(LocalDateString),
  savings: Nullable(z.int()),
  contract: Nullable(z.object({ contractNo: z.string(), amount: z.int(), signedDate: LocalDateString, dueDate: LocalDateString })),
  completion: Nullable(z.object({ completedDate: LocalDateString, daysLate: z.int() })),
  evaluation: Nullable(z.object({ intermediaryId: z.string(), quality: z.int(), timeliness: z.int(), attitude: z.int(), feeCompliance: z.int(), score: z.number(), comment: Nullable(z.string()), evaluatedDate: LocalDateString })),
  version: z.optional(z.int()),
}));

export const PublicMarketProject = named('PublicMarketProject', z.object({
  projectNo: z.string(),
  title: z.string(),
  ownerName: z.string().check(z.describe('the owner unit, a public body')),
  serviceType: z.string(),
  serviceTypeName: z.string(),
  budget: z.int(),
  method: z.enum(methods),
  qualification: z.object({ type: z.string(), minLevel: z.enum(grades) }),
  quoteDeadline: LocalDateString,
  quotesCloseAt: z.string(),
  servicePeriodDays: z.int(),
  publishedDate: LocalDateString,
  drawCommitment: Nullable(z.string()),
  status: z.enum(['published', 'publicised', 'concluded']),
  result: Nullable(
    z.object({
      intermediaryName: z.string(),
      amount: z.int(),
      savings: z.int(),
      selectedDate: LocalDateString,
      publicity: z.object({ from: LocalDateString, until: LocalDateString }),
      quotes: z.array(z.object({ intermediaryName: z.string(), amount: z.int() })),
      evidence: z.record(z.string(), z.unknown()),
    }),
  ),
}));

const Figures = { published: z.int(), concluded: z.int(), failed: z.int(), budgetTotal: z.int(), awardedTotal: z.int(), savings: z.int(), savingsRate: Nullable(z.number()) };
export const MarketStats = named('MarketStats', z.object({
  from: LocalDateString,
  to: LocalDateString,
  serviceType: Nullable(z.string()),
  ...Figures,
  byServiceType: z.array(z.object({ serviceType: z.string(), name: z.string(), ...Figures })),
  activeIntermediaries: z.int().check(z.describe('approved and not suspended on the period’s last day')),
}));

export const MarketSweepView = named('MarketSweep', z.object({
  considered: z.int(),
  closed: z.array(z.object({ projectNo: z.string(), failed: z.boolean() })),
  ended: z.array(z.string()),
}));

export const MarketRules = named('MarketRules', z.object({
  serviceTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  minQuotes: z.int(),
  minQuoteWorkingDays: z.int(),
  publicityWorkingDays: z.int(),
  directAwardBelowYuan: z.int(),
  trustFloor: z.number(),
}));

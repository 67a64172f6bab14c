import type { WorkingCalendar } from '../domain/calendar/calendar.ts';
import type { County } from '../domain/county.ts';
import { evaluationScore } from '../domain/market/project.ts';
import { trustOf, type TrustFact } from '../domain/market/trust.ts';
import { competitive, gradeAtLeast, grades, type Grade, type MarketStatus, type Method, type Qualification } from '../domain/market/types.ts';
import { withCreditChecks } from '../domain/project/credit-code.ts';
import { addDays, compactDate, daysBetween, type LocalDate } from '../domain/time.ts';
import type { Person, Rng, Step, Tally, Transport } from './simulator.ts';

/**
 * The simulator's intermediary-service marketplace (中介超市): on the period's first morning eight to
 * ten intermediaries (测绘, 造价咨询, 环评, 安评 … firms of grades 甲/乙/丙) register and the
 * administrator approves them; through the period the county's units (交通运输局, 水利局, 教育局 …)
 * publish about one project a week, of every selection method. Qualified intermediaries quote sealed
 * before the deadline, now and then replacing their quote; the administrator's evening timer
 * (`POST /market/deadlines`) closes quoting, failing (流标) a project with too few quotes, and ends the
 * publicity periods; the owner selects the next morning (a panel scores the comprehensive ones), signs
 * the contract after the publicity, records the service done (now and then late) and evaluates the
 * intermediary (now and then poorly). An objection or two is raised and dismissed. All of one day's
 * marketplace work runs in one chain in time order, mornings before afternoons: an intermediary's trust
 * (信用评价) only changes in the afternoons, so whether it may quote or be selected in a morning is the
 * same in the simulator's reckoning and the server's. The same seed gives the same firms, projects and
 * quotes; a random draw's winner is the server's to make (its key derives from the project's id, new in
 * every run), so what follows a draw may differ from one run to the next.
 */

type Figures = { published: number; concluded: number; failed: number; budgetTotal: number; awardedTotal: number };

/** What the marketplace did: `marketFigures` gives what `GET /stats/market` should report for the period. */
export interface MarketTally extends Figures {
  /** Registered and approved at the start. */
  intermediaries: number;
  /** Approved and not suspended (by their evaluations) on the period's last day. */
  activeIntermediaries: number;
  drafted: number;
  /** Published, by selection method. */
  byMethod: Record<Method, number>;
  /** Quotes recorded, replacements included… */
  quotes: number;
  /** …and those that replaced an earlier quote of the same intermediary. */
  replaced: number;
  selections: number;
  objections: number;
  dismissed: number;
  contracts: number;
  completed: number;
  /** Services completed after the contract's due date. */
  late: number;
  evaluations: number;
  /** Evaluations scoring below the county's `badBelow`. */
  poorEvaluations: number;
  /** The figures by service type, in the county's order (`name` its Chinese name). */
  byServiceType: Record<string, Figures & { name: string }>;
}

const noFigures = (): Figures => ({ published: 0, concluded: 0, failed: 0, budgetTotal: 0, awardedTotal: 0 });

export const emptyMarketTally = (): MarketTally => ({
  ...noFigures(),
  intermediaries: 0,
  activeIntermediaries: 0,
  drafted: 0,
  byMethod: { 'lowest-price': 0, 'random-draw': 0, comprehensive: 0, direct: 0 },
  quotes: 0,
  replaced: 0,
  selections: 0,
  objections: 0,
  dismissed: 0,
  contracts: 0,
  completed: 0,
  late: 0,
  evaluations: 0,
  poorEvaluations: 0,
  byServiceType: {},
});

function figuresOf(f: Figures) {
  const savings = f.budgetTotal - f.awardedTotal;
  return { published: f.published, concluded: f.concluded, failed: f.failed, budgetTotal: f.budgetTotal, awardedTotal: f.awardedTotal, savings, savingsRate: f.budgetTotal === 0 ? null : Math.round((savings / f.budgetTotal) * 10_000) / 10_000 };
}

/** The tally in the shape of `GET /stats/market` (every project of the simulation was published in the period). */
export function marketFigures(t: MarketTally) {
  return {
    ...figuresOf(t),
    byServiceType: Object.entries(t.byServiceType)
      .map(([serviceType, row]) => ({ serviceType, name: row.name, ...figuresOf(row) }))
      .filter((row) => row.published + row.concluded + row.failed > 0),
    activeIntermediaries: t.activeIntermediaries,
  };
}

/** Seed projects a working day: 49 published in a year of about 250 working days. */
const DAILY_PROJECTS = 49 / 250;
const GRADE_NAMES: Record<Grade, string> = { A: '甲', B: '乙', C: '丙' };
/** How often a project asks for at least each grade. */
const MIN_GRADE: readonly (readonly [Grade, number])[] = [
  ['C', 0.5],
  ['B', 0.35],
  ['A', 0.15],
];
const GRADE_HELD: readonly (readonly [Grade, number])[] = [
  ['A', 0.3],
  ['B', 0.45],
  ['C', 0.25],
];
const METHODS: readonly (readonly [Method, number])[] = [
  ['lowest-price', 0.35],
  ['random-draw', 0.3],
  ['comprehensive', 0.2],
  ['direct', 0.15],
];

/** The kinds of service as the seed county buys them: budgets (yuan), service periods (days), what the titles call them, the firms that offer them. */
const SERVICES: Record<string, { budget: readonly [number, number]; period: readonly [number, number]; titles: readonly string[]; firms: readonly string[]; certificate: (grade: string, rng: Rng) => string }> = {
  EIA: { budget: [80_000, 600_000], period: [45, 90], titles: ['环境影响评价', '环境影响报告表编制'], firms: ['环科环境咨询', '绿洲环保科技', '清源环境工程'], certificate: (g, r) => `国环评证${g}字第${r.int(1000, 3999)}号` },
  SAFETY: { budget: [40_000, 250_000], period: [30, 60], titles: ['安全预评价', '安全设施设计专篇编制'], firms: ['安泰安全评价', '华安安全技术服务', '平安工程技术'], certificate: (_g, r) => `APJ-（浙）-${r.int(100, 899)}` },
  SURVEY: { budget: [30_000, 400_000], period: [15, 40], titles: ['地形测绘', '竣工测量'], firms: ['东海测绘地理信息', '宏图测绘', '精准勘测规划'], certificate: (g, r) => `${g}测资字33${r.int(100_000, 999_999)}` },
  COST: { budget: [60_000, 800_000], period: [30, 90], titles: ['全过程造价咨询', '工程量清单及招标控制价编制'], firms: ['中天工程造价咨询', '建信工程咨询', '正衡工程管理'], certificate: (g, r) => `浙造价${g}字第${r.int(1000, 9999)}号` },
  SOIL: { budget: [40_000, 300_000], period: [30, 60], titles: ['水土保持方案编制'], firms: ['绿源水土保持技术', '禹润生态工程', '水利水电勘测设计'], certificate: (_g, r) => `水保方案（浙）字第${r.int(100, 999)}号` },
  ENERGY: { budget: [30_000, 150_000], period: [20, 45], titles: ['节能评估报告编制'], firms: ['节能技术服务', '能效评估咨询', '绿能科技'], certificate: (g, r) => `浙节能评${g}字第${r.int(100, 999)}号` },
};
const serviceOf = (code: string, name: string) =>
  SERVICES[code] ?? { budget: [50_000, 300_000] as const, period: [30, 60] as const, titles: [`${name}服务`], firms: ['工程咨询', '技术服务', '咨询服务'], certificate: (g: string, r: Rng) => `${code}-${g}-${r.int(100_000, 999_999)}` };

/** The county's units that buy intermediary services for their works (业主单位), and the works. */
const OWNERS: readonly { ownerId: string; unit: string; works: readonly string[] }[] = [
  { ownerId: 'O-JTJ', unit: '交通运输局', works: ['S325省道改建工程', '沿海公路拓宽改造工程', '农村公路提升改造工程', '城东客运站迁建工程'] },
  { ownerId: 'O-SLJ', unit: '水利局', works: ['海塘安澜工程', '亭旁溪流域综合治理工程', '中小水库除险加固工程', '农村饮用水达标提标工程'] },
  { ownerId: 'O-JYJ', unit: '教育局', works: ['城关中学迁建工程', '海游第二小学扩建工程', '珠岙镇中心幼儿园新建工程', '职业中专实训楼建设工程'] },
  { ownerId: 'O-WJJ', unit: '卫生健康局', works: ['县人民医院门急诊综合楼工程', '县中医院康复大楼建设工程', '乡镇卫生院提升改造工程'] },
  { ownerId: 'O-ZJJ', unit: '住房和城乡建设局', works: ['老旧小区改造工程', '城市污水管网提升改造工程', '城东片区保障性住房项目'] },
  { ownerId: 'O-NYJ', unit: '农业农村局', works: ['高标准农田建设项目', '渔港经济区基础设施项目', '农产品冷链物流中心项目'] },
];
/** Where the firms are registered: the county itself, the city, the province, two other cities (the division of their credit code). */
const PLACES = (county: County) => [
  { prefix: county.name, division: county.code },
  { prefix: '台州市', division: '331000' },
  { prefix: '浙江', division: '330000' },
  { prefix: '杭州', division: '330100' },
  { prefix: '宁波', division: '330200' },
];
const CONTACTS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴婷', '徐斌', '孙丽'];
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const OBJECTIONS = ['中选机构拟派项目负责人不具备相应执业资格，请求复核', '对综合比选评分结果有异议，请求公开评分细则', '中选机构报价明显低于成本，可能影响服务质量，请求核查'];
const DISMISSAL = '经核查，中选机构资质及项目负责人执业资格有效，选取程序符合公告规定，异议不成立，予以驳回';
const GOOD_COMMENTS = ['成果质量较好，按期提交，配合积极', '服务规范，响应及时', '技术力量较强，报告一次通过专家评审'];
const POOR_COMMENTS = ['成果质量一般，经多次修改才通过评审', '项目负责人更换频繁，沟通不畅', '未按约定时间提交成果，影响项目进度'];

interface SimIntermediary {
  id: string;
  name: string;
  creditCode: string;
  contact: { name: string; phone: string };
  person: Person;
  serviceTypes: string[];
  qualifications: Qualification[];
  /** What its trust score (信用评价) is worked out from, as the server records it. */
  facts: TrustFact[];
}

interface SimQuote {
  by: SimIntermediary;
  quoteNo: number;
  amount: number;
  servicePeriodDays: number;
}

interface SimProject {
  k: number;
  /** The owner unit's account. */
  person: Person;
  projectId: string;
  projectNo: string;
  serviceType: string;
  budget: number;
  method: Method;
  deadline: LocalDate;
  status: MarketStatus;
  /** Every quote, replaced ones too, in the order made. */
  quotes: SimQuote[];
  /** Whether a losing firm will object to the result, and the objection once raised. */
  objects: boolean;
  objection: { no: number; open: boolean } | null;
  until: LocalDate | null;
  winner: SimQuote | null;
}

export interface MarketContext {
  county: County;
  seed: number;
  days: readonly LocalDate[];
  calendar: WorkingCalendar;
  tally: Tally;
  /** Projects' volume (1 = the seed's 49 a year). */
  scale: number;
  rngFor: (key: string, index: number) => Rng;
  at: (date: LocalDate, minutes: number) => string;
  post: (path: string, body: unknown, instant: string, key?: string, as?: Person) => Promise<Record<string, unknown>>;
  transport: Transport;
  log?: ((line: string) => void) | undefined;
}

/** Each intermediary's last quote (the one that counts), in the order they were made. */
function liveQuotes(p: SimProject): SimQuote[] {
  const last = new Map<string, SimQuote>();
  for (const q of p.quotes) last.set(q.by.id, q);
  return [...last.values()].sort((a, b) => a.quoteNo - b.quoteNo);
}

/** The marketplace over the period: `day(date)` gives the day's chain, `evening(date)` runs the deadline timer after everything else. */
export function marketWork(ctx: MarketContext): { day: (date: LocalDate) => Step[][]; evening: (date: LocalDate) => Promise<void> } {
  const { county, calendar, tally, at, post } = ctx;
  const m = tally.market;
  const rules = county.market;
  const trust = rules.trust;
  const types = rules.serviceTypes;
  for (const t of types) m.byServiceType[t.code] = { name: t.name, ...noFigures() };
  // Keyed by the period's first day, like the agencies' projects: another period brings another roster and other projects.
  const first = ctx.days[0]!;
  const lastDay = ctx.days.at(-1)!;
  const rng = ctx.rngFor(`#market-${first}`, 0);
  const key = (...parts: (string | number)[]) => `sim-${ctx.seed}-${first}-market-${parts.join('-')}`;

  // The work of each day, run in one chain in time order; a step may add more for later that day.
  const queue = new Map<LocalDate, Step[]>();
  const schedule = (date: LocalDate, step: Step) => {
    if (date > lastDay) return;
    queue.set(date, [...(queue.get(date) ?? []), step]);
  };

  // The roster: each firm's own service type round the county's types, one or two more (mostly those fewer firms offer yet), a certificate for each.
  const places = PLACES(county);
  const roster: SimIntermediary[] = [];
  const usedNames = new Set<string>();
  const size = rng.int(8, 10);
  // How many firms offer each type: their own ones first, then each extra as it is taken.
  const holders = new Map(types.map((t, n) => [t.code, Math.ceil((size - n) / types.length)]));
  for (let i = 0; i < size; i++) {
    const own = types[i % types.length]!;
    const others = types.filter((t) => t.code !== own.code);
    const extra = Array.from({ length: Math.min(others.length, rng.int(1, 2)) }, () => {
      const picked = rng.weighted(others.map((t) => [t, 1 / holders.get(t.code)! ** 2] as const));
      others.splice(others.indexOf(picked), 1);
      holders.set(picked.code, holders.get(picked.code)! + 1);
      return picked;
    });
    const serviceTypes = [own, ...extra].map((t) => t.code);
    // A name of its place and trade not taken yet (two firms at most share a trade: there are fifteen such names a trade).
    const names = places.flatMap((place) => serviceOf(own.code, own.name).firms.map((firm) => ({ name: `${place.prefix}${firm}有限公司`, division: place.division }))).filter((n) => !usedNames.has(n.name));
    const { name, division } = rng.pick(names);
    usedNames.add(name);
    const id = `sim-zj-${compactDate(first)}-${String(i + 1).padStart(2, '0')}`;
    const qualifications = serviceTypes.map((code, j): Qualification => {
      const grade = j === 0 ? rng.weighted(GRADE_HELD) : rng.weighted([['B', 0.5], ['C', 0.5]] as const);
      // One firm's second certificate runs out within a quarter: it may not quote on projects due after that.
      const expires = i === 1 && j === 1 ? addDays(first, rng.int(40, 90)) : addDays(first, rng.int(240, 1400));
      return { type: code, grade, certificateNo: serviceOf(code, code).certificate(GRADE_NAMES[grade], rng), expires };
    });
    // A unified social credit code of an enterprise (9 = 市场监管, 1 = 企业) registered where it is, with both its checks.
    const creditCode = withCreditChecks(`91${division}MA2${Array.from({ length: 5 }, () => rng.pick([...CODE_ALPHABET])).join('')}`);
    const contact = { name: rng.pick(CONTACTS), phone: `1${rng.pick(['33', '35', '37', '39', '58', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` };
    roster.push({ id, name, creditCode, contact, person: { role: 'intermediary', intermediaryId: id }, serviceTypes, qualifications, facts: [] });
  }
  const approved = new Set<SimIntermediary>();

  /** Whether it may not quote or be selected on `date`: suspended by its evaluations, or its trust below the floor. */
  const barred = (i: SimIntermediary, date: LocalDate) => {
    const t = trustOf(i.facts, date, trust);
    return t.suspendedUntil !== null || t.score < trust.floor;
  };
  const qualified = (i: SimIntermediary, type: string, minLevel: Grade, deadline: LocalDate) => i.qualifications.some((q) => q.type === type && gradeAtLeast(q.grade, minLevel) && q.expires >= deadline);
  const eligible = (type: string, minLevel: Grade, deadline: LocalDate, date: LocalDate) => [...approved].filter((i) => qualified(i, type, minLevel, deadline) && !barred(i, date));

  // Registration and approval on the first morning, before any project.
  roster.forEach((i, n) => {
    schedule(first, {
      at: at(first, 8 * 60 + n),
      run: async () => {
        await post('/intermediaries', { name: i.name, creditCode: i.creditCode, serviceTypes: i.serviceTypes, qualifications: i.qualifications, contact: i.contact }, at(first, 8 * 60 + n), key('register', i.id), i.person);
        await post(`/intermediaries/${i.id}/approve`, {}, at(first, 8 * 60 + 20 + n), key('approve', i.id));
        approved.add(i);
        m.intermediaries++;
      },
    });
  });

  // The projects: about one a week (at least five, the first on the first day), the first five of set kinds so that even a short period sees each method and a failure.
  const count = Math.max(5, Math.round(ctx.days.length * DAILY_PROJECTS * ctx.scale));
  const spacing = ctx.days.length / count;
  const projects: SimProject[] = [];
  for (let k = 0; k < count; k++) {
    const index = k === 0 ? 0 : Math.min(ctx.days.length - 1, Math.floor(k * spacing + rng.next() * Math.max(1, spacing - 1)));
    const day = ctx.days[index]!;
    schedule(day, draftStep(day, k));
  }

  /** The owner drafts the need (编制需求) in the morning and publishes it within the hour. */
  function draftStep(day: LocalDate, k: number): Step {
    const r = ctx.rngFor(`#market-project-${first}`, k);
    const instant = at(day, 9 * 60 + r.int(0, 90));
    return {
      at: instant,
      run: async () => {
        const kind = (['comprehensive', 'fail', 'random-draw', 'direct', 'lowest-price'] as const)[k] ?? r.weighted(METHODS);
        const deadline = calendar.addWorkingDays(day, r.int(4, 6));
        // The type and grade asked for: with at least three firms able to quote, but for the one meant to fail (two at most) and a direct award (one named).
        const combos = types.flatMap((t) => grades.map((g) => ({ type: t.code, grade: g, able: eligible(t.code, g, deadline, day) })));
        const fitting = kind === 'fail' ? combos.filter((c) => c.able.length > 0 && c.able.length < rules.minQuotes) : kind === 'direct' ? combos.filter((c) => c.able.length > 0) : combos.filter((c) => c.able.length >= rules.minQuotes);
        const most = Math.max(...combos.map((c) => c.able.length));
        const open = fitting.length > 0 ? fitting : combos.filter((c) => c.able.length === most);
        // Each type as likely as the next, then the grade.
        const code = r.pick([...new Set(open.map((c) => c.type))]);
        const type = types.find((t) => t.code === code)!;
        const chosen = r.weighted(open.filter((c) => c.type === type.code).map((c) => [c, MIN_GRADE.find(([g]) => g === c.grade)![1]] as const));
        // A direct award needs a firm to name: with none able, the unit asks for quotes instead.
        const method: Method = kind === 'fail' || (kind === 'direct' && chosen.able.length === 0) ? 'lowest-price' : kind;
        const service = serviceOf(type.code, type.name);
        const owner = r.pick(OWNERS);
        const work = r.pick(owner.works);
        const titled = r.pick(service.titles);
        const [low, high] = method === 'direct' ? [30_000, rules.directAwardBelowYuan - 1_000] : service.budget;
        const budget = Math.round((low + (high - low) * r.next() ** 1.5) / 1000) * 1000;
        const period = r.int(service.period[0], service.period[1]);
        const direct = method === 'direct' ? r.pick(chosen.able) : null;
        const person: Person = { role: 'owner', ownerId: owner.ownerId };
        const body = {
          title: `${work}${titled}`,
          description: `${county.name}${owner.unit}${work}需委托具有${type.name}${GRADE_NAMES[chosen.grade]}级及以上资质的中介机构开展${titled}，服务期限${period}天，资金来源为财政性资金。`,
          ownerName: `${county.name}${owner.unit}`,
          serviceType: type.code,
          budget,
          stateFunded: true,
          method,
          qualification: { type: type.code, minLevel: chosen.grade },
          quoteDeadline: deadline,
          servicePeriodDays: period,
          ...(direct ? { directIntermediaryId: direct.id } : {}),
        };
        const drafted = await post('/market/projects', body, instant, key(k, 'draft'), person);
        m.drafted++;
        const p: SimProject = { k, person, projectId: drafted.projectId as string, projectNo: drafted.projectNo as string, serviceType: type.code, budget, method, deadline, status: 'draft', quotes: [], objects: k === 0 || (competitive(method) && r.chance(0.06)), objection: null, until: null, winner: null };
        projects.push(p);
        const when = new Date(Date.parse(instant) + r.int(15, 60) * 60_000).toISOString();
        schedule(day, { at: when, run: () => publish(p, day, when, r, direct ? [direct] : kind === 'fail' ? chosen.able.slice(0, rules.minQuotes - 1) : chosen.able, period) });
      },
    };
  }

  /** The announcement (发布公告); then the quotes the able firms mean to make before the deadline. */
  async function publish(p: SimProject, day: LocalDate, instant: string, r: Rng, able: SimIntermediary[], period: number) {
    await post(`/market/projects/${p.projectId}/publish`, {}, instant, key(p.k, 'publish'), p.person);
    p.status = 'published';
    m.published++;
    m.byMethod[p.method]++;
    m.byServiceType[p.serviceType]!.published++;
    const open = calendar.workingDaysBetween(day, p.deadline);
    const willing = able.length <= rules.minQuotes ? 0.95 : able.length === rules.minQuotes + 1 ? 0.85 : 0.75;
    for (const i of able) {
      if (p.method !== 'direct' && !r.chance(willing)) continue;
      const d = r.int(1, open);
      const minute = r.int(8 * 60 + 40, 11 * 60 + 20);
      const amount = Math.round((p.budget * (p.method === 'direct' ? 0.9 + r.next() * 0.1 : 0.72 + r.next() * 0.26)) / 100) * 100;
      const days = Math.max(1, Math.round(period * (0.7 + r.next() * 0.3)));
      const quoteDay = calendar.addWorkingDays(day, d);
      schedule(quoteDay, { at: at(quoteDay, minute), run: () => quote(p, i, quoteDay, at(quoteDay, minute), amount, days, 1) });
      // Now and then a firm lowers its quote before the deadline (a quote replaces the firm's earlier one).
      if (r.chance(0.2)) {
        const later = calendar.addWorkingDays(day, r.int(d, open));
        const lowered = Math.max(100, amount - Math.round((amount * (0.02 + r.next() * 0.06)) / 100) * 100 - 100);
        const laterAt = at(later, later === quoteDay ? minute + r.int(20, 30) : r.int(8 * 60 + 40, 11 * 60 + 50));
        schedule(later, { at: laterAt, run: () => quote(p, i, later, laterAt, lowered, days, 2) });
      }
    }
  }

  /** A sealed quote (报价), unless the firm may no longer quote (suspended, or its trust fell below the floor). */
  async function quote(p: SimProject, i: SimIntermediary, day: LocalDate, instant: string, amount: number, servicePeriodDays: number, n: number) {
    if (barred(i, day)) return;
    const reply = await post(`/market/projects/${p.projectId}/quotes`, { amount, servicePeriodDays }, instant, key(p.k, 'quote', i.id, n), i.person);
    const own = (reply.quotes as { intermediaryId: string; quoteNo: number }[]).find((q) => q.intermediaryId === i.id);
    if (own === undefined) throw new Error(`${p.projectNo}: ${i.id} does not see its own quote`);
    if (p.quotes.some((q) => q.by === i)) m.replaced++;
    p.quotes.push({ by: i, quoteNo: own.quoteNo, amount, servicePeriodDays });
    m.quotes++;
  }

  /** The owner selects (选取) the morning after quoting closed; the panel scores the comprehensive ones. */
  async function select(p: SimProject, day: LocalDate, instant: string, r: Rng) {
    const candidates = liveQuotes(p).filter((q) => !barred(q.by, day));
    let scores: Record<string, number> | undefined;
    let expected: SimQuote | undefined;
    let ranked: SimQuote[] = candidates;
    if (p.method === 'comprehensive' && candidates.length > 0) {
      // Technical marks (out of 70) and the price score (30 × the lowest price / the quote).
      const lowest = Math.min(...candidates.map((q) => q.amount));
      scores = Object.fromEntries(candidates.map((q) => [q.by.id, Math.round((r.int(450, 680) / 10 + (30 * lowest) / q.amount) * 10) / 10]));
      const s = scores;
      ranked = [...candidates].sort((a, b) => s[b.by.id]! - s[a.by.id]! || a.amount - b.amount || a.quoteNo - b.quoteNo);
      expected = ranked[0];
    } else if (p.method === 'lowest-price') {
      ranked = [...candidates].sort((a, b) => a.amount - b.amount || a.quoteNo - b.quoteNo);
      expected = ranked[0];
    } else if (p.method === 'direct') expected = candidates[0];
    const reply = await post(`/market/projects/${p.projectId}/select`, scores ? { scores } : {}, instant, key(p.k, 'select'), p.person);
    if (candidates.length === 0) {
      // Every firm that quoted has since been suspended: no award (流标).
      fail(p, reply.status === 'failed', day);
      return;
    }
    const selection = (reply.selections as { intermediaryId: string; amount: number }[]).at(-1)!;
    const winner = candidates.find((q) => q.by.id === selection.intermediaryId);
    if (winner === undefined || (expected !== undefined && expected !== winner) || winner.amount !== selection.amount) {
      tally.errors++;
      ctx.log?.(`  ${day}: market: ${p.projectNo} (${p.method}) selected ${selection.intermediaryId} for ${selection.amount} yuan; the simulator expected ${expected?.by.id ?? 'one of its candidates'}`);
    }
    p.winner = winner ?? expected ?? null;
    p.status = 'publicised';
    p.until = (reply.publicity as { until: LocalDate }).until;
    m.selections++;
    const runnerUp = p.method === 'random-draw' ? candidates.find((q) => q !== winner) : ranked.find((q) => q !== winner);
    if (p.objects && runnerUp) {
      // A losing firm objects the next afternoon; the administrator looks into it and dismisses it the day after.
      const raiseDay = calendar.addWorkingDays(day, 1);
      const raiseAt = at(raiseDay, r.int(14 * 60, 15 * 60));
      schedule(raiseDay, {
        at: raiseAt,
        run: async () => {
          const raised = await post(`/market/projects/${p.projectId}/objections`, { text: r.pick(OBJECTIONS) }, raiseAt, key(p.k, 'objection'), runnerUp.by.person);
          p.objection = { no: (raised.objections as { objectionNo: number }[]).at(-1)!.objectionNo, open: true };
          m.objections++;
          const resolveDay = calendar.addWorkingDays(raiseDay, 1);
          const resolveAt = at(resolveDay, r.int(15 * 60, 16 * 60 + 30));
          schedule(resolveDay, {
            at: resolveAt,
            run: async () => {
              await post(`/market/projects/${p.projectId}/objections/${p.objection!.no}/resolve`, { upheld: false, resolution: DISMISSAL }, resolveAt, key(p.k, 'resolve'));
              p.objection!.open = false;
              m.dismissed++;
            },
          });
        },
      });
    }
  }

  function fail(p: SimProject, reported: boolean, day: LocalDate) {
    p.status = 'failed';
    m.failed++;
    m.byServiceType[p.serviceType]!.failed++;
    if (!reported) {
      tally.errors++;
      ctx.log?.(`  ${day}: market: ${p.projectNo} should have failed (流标)`);
    }
  }

  /** The award is final (成交): the contract a few working days later, the service, the evaluation. */
  function award(p: SimProject, day: LocalDate) {
    const winner = p.winner;
    if (winner === null) return;
    p.status = 'awarded';
    m.concluded++;
    m.budgetTotal += p.budget;
    m.awardedTotal += winner.amount;
    const row = m.byServiceType[p.serviceType]!;
    row.concluded++;
    row.budgetTotal += p.budget;
    row.awardedTotal += winner.amount;
    const r = ctx.rngFor(`#market-contract-${first}`, p.k);
    const signDay = calendar.addWorkingDays(day, r.int(1, 3));
    const signAt = at(signDay, r.int(9 * 60 + 30, 11 * 60 + 30));
    schedule(signDay, {
      at: signAt,
      run: async () => {
        const signed = await post(`/market/projects/${p.projectId}/contract`, { contractNo: `${p.projectNo}-HT`, signedDate: signDay }, signAt, key(p.k, 'contract'), p.person);
        p.status = 'contracted';
        m.contracts++;
        const due = (signed.contract as { dueDate: LocalDate }).dueDate;
        // Mostly on or before the due date; now and then a week or two late.
        const late = r.chance(0.15);
        const target = late ? addDays(due, r.int(2, 15)) : addDays(due, -r.int(0, Math.min(10, Math.floor(winner.servicePeriodDays / 3))));
        const doneDay = calendar.workingDayOnOrAfter(target < signDay ? addDays(signDay, 1) : target);
        const doneAt = at(doneDay, r.int(14 * 60, 15 * 60 + 30));
        schedule(doneDay, { at: doneAt, run: () => complete(p, r, due, doneDay, doneAt) });
      },
    });
  }

  async function complete(p: SimProject, r: Rng, due: LocalDate, day: LocalDate, instant: string) {
    const done = await post(`/market/projects/${p.projectId}/complete`, { completedDate: day }, instant, key(p.k, 'complete'), p.person);
    p.status = 'completed';
    m.completed++;
    const daysLate = Math.max(0, daysBetween(due, day));
    if ((done.completion as { daysLate: number }).daysLate !== daysLate) {
      tally.errors++;
      ctx.log?.(`  ${day}: market: ${p.projectNo} completed ${String((done.completion as { daysLate: number }).daysLate)} days late; the simulator counted ${daysLate}`);
    }
    if (daysLate > 0) {
      m.late++;
      p.winner!.by.facts.push({ kind: 'late-completion', date: day, projectId: p.projectId, projectNo: p.projectNo, points: trust.penalties.lateCompletion });
    }
    // The evaluation (服务评价) a few working days later: now and then poor, more often after a late delivery.
    const evalDay = calendar.addWorkingDays(day, r.int(1, 3));
    const evalAt = at(evalDay, r.int(15 * 60 + 30, 16 * 60 + 30));
    const poor = r.chance(daysLate > 0 ? 0.4 : 0.08);
    const marks = poor
      ? { quality: r.int(2, 3), timeliness: daysLate > 0 ? 2 : 3, attitude: r.int(2, 3), feeCompliance: r.int(2, 3) }
      : { quality: r.int(4, 5), timeliness: daysLate > 0 ? 3 : r.int(4, 5), attitude: r.int(4, 5), feeCompliance: 5 };
    const comment = r.pick(poor ? POOR_COMMENTS : GOOD_COMMENTS);
    schedule(evalDay, {
      at: evalAt,
      run: async () => {
        await post(`/market/projects/${p.projectId}/evaluation`, { ...marks, comment }, evalAt, key(p.k, 'evaluation'), p.person);
        p.status = 'evaluated';
        m.evaluations++;
        const score = evaluationScore(marks);
        if (score < trust.badBelow) m.poorEvaluations++;
        p.winner!.by.facts.push({ kind: 'evaluation', date: evalDay, projectId: p.projectId, projectNo: p.projectNo, score });
      },
    });
  }

  /** What the views were last seen to show: a day that changed none of it needs no look. */
  const seen = new Map<string, MarketStatus>();
  /**
   * The projects the views must show as the simulator left them before the evening timer reads them
   * (and the firms' trust the next morning is worked out from them).
   */
  async function settled(day: LocalDate): Promise<void> {
    if (projects.every((p) => seen.get(p.projectId) === p.status)) return;
    const instant = at(day, 17 * 60 + 55);
    for (let attempt = 0; ; attempt++) {
      const { status, json } = await ctx.transport('/market/projects', '', { 'x-dev-clock': instant }, 'GET');
      if (status !== 200) {
        tally.errors++;
        throw new Error(`/market/projects → ${status}: ${String(json.detail ?? json.title)}`);
      }
      const listed = new Map((json as unknown as { projectId: string; status: string }[]).map((v) => [v.projectId, v.status]));
      const behind = projects.filter((p) => listed.get(p.projectId) !== p.status);
      if (behind.length === 0) {
        for (const p of projects) seen.set(p.projectId, p.status);
        return;
      }
      if (attempt === 40) {
        tally.errors += behind.length;
        ctx.log?.(`  ${day}: market: the views still show ${behind.map((p) => `${p.projectNo} ${listed.get(p.projectId) ?? 'missing'} (not ${p.status})`).join(', ')}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  return {
    day(date) {
      if (!queue.has(date)) return [];
      return [
        [
          {
            at: at(date, 0),
            run: async () => {
              for (let steps = queue.get(date)!; steps.length > 0; steps = queue.get(date) ?? []) {
                steps.sort((a, b) => a.at.localeCompare(b.at));
                const step = steps.shift()!;
                try {
                  await step.run();
                } catch (error) {
                  // The API's refusals are counted where they come back; anything else is the simulator's own.
                  if (!/ → \d{3}: /.test((error as Error).message)) tally.errors++;
                  ctx.log?.(`  ${date}: market: ${(error as Error).message}`);
                }
              }
              queue.delete(date);
            },
          },
        ],
      ];
    },
    async evening(date) {
      await settled(date);
      const closing = projects.filter((p) => p.status === 'published' && p.deadline === date);
      const ending = projects.filter((p) => p.status === 'publicised' && p.until === date && !p.objection?.open);
      const swept = (await post('/market/deadlines', {}, at(date, 18 * 60), key('deadlines', date))) as { closed: { projectNo: string; failed: boolean }[]; ended: string[] };
      for (const p of closing) {
        const reported = swept.closed.find((c) => c.projectNo === p.projectNo);
        if (liveQuotes(p).length < (competitive(p.method) ? rules.minQuotes : 1)) fail(p, reported?.failed === true, date);
        else {
          p.status = 'closed';
          if (reported === undefined || reported.failed) {
            tally.errors++;
            ctx.log?.(`  ${date}: market: the timer did not close ${p.projectNo} as the simulator expected`);
          }
          const selectDay = calendar.addWorkingDays(date, 1);
          const r = ctx.rngFor(`#market-select-${first}`, p.k);
          const selectAt = at(selectDay, r.int(9 * 60 + 30, 11 * 60));
          schedule(selectDay, { at: selectAt, run: () => select(p, selectDay, selectAt, r) });
        }
      }
      for (const p of ending) {
        if (!swept.ended.includes(p.projectNo)) {
          tally.errors++;
          ctx.log?.(`  ${date}: market: the timer did not end ${p.projectNo}'s publicity`);
        }
        award(p, date);
      }
      m.activeIntermediaries = [...approved].filter((i) => trustOf(i.facts, date, trust).suspendedUntil === null).length;
    },
  };
}

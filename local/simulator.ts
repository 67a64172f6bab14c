import { WorkingCalendar } from '../domain/calendar/calendar.ts';
import type { Channel } from '../domain/case/events.ts';
import type { County, Item } from '../domain/county.ts';
import { addDays, type LocalDate } from '../domain/time.ts';
import { parseSmsReply } from '../domain/reviews/levels.ts';
import { lunarDates, publishedYears } from '../functions/calendar/published.ts';
import { emptyHallTally, hallDay, type HallTally } from './hall.ts';
import { agencyWork, emptyAgencyTally, type AgencyTally } from './simulator-agency.ts';
import { assessmentWork, emptyAssessmentTally, type AssessmentTally, type TerminalStep } from './simulator-assessment.ts';
import { emptyMarketTally, marketWork, type MarketTally } from './simulator-market.ts';
import { mintToken, type LocalPool } from './auth.ts';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same county day. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, weight] of entries) if ((r -= weight) < 0) return value;
      return entries.at(-1)![0];
    },
  };
}

export type Rng = ReturnType<typeof random>;

/** A Poisson count (Knuth's method): joint cases a day, a handful a month. */
function poisson(rng: Rng, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  const u = rng.next();
  while (u > cumulative && k < 100) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

function seedOf(seed: number, day: string, index: number): number {
  let h = seed ^ 0x9e3779b9;
  for (const ch of `${day}#${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

export interface SimulationOptions {
  url: string;
  county: County;
  from: LocalDate;
  /** Working days to simulate. */
  days: number;
  /** 1 = the seed county's volume (about 570 applications and 558 completions a working day). */
  scale: number;
  seed: number;
  concurrency?: number;
  log?: (line: string) => void;
  /** How requests reach the API: HTTP by default; the benchmark calls the handlers directly. */
  transport?: Transport;
  /** A bearer token (an administrator's: the simulator acts at every window). */
  token?: string;
  /** Reviews, SMS replies, daily callback lists and the bad-review loop (on by default). */
  satisfaction?: boolean;
  /** How long to let the projector catch up before a day's callback list is drawn (ms). */
  settleMs?: number;
  /** The hall's ticket queue: visitors taking tickets, windows calling them (on by default). */
  hall?: boolean;
  /** The hall's volume, when it should differ from `scale` (1 = about 400 visitors a working day). */
  hallScale?: number;
  /** Joint cases and the evening deadline sweep (on by default; the sweep reads a view, so it needs the projector running). */
  joint?: boolean;
  /** Joint cases' volume, when it should differ from `scale` (1 = the seed's handful a month, about 0.4 a working day). */
  jointScale?: number;
  /** Agency projects (代理代办): a few agents carrying enterprises' projects through their permits (on by default; needs `pool`). */
  agency?: boolean;
  /** The intermediary-service marketplace (中介超市): firms registering, owners publishing, quotes, selections, contracts (on by default; needs `pool`). */
  market?: boolean;
  /** Marketplace projects' volume, when it should differ from the seed's (1 = about 49 a year, one a week). */
  marketScale?: number;
  /**
   * The county's user pool (the local stand-in for Cognito): with it the lead window's clerk and each
   * department's reviewer act with tokens of their own; without it `token` does everything.
   */
  pool?: LocalPool;
  /**
   * The assessment beyond the windows (考核; needs `pool`): every worker of the county's staff file signs in and out at
   * their window's terminal each day, some take leave, a few are late or off post; the case steps at a window are made
   * by one of its workers signed in then; the center inspects grassroots sites on site a few times a week (off by default).
   */
  assessment?: boolean;
  /** How much more often than the usual rates workers are late, miss a sign, take leave, go off post or stay away (1 by default; tests raise it). */
  attendanceAnomalies?: number;
}

export type Transport = (path: string, body: string, headers: Record<string, string>, method?: 'GET' | 'POST' | 'PUT') => Promise<{ status: number; json: Record<string, unknown> }>;

const httpTransport =
  (url: string, token: string | undefined): Transport =>
  async (path, body, headers, method = 'POST') => {
    // A request made by someone in particular (a clerk, a reviewer) carries that person's token.
    const response = await fetch(`${url}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: method === 'GET' ? undefined : body });
    const text = await response.text();
    return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
  };

export interface Tally {
  from: LocalDate;
  to: LocalDate;
  workingDays: number;
  submitted: number;
  accepted: number;
  rejected: number;
  materialsRequested: number;
  suspended: number;
  forwarded: number;
  completed: number;
  onTime: number;
  late: number;
  early: number;
  commitmentCompleted: number;
  delivered: number;
  grassroots: number;
  online: number;
  byChannel: Record<Channel, number>;
  /** Satisfaction: reviews that count (voided ones taken out), bad ones, SMS, callbacks, the loop. */
  reviews: number;
  badReviews: number;
  voidedReviews: number;
  smsReplies: number;
  smsReviews: number;
  smsUnparsed: number;
  callbackLists: number;
  listEntries: { badReview: number; retry: number; sample: number };
  callbackAttempts: number;
  validCallbacks: number;
  appeals: number;
  rectificationsClosed: number;
  /** The hall's ticket queue. */
  hall: HallTally;
  /** Joint approval (联合验收, 联合测量): what the simulator did and expects `GET /stats/joint` to report. */
  joint: JointTally;
  /** Agency projects (代理代办): what the agents did; `agencyFigures` gives what `GET /stats/agency` should report. */
  agency: AgencyTally;
  /** The marketplace (中介超市): what the firms, owners and the administrator did; `marketFigures` gives what `GET /stats/market` should report. */
  market: MarketTally;
  /** The assessment beyond the windows (考核): the workers' days at the terminal, the site inspections, the steps the workers made; `attendanceFigures` gives what the staff sheet should count. */
  assessment: AssessmentTally;
  /** Requests sent again because the API said to try again (409 concurrent change, 503). */
  retried: number;
  errors: number;
}

export interface JointTally {
  /** Joint cases accepted (each opens its departments' review). */
  accepted: number;
  completed: number;
  approved: number;
  denied: number;
  /** Unjustified absences from a joint inspection (无正当理由缺席默认). */
  deemedConsents: number;
  /** Departments that let their deadline pass, deemed approving by the evening sweep (超时默许). */
  deemedApprovals: number;
  /** Combined rectification lists issued, and the items on them. */
  rectifications: number;
  rectificationItems: number;
  /** Per completed case: the working days from acceptance to completion… */
  workingDays: number[];
  /** …and the sum of its departments' limits (what they would have taken one after another). */
  serialWorkingDays: number[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The tally's joint figures in the shape of `GET /stats/joint` (averages to a tenth, the median of whole days). */
export function jointFigures(joint: JointTally) {
  const days = [...joint.workingDays].sort((a, b) => a - b);
  const n = days.length;
  const total = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
  return {
    cases: joint.accepted,
    completed: joint.completed,
    approved: joint.approved,
    denied: joint.denied,
    averageWorkingDays: n === 0 ? null : round1(total(days) / n),
    medianWorkingDays: n === 0 ? null : n % 2 === 1 ? days[(n - 1) / 2]! : (days[n / 2 - 1]! + days[n / 2]!) / 2,
    serialWorkingDays: n === 0 ? null : round1(total(joint.serialWorkingDays) / n),
    deemedConsents: joint.deemedConsents,
    deemedApprovals: joint.deemedApprovals,
    rectifications: joint.rectifications,
    rectificationItems: joint.rectificationItems,
  };
}

/** Applications per working day at scale 1, and the seed county's mixes. */
const DAILY_APPLICATIONS = 570;
/** Visitors taking a ticket in the hall per working day at scale 1. */
const DAILY_VISITORS = 400;
const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['window', 0.27],
  ['township', 0.38],
  ['village', 0.2],
  ['online', 0.08],
  ['agent', 0.07],
];
/** Everyday items; joint cases come apart, at their own pace (see DAILY_JOINT). */
const TYPES = [
  ['immediate', 0.5],
  ['commitment', 0.42],
  ['report-up', 0.04],
] as const;
/** Joint cases per working day at scale 1: the seed county's handful a month, mostly completion acceptances and surveys. */
const DAILY_JOINT = 0.4;
/** Enterprises bring their projects to the window, often through the agency service (代办), now and then online. */
const JOINT_CHANNELS: readonly (readonly [Channel, number])[] = [
  ['window', 0.5],
  ['agent', 0.4],
  ['online', 0.1],
];
/** Completion acceptance (竣工联合验收) and joint surveying (联合测量) are most of the joint work; the other joint items come now and then. */
const jointWeight = (item: Item) => (item.name.includes('竣工') ? 5 : item.name.includes('测') ? 4 : 1);

/** What departments ask the applicant to rectify after a joint inspection (竣工联合验收, 联合测量, the homestead joint check). */
const ON_SITE_RECTIFICATIONS: Record<string, readonly string[]> = {
  'D-NR': ['建筑外立面色彩与规划许可附图不符，须按批准方案整改', '地面停车位比规划指标少2个，须补划', '绿地率核实为29.6%，低于规划要求的30%，须补种绿化', '围墙退让道路红线不足，须拆除后按规划退让', '实测建筑高度超出规划许可0.3米，须提交说明'],
  'D-FIRE': ['地下车库排烟风机未与火灾报警系统联动，须调试', '疏散指示标志安装高度不符合规范，须调整', '消防控制室未设直通室外的电话，须补设', '防火门闭门器缺失3处，须补装', '室内消火栓箱内水带接口不匹配，须更换'],
  'D-CAD': ['人防门未做启闭试验，须补做并提交记录', '防化通信值班室未按图设置，须整改', '人防区域标识标牌未设置，须补设'],
  'D-LAND': ['宗地界址点与出让合同红线有偏差，须提交说明', '土地出让价款滞纳金未缴清，须补缴'],
  'D-ARCH': ['竣工档案缺少隐蔽工程验收记录，须补齐', '电子档案未按规定格式著录，须重新整理', '竣工图未加盖竣工图章，须补盖'],
  'D-QS': ['屋面防水层局部起鼓，须返修', '外墙保温锚栓数量不足，须补设', '楼梯栏杆高度不足1.05米，须整改', '卫生间闭水试验记录缺失，须补做'],
  'D-REG': ['共有部位分摊说明界定不清，须补充', '宗地图界址点坐标与实测不一致，须复核'],
  'D-HC': ['面积测算表与竣工图尺寸不符，须重新测算', '共有建筑面积分摊计算有误，须更正'],
  'D-AG': ['建房位置与审批红线不一致，须调整', '四至相邻权利人签字确认不全，须补签'],
  'D-TOWN': ['建房位置与审批红线不一致，须调整', '四至相邻权利人签字确认不全，须补签'],
};
/** …and on paper, where the item has no inspection (联合图审, investment projects' joint approval). */
const ON_PAPER_RECTIFICATIONS: Record<string, readonly string[]> = {
  'D-HC': ['结构计算书与施工图不一致，须修改', '建筑节能设计专篇缺少节能计算书，须补充', '施工合同与中标通知书内容不一致，须更正'],
  'D-FIRE': ['消防设计说明缺少防排烟系统内容，须补充', '疏散楼梯净宽不满足规范要求，须修改设计'],
  'D-CAD': ['人防工程施工图未按防护等级设计，须修改', '人防口部设计不满足平战转换要求，须修改'],
  'D-NR': ['设计方案总平面与用地红线不符，须修改', '容积率计算表与方案不一致，须更正'],
  'D-EE': ['环境影响报告表缺少污染防治措施章节，须补充'],
  'D-DRC': ['项目备案信息与申请内容不一致，须变更备案'],
};
const GENERAL_RECTIFICATIONS = ['申请材料签章不全，须补盖公章', '申请表填写内容与附件不一致，须更正'];
const FAILURE_NOTE = '经现场核查，项目未按许可内容建设，存在重大问题，不予通过';
const ORGANIZATIONS = ['三和建设开发有限公司', '海润置业有限公司', '东港精密机械有限公司', '临海湾新材料科技有限公司', '城投建设集团有限公司'];
const ABSENCE_REASONS = ['另有紧急执法任务，已书面说明并提交审查意见安排', '与上级部门会议时间冲突，已书面请假'];
const INSPECTION_PLACES = ['项目现场（经济开发区）', '项目现场（城东新区）', '项目现场（工业园区）', '项目现场（城区）'];

/**
 * Who makes a request: the administrator unless a window's clerk, a department's reviewer, an agent (代办员, at their site),
 * an intermediary firm (中介机构) or a project's owner unit (业主单位) does it. A clerk is the window's account
 * (`sim-clerk-<window>`), or with `user` a worker of the county's staff file; `worker` stands for whichever worker of
 * the window (a township center's also at its site) is signed in at the step's instant — the administrator when nobody
 * is — and a clerk without `user` for one of them too when the simulation keeps the workers' days (`assessment`).
 */
export type Person =
  | { role: 'clerk'; windowId: string; siteId?: string; user?: string; name?: string; badgeNo?: string }
  | { role: 'worker'; windowId: string; siteId?: string; key: string }
  | { role: 'director'; user: string; name: string }
  | { role: 'reviewer'; departmentId: string }
  | { role: 'agent'; siteId: string; user: string; name: string }
  | { role: 'intermediary'; intermediaryId: string }
  | { role: 'owner'; ownerId: string };

/** The account a person acts with: its name in the pool, and what it is bound to. */
const accountOf = (person: Exclude<Person, { role: 'worker' }>) => {
  switch (person.role) {
    case 'clerk':
      return person.user ?? person.windowId;
    case 'director':
      return person.user;
    case 'reviewer':
      return person.departmentId;
    case 'agent':
      return person.user;
    case 'intermediary':
      return person.intermediaryId;
    case 'owner':
      return person.ownerId;
  }
};

export type Step = { at: string; run: () => Promise<void> };

/**
 * Drives a county's traffic through the HTTP API with the dev clock: applications through every
 * channel, one-time notices, rejections, forwarding from grassroots sites, special procedures,
 * completions mostly early and a few late, deliveries. It counts what it did, so that the report
 * can be checked against it.
 */
export async function simulate(options: SimulationOptions): Promise<Tally> {
  const rng = random(options.seed);
  const transport = options.transport ?? httpTransport(options.url, options.token);
  const calendar = new WorkingCalendar({ published: publishedYears(), county: options.county.calendar, amended: new Map(), lunar: lunarDates });
  const days: LocalDate[] = [];
  for (let d = calendar.workingDayOnOrAfter(options.from); days.length < options.days; d = calendar.workingDayOnOrAfter(addDays(d, 1))) days.push(d);
  const lastDay = days.at(-1)!;
  const tally: Tally = {
    from: options.from,
    to: lastDay,
    workingDays: days.length,
    submitted: 0,
    accepted: 0,
    rejected: 0,
    materialsRequested: 0,
    suspended: 0,
    forwarded: 0,
    completed: 0,
    onTime: 0,
    late: 0,
    early: 0,
    commitmentCompleted: 0,
    delivered: 0,
    grassroots: 0,
    online: 0,
    byChannel: { window: 0, online: 0, township: 0, village: 0, agent: 0 },
    reviews: 0,
    badReviews: 0,
    voidedReviews: 0,
    smsReplies: 0,
    smsReviews: 0,
    smsUnparsed: 0,
    callbackLists: 0,
    listEntries: { badReview: 0, retry: 0, sample: 0 },
    callbackAttempts: 0,
    validCallbacks: 0,
    appeals: 0,
    rectificationsClosed: 0,
    hall: emptyHallTally(),
    joint: { accepted: 0, completed: 0, approved: 0, denied: 0, deemedConsents: 0, deemedApprovals: 0, rectifications: 0, rectificationItems: 0, workingDays: [], serialWorkingDays: [] },
    agency: emptyAgencyTally(),
    market: emptyMarketTally(),
    assessment: emptyAssessmentTally(),
    retried: 0,
    errors: 0,
  };
  const everyday = options.county.items.filter((i) => i.type !== 'joint');
  const byType = new Map(TYPES.map(([type]) => [type, everyday.filter((i) => i.type === type)]));
  const jointOn = options.joint ?? true;
  const jointItems = jointOn ? options.county.items.filter((i) => i.type === 'joint' && i.joint !== undefined) : [];
  const sitesOf = (level: 'township' | 'village') => options.county.sites.filter((s) => s.level === level);
  const countyWindow = (item: Item) => options.county.windows.find((w) => w.id === item.windowId)!;
  const at = (date: LocalDate, minutes: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000).toISOString();
  // Work for later days, by case: one case's steps of a day run in one chain, in time order, so that
  // no step is ever dated before the case's previous one.
  const pending = new Map<LocalDate, Map<string, Step[]>>();
  const later = (date: LocalDate, chain: Step[], caseKey: string) => {
    if (date > lastDay) return;
    const day = pending.get(date) ?? new Map<string, Step[]>();
    day.set(caseKey, [...(day.get(caseKey) ?? []), ...chain].sort((a, b) => a.at.localeCompare(b.at)));
    pending.set(date, day);
  };
  const satisfactionOn = options.satisfaction ?? true;
  const LEVELS = [
    ['very-satisfied', 0.85],
    ['satisfied', 0.1],
    ['basically-satisfied', 0.03],
    ['dissatisfied', 0.012],
    ['very-dissatisfied', 0.008],
  ] as const;
  const isBadLevel = (level: string) => level === 'dissatisfied' || level === 'very-dissatisfied';
  const phones = new Map<string, string>();

  // The workers' days at the terminal (考核): with them, a window's steps are made by whoever of its workers is signed in.
  const assessment =
    (options.assessment ?? false) && options.pool !== undefined
      ? assessmentWork({ county: options.county, seed: options.seed, days, tally: tally.assessment, rngFor: (key, index) => random(seedOf(options.seed, key, index)), at, post: (path, body, instant, key, as) => post(path, body, instant, key, as), anomalies: options.attendanceAnomalies ?? 1 })
      : undefined;
  /**
   * Who makes a step at an instant: a window's (or township center's) step the worker of the case signed in
   * then, or another of the window's who is; nobody there, the window's account (a clerk) or the administrator
   * (a `worker`, as the simulator did before it kept the workers' days).
   */
  const resolve = (person: Person | undefined, instant: string, key?: string): Exclude<Person, { role: 'worker' }> | undefined => {
    if (person?.role === 'worker') {
      const staff = assessment?.onDuty(person.windowId, instant, person.key);
      return staff ? assessment!.personOf(staff) : undefined;
    }
    if (person?.role === 'clerk' && person.user === undefined) {
      const staff = assessment?.onDuty(person.windowId, instant, key ?? instant);
      if (staff) return assessment!.personOf(staff);
    }
    return person;
  };
  /** Whether a step made as `person` was made by a worker of the county's staff file. */
  const isStaff = (person: Person | undefined) => person?.role === 'clerk' && person.user !== undefined;

  // Each person's token, signed once.
  const tokens = new Map<string, Promise<string>>();
  const authorization = async (person: Person | undefined): Promise<Record<string, string>> => {
    // A `worker` nobody resolved (see `resolve`) is the administrator, as before.
    const who = person?.role === 'worker' ? undefined : person;
    if (who === undefined || options.pool === undefined) return {};
    const name = accountOf(who);
    const key = `${who.role} ${name}`;
    if (!tokens.has(key)) tokens.set(key, mintToken(options.pool, { ...who, user: who.role === 'agent' || who.role === 'director' || (who.role === 'clerk' && who.user !== undefined) ? name : `sim-${who.role}-${name}`.toLowerCase() }));
    return { authorization: `Bearer ${await tokens.get(key)!}` };
  };

  async function post(path: string, body: unknown, instant: string, key = `sim-${options.seed}-${path}-${instant}`, as?: Person, method: 'POST' | 'PUT' = 'POST'): Promise<Record<string, unknown>> {
    const who = resolve(as, instant, /^\/cases\/([^/]+)/.exec(path)?.[1] ?? path);
    // The steps a window's worker could have made, and who made them.
    if (assessment && (as?.role === 'worker' || (as?.role === 'clerk' && as.user === undefined))) {
      if (isStaff(who)) tally.assessment.staffSteps++;
      else tally.assessment.otherSteps++;
    }
    const headers = { 'content-type': 'application/json', 'x-dev-clock': instant, 'idempotency-key': key, ...(await authorization(who)) };
    for (let attempt = 1; ; attempt++) {
      const { status, json } = await transport(path, JSON.stringify(body), headers, method);
      // "Try again": a lost race the server gave up on (a busy morning's submits taking turns at the day's
      // case number) or a busy database. A terminal sends the same request again, with the same key.
      if ((status === 409 && json.type === '/problems/conflict') || status === 503) {
        if (attempt < 5) {
          tally.retried++;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.floor(Math.random() * 100)));
          continue;
        }
      }
      if (status >= 300) {
        tally.errors++;
        throw new Error(`${path} → ${status}: ${String(json.detail ?? json.title)}`);
      }
      return json;
    }
  }

  /** The cases registered at the center's windows each day: the hall links visits to them. */
  const atWindows = new Map<LocalDate, string[]>();
  /**
   * Where each case is worked now: its window's workers (a `worker`), a township center's while it is there,
   * nobody's in particular (the administrator) at a village point, which keeps no workers in the staff file.
   */
  const places = new Map<string, Person | undefined>();
  const placeOf = (caseId: string) => places.get(caseId);

  /** Plans one application: what happens to it on its first day, and what it schedules for later. */
  function application(day: LocalDate, index: number, joint = false): Step[] {
    // Each case draws from its own generator, so that running cases in parallel keeps a seed's outcome.
    const rng = random(seedOf(options.seed, joint ? `${day}#joint` : day, index));
    const type = rng.weighted(TYPES);
    const item = joint ? rng.weighted(jointItems.map((i) => [i, jointWeight(i)] as const)) : rng.pick(byType.get(type)!.length > 0 ? byType.get(type)! : everyday);
    const channel = rng.weighted(joint ? JOINT_CHANNELS : CHANNELS);
    const siteId = channel === 'township' || channel === 'village' ? rng.pick(sitesOf(channel)).id : undefined;
    // Morning peak: most arrivals between 08:30 and 11:30.
    let minute = rng.chance(0.65) ? rng.int(8 * 60 + 30, 11 * 60 + 30) : rng.int(13 * 60 + 30, 16 * 60);
    const codes = item.materials.map((m) => m.code);
    const incomplete = codes.length > 1 && rng.chance(0.15);
    const brought = incomplete ? codes.slice(0, rng.int(1, codes.length - 1)) : codes;
    // A joint application is checked at the window before it is taken: it is not turned away here.
    const reject = !joint && rng.chance(0.02);
    const forward = siteId !== undefined && rng.chance(0.3);
    // Who works it: the item's window's workers; at a township center that center's, until it is forwarded; a village point's, nobody in the file.
    const key = `${day}#${index}${joint ? '#joint' : ''}`;
    const atWindow: Person = { role: 'worker', windowId: item.windowId, key };
    const township = channel === 'township' ? options.county.windows.find((w) => w.siteId === siteId) : undefined;
    let place: Person | undefined = channel === 'township' ? township && { role: 'worker', windowId: township.id, siteId: township.siteId, key } : channel === 'village' ? undefined : atWindow;
    let caseId = '';
    const steps: Step[] = [];
    const step = (run: (instant: string) => Promise<void>) => {
      const instant = at(day, (minute += rng.int(3, 12)));
      steps.push({ at: instant, run: () => run(instant) });
    };
    step(async (instant) => {
      const phone = `138${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      const optOut = rng.chance(0.03);
      const applicant = { name: '模拟申请人', phone, ...(optOut ? { optOut } : {}), ...(joint ? { organization: rng.pick(ORGANIZATIONS) } : {}) };
      // An online application comes in by itself (the administrator's token, as before); the others are registered where they are brought.
      const created = await post('/cases', { itemCode: item.code, applicant, channel, siteId, materials: brought }, instant, `sim-${options.seed}-${day}-${index}${joint ? '-joint' : ''}-submit`, channel === 'online' ? undefined : place);
      caseId = created.caseId as string;
      places.set(caseId, place);
      if (channel === 'window') atWindows.get(day)?.push(caseId);
      if (!optOut) phones.set(caseId, phone);
      tally.submitted++;
      tally.byChannel[channel]++;
      if (siteId !== undefined) tally.grassroots++;
      if (channel === 'online') tally.online++;
    });
    if (incomplete) {
      step(async (instant) => {
        await post(`/cases/${caseId}/request-materials`, { missing: codes.filter((c) => !brought.includes(c)), note: '请补齐材料' }, instant, undefined, place);
        tally.materialsRequested++;
      });
    }
    if (reject) {
      step(async (instant) => {
        await post(`/cases/${caseId}/reject`, { reason: '申请事项不属于本机关职权范围' }, instant, undefined, place);
        tally.rejected++;
      });
      return steps;
    }
    if (incomplete) {
      step(async (instant) => void (await post(`/cases/${caseId}/supply-materials`, { materials: codes.filter((c) => !brought.includes(c)) }, instant, undefined, place)));
    }
    if (forward) {
      step(async (instant) => {
        await post(`/cases/${caseId}/transfer`, { windowId: countyWindow(item).id }, instant, undefined, place);
        tally.forwarded++;
        place = atWindow;
        places.set(caseId, place);
      });
    }
    step(async (instant) => {
      const accepted = await post(`/cases/${caseId}/accept`, {}, instant, undefined, place);
      tally.accepted++;
      if (satisfactionOn && rng.chance(0.3)) await reviewAtWindow(rng, caseId, day, new Date(Date.parse(instant) + 2 * 60_000).toISOString());
      if (item.type === 'joint') await planJoint(rng, caseId, item, day, instant);
      else await plan(rng, caseId, item, day, instant, accepted.deadline as LocalDate);
    });
    return steps;
  }

  async function completeNow(rng: Rng, caseId: string, item: Item, instant: string, date: LocalDate, decided?: { decision: 'approved' | 'denied'; by: Person }) {
    const decision = decided?.decision ?? (item.type === 'report-up' ? 'forwarded' : rng.chance(0.97) ? 'approved' : 'denied');
    const as = decided?.by ?? placeOf(caseId);
    const done = await post(`/cases/${caseId}/complete`, { decision }, instant, undefined, as);
    tally.completed++;
    // Whose completion it was (the same worker `post` made it as).
    const by = resolve(as, instant, caseId);
    if (by?.role === 'clerk' && by.user !== undefined) {
      const month = (tally.assessment.completions[date.slice(0, 7)] ??= {});
      month[by.user] = (month[by.user] ?? 0) + 1;
    }
    if (done.onTime === true) tally.onTime++;
    else tally.late++;
    if (item.type === 'commitment') {
      tally.commitmentCompleted++;
      if (done.early === true) tally.early++;
    }
    const phone = phones.get(caseId);
    if (satisfactionOn && phone !== undefined && rng.chance(0.4)) {
      // Replies come in over the evening; the gateway hands them on the next morning (by then the invitation is in the views).
      const receivedAt = new Date(Date.parse(instant) + rng.int(5, 120) * 60_000).toISOString();
      const next = calendar.addWorkingDays(date, 1);
      const when = at(next, 8 * 60 + rng.int(0, 20));
      later(next, [{ at: when, run: () => smsReply(rng, phone, receivedAt, when) }], caseId);
    }
    if (item.type !== 'report-up' && rng.chance(0.5)) {
      const next = calendar.addWorkingDays(date, 1);
      const when = at(next, 9 * 60 + rng.int(0, 400));
      later(next, [{ at: when, run: () => deliver(rng, caseId, when) }], caseId);
    }
  }

  /** After acceptance: immediate items are done at once; others get a special procedure now and then, and a completion day mostly early, a few late. */
  async function plan(rng: Rng, caseId: string, item: Item, acceptedDay: LocalDate, acceptedAt: string, deadline: LocalDate) {
    if (item.type === 'immediate') {
      await completeNow(rng, caseId, item, new Date(Date.parse(acceptedAt) + rng.int(10, 60) * 60_000).toISOString(), acceptedDay);
      return;
    }
    const completeOn = (date: LocalDate) => {
      const instant = at(date, rng.int(9 * 60, 16 * 60 + 30));
      later(date, [{ at: instant, run: () => completeNow(rng, caseId, item, instant, date) }], caseId);
    };
    const finish = (from: LocalDate, due: LocalDate) => {
      const slack = calendar.workingDaysBetween(from, due);
      const roll = rng.next();
      if (roll < 0.01) completeOn(calendar.addWorkingDays(due, rng.int(1, 3)));
      else if (roll < 0.04 || slack <= 1) completeOn(slack === 0 ? calendar.addWorkingDays(from, 1) : due);
      else completeOn(calendar.addWorkingDays(from, rng.int(1, slack - 1)));
    };
    if (item.committedDays >= 3 && rng.chance(0.03)) {
      const suspendDay = calendar.addWorkingDays(acceptedDay, 1);
      const resumeDay = calendar.addWorkingDays(suspendDay, rng.int(2, 4));
      const suspendAt = at(suspendDay, 10 * 60);
      const resumeAt = at(resumeDay, 9 * 60);
      later(
        suspendDay,
        [
          {
            at: suspendAt,
            run: async () => {
              await post(`/cases/${caseId}/suspend`, { procedure: rng.pick(['hearing', 'expert-review', 'inspection', 'testing'] as const), reason: '依法启动特别程序' }, suspendAt, undefined, placeOf(caseId));
              tally.suspended++;
            },
          },
        ],
        caseId,
      );
      later(resumeDay, [{ at: resumeAt, run: async () => finish(resumeDay, (await post(`/cases/${caseId}/resume`, {}, resumeAt, undefined, placeOf(caseId))).deadline as LocalDate) }], caseId);
      return;
    }
    finish(acceptedDay, deadline);
  }

  /** The evening sweeps' expected work: by day, the departments the simulator kept silent whose time runs out that day. */
  const deemings = new Map<LocalDate, { caseId: string; departmentId: string }[]>();
  const jointCases = new Set<string>();

  /**
   * A joint case after acceptance, as the people would take it: the lead window's clerk appoints the
   * joint inspection and records who came (an unjustified absence is consent); each department's
   * reviewer answers within its limit — mostly pass, some ask for rectification, rarely fail — or
   * stays silent and the evening sweep deems it approving; the clerk issues the combined list, the
   * applicant reports it done a few days later, the departments that asked answer again; the clerk
   * completes the case the working day after every department is settled. The course is drawn at
   * acceptance against the county calendar, so the sweeps know what to expect.
   */
  async function planJoint(rng: Rng, caseId: string, item: Item, accepted: LocalDate, acceptedAt: string) {
    const terms = item.joint!;
    const clerk: Person = { role: 'clerk', windowId: item.windowId };
    const base = `/cases/${caseId}/joint`;
    jointCases.add(caseId);
    tally.joint.accepted++;
    const on = (date: LocalDate, minute: number, run: (instant: string) => Promise<void>) => {
      const instant = at(date, minute);
      later(date, [{ at: instant, run: () => run(instant) }], caseId);
    };
    const deemOn = (date: LocalDate, departmentId: string) => {
      if (date <= lastDay) deemings.set(date, [...(deemings.get(date) ?? []), { caseId, departmentId }]);
    };
    const opinion = (departmentId: string, date: LocalDate, minute: number, body: { result: 'pass' | 'rectify' | 'fail'; items?: { text: string }[]; note?: string }) =>
      on(date, minute, async (instant) => void (await post(`${base}/opinions`, { departmentId, ...body }, instant, `sim-${options.seed}-${caseId}-${departmentId}-${instant}`, { role: 'reviewer', departmentId })));
    const rectifications = (departmentId: string) => {
      const left = [...((terms.inspection ? ON_SITE_RECTIFICATIONS : ON_PAPER_RECTIFICATIONS)[departmentId] ?? GENERAL_RECTIFICATIONS)];
      return Array.from({ length: rng.int(1, Math.min(3, left.length)) }, () => ({ text: left.splice(Math.floor(rng.next() * left.length), 1)[0]! }));
    };
    // A working day from `from` to `deadline`, mostly within two days of `from`.
    const answerDay = (from: LocalDate, deadline: LocalDate) => calendar.addWorkingDays(from, rng.int(0, Math.min(2, calendar.workingDaysBetween(from, deadline))));
    const latest = (dates: Iterable<LocalDate>) => [...dates].reduce((a, b) => (b > a ? b : a));

    // The joint inspection, appointed at acceptance for a working day soon after, and recorded that morning.
    let inspection: LocalDate | null = null;
    const consenting = new Set<string>();
    if (terms.inspection) {
      const inspecting = terms.departments.filter((d) => d.inspects);
      inspection = calendar.addWorkingDays(accepted, Math.min(rng.int(1, 2), ...inspecting.map((d) => d.days)));
      const startMinute = rng.pick([9 * 60, 9 * 60 + 30, 10 * 60]);
      const place = rng.pick(INSPECTION_PLACES);
      await post(`${base}/inspection`, { at: at(inspection, startMinute), place }, new Date(Date.parse(acceptedAt) + rng.int(10, 40) * 60_000).toISOString(), undefined, clerk);
      const absent = inspecting
        .filter(() => rng.chance(0.15))
        .map((d) => {
          const justified = rng.chance(0.5);
          return { departmentId: d.departmentId, justified, ...(justified ? { reason: rng.pick(ABSENCE_REASONS) } : {}) };
        });
      if (absent.length === inspecting.length) absent.shift();
      const present = inspecting.map((d) => d.departmentId).filter((id) => !absent.some((a) => a.departmentId === id));
      for (const a of absent) if (!a.justified) consenting.add(a.departmentId);
      on(inspection, startMinute + rng.int(90, 150), async (instant) => {
        await post(`${base}/inspection/held`, { present, absent }, instant, undefined, clerk);
        tally.joint.deemedConsents += consenting.size;
      });
    }
    // Opinions come after the morning's inspection on its day.
    const minuteOn = (date: LocalDate, after: LocalDate | null) => (date === after ? rng.int(13 * 60 + 30, 16 * 60 + 30) : rng.int(9 * 60, 16 * 60 + 30));

    // First answers: each department within its limit, from the inspection (those that inspect) or the day after acceptance.
    const settled = new Map<string, LocalDate>();
    const answered: LocalDate[] = [];
    const asking: { departmentId: string; days: number; items: { text: string }[] }[] = [];
    let failed = false;
    for (const d of terms.departments) {
      const deadline = calendar.addWorkingDays(accepted, d.days);
      if (consenting.has(d.departmentId)) {
        settled.set(d.departmentId, inspection!);
        continue;
      }
      const roll = rng.next();
      if (roll < 0.08) {
        // Silent: the sweep on the evening of its deadline deems it approving.
        deemOn(deadline, d.departmentId);
        settled.set(d.departmentId, deadline);
        continue;
      }
      const from = d.inspects && inspection !== null ? inspection : calendar.addWorkingDays(accepted, 1);
      const date = answerDay(from, deadline);
      const minute = minuteOn(date, d.inspects ? inspection : null);
      if (roll < 0.09) {
        failed = true;
        opinion(d.departmentId, date, minute, { result: 'fail', note: FAILURE_NOTE });
      } else if (roll < 0.33) {
        const items = rectifications(d.departmentId);
        asking.push({ departmentId: d.departmentId, days: d.days, items });
        opinion(d.departmentId, date, minute, { result: 'rectify', items });
      } else opinion(d.departmentId, date, minute, { result: 'pass' });
      answered.push(date);
      settled.set(d.departmentId, date);
    }

    // One combined list once the answers are in (a failed case is denied instead); the departments that asked answer again.
    if (!failed && asking.length > 0) {
      const issued = latest(answered);
      const items = asking.reduce((n, a) => n + a.items.length, 0);
      on(issued, 16 * 60 + 45, async (instant) => {
        await post(`${base}/rectification`, {}, instant, undefined, clerk);
        tally.joint.rectifications++;
        tally.joint.rectificationItems += items;
      });
      const done = calendar.addWorkingDays(issued, rng.int(2, 5));
      on(done, rng.int(9 * 60, 10 * 60 + 30), async (instant) => void (await post(`${base}/rectification/done`, {}, instant, undefined, clerk)));
      // Their clocks stood still from the list to the report; the others' ran on.
      const stopped = calendar.workingDaysBetween(issued, done);
      for (const a of asking) {
        const deadline = calendar.addWorkingDays(accepted, a.days + stopped);
        // A department whose time ran out before the list went out is past its deadline when the work comes back.
        if (deadline < done || rng.chance(0.06)) {
          const deemed = deadline < done ? done : deadline;
          deemOn(deemed, a.departmentId);
          settled.set(a.departmentId, deemed);
          continue;
        }
        const date = answerDay(done, deadline);
        opinion(a.departmentId, date, minuteOn(date, done), { result: 'pass' });
        settled.set(a.departmentId, date);
      }
    }

    // Completion the working day after the last department is settled (now and then a day later).
    const decision = failed ? ('denied' as const) : ('approved' as const);
    const completeDay = calendar.addWorkingDays(latest(settled.values()), rng.chance(0.8) ? 1 : 2);
    const serial = terms.departments.reduce((sum, d) => sum + d.days, 0);
    on(completeDay, rng.int(9 * 60, 16 * 60 + 30), async (instant) => {
      await completeNow(rng, caseId, item, instant, completeDay, { decision, by: clerk });
      tally.joint.completed++;
      tally.joint[decision]++;
      tally.joint.workingDays.push(calendar.workingDaysBetween(accepted, completeDay));
      tally.joint.serialWorkingDays.push(serial);
    });
  }

  /**
   * The daily timer's stand-in (超时默许): after the hall has closed, the administrator sweeps for
   * tomorrow, so every department whose deadline was today or before and that has not answered is
   * deemed approving. The sweep reads the due tasks from a view: until the projector has caught up
   * with the day it may miss some, so it runs again (it deems each task once however often it runs).
   */
  async function sweep(day: LocalDate) {
    const instant = at(day, 17 * 60 + 45);
    const date = addDays(day, 1);
    const expected = deemings.get(day) ?? [];
    deemings.delete(day);
    const keyOf = (d: { caseId: string; departmentId: string }) => `${d.caseId} ${d.departmentId}`;
    const deemed = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      const result = (await post(`/joint/deadlines/${date}`, {}, instant, `sim-${options.seed}-sweep-${date}-${attempt}`)) as { deemed: { caseId: string; departmentId: string }[] };
      for (const d of result.deemed) deemed.add(keyOf(d));
      const missing = expected.filter((e) => !deemed.has(keyOf(e)));
      if (missing.length === 0) break;
      if (attempt === 40) {
        tally.errors += missing.length;
        options.log?.(`  ${day}: the sweep for ${date} did not deem ${missing.map(keyOf).join(', ')}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const wanted = new Set(expected.map(keyOf));
    tally.joint.deemedApprovals += expected.filter((e) => deemed.has(keyOf(e))).length;
    const surprises = [...deemed].filter((k) => !wanted.has(k) && jointCases.has(k.split(' ')[0]!));
    if (surprises.length > 0) {
      tally.errors += surprises.length;
      options.log?.(`  ${day}: the sweep for ${date} deemed ${surprises.join(', ')}, which were to answer`);
    }
  }

  async function reviewAtWindow(rng: Rng, caseId: string, day: LocalDate, instant: string) {
    const level = rng.weighted(LEVELS);
    const reviewed = await post(`/cases/${caseId}/reviews`, { level, channel: 'window-device' }, instant);
    countReview(level);
    if (typeof reviewed.rectificationId === 'string') closeOut(rng, caseId, reviewed.rectificationId, day);
  }

  function countReview(level: string) {
    tally.reviews++;
    if (isBadLevel(level)) tally.badReviews++;
  }

  /** The bad-review loop: verify, sometimes an appeal and its re-check, rectify or explain, follow up, close. */
  function closeOut(rng: Rng, caseId: string, rectificationId: string, day: LocalDate) {
    const base = `/rectifications/${rectificationId}`;
    const d1 = calendar.addWorkingDays(day, 1);
    const d2 = calendar.addWorkingDays(day, 2);
    const d3 = calendar.addWorkingDays(day, 3);
    const appeal = rng.chance(0.15);
    const voided = appeal && rng.chance(0.6);
    const steps: [LocalDate, number, string, unknown, (() => void)?][] = [[d1, 10 * 60, 'verify', { finding: appeal ? 'mistaken' : 'confirmed' }]];
    if (appeal) {
      steps.push([d1, 11 * 60, 'appeal', { reason: '申请人对办理结果有误解，非窗口服务问题' }, () => tally.appeals++]);
      steps.push([d2, 13 * 60, 'recheck', { result: voided ? 'voided' : 'upheld' }, () => void (voided && (tally.voidedReviews++, tally.reviews--, tally.badReviews--))]);
    }
    if (!voided) {
      steps.push([d2, 15 * 60, 'resolve', { how: rng.chance(0.6) ? 'rectified' : 'explained', note: '已约谈窗口人员并整改' }]);
      steps.push([d3, 16 * 60, 'follow-up', { satisfied: rng.chance(0.9) }]);
      steps.push([d3, 16 * 60 + 30, 'close', {}, () => tally.rectificationsClosed++]);
    }
    for (const [date, minute, path, body, count] of steps) {
      const when = at(date, minute);
      later(date, [{ at: when, run: async () => void (await post(`${base}/${path}`, body, when), count?.()) }], caseId);
    }
  }

  const GARBAGE = ['谢谢', 'OK', '好的，谢谢', '?', '请问什么时候能领证', '退订'];
  async function smsReply(rng: Rng, phone: string, receivedAt: string, instant: string) {
    const level = rng.weighted(LEVELS);
    const roll = rng.next();
    const text = roll < 0.05 ? rng.pick(GARBAGE) : roll < 0.08 ? ({ 'very-satisfied': '非常满意', satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意', 'very-dissatisfied': '非常不满意' } as const)[level] : String(LEVELS.findIndex(([l]) => l === level) + 1);
    await post('/sms/inbound', { from: phone, text, receivedAt }, instant, `sim-sms-${options.seed}-${phone}-${receivedAt}`);
    // The gateway is told nothing of the outcome: the tally counts what the reply should have done,
    // and the test compares it with what the center reports.
    tally.smsReplies++;
    const rated = parseSmsReply(text);
    if (rated !== undefined) {
      tally.smsReviews++;
      countReview(rated);
    } else tally.smsUnparsed++;
  }

  /** The morning list, then each entry called in the afternoon: reached, no answer, wrong number or refused. */
  async function callbacksOf(day: LocalDate): Promise<Map<string, Step[]>> {
    const built = await post(`/callbacks/lists/${day}`, {}, at(day, 7 * 60 + 30));
    if (built.created === true) tally.callbackLists++;
    const list = (await transport(`/callbacks?date=${day}`, '', { 'x-dev-clock': at(day, 7 * 60 + 35) }, 'GET')).json as { entries: { caseId: string; reason: 'bad-review' | 'retry' | 'sample' }[] };
    const chains = new Map<string, Step[]>();
    for (const [i, entry] of list.entries.entries()) {
      tally.listEntries[entry.reason === 'bad-review' ? 'badReview' : entry.reason]++;
      const rng = random(seedOf(options.seed, `${day}#callback`, i));
      const when = at(day, rng.int(14 * 60, 16 * 60 + 20));
      chains.set(entry.caseId, [
        {
          at: when,
          run: async () => {
            const outcome = rng.weighted([['reached', 0.7], ['no-answer', 0.25], ['wrong-number', 0.03], ['refused', 0.02]] as const);
            const level = outcome === 'reached' ? rng.weighted(LEVELS) : undefined;
            const answers = outcome === 'reached' ? { attitude: true, speed: rng.chance(0.95), oneTimeNotice: true, timeLimit: true, integrity: true } : undefined;
            const result = await post(`/callbacks/${entry.caseId}/attempts`, { outcome, level, answers }, when);
            tally.callbackAttempts++;
            if (outcome === 'reached') tally.validCallbacks++;
            if (level !== undefined && result.reviewId !== null) countReview(level);
          },
        },
      ]);
    }
    return chains;
  }

  async function deliver(rng: Rng, caseId: string, instant: string) {
    await post(`/cases/${caseId}/deliver`, { method: rng.pick(['in-person', 'post', 'electronic'] as const) }, instant, undefined, placeOf(caseId));
    tally.delivered++;
  }

  // Joint cases a day: the seed's handful a month; a short run that would draw none still gets one on its first day.
  const jointRng = random(seedOf(options.seed, '#joint', 0));
  const jointScale = options.jointScale ?? options.scale;
  const jointArrivals = days.map(() => (jointItems.length > 0 ? poisson(jointRng, DAILY_JOINT * jointScale) : 0));
  if (jointItems.length > 0 && jointScale > 0 && !jointArrivals.some((n) => n > 0)) jointArrivals[0] = 1;

  // Agency projects: the agents act with tokens of their own, so only with the pool.
  const agency = (options.agency ?? true) && options.pool !== undefined
    ? agencyWork({ county: options.county, seed: options.seed, days, calendar, tally, rngFor: (key, index) => random(seedOf(options.seed, key, index)), at, post, transport, authorization, later, completeNow, log: options.log })
    : undefined;
  // The marketplace: firms and owners act with tokens of their own too.
  const market =
    (options.market ?? true) && options.pool !== undefined
      ? marketWork({ county: options.county, seed: options.seed, days, calendar, tally, scale: options.marketScale ?? 1, rngFor: (key, index) => random(seedOf(options.seed, key, index)), at, post, transport, log: options.log })
      : undefined;

  const concurrency = options.concurrency ?? 8;
  for (const [dayIndex, day] of days.entries()) {
    const byCase = pending.get(day) ?? new Map<string, Step[]>();
    pending.delete(day);
    if (satisfactionOn) {
      // Let the projector catch up on yesterday before the list is drawn from the views.
      await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 1500));
      for (const [caseId, chain] of await callbacksOf(day)) byCase.set(caseId, [...(byCase.get(caseId) ?? []), ...chain].sort((a, b) => a.at.localeCompare(b.at)));
    }
    const chains: Step[][] = [...byCase.values()];
    const arrivals = Math.round(DAILY_APPLICATIONS * options.scale * (0.9 + rng.next() * 0.2));
    atWindows.set(day, []);
    if (agency) chains.push(...agency.day(day));
    if (market) chains.push(...market.day(day));
    for (let j = 0; j < jointArrivals[dayIndex]!; j++) chains.push(application(day, j, true));
    for (let i = 0; i < arrivals; i++) chains.push(application(day, i));
    // Chains run in parallel; the steps of one case run in order, each at its own dev-clock instant.
    const run = async (parts: { chain: Step[]; failed: boolean }[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(concurrency, parts.length) }, async () => {
          while (next < parts.length) {
            const part = parts[next++]!;
            try {
              for (const step of part.chain) await step.run();
            } catch (error) {
              part.failed = true;
              options.log?.(`  ${day}: ${(error as Error).message}`);
            }
          }
        }),
      );
    };
    // With the workers' days, the day runs an hour at a time (a chain's steps of that hour, in order, and on
    // where it left off the hour after): each hour's sign-ins (and leave) before its steps, its sign-outs after,
    // so that a worker is signed in before any step they make, and every terminal record is in time order.
    const terminal = assessment?.day(day);
    const hours = terminal ? [...Array.from({ length: 9 }, (_, h) => (h + 9) * 60), Infinity] : [Infinity];
    const minuteOf = (instant: string) => (Date.parse(instant) - Date.parse(at(day, 0))) / 60_000;
    const hourOf = (instant: string) => hours.findIndex((end) => minuteOf(instant) < end);
    const all = [...(terminal?.chains ?? []), ...chains].map((chain) => {
      let h = 0;
      return { hours: chain.map((s) => (h = Math.max(h, hourOf(s.at)))), chain, state: { chain: [] as Step[], failed: false } };
    });
    // Each worker's terminal steps of the hour in one chain, in time order (their day is one stream).
    const ofHour = (steps: TerminalStep[], h: number) => {
      const byWorker = new Map<string, Step[]>();
      for (const s of steps.filter((x) => hourOf(x.at) === h).sort((a, b) => a.at.localeCompare(b.at))) byWorker.set(s.staffId, [...(byWorker.get(s.staffId) ?? []), s]);
      return [...byWorker.values()].map((chain) => ({ chain, failed: false }));
    };
    const runHour = async (h: number) => {
      if (terminal) await run(ofHour(terminal.starts, h));
      const parts = all.filter((c) => !c.state.failed && c.hours.includes(h)).map((c) => Object.assign(c.state, { chain: c.chain.filter((_, i) => c.hours[i] === h) }));
      await run(parts);
      if (terminal) await run(ofHour(terminal.ends, h));
    };
    // Up to the hall's closing; the evening's steps and sign-outs after the hall's day (whose windows are staffed as the afternoon left them).
    for (let h = 0; h < hours.length - 1; h++) await runHour(h);
    if (hours.length === 1) await runHour(0);
    options.log?.(`${day}: ${arrivals} applications; running totals: ${tally.submitted} submitted, ${tally.accepted} accepted, ${tally.completed} completed (${tally.late} late)`);
    if (options.hall ?? true) {
      await hallDay({
        county: options.county,
        day,
        rng: random(seedOf(options.seed, `${day}#hall`, 0)),
        cases: [...(atWindows.get(day) ?? [])].sort(),
        visitors: Math.round(DAILY_VISITORS * (options.hallScale ?? options.scale) * (0.9 + rng.next() * 0.2)),
        send: async (method, path, body, instant, key) => {
          const result = await transport(path, JSON.stringify(body), { 'content-type': 'application/json', 'x-dev-clock': instant, 'idempotency-key': key }, method);
          if (result.status >= 300) tally.errors++;
          return result;
        },
        tally: tally.hall,
        log: options.log,
      });
      atWindows.delete(day);
      options.log?.(`${day}: hall: running totals: ${tally.hall.tickets} tickets, ${tally.hall.served} served, ${tally.hall.noShows} no-shows, ${tally.hall.transfers} transfers`);
    }
    if (terminal) {
      await runHour(hours.length - 1);
      const t = tally.assessment;
      options.log?.(`${day}: terminals: running totals: ${t.signIns} sign-ins, ${t.signOuts} sign-outs (${t.lateSignIns} late, ${t.veryLateSignIns} over ten minutes, ${t.missedSignOuts + t.missedSignIns} missed), ${t.leaveRecords} leave, ${t.absences} absent, ${t.offPost} off post; ${t.staffSteps} steps by workers (${t.otherSteps} with nobody signed in); ${t.inspections} site inspections`);
    }
    // After every step of the day (the hall's too): the evening sweep is the last thing dated that day.
    if (jointOn) {
      try {
        await sweep(day);
      } catch (error) {
        options.log?.(`  ${day}: ${(error as Error).message}`);
      }
    }
    if (jointItems.length > 0) {
      const j = tally.joint;
      options.log?.(`${day}: joint: running totals: ${j.accepted} accepted, ${j.completed} completed, ${j.deemedConsents} deemed consenting, ${j.deemedApprovals} deemed approving, ${j.rectifications} rectification lists`);
    }
    if (agency) {
      const a = tally.agency;
      options.log?.(`${day}: agency: running totals: ${a.projects} projects, ${a.filings} filings (${a.refused} refused), ${a.permitsDone} of ${a.plannedSteps} permits done, ${a.followUps} follow-ups, ${a.closed} closed`);
    }
    // The marketplace's evening timer, after everything else of the day (it reads the views).
    if (market) {
      try {
        await market.evening(day);
      } catch (error) {
        options.log?.(`  ${day}: market: ${(error as Error).message}`);
      }
      const m = tally.market;
      options.log?.(`${day}: market: running totals: ${m.published} published, ${m.quotes} quotes (${m.replaced} replacing), ${m.failed} failed, ${m.selections} selected, ${m.concluded} concluded, ${m.contracts} contracts, ${m.completed} completed (${m.late} late), ${m.evaluations} evaluated (${m.poorEvaluations} poorly)`);
    }
  }
  return tally;
}

import type { WorkingCalendar } from '../domain/calendar/calendar.ts';
import type { County, Item } from '../domain/county.ts';
import type { LocalDate } from '../domain/time.ts';
import type { Person, Rng, Step, Tally, Transport } from './simulator.ts';

/**
 * The simulator's agency projects (代理代办): a handful of agents — one at the center, one or two at
 * townships — each take on one to three enterprises' investment projects over the period, plan their
 * permits (备案, 用地规划, 环评, 水保, 工程规划, 消防设计审查, 施工许可 …) with the order they must
 * come in, and every morning file what their worklist (`GET /agents/me/worklist`) says is ready. The
 * windows' clerks accept the cases and complete them within their deadline, now and then refusing one
 * (不予受理), which the agent files again; agents record an occasional follow-up and close a project
 * once every permit is done. What is due each day is drawn from what the simulator did on the days
 * before, so the same seed gives the same projects whatever the order the day's chains run in.
 */

/** What the agencies did: the figures `GET /stats/agency` should report for the period (see `agencyFigures`). */
export interface AgencyTally {
  agents: number;
  projects: number;
  /** 万元. */
  investment: number;
  /** Steps planned, over every project. */
  plannedSteps: number;
  /** Cases filed for steps, refilings included. */
  filings: number;
  /** Filings the window refused (不予受理) and the agent filed again. */
  refused: number;
  /** Steps with a case filed… */
  permits: number;
  /** …and steps done (their permit approved). */
  permitsDone: number;
  /** Per permit done: working days from its approved case's filing to its completion. */
  workingDays: number[];
  /** Permits done on time. */
  onTime: number;
  followUps: number;
  closed: number;
}

export const emptyAgencyTally = (): AgencyTally => ({ agents: 0, projects: 0, investment: 0, plannedSteps: 0, filings: 0, refused: 0, permits: 0, permitsDone: 0, workingDays: [], onTime: 0, followUps: 0, closed: 0 });

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The tally in the shape of `GET /stats/agency` (every project of the simulation counts: none was closed before the period). */
export function agencyFigures(t: AgencyTally) {
  const n = t.workingDays.length;
  return {
    projects: t.projects,
    investment: round(t.investment, 2),
    permits: t.permits,
    permitsDone: t.permitsDone,
    averageWorkingDaysPerPermit: n === 0 ? null : round(t.workingDays.reduce((s, d) => s + d, 0) / n, 1),
    onTimeRate: n === 0 ? null : round(t.onTime / n, 4),
  };
}

// The unified social credit code (统一社会信用代码, GB 32100-2015); domain/project/credit-code.ts checks it.
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid unified social credit code of an enterprise (9 = 市场监管, 1 = 企业) registered in the
 * division: an organisation code of the post-2015 kind (MA…) with its GB 11714 check, then the
 * code's own check character.
 */
export function creditCodeFor(division: string, rng: Pick<Rng, 'pick'>): string {
  const organisation = `MA2${Array.from({ length: 5 }, () => rng.pick([...CODE_ALPHABET])).join('')}`;
  const orgValue = (c: string) => (c <= '9' ? Number(c) : c.charCodeAt(0) - 55);
  const orgCheck = 11 - (ORG_WEIGHTS.reduce((sum, w, i) => sum + w * orgValue(organisation[i]!), 0) % 11);
  const first17 = `91${division}${organisation}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  const sum = CODE_WEIGHTS.reduce((acc, w, i) => acc + w * CODE_ALPHABET.indexOf(first17[i]!), 0);
  return first17 + CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The investment-project chain (工程建设项目审批): each permit after the ones it needs. A plan takes
 * the record-filing (备案) and a few of the others; a step waits for its nearest planned predecessors.
 */
const CHAIN: readonly { code: string; needs: readonly string[]; weight: number }[] = [
  { code: 'FG-001', needs: [], weight: 0 }, // 企业投资项目备案: every plan starts with it
  { code: 'ZRZY-002', needs: ['FG-001'], weight: 5 }, // 建设项目用地规划许可证
  { code: 'STHJ-001', needs: ['FG-001'], weight: 4 }, // 环境影响报告表审批
  { code: 'SL-002', needs: ['FG-001'], weight: 3 }, // 水土保持方案审批
  { code: 'FG-004', needs: ['FG-001'], weight: 2 }, // 固定资产投资项目节能审查
  { code: 'ZRZY-003', needs: ['ZRZY-002'], weight: 4 }, // 建设工程规划许可证
  { code: 'ZJ-003', needs: ['ZRZY-003'], weight: 2 }, // 特殊建设工程消防设计审查
  { code: 'ZJ-001', needs: ['ZRZY-003', 'STHJ-001', 'SL-002', 'ZJ-003', 'FG-004'], weight: 4 }, // 建筑工程施工许可证
];

/** Enterprises of the county's trades, and the projects they bring ({n}: a capacity). */
const VENTURES: readonly { trade: string; projects: readonly string[] }[] = [
  { trade: '橡胶制品有限公司', projects: ['年产{n}万条高性能输送带智能化技改项目', '橡胶密封件数字化车间建设项目'] },
  { trade: '新材料科技有限公司', projects: ['年产{n}万吨新型环保建材项目', '高性能复合材料生产线项目'] },
  { trade: '水产食品有限公司', projects: ['三门青蟹精深加工及冷链物流中心项目', '年产{n}千吨海产品冷冻加工项目'] },
  { trade: '核电装备制造有限公司', projects: ['核电配套装备制造基地项目', '核级阀门及管件生产线项目'] },
  { trade: '新能源科技有限公司', projects: ['厂房屋顶分布式光伏发电项目', '海上风电运维基地项目'] },
  { trade: '文化旅游发展有限公司', projects: ['滨海旅游度假区一期项目', '海岛民宿集聚区建设项目'] },
  { trade: '汽车零部件有限公司', projects: ['新能源汽车零部件智能制造项目', '年产{n}万套汽车减震部件项目'] },
  { trade: '港务物流有限公司', projects: ['港区物流仓储中心项目', '冷链物流分拨中心项目'] },
  { trade: '机电科技有限公司', projects: ['年产{n}万台小型电机及配件项目', '智能机电装备产业园项目'] },
];
const BRANDS = ['海润', '东港', '健跳湾', '蛇蟠', '亭旁', '珠岙', '三和', '宏达', '浙东', '甬台', '永盛', '海宏', '三门湾', '金鳌', '旗海', '正屿'];
const AGENT_NAMES = ['王建国', '李海燕', '陈志强', '叶晓芳'];
const REFUSALS = ['申请材料与项目备案信息不一致', '用地红线图缺失', '申请表未加盖企业公章', '建设单位名称与营业执照不一致'];
const FOLLOW_UPS: readonly { note: string; blockers: readonly string[] }[] = [
  { note: '走访企业，了解环评报告编制进度，第三方机构预计下周出具报告', blockers: ['环评报告尚在编制'] },
  { note: '电话联系企业负责人，提醒备齐用地红线图和宗地图', blockers: [] },
  { note: '陪同企业到自然资源和规划窗口咨询规划设计条件', blockers: [] },
  { note: '协调水利部门对水土保持方案提前开展技术审查', blockers: ['水保方案专家评审时间未定'] },
  { note: '走访项目现场，企业反映施工图审查进度偏慢', blockers: ['施工图审查合格书未出具'] },
  { note: '电话回访，企业对代办服务满意，暂无新的诉求', blockers: [] },
];
/**
 * The worklist's kinds that mean "file this step" for a first filing and for a refused one (no plan here
 * sets a target date, so `target` never comes up). A view that has not caught up with a refusal still
 * says `file` for the step (from before its filing): only `refile` says the refusal is recorded.
 */
const FILE_KINDS = { first: new Set(['file', 'stalled']), again: new Set(['refile', 'stalled']) };

type Agent = { role: 'agent'; siteId: string; user: string; name: string; phone: string };

interface SimStep {
  stepId: string;
  item: Item;
  after: string[];
  filings: number;
  /** A case under way (filed, not refused or completed). */
  open: boolean;
  refusedOn: LocalDate | null;
  doneOn: LocalDate | null;
}

interface SimProject {
  key: string;
  projectId: string;
  agent: Agent;
  enterprise: { name: string; creditCode: string };
  registeredOn: LocalDate;
  steps: SimStep[];
  /** The day it is to be closed, once every step is done: no visit is recorded after it. */
  closingOn: LocalDate | null;
}

export interface AgencyContext {
  county: County;
  seed: number;
  days: readonly LocalDate[];
  calendar: WorkingCalendar;
  tally: Tally;
  /** A generator of its own for a key: the course of one thing does not depend on the order things run in. */
  rngFor: (key: string, index: number) => Rng;
  at: (date: LocalDate, minutes: number) => string;
  post: (path: string, body: unknown, instant: string, key?: string, as?: Person, method?: 'POST' | 'PUT') => Promise<Record<string, unknown>>;
  transport: Transport;
  authorization: (person: Person | undefined) => Promise<Record<string, string>>;
  later: (date: LocalDate, chain: Step[], key: string) => void;
  /** The simulator's completion: counts it, and now and then an SMS reply or a delivery the next day. */
  completeNow: (rng: Rng, caseId: string, item: Item, instant: string, date: LocalDate, decided: { decision: 'approved' | 'denied'; by: Person }) => Promise<void>;
  log?: ((line: string) => void) | undefined;
}

/** The agencies over the period: `day(date)` gives the chains of the agents' own work that day (the clerks' comes through `later`). */
export function agencyWork(ctx: AgencyContext): { day: (date: LocalDate) => Step[][] } {
  const { county, calendar, tally, at, post, later } = ctx;
  const a = tally.agency;
  // Keyed by the period's first day too: another period brings other agents' projects, not the same ones again.
  const first = ctx.days[0]!;
  const rng = ctx.rngFor(`#agency-${first}`, 0);
  const items = new Map(CHAIN.flatMap((c) => county.items.filter((i) => i.code === `${county.code}-${c.code}` && i.type !== 'joint').map((i) => [c.code, i] as const)));
  const townships = county.sites.filter((s) => s.level === 'township');
  if (!items.has('FG-001') || items.size < 3) {
    ctx.log?.(`agency: ${county.name} lacks the investment-project items; no agency projects`);
    return { day: () => [] };
  }

  // The agents: one at the center, one or two at townships.
  const center = county.sites.find((s) => s.level === 'county');
  const left = townships.map((s) => s.id);
  const picked = [...(center ? [center.id] : []), ...Array.from({ length: Math.min(left.length, rng.int(1, 2)) }, () => left.splice(Math.floor(rng.next() * left.length), 1)[0]!)];
  const agents: Agent[] = picked.map((siteId, i) => ({ role: 'agent', siteId, user: `sim-agent-${siteId}-${i + 1}`.toLowerCase(), name: AGENT_NAMES[i % AGENT_NAMES.length]!, phone: `1385760${String(1000 + i * 37).padStart(4, '0')}` }));
  a.agents = agents.length;

  // Each agent takes on one to three projects in the first half of the period (the first agent's first on its first day).
  const half = Math.max(0, Math.floor((ctx.days.length - 1) / 2));
  const registrations = new Map<LocalDate, { agent: Agent; key: string }[]>();
  for (const [i, agent] of agents.entries()) {
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      const day = ctx.days[i === 0 && k === 0 ? 0 : rng.int(0, half)]!;
      registrations.set(day, [...(registrations.get(day) ?? []), { agent, key: `${i + 1}-${k + 1}` }]);
    }
  }

  const projects: SimProject[] = [];
  const stepOf = (p: SimProject, stepId: string) => p.steps.find((s) => s.stepId === stepId)!;
  /** Whether the step can be filed on `date`, from what was done on the days before. */
  const fileable = (p: SimProject, s: SimStep, date: LocalDate) =>
    p.registeredOn < date &&
    s.doneOn === null &&
    !s.open &&
    (s.filings === 0 || (s.refusedOn !== null && s.refusedOn < date)) &&
    s.after.every((id) => {
      const done = stepOf(p, id).doneOn;
      return done !== null && done < date;
    });

  /** A plan of three to six permits: the record-filing and a weighted few others, each after its nearest planned predecessors. */
  function planOf(r: Rng): SimStep[] {
    const candidates = CHAIN.filter((c) => c.weight > 0 && items.has(c.code));
    const chosen = new Set(['FG-001']);
    const want = Math.min(r.int(3, 6), candidates.length + 1);
    while (chosen.size < want) chosen.add(r.weighted(candidates.filter((c) => !chosen.has(c.code)).map((c) => [c.code, c.weight] as const)));
    const needs = (code: string) => CHAIN.find((c) => c.code === code)?.needs ?? [];
    const ancestors = (code: string): Set<string> => new Set(needs(code).flatMap((n) => [n, ...ancestors(n)]));
    const nearest = (code: string): string[] => [...new Set(needs(code).flatMap((n) => (chosen.has(n) ? [n] : nearest(n))))];
    const ordered = CHAIN.filter((c) => chosen.has(c.code)).map((c) => c.code);
    const stepIds = new Map(ordered.map((code, i) => [code, `S${i + 1}`]));
    return ordered.map((code) => {
      const direct = nearest(code);
      // Leave out a predecessor another one already waits for (施工许可 after 工程规划, not also after 备案).
      const after = direct.filter((d) => !direct.some((e) => e !== d && ancestors(e).has(d)));
      return { stepId: stepIds.get(code)!, item: items.get(code)!, after: after.map((d) => stepIds.get(d)!), filings: 0, open: false, refusedOn: null, doneOn: null };
    });
  }

  /** An enterprise comes to the agent in the afternoon: the agent registers its project and sets the plan. */
  function register(day: LocalDate, agent: Agent, key: string): Step {
    const r = ctx.rngFor(`#agency-project-${first}-${key}`, 0);
    const venture = r.pick(VENTURES);
    const enterprise = { name: `三门${r.pick(BRANDS)}${venture.trade}`, creditCode: creditCodeFor(county.code, r) };
    const name = r.pick(venture.projects).replace('{n}', String(r.int(2, 30)));
    // A few hundred to a couple of tens of thousands of 万元, log-uniform (the seed: 13 projects, 62,000 万元 a year).
    const investment = Math.round(Math.exp(Math.log(300) + r.next() * Math.log(20_000 / 300)) / 10) * 10;
    const steps = planOf(r);
    let minute = r.int(14 * 60, 16 * 60);
    return {
      at: at(day, minute),
      run: async () => {
        const registered = await post('/projects', { name, enterprise, investment }, at(day, minute), `sim-${ctx.seed}-${day}-agency-${key}-register`, agent);
        const projectId = registered.projectId as string;
        // The agent who registers a project carries it (assigned in the same append).
        if (registered.agentId !== agent.user) throw new Error(`project ${projectId} was not assigned to its agent ${agent.user}`);
        const plan = steps.map((s) => ({ stepId: s.stepId, itemCode: s.item.code, after: s.after }));
        await post(`/projects/${projectId}/plan`, { steps: plan }, at(day, (minute += r.int(8, 20))), undefined, agent, 'PUT');
        projects.push({ key, projectId, agent, enterprise, registeredOn: day, steps, closingOn: null });
        a.projects++;
        a.investment += investment;
        a.plannedSteps += steps.length;
      },
    };
  }

  /** The morning round: the worklist, then each step due today filed; what the clerk does the same day follows the filings. */
  function morning(day: LocalDate, agent: Agent, mine: SimProject[]): Step {
    const due = mine.flatMap((p) => p.steps.filter((s) => fileable(p, s, day)).map((s) => ({ p, s })));
    const instant = at(day, 8 * 60 + 30);
    return {
      at: instant,
      run: async () => {
        // The worklist comes from the views: until the projector has caught up with yesterday it may lack a step, so read again.
        let listed: { projectId: string; stepId: string; kind: string }[] = [];
        for (let attempt = 0; ; attempt++) {
          const { status, json } = await ctx.transport('/agents/me/worklist', '', { 'x-dev-clock': instant, ...(await ctx.authorization(agent)) }, 'GET');
          if (status !== 200) {
            tally.errors++;
            throw new Error(`/agents/me/worklist → ${status}: ${String(json.detail ?? json.title)}`);
          }
          listed = json.items as typeof listed;
          const missing = due.filter(({ p, s }) => !listed.some((i) => i.projectId === p.projectId && i.stepId === s.stepId && FILE_KINDS[s.filings === 0 ? 'first' : 'again'].has(i.kind)));
          if (missing.length === 0) break;
          if (attempt === 40) {
            tally.errors += missing.length;
            ctx.log?.(`  ${day}: ${agent.user}'s worklist lacks ${missing.map(({ p, s }) => `${p.key}/${s.stepId}`).join(', ')}; filing anyway`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        // Refilings first, as the worklist ranks them; then by project and step, so that every run files in the same order
        // (the worklist's finer order, the critical path, moves with what the clerks finish today while the agent reads it).
        const ordered = [...due].sort((x, y) => Number(x.s.filings === 0) - Number(y.s.filings === 0) || x.p.key.localeCompare(y.p.key) || x.s.stepId.localeCompare(y.s.stepId));
        let minute = 9 * 60;
        const sameDay: Step[] = [];
        for (const { p, s } of ordered) {
          minute += ctx.rngFor(`#agency-minute-${first}-${p.key}-${s.stepId}`, s.filings).int(5, 15);
          const next = await file(day, minute, p, s);
          if (next) sameDay.push(next);
        }
        for (const step of sameDay.sort((x, y) => x.at.localeCompare(y.at))) await step.run();
      },
    };
  }

  /** Files the step as a case (申报); returns the clerk's same-day handling, or schedules it for the next working day. */
  async function file(day: LocalDate, minute: number, p: SimProject, s: SimStep): Promise<Step | undefined> {
    const n = ++s.filings;
    const r = ctx.rngFor(`#agency-filing-${first}-${p.key}-${s.stepId}`, n);
    const body = { itemCode: s.item.code, applicant: { name: p.enterprise.name, organization: p.enterprise.name, phone: p.agent.phone }, channel: 'agent', materials: s.item.materials.map((m) => m.code), projectId: p.projectId, stepId: s.stepId };
    const created = await post('/cases', body, at(day, minute), `sim-${ctx.seed}-${p.registeredOn}-agency-${p.key}-${s.stepId}-${n}-submit`, p.agent);
    const caseId = created.caseId as string;
    s.open = true;
    tally.submitted++;
    tally.byChannel.agent++;
    a.filings++;
    if (n === 1) a.permits++;
    if (r.chance(0.2)) {
      const date = calendar.addWorkingDays(day, r.int(1, 3));
      later(date, [followUpStep(p, date, r.int(14 * 60, 16 * 60), r.pick(FOLLOW_UPS))], p.projectId);
    }
    // The window takes it later the same day, or the next morning.
    const sameDay = r.chance(0.6);
    const takeDay = sameDay ? day : calendar.addWorkingDays(day, 1);
    const instant = sameDay ? at(day, minute + r.int(30, 120)) : at(takeDay, r.int(9 * 60, 11 * 60));
    const step: Step = { at: instant, run: () => take(r, p, s, caseId, day, takeDay, instant) };
    if (sameDay) return step;
    later(takeDay, [step], caseId);
    return undefined;
  }

  /** The window's clerk: a first filing is now and then refused (不予受理); otherwise accepted and completed within its deadline. */
  async function take(r: Rng, p: SimProject, s: SimStep, caseId: string, filedOn: LocalDate, day: LocalDate, instant: string) {
    const clerk: Person = { role: 'clerk', windowId: s.item.windowId };
    if (s.filings === 1 && r.chance(0.08)) {
      await post(`/cases/${caseId}/reject`, { reason: `${r.pick(REFUSALS)}，不予受理` }, instant, undefined, clerk);
      tally.rejected++;
      a.refused++;
      s.open = false;
      s.refusedOn = day;
      return;
    }
    const accepted = await post(`/cases/${caseId}/accept`, {}, instant, undefined, clerk);
    tally.accepted++;
    const deadline = accepted.deadline as LocalDate;
    const complete = async (date: LocalDate, when: string) => {
      await ctx.completeNow(r, caseId, s.item, when, date, { decision: 'approved', by: clerk });
      s.open = false;
      s.doneOn = date;
      a.permitsDone++;
      a.workingDays.push(calendar.workingDaysBetween(filedOn, date));
      if (s.item.type === 'immediate' ? date === day : date <= deadline) a.onTime++;
      if (p.steps.every((x) => x.doneOn !== null)) closeOut(p, date, r);
    };
    if (s.item.type === 'immediate') {
      await complete(day, new Date(Date.parse(instant) + r.int(10, 40) * 60_000).toISOString());
      return;
    }
    // Mostly well before the deadline, a few on it, rarely a day or two late.
    const slack = calendar.workingDaysBetween(day, deadline);
    const roll = r.next();
    const date = roll < 0.02 ? calendar.addWorkingDays(deadline, r.int(1, 2)) : roll < 0.12 || slack <= 1 ? (slack === 0 ? calendar.addWorkingDays(day, 1) : deadline) : calendar.addWorkingDays(day, r.int(1, slack - 1));
    const when = at(date, r.int(9 * 60, 16 * 60 + 30));
    later(date, [{ at: when, run: () => complete(date, when) }], caseId);
  }

  /** A visit or call (走访/电话跟进), recorded ten minutes after it. */
  function followUpStep(p: SimProject, date: LocalDate, minute: number, note: { note: string; blockers: readonly string[] }, last = false): Step {
    const when = at(date, minute + 10);
    return {
      at: when,
      run: async () => {
        if (!last && p.closingOn !== null && p.closingOn <= date) return;
        await post(`/projects/${p.projectId}/follow-ups`, { at: at(date, minute), note: note.note, blockers: note.blockers }, when, undefined, p.agent);
        a.followUps++;
      },
    };
  }

  /** Every permit done: the project is closed (结案) within a couple of working days, now and then after a last call that morning. */
  function closeOut(p: SimProject, lastDone: LocalDate, r: Rng) {
    const date = calendar.addWorkingDays(lastDone, r.int(1, 2));
    p.closingOn = date;
    const chain: Step[] = [];
    if (r.chance(0.5)) chain.push(followUpStep(p, date, 8 * 60 + 40, { note: '电话回访，各项许可均已办结，企业计划近期开工建设', blockers: [] }, true));
    const when = at(date, r.int(9 * 60, 11 * 60));
    chain.push({
      at: when,
      run: async () => {
        await post(`/projects/${p.projectId}/close`, { note: `${p.steps.length}项许可全部办结，项目结案` }, when, undefined, p.agent);
        a.closed++;
      },
    });
    later(date, chain, p.projectId);
  }

  return {
    day(date) {
      const chains: Step[][] = [];
      for (const agent of agents) {
        const mine = projects.filter((p) => p.agent === agent && p.registeredOn < date && !p.steps.every((s) => s.doneOn !== null));
        if (mine.length > 0) chains.push([morning(date, agent, mine)]);
      }
      // One after another, in time order: the projects' numbers come out the same in every run.
      const registering = (registrations.get(date) ?? []).map(({ agent, key }) => register(date, agent, key));
      if (registering.length > 0) chains.push(registering.sort((x, y) => x.at.localeCompare(y.at)));
      return chains;
    },
  };
}

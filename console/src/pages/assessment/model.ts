import type { Schemas } from '../../../../client/index.ts';
import type { operations } from '../../../../client/schema.d.ts';
import { deductionKindNames, detailText } from '../../../../client/assessment-words.ts';

/**
 * The assessment pages' logic (考核: 部门考核, 乡镇考核, 个人考核, 实地检查, 请假), apart from React so it
 * can be tested on its own. Every table of words is typed against the generated client, so a code
 * added to the contract breaks the build until it has its Chinese.
 */

export type DepartmentSheet = Schemas['DepartmentScorecards'];
export type SiteSheet = Schemas['SiteScorecards'];
export type StaffSheet = Schemas['StaffScores'];
export type DepartmentRow = DepartmentSheet['departments'][number];
export type SiteRow = SiteSheet['sites'][number];
export type StaffRow = StaffSheet['staff'][number];
export type SiteInspection = Schemas['SiteInspection'];
export type Site = Schemas['Site'];
export type SiteLevel = SiteSheet['level'];
export type Deduction = DepartmentRow['deductions'][number] | SiteRow['deductions'][number] | StaffRow['deductions'][number];
export type DeductionKind = Deduction['kind'];

/** The three sheets, as the page's tabs and the CSV files name them. */
export type SheetKind = 'departments' | 'sites' | 'staff';
export const sheetNames: Record<SheetKind, string> = { departments: '部门考核', sites: '乡镇考核', staff: '个人考核' };
export const levelNames: Record<SiteLevel, string> = { township: '乡镇', village: '村级' };

// ——— words ———

/** What each deduction is for (扣分项), as the county's assessment rules name them (the API's CSV says the same). */
export const deductionKinds: Record<DeductionKind, string> = deductionKindNames;

/** The on-site inspection's checklist (实地检查内容), in the order an inspector walks the site. A tick means 符合. */
export type InspectionBody = NonNullable<operations['recordSiteInspection']['requestBody']>['content']['application/json'];
export type InspectionItem = keyof InspectionBody['items'];
export const inspectionItems: { key: InspectionItem; label: string; failed: string }[] = [
  { key: 'signage', label: '标识标牌', failed: '标识标牌不规范' },
  { key: 'hoursKept', label: '按时开放', failed: '未按时开放' },
  { key: 'staffPresent', label: '人员在岗', failed: '人员不在岗' },
  { key: 'agentOnDuty', label: '代办员在岗', failed: '代办员不在岗' },
  { key: 'catalogueDisplayed', label: '事项目录公开', failed: '事项目录未公开' },
  { key: 'ratingDeviceInUse', label: '评价器使用', failed: '评价器未使用' },
];
/** An inspection item found wanting, in words (未按时开放), or the code itself for one the console does not know yet. */
export const inspectionFailed = (key: string): string => inspectionItems.find((i) => i.key === key)?.failed ?? key;

export { detailText };

// ——— where a deduction comes from ———

/**
 * Where a deduction points (its `link`, an API path to the event behind it): a case's record opens
 * the console's case page; a worker's attendance day opens their month on the page; the others are
 * named in words.
 */
export type Source =
  | { kind: 'case'; to: string; text: string }
  | { kind: 'attendance'; staffId: string; month: string; date: string; text: string }
  | { kind: 'text'; text: string };

export function sourceOf(link: string): Source {
  const [path = '', anchor = ''] = link.split('#');
  const parts = path.split('/').filter(Boolean);
  const version = /^v(\d+)$/.exec(anchor)?.[1];
  if (parts[0] === 'cases' && parts[1]) return { kind: 'case', to: `/cases/${parts[1]}`, text: version ? `办件记录（第 ${version} 条）` : '办件记录' };
  if (parts[0] === 'staff' && parts[2] === 'attendance' && parts[1] && parts[3]) {
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(anchor)?.[1] ?? '';
    return { kind: 'attendance', staffId: parts[1], month: parts[3], date, text: date ? `${date} 考勤记录` : '考勤记录' };
  }
  if (parts[0] === 'rosters' && parts[1]) return { kind: 'text', text: `${parts[1]} 视频督查记录` };
  if (parts[0] === 'archive-checks' && parts[1]) return { kind: 'text', text: `${chineseMonth(parts[1])}档案抽查` };
  if (parts[0] === 'site-inspections') {
    const m = /^(.+)-(\d{4}-\d{2}-\d{2})$/.exec(anchor);
    return { kind: 'text', text: m ? `${m[2]} 实地检查（${m[1]}）` : '实地检查记录' };
  }
  return { kind: 'text', text: link };
}

// ——— figures ———

/** A rate (0..1) as a percentage with one decimal; no rate (nothing to divide) → —. */
export const rate = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

/** Points as the sheets write them: 2, 0.5, 97.5 (no trailing zeros). */
export const points = (n: number): string => String(Math.round(n * 100) / 100);

/** A deduction's points: −2. */
export const minus = (n: number): string => (n === 0 ? '0' : `−${points(n)}`);

/** Points added to a score or a tier: +3, −2, 0. */
export const signed = (n: number): string => (n > 0 ? `+${points(n)}` : n < 0 ? `−${points(-n)}` : '0');

/** Whole yuan: 980 元. */
export const yuan = (n: number): string => `${n.toLocaleString('zh-CN')} 元`;

// ——— tiers ———

/** The tier names the counties use, best first, each with its colour; any other tier is coloured by its place among the month's. */
const knownTiers: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'gold', 基本合格: 'orange', 不合格: 'red', 一档: 'green', 二档: 'blue', 三档: 'gold', 四档: 'red' };
const ordinalColours = ['green', 'blue', 'gold', 'orange', 'red'];

/** Each tier (or band) of a sheet with its tag colour: the known names by name, others by their best score, best first. */
export function tierColours(rows: readonly { tier: string; score: number }[]): Record<string, string> {
  const best = new Map<string, number>();
  for (const r of rows) best.set(r.tier, Math.max(best.get(r.tier) ?? -Infinity, r.score));
  const order = [...best.entries()].sort((a, b) => b[1] - a[1]).map(([tier]) => tier);
  return Object.fromEntries(order.map((tier, i) => [tier, knownTiers[tier] ?? ordinalColours[Math.min(i, ordinalColours.length - 1)]!]));
}

// ——— months ———

/** 2026-11 → 2026年11月. */
export function chineseMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y)}年${Number(m)}月`;
}

/** The month before: 2026-01 → 2025-12. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month and the `count - 1` before it, newest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const months = [month];
  while (months.length < count) months.push(previousMonth(months.at(-1)!));
  return months;
}

/** A month's sheet is read through yesterday while it runs: what the page says under the running month's figures. */
export function monthNote(month: string, today: string): string | undefined {
  if (month !== today.slice(0, 7)) return undefined;
  return today.endsWith('-01') ? '本月尚无已结束的工作日，考勤从明天起计入' : '本月截至昨日，考勤以已结束的工作日计';
}

/** The file a sheet downloads as, e.g. 个人考核-2026-11-W02.csv. */
export function csvName(sheet: SheetKind, month: string, options: { level?: SiteLevel; windowId?: string } = {}): string {
  const suffix = sheet === 'sites' ? `-${levelNames[options.level ?? 'township']}` : sheet === 'staff' && options.windowId ? `-${options.windowId}` : '';
  return `${sheetNames[sheet]}-${month}${suffix}.csv`;
}

// ——— the staff sheet ———

/** The windows of the staff sheet's rows, in the windows' order, for the window filter. */
export function windowsOf(rows: readonly StaffRow[]): string[] {
  return [...new Set(rows.map((r) => r.windowId))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** A worker as pickers show them: 张伟（220201 · W02）. */
export const workerLabel = (r: Pick<StaffRow, 'name' | 'badgeNo' | 'windowId'>): string => `${r.name}（${r.badgeNo} · ${r.windowId}）`;

/** The sheet's deductions summed by kind, most points first: what a worker's month cost them, at a glance. */
export function byKind(deductions: readonly Deduction[]): { kind: DeductionKind; label: string; count: number; points: number }[] {
  const sums = new Map<DeductionKind, { count: number; points: number }>();
  for (const d of deductions) {
    const s = sums.get(d.kind) ?? { count: 0, points: 0 };
    sums.set(d.kind, { count: s.count + 1, points: Math.round((s.points + d.points) * 100) / 100 });
  }
  return [...sums.entries()].map(([kind, s]) => ({ kind, label: deductionKinds[kind], ...s })).sort((a, b) => b.points - a.points || a.label.localeCompare(b.label, 'zh-CN'));
}

// ——— sites ———

/**
 * The sites an inspector may pick, township by township: each township service center, then its
 * village points. The county center is not inspected.
 */
export function siteOptions(sites: readonly Site[]): { label: string; options: { value: string; label: string }[] }[] {
  return sites
    .filter((s) => s.level === 'township')
    .map((t) => ({
      label: t.name,
      options: [{ value: t.id, label: siteName(t) }, ...sites.filter((v) => v.level === 'village' && v.parentId === t.id).map((v) => ({ value: v.id, label: siteName(v) }))],
    }));
}

/** A township's center is 海游街道便民服务中心; a village point's name says what it is. */
export const siteName = (s: Pick<Site, 'name' | 'level'>): string => (s.level === 'township' && !s.name.endsWith('中心') ? `${s.name}便民服务中心` : s.name);

/** The body of `POST /site-inspections` from the form: the ticked items pass, the others fail. */
export function inspectionBody(values: { siteId: string; date: string; passed: readonly string[]; note?: string }): InspectionBody {
  const note = values.note?.trim();
  return {
    siteId: values.siteId,
    date: values.date,
    items: Object.fromEntries(inspectionItems.map((i) => [i.key, values.passed.includes(i.key)])) as InspectionBody['items'],
    ...(note ? { note } : {}),
  };
}

/** How many rows each tier (or band) holds, best first, with its colour: the sheet's spread at a glance. */
export function tierCounts(rows: readonly { tier: string; score: number }[]): { tier: string; count: number; colour: string }[] {
  const colours = tierColours(rows);
  return Object.keys(colours).map((tier) => ({ tier, count: rows.filter((r) => r.tier === tier).length, colour: colours[tier]! }));
}

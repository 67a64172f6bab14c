import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkAreaComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { channelNames, count, decimal, percent, siteLevelNames } from './format.ts';

/**
 * The dashboard's chart options, built from the API's figures: pure functions (no ECharts runtime
 * here), so they are tested without a canvas. Each chart carries its title and the period inside
 * the picture, so a downloaded PNG says what it shows.
 */
export type ChartOption = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | MarkAreaComponentOption | TitleComponentOption | TooltipComponentOption>;

export const palette = { blue: '#1677ff', lightBlue: '#91caff', green: '#52c41a', lightGreen: '#b7eb8f', orange: '#fa8c16', red: '#f5222d', grey: '#d9d9d9', text: '#1f1f1f', secondary: '#8c8c8c' } as const;

/** What every chart heads with: its name and, below it, the period and scope. */
export interface Heading {
  title: string;
  /** e.g. "2026年12月1日至17日 · 全中心" */
  subtitle: string;
}

const titleOf = ({ title, subtitle }: Heading): TitleComponentOption => ({ text: title, subtext: subtitle, left: 16, top: 10, textStyle: { fontSize: 15, fontWeight: 600, color: palette.text }, subtextStyle: { fontSize: 12, color: palette.secondary } });

/** Room for the title and legend above the plot. */
const TOP = 84;

/** A rate (0..1) as a percentage number for an axis, one decimal; none stays a gap. */
const pct = (rate: number | null | undefined): number | null => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);

const percentLabel = (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—');
const countLabel = (unit: string) => (value: unknown) => (typeof value === 'number' ? `${count(value)} ${unit}` : '—');
const minutesLabel = (value: unknown) => (typeof value === 'number' ? `${decimal(value)} 分钟` : '—');

/** "2026-12-01" → "12-01". */
const dayLabel = (date: string) => date.slice(5);

export interface DayFigures {
  date: string;
  workingDay: boolean;
  completed: number;
  onTimeRate: number | null;
}

/** Completions on each working day (line), with that day's on-time rate on a second axis. */
export function dailyOption(days: readonly DayFigures[], heading: Heading): ChartOption {
  const working = days.filter((d) => d.workingDay);
  return {
    title: titleOf(heading),
    tooltip: { trigger: 'axis' },
    legend: { top: 56, left: 'center', data: ['办结件数', '按时办结率'] },
    grid: { top: TOP, left: 56, right: 64, bottom: 36 },
    xAxis: { type: 'category', data: working.map((d) => dayLabel(d.date)), boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1, nameTextStyle: { align: 'right' } },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false }, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '办结件数', type: 'line', data: working.map((d) => d.completed), symbolSize: 6, itemStyle: { color: palette.blue }, areaStyle: { color: 'rgba(22,119,255,0.10)' }, tooltip: { valueFormatter: countLabel('件') } },
      { name: '按时办结率', type: 'line', yAxisIndex: 1, data: working.map((d) => pct(d.onTimeRate)), connectNulls: false, symbolSize: 6, itemStyle: { color: palette.green }, lineStyle: { type: 'dashed' }, tooltip: { valueFormatter: percentLabel } },
    ],
  };
}

export interface MonthSatisfaction {
  month: string;
  reviews: number;
  badReviews: number;
  satisfactionRate: number | null;
}

/** "2026-03" → "3月", or "2025-12" in full when the series spans years. */
const monthLabels = (months: readonly string[]) => {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months.map((m) => (years.size > 1 ? m : `${Number(m.slice(5))}月`));
};

/**
 * Every month from `from` to `to` (YYYY-MM-DD), with the API's figures where it has them and none
 * where it has not: a month without reviews still has its place on the axis.
 */
export function everyMonth(monthly: readonly MonthSatisfaction[], from: string, to: string): MonthSatisfaction[] {
  const first = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  const last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  const months: MonthSatisfaction[] = [];
  for (let index = first; index <= last; index++) {
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    months.push(monthly.find((x) => x.month === month) ?? { month, reviews: 0, badReviews: 0, satisfactionRate: null });
  }
  return months;
}

/** The satisfaction rate month by month (line), with the number of reviews behind it (bars). */
export function satisfactionOption(monthly: readonly MonthSatisfaction[], heading: Heading): ChartOption {
  const rates = monthly.map((m) => pct(m.satisfactionRate)).filter((r): r is number => r !== null);
  // Rates sit near 100%: an axis from 0 would flatten every change; start a little below the lowest.
  const floor = rates.length === 0 ? 0 : Math.max(0, Math.floor((Math.min(...rates) - 5) / 5) * 5);
  return {
    title: titleOf(heading),
    tooltip: { trigger: 'axis' },
    legend: { top: 56, left: 'center', data: ['满意率', '评价数', '差评数'] },
    grid: { top: TOP, left: 56, right: 64, bottom: 36 },
    xAxis: { type: 'category', data: monthLabels(monthly.map((m) => m.month)) },
    yAxis: [
      { type: 'value', name: '%', min: floor, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '件', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: '评价数', type: 'bar', yAxisIndex: 1, data: monthly.map((m) => m.reviews), barMaxWidth: 28, itemStyle: { color: palette.lightBlue }, tooltip: { valueFormatter: countLabel('件') } },
      { name: '差评数', type: 'bar', yAxisIndex: 1, data: monthly.map((m) => m.badReviews), barMaxWidth: 28, itemStyle: { color: '#ffa39e' }, tooltip: { valueFormatter: countLabel('件') } },
      { name: '满意率', type: 'line', data: monthly.map((m) => pct(m.satisfactionRate)), symbolSize: 7, itemStyle: { color: palette.green }, label: { show: true, position: 'top', formatter: (p) => percentLabel(p.value) }, tooltip: { valueFormatter: percentLabel } },
    ],
  };
}

/** Applications by channel (left) and by the level of the site that took them (right), as bars with their share. */
export function applicationsOption(byChannel: Readonly<Record<string, number>>, bySiteLevel: Readonly<Record<string, number>>, heading: Heading): ChartOption {
  const rows = (values: Readonly<Record<string, number>>, names: Record<string, string>) => Object.keys(names).map((key) => ({ name: names[key]!, value: values[key] ?? 0 }));
  const channels = rows(byChannel, channelNames);
  const levels = rows(bySiteLevel, siteLevelNames);
  const share = (list: { value: number }[]) => {
    const total = list.reduce((n, r) => n + r.value, 0);
    return (value: number) => (total === 0 ? '' : `（${((value / total) * 100).toFixed(1)}%）`);
  };
  const bars = (index: number, list: { name: string; value: number }[], colour: string): BarSeriesOption => {
    const of = share(list);
    return {
      name: index === 0 ? '按收件渠道' : '按站点层级',
      type: 'bar',
      xAxisIndex: index,
      yAxisIndex: index,
      barMaxWidth: 18,
      itemStyle: { color: colour, borderRadius: [0, 3, 3, 0] },
      data: list.map((r) => r.value),
      label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? `${count(p.value)} 件${of(p.value)}` : '') },
      tooltip: { valueFormatter: countLabel('件') },
    };
  };
  const grids: GridComponentOption[] = [
    { top: TOP + 8, bottom: 16, left: 16, width: '30%', containLabel: true },
    { top: TOP + 8, bottom: 16, left: '56%', width: '28%', containLabel: true },
  ];
  const sub = (text: string, left: string): TitleComponentOption => ({ text, left, top: 58, textStyle: { fontSize: 13, fontWeight: 500, color: palette.secondary } });
  return {
    title: [titleOf(heading), sub('按收件渠道', '16'), sub('按站点层级', '56%')],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: grids,
    xAxis: [
      { type: 'value', gridIndex: 0, show: false },
      { type: 'value', gridIndex: 1, show: false },
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, inverse: true, data: channels.map((r) => r.name), axisTick: { show: false } },
      { type: 'category', gridIndex: 1, inverse: true, data: levels.map((r) => r.name), axisTick: { show: false } },
    ],
    series: [bars(0, channels, palette.blue), bars(1, levels, '#13c2c2')],
  };
}

export interface RankRow {
  name: string;
  /** A rate, 0..1. */
  rate: number | null;
  /** What the rate is of (completed cases, reviews): the tie-breaker, and shown in the tooltip. */
  base: number;
}

/** The rows a ranking shows: those with a rate, best first (ties: more cases first, then by name). */
export function ranked(rows: readonly RankRow[]): (RankRow & { rate: number })[] {
  return rows
    .filter((r): r is RankRow & { rate: number } => r.rate !== null)
    .sort((a, b) => b.rate - a.rate || b.base - a.base || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Pixels a horizontal bar chart needs for `rows` rows under its heading. */
export const barChartHeight = (rows: number): number => Math.max(260, TOP + 40 + rows * 26);

/** Windows ranked by a rate, as horizontal bars with the best on top. */
export function rankOption(rows: readonly RankRow[], heading: Heading, baseName: string): ChartOption {
  const order = ranked(rows);
  const colour = (rate: number) => (rate >= 0.95 ? palette.green : rate >= 0.9 ? palette.blue : palette.orange);
  return {
    title: titleOf(heading),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (items) => {
      const first = (Array.isArray(items) ? items[0] : items);
      const row = order[first?.dataIndex ?? -1];
      return row ? `${row.name}<br/>${percent(row.rate)}（${baseName} ${count(row.base)} 件）` : '';
    } },
    grid: { top: TOP - 24, left: 16, right: 72, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: order.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: order.map((r) => ({ value: pct(r.rate), itemStyle: { color: colour(r.rate) } })),
        label: { show: true, position: 'right', formatter: (p) => percentLabel(p.value) },
      },
    ],
  };
}

export interface CategoryTimes {
  name: string;
  averageWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  averageServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

/** Waiting and service times per ticket category: average and 90th percentile, in minutes. */
export function queueOption(categories: readonly CategoryTimes[], heading: Heading): ChartOption {
  const series = (name: string, color: string, pick: (c: CategoryTimes) => number | null): BarSeriesOption => ({
    name,
    type: 'bar',
    barMaxWidth: 14,
    itemStyle: { color },
    data: categories.map((c) => {
      const v = pick(c);
      return v === null ? null : Math.round(v * 10) / 10;
    }),
    tooltip: { valueFormatter: minutesLabel },
  });
  return {
    title: titleOf(heading),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 56, left: 'center' },
    grid: { top: TOP, left: 16, right: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories.map((c) => c.name), axisLabel: { interval: 0, rotate: categories.length > 6 ? 40 : 0, width: 110, overflow: 'truncate', fontSize: 11 } },
    yAxis: { type: 'value', name: '分钟' },
    series: [
      series('平均等候', palette.blue, (c) => c.averageWaitMinutes),
      series('90% 等候不超过', palette.lightBlue, (c) => c.p90WaitMinutes),
      series('平均办理', palette.green, (c) => c.averageServiceMinutes),
      series('90% 办理不超过', palette.lightGreen, (c) => c.p90ServiceMinutes),
    ],
  };
}

export interface ScoreRow {
  windowId: string;
  name: string;
  score: number;
  rank: number;
  tier: string;
}

/** Colours of the tiers, best first (as many as a county defines; the last repeats). */
const tierColours = ['#389e0d', '#73d13d', '#1677ff', '#13c2c2', '#faad14', '#fa541c', '#cf1322'];

/**
 * The tier bands of a ranking: each run of consecutive ranks in one tier, best first. The
 * scorecards answer each window's tier, not the tiers' thresholds, so the bands follow the ranks.
 */
export function tierBands(rows: readonly ScoreRow[]): { tier: string; first: number; last: number; colour: string }[] {
  const order = [...rows].sort((a, b) => a.rank - b.rank || a.windowId.localeCompare(b.windowId));
  const tiers: string[] = [];
  const bands: { tier: string; first: number; last: number; colour: string }[] = [];
  order.forEach((row, index) => {
    if (!tiers.includes(row.tier)) tiers.push(row.tier);
    const colour = tierColours[Math.min(tiers.indexOf(row.tier), tierColours.length - 1)]!;
    const current = bands.at(-1);
    if (current && current.tier === row.tier) current.last = index;
    else bands.push({ tier: row.tier, first: index, last: index, colour });
  });
  return bands;
}

/** The month's scorecard: windows by rank as horizontal bars, coloured and banded by tier. */
export function scorecardOption(rows: readonly ScoreRow[], heading: Heading): ChartOption {
  const order = [...rows].sort((a, b) => a.rank - b.rank || a.windowId.localeCompare(b.windowId));
  const bands = tierBands(order);
  const colourOf = (index: number) => bands.find((b) => index >= b.first && index <= b.last)?.colour ?? palette.blue;
  const scores = order.map((r) => r.score);
  const min = scores.length === 0 ? 0 : Math.max(0, Math.floor((Math.min(...scores) - 5) / 5) * 5);
  const max = scores.length === 0 ? 100 : Math.ceil(Math.max(100, ...scores) / 5) * 5;
  return {
    title: titleOf(heading),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (items) => {
      const first = Array.isArray(items) ? items[0] : items;
      const row = order[first?.dataIndex ?? -1];
      return row ? `第 ${row.rank} 名 ${row.name}<br/>${decimal(row.score)} 分 · ${row.tier}` : '';
    } },
    grid: { top: TOP - 24, left: 16, right: 120, bottom: 24, containLabel: true },
    // Not on the hidden axis' zero (the first row): at the bottom, with its labels.
    xAxis: { type: 'value', min, max, axisLine: { onZero: false } },
    yAxis: [
      { type: 'category', inverse: true, data: order.map((r) => `${r.rank}. ${r.name}`), axisTick: { show: false } },
      // A hidden axis by row position, for the bands: half a row above the first to half below the last.
      { type: 'value', inverse: true, min: -0.5, max: Math.max(order.length - 0.5, 0.5), show: false },
    ],
    series: [
      {
        name: '得分',
        type: 'bar',
        barMaxWidth: 16,
        data: order.map((r, i) => ({ value: r.score, itemStyle: { color: colourOf(i) } })),
        label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? decimal(p.value) : '') },
        z: 3,
      },
      {
        name: '档次',
        type: 'line',
        yAxisIndex: 1,
        data: [],
        silent: true,
        markArea: {
          silent: true,
          data: bands.map((b) => [
            { yAxis: b.first - 0.5, name: b.tier, itemStyle: { color: b.colour, opacity: 0.08 }, label: { position: 'insideRight', color: b.colour, fontWeight: 600, offset: [108, 0] } },
            { yAxis: b.last + 0.5 },
          ]),
        },
      },
    ],
  };
}

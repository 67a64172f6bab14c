import { describe, expect, it } from 'vitest';
import { applicationsOption, barChartHeight, dailyOption, everyMonth, queueOption, rankOption, ranked, satisfactionOption, scorecardOption, tierBands, type ScoreRow } from '../../console/src/pages/dashboard/charts.ts';

const heading = { title: '图', subtitle: '2026年12月 · 全中心' };

/** The option's nth series or axis, whether ECharts was given one or a list. */
const nth = <T>(value: T | T[] | undefined, n = 0): T => (Array.isArray(value) ? value[n]! : value!);
const seriesOf = (option: ReturnType<typeof dailyOption>) => (Array.isArray(option.series) ? option.series : [option.series!]);

describe('the daily chart', () => {
  it('plots working days only: completions on the first axis, the on-time rate in percent on the second, a day without completions as a gap', () => {
    const option = dailyOption(
      [
        { date: '2026-12-11', workingDay: true, completed: 40, onTimeRate: 0.975 },
        { date: '2026-12-12', workingDay: false, completed: 0, onTimeRate: null },
        { date: '2026-12-13', workingDay: false, completed: 0, onTimeRate: null },
        { date: '2026-12-14', workingDay: true, completed: 0, onTimeRate: null },
      ],
      heading,
    );
    expect(nth(option.xAxis)).toMatchObject({ data: ['12-11', '12-14'] });
    const [completed, rate] = seriesOf(option);
    expect(completed).toMatchObject({ type: 'line', data: [40, 0] });
    expect(rate).toMatchObject({ type: 'line', yAxisIndex: 1, data: [97.5, null] });
    expect(nth(option.title)).toMatchObject({ text: '图', subtext: '2026年12月 · 全中心' });
  });
});

describe('the satisfaction chart', () => {
  it('draws the monthly rate in percent over the reviews, its axis starting a little below the lowest month', () => {
    const option = satisfactionOption(
      [
        { month: '2026-11', reviews: 100, badReviews: 8, satisfactionRate: 0.921 },
        { month: '2026-12', reviews: 0, badReviews: 0, satisfactionRate: null },
      ],
      heading,
    );
    expect(nth(option.xAxis)).toMatchObject({ data: ['11月', '12月'] });
    expect(nth(option.yAxis, 0)).toMatchObject({ min: 85, max: 100 });
    expect(seriesOf(option).find((s) => s.name === '满意率')).toMatchObject({ data: [92.1, null] });
    expect(seriesOf(option).find((s) => s.name === '评价数')).toMatchObject({ data: [100, 0] });
  });

  it('writes the year with the month when the months span two years', () => {
    const option = satisfactionOption([{ month: '2025-12', reviews: 1, badReviews: 0, satisfactionRate: 1 }, { month: '2026-01', reviews: 1, badReviews: 0, satisfactionRate: 1 }], heading);
    expect(nth(option.xAxis)).toMatchObject({ data: ['2025-12', '2026-01'] });
  });
});

describe('the applications chart', () => {
  it('draws applications by channel and by site level as bars in Chinese, each with its count and share', () => {
    const option = applicationsOption({ window: 30, online: 5, township: 0, village: 2, agent: 3 }, { county: 30, township: 5, village: 5 }, heading);
    expect(option.yAxis).toMatchObject([{ data: ['窗口', '网上申报', '乡镇（街道）代办', '村（社区）代办', '代办员'] }, { data: ['县级中心', '乡镇（街道）', '村（社区）'] }]);
    const [channels, levels] = seriesOf(option);
    expect(channels).toMatchObject({ type: 'bar', xAxisIndex: 0, yAxisIndex: 0, data: [30, 5, 0, 2, 3] });
    expect(levels).toMatchObject({ type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: [30, 5, 5] });
    const label = (channels as { label: { formatter: (p: { value: number }) => string } }).label.formatter;
    expect(label({ value: 30 })).toBe('30 件（75.0%）');
    expect(label({ value: 0 })).toBe('0 件（0.0%）');
  });
});

describe('the window rankings', () => {
  const rows = [
    { name: 'W03 不动产登记窗口', rate: 0.9, base: 10 },
    { name: 'W01 自然资源和规划窗口', rate: 1, base: 3 },
    { name: 'W02 市场监管窗口', rate: null, base: 0 },
    { name: 'W04 税务窗口', rate: 1, base: 8 },
  ];

  it('rank the windows with a rate, best first; equal rates by more cases', () => {
    expect(ranked(rows).map((r) => r.name)).toEqual(['W04 税务窗口', 'W01 自然资源和规划窗口', 'W03 不动产登记窗口']);
  });

  it('draw them as horizontal bars with the best on top, in percent', () => {
    const option = rankOption(rows, heading, '办结');
    expect(nth(option.yAxis)).toMatchObject({ type: 'category', inverse: true, data: ['W04 税务窗口', 'W01 自然资源和规划窗口', 'W03 不动产登记窗口'] });
    expect(seriesOf(option)[0]).toMatchObject({ type: 'bar', data: [{ value: 100 }, { value: 100 }, { value: 90 }] });
    expect(barChartHeight(3)).toBeGreaterThanOrEqual(260);
    expect(barChartHeight(29)).toBeGreaterThan(barChartHeight(10));
  });
});

describe('the queue chart', () => {
  it('shows the average and 90th-percentile wait and service per category, in minutes with one decimal', () => {
    const option = queueOption([{ name: 'A 自然资源和规划', averageWaitMinutes: 6.24, p90WaitMinutes: 15, averageServiceMinutes: null, p90ServiceMinutes: 9.96 }], heading);
    expect(nth(option.xAxis)).toMatchObject({ data: ['A 自然资源和规划'] });
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['平均等候', [6.2]],
      ['90% 等候不超过', [15]],
      ['平均办理', [null]],
      ['90% 办理不超过', [10]],
    ]);
  });
});

describe('the scorecard chart', () => {
  const row = (windowId: string, rank: number, score: number, tier: string): ScoreRow => ({ windowId, name: `${windowId}窗口`, rank, score, tier });
  const rows = [row('W03', 3, 96, '良好'), row('W01', 1, 101, '优秀'), row('W02', 1, 101, '优秀'), row('W04', 4, 90, '合格'), row('W05', 5, 89, '合格')];

  it('bands the ranking by tier, best tier first, each band one colour', () => {
    const bands = tierBands(rows);
    expect(bands.map((b) => [b.tier, b.first, b.last])).toEqual([
      ['优秀', 0, 1],
      ['良好', 2, 2],
      ['合格', 3, 4],
    ]);
    expect(new Set(bands.map((b) => b.colour)).size).toBe(3);
  });

  it('draws the windows by rank, best on top, coloured by tier, with a band from half a row above to half a row below', () => {
    const option = scorecardOption(rows, heading);
    expect(nth(option.yAxis, 0)).toMatchObject({ type: 'category', inverse: true, data: ['1. W01窗口', '1. W02窗口', '3. W03窗口', '4. W04窗口', '5. W05窗口'] });
    const [bars, bands] = seriesOf(option);
    const colours = (bars!.data as { value: number; itemStyle: { color: string } }[]).map((d) => d.itemStyle.color);
    expect(colours[0]).toBe(colours[1]);
    expect(colours[1]).not.toBe(colours[2]);
    expect(colours[3]).toBe(colours[4]);
    expect((bars!.data as { value: number }[]).map((d) => d.value)).toEqual([101, 101, 96, 90, 89]);
    const areas = (bands as { markArea: { data: [{ yAxis: number; name: string }, { yAxis: number }][] } }).markArea.data;
    expect(areas.map(([a, b]) => [a.name, a.yAxis, b.yAxis])).toEqual([
      ['优秀', -0.5, 1.5],
      ['良好', 1.5, 2.5],
      ['合格', 2.5, 4.5],
    ]);
    // The score axis starts below the lowest score, so the differences show.
    expect(nth(option.xAxis)).toMatchObject({ min: 80, max: 105 });
  });
});

describe('everyMonth', () => {
  it('gives every month of the range its place, with the API’s figures where it has them', () => {
    const months = everyMonth([{ month: '2026-11', reviews: 5, badReviews: 1, satisfactionRate: 0.8 }], '2025-12-01', '2026-12-17');
    expect(months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(months[11]).toEqual({ month: '2026-11', reviews: 5, badReviews: 1, satisfactionRate: 0.8 });
    expect(months[12]).toEqual({ month: '2026-12', reviews: 0, badReviews: 0, satisfactionRate: null });
  });
});

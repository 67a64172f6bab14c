import { Alert } from 'antd';
import { useMemo } from 'react';
import { Chart } from './Chart.tsx';
import { applicationsOption, barChartHeight, dailyOption, queueOption, rankOption, ranked, satisfactionOption, scorecardOption, type Heading } from './charts.ts';
import type { Figures, Places } from './data.ts';
import { monthLabel, monthRangeLabel } from './period.ts';

interface Props {
  figures: Figures;
  places: Places | undefined;
  /** The period as people read it (in each chart's heading and PNG name). */
  period: string;
  /** Whom the figures cover: 全中心, 窗口 W01 …. */
  scopeName: string;
  /** The windows the scope covers, for the scorecard (undefined: all). */
  windows: Set<string> | undefined;
  /** Department and site scopes: the queue's figures are the whole center's. */
  queueOfWholeCenter: boolean;
}

const grid = { display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(560px, 1fr))' } as const;

/**
 * The dashboard's charts (their own chunk: ECharts loads while the cards already show). Each
 * heading names the period and scope, so a downloaded picture stands on its own.
 */
export default function Charts({ figures, places, period, scopeName, windows, queueOfWholeCenter }: Props) {
  const { summary, satisfaction, queue, daily, monthly, scorecards } = figures;
  const months = monthly.map((m) => m.month);
  const monthsLabel = months.length > 0 ? monthRangeLabel(months[0]!, months.at(-1)!) : period;

  const options = useMemo(() => {
    const heading = (title: string, sub = `${period} · ${scopeName}`): Heading => ({ title, subtitle: sub });
    const categoryName = (code: string) => places?.categories.find((c) => c.code === code)?.name ?? code;
    const onTime = summary.windows.map((w) => ({ name: `${w.windowId} ${w.name}`, rate: w.onTimeRate, base: w.completed }));
    const satisfied = satisfaction.windows.map((w) => ({ name: `${w.windowId} ${w.name}`, rate: w.satisfactionRate, base: w.reviews }));
    const categories = queue.byCategory.filter((c) => c.issued + c.called + c.served > 0).map((c) => ({ ...c, name: categoryName(c.category) }));
    const cards = scorecards.data?.windows.filter((w) => windows === undefined || windows.has(w.windowId)) ?? [];
    return {
      daily: dailyOption(daily, heading('每个工作日办结件数与按时办结率')),
      satisfaction: satisfactionOption(monthly, heading('满意率（按月）', `${monthsLabel} · ${scopeName}`)),
      applications: applicationsOption(summary.byChannel, summary.bySiteLevel, heading('收件渠道与站点层级')),
      onTime: { option: rankOption(onTime, heading('窗口按时办结率排名'), '办结'), rows: ranked(onTime).length },
      satisfied: { option: rankOption(satisfied, heading('窗口满意率排名'), '评价'), rows: ranked(satisfied).length },
      queue: { option: queueOption(categories, heading('各类业务等候与办理时长', `${period} · ${queueOfWholeCenter ? '全中心（排队数据不分部门、站点）' : scopeName}`)), rows: categories.length },
      scorecard: { option: scorecardOption(cards, heading(`${scorecards.data ? monthLabel(scorecards.data.month) : ''}窗口绩效考核`, `按得分排名，底色为考核档次 · ${scopeName}`)), rows: cards.length },
    };
  }, [summary, satisfaction, queue, daily, monthly, scorecards, places, period, scopeName, windows, queueOfWholeCenter, monthsLabel]);

  const workingDays = daily.filter((d) => d.workingDay).length;
  const applications = Object.values(summary.byChannel).reduce((a, b) => a + b, 0);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div style={grid}>
        <Chart title="每个工作日办结件数与按时办结率" period={period} option={options.daily} height={340} empty={workingDays === 0 ? '该时段没有工作日' : undefined} />
        <Chart title="满意率（按月）" period={monthsLabel} option={options.satisfaction} height={340} empty={monthly.every((m) => m.reviews === 0) ? '该时段还没有评价' : undefined} />
        <Chart title="收件渠道与站点层级" period={period} option={options.applications} height={360} empty={applications === 0 ? '该时段没有收件' : undefined} />
        <Chart title="各类业务等候与办理时长" period={period} option={options.queue.option} height={360} empty={options.queue.rows === 0 ? '该时段没有取号' : undefined} />
        <Chart title="窗口按时办结率排名" period={period} option={options.onTime.option} height={barChartHeight(options.onTime.rows)} empty={options.onTime.rows === 0 ? '该时段没有办结的办件' : undefined} />
        <Chart title="窗口满意率排名" period={period} option={options.satisfied.option} height={barChartHeight(options.satisfied.rows)} empty={options.satisfied.rows === 0 ? '该时段没有评价' : undefined} />
      </div>
      {scorecards.problem ? (
        <Alert type="warning" showIcon title={`${figures.summary.to.slice(0, 7)} 的绩效考核暂时读不到：${scorecards.problem.message}`} />
      ) : (
        <Chart title={`${monthLabel(scorecards.data.month)}窗口绩效考核`} period={monthLabel(scorecards.data.month)} option={options.scorecard.option} height={barChartHeight(options.scorecard.rows)} empty={options.scorecard.rows === 0 ? '该范围内没有参加考核的窗口' : undefined} />
      )}
    </div>
  );
}

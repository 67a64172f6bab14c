import type { Figures } from './data.ts';
import { count, decimal, percent } from './format.ts';

/**
 * The report's opening paragraph, in the words a center's annual report uses for these figures
 * (受理 … 办结 … 日均办结 … 按时办结率 … 满意率 … 回访 …).
 */
export function reportSentence(period: string, scopeName: string, f: Figures): string {
  const s = f.summary;
  const sat = f.satisfaction;
  const r = sat.rectifications;
  return (
    `${period}，${scopeName}共受理办件 ${count(s.accepted)} 件，办结 ${count(s.completed)} 件，日均办结 ${decimal(s.completedPerWorkingDay)} 件，` +
    `按时办结率 ${percent(s.onTimeRate)}，提前办结率 ${percent(s.earlyRate)}；基层站点收件 ${count(s.grassroots)} 件，网上申报 ${count(s.online)} 件。` +
    `开展电话回访 ${count(sat.callbackAttempts)} 次（有效回访 ${count(sat.validCallbacks)} 次），收到短信评价 ${count(sat.smsReviews)} 条，共 ${count(sat.reviews)} 条评价，满意率 ${percent(sat.satisfactionRate)}；` +
    `差评 ${count(sat.badReviews)} 件，整改在办 ${count(r.open)} 件（其中超期 ${count(r.overdue)} 件），本期整改办结 ${count(r.closed)} 件。` +
    `大厅取号 ${count(f.queue.issued)} 人次，平均等候 ${decimal(f.queue.averageWaitMinutes)} 分钟。`
  );
}

import { chineseDate } from '../../lib/dates.ts';
import { cardChange, shownPrevious, shownValue, type CardFigure } from './cards.ts';
import type { Figures } from './data.ts';
import { count, decimal, percent } from './format.ts';
import { reportSentence } from './report.ts';
import type { DepartmentLine } from './tables.ts';

interface Props {
  title: string;
  period: string;
  previous: string;
  scopeName: string;
  today: string;
  figures: Figures;
  cards: CardFigure[];
  departments: DepartmentLine[];
}

/**
 * The period's figures on one A4 page (打印报告), as a center attaches them to its annual report:
 * a paragraph in the seed report's words, the figures beside the previous period's, and each
 * department's cases. Shown only when printing (dashboard.css).
 */
export function Report({ title, period, previous, scopeName, today, figures, cards, departments }: Props) {
  const s = figures.summary;
  return (
    <article className="dashboard-report" aria-label="打印报告">
      <h1>{title}</h1>
      <div className="report-meta">
        <span>统计范围：{scopeName}</span>
        <span>
          统计时段：{period}（工作日 {s.workingDays} 天）
        </span>
        <span>对比：{previous}</span>
      </div>
      <h2>一、总体情况</h2>
      <p>{reportSentence(period, scopeName, figures)}</p>
      <h2>二、主要指标</h2>
      <table>
        <thead>
          <tr>
            <th>指标</th>
            <th>本期</th>
            <th>{previous.replace(/（.*$/, '')}</th>
            <th>变化</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.key}>
              <td className="label">
                {c.title}
                {c.unit ? `（${c.unit}）` : ''}
              </td>
              <td>{shownValue(c)}</td>
              <td>{shownPrevious(c)}</td>
              <td>{cardChange(c).text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>三、各部门办件情况</h2>
      {departments.length === 0 ? (
        <p>该时段没有办件。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>部门</th>
              <th>收件</th>
              <th>受理</th>
              <th>办结</th>
              <th>按时办结</th>
              <th>按时办结率</th>
              <th>提前办结率</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.departmentId}>
                <td className="label">{d.name}</td>
                <td>{count(d.submitted)}</td>
                <td>{count(d.accepted)}</td>
                <td>{count(d.completed)}</td>
                <td>{count(d.onTime)}</td>
                <td>{percent(d.onTimeRate)}</td>
                <td>{percent(d.earlyRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="report-footer">
        <span>数据来源：办件系统统计（由办件过程记录自动汇总）；日均办结按工作日计，共 {s.workingDays} 天，日均 {decimal(s.completedPerWorkingDay)} 件。</span>
        <span>制表日期：{chineseDate(today)}</span>
      </div>
    </article>
  );
}

import { Tag, theme, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { chineseDate } from '../../lib/dates.ts';
import { caseColour, filingOutcomes, stepStates } from './labels.ts';
import { shortDate, type CaseBar, type Span, type Timeline, type TimelineRow } from './model.ts';

const LABEL_WIDTH = 300;
const ROW_HEIGHT = 58;

/** Left and width of columns `[from, to)` of `n`, in per cent of the track. */
const place = (span: Span, n: number): CSSProperties => ({ left: `${(span.from / n) * 100}%`, width: `${((span.to - span.from) / n) * 100}%` });

/**
 * The plan drawn over working dates (a Gantt chart, in plain CSS): each step's planned span above
 * its cases (green approved, red denied, blue or orange while open) and what is still expected,
 * hatched; the critical path outlined in red and the step everything waits on (当前卡点) marked.
 */
export function PlanTimeline({ chart, nameOf }: { chart: Timeline; nameOf?: (stepId: string) => string }) {
  const { token } = theme.useToken();
  const n = chart.days.length;
  const grid: CSSProperties = { display: 'grid', gridTemplateColumns: `${LABEL_WIDTH}px minmax(480px, 1fr)` };
  const line = `1px solid ${token.colorBorderSecondary}`;

  /** The background every track shares: week lines and today's column. */
  const background = (
    <>
      {chart.ticks.map((t) => (
        <div key={t.column} aria-hidden style={{ position: 'absolute', top: 0, bottom: 0, left: `${(t.column / n) * 100}%`, borderLeft: `1px dashed ${token.colorBorderSecondary}` }} />
      ))}
      {chart.today !== null ? (
        <div aria-hidden style={{ position: 'absolute', top: 0, bottom: 0, ...place({ from: chart.today, to: chart.today + 1 }, n), background: chart.todayWorking ? 'rgba(29, 78, 216, 0.10)' : undefined, borderLeft: chart.todayWorking ? undefined : `2px solid ${token.colorPrimary}` }} />
      ) : null}
    </>
  );

  return (
    <figure aria-label="代办计划时间轴" style={{ margin: 0 }}>
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: LABEL_WIDTH + 480, border: line, borderRadius: token.borderRadius }}>
          <div style={{ ...grid, background: token.colorFillAlter, borderBottom: line }}>
            <div style={{ padding: '6px 12px', fontWeight: 600, borderRight: line, display: 'flex', alignItems: 'flex-end' }}>步骤 · 审批事项</div>
            <div style={{ position: 'relative', height: 48 }} aria-hidden>
              {chart.months.map((m) => (
                <div key={m.label} style={{ position: 'absolute', top: 0, height: 22, ...place({ from: m.column, to: m.column + m.span }, n), borderLeft: m.column > 0 ? line : undefined, padding: '2px 6px', fontSize: 13, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
                  {m.label}
                </div>
              ))}
              {chart.ticks.filter((t) => t.column !== chart.today).map((t) => (
                <div key={t.column} style={{ position: 'absolute', top: 24, left: `${(t.column / n) * 100}%`, paddingLeft: 3, fontSize: 12, color: token.colorTextSecondary, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {t.label}
                </div>
              ))}
              {chart.today !== null ? (
                <div style={{ position: 'absolute', top: 24, left: `${(chart.today / n) * 100}%`, zIndex: 1, fontSize: 12, fontWeight: 600, color: token.colorPrimary, background: token.colorFillAlter, padding: '0 3px', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {chart.closed ? '结案' : '今天'} {shortDate(chart.days[chart.today]!)}
                </div>
              ) : null}
            </div>
          </div>
          {chart.rows.map((row) => (
            <StepRow key={row.step.stepId} row={row} n={n} grid={grid} line={line} background={background} nameOf={nameOf} />
          ))}
        </div>
      </div>
      <Legend />
    </figure>
  );
}

function StepRow({ row, n, grid, line, background, nameOf }: { row: TimelineRow; n: number; grid: CSSProperties; line: string; background: ReactNode; nameOf: ((stepId: string) => string) | undefined }) {
  const { token } = theme.useToken();
  const { step } = row;
  const state = stepStates[step.state];
  const planned = `计划 ${chineseDate(step.planned.start)} – ${chineseDate(step.planned.finish)}`;
  const caseText = (c: CaseBar) => `办件 ${c.caseNo}：${chineseDate(c.filedDate)}申报，${c.outcome ? `${chineseDate(c.closedDate)}${filingOutcomes[c.outcome].label}` : '办理中'}`;
  const done = step.state === 'done' && step.actual.finish ? `${chineseDate(step.actual.finish)}办结` : `预计 ${chineseDate(step.expectedFinish)} 完成`;
  const summary = [`${step.stepId} ${step.itemName}：${state.label}`, planned, ...row.cases.map(caseText), done, ...(step.critical ? ['关键路径'] : []), ...(step.blocking ? ['当前卡点'] : [])].join('；');
  return (
    <div
      data-step={step.stepId}
      data-state={step.state}
      data-critical={step.critical}
      data-blocking={step.blocking}
      aria-label={summary}
      role="group"
      style={{ ...grid, borderBottom: line, background: step.blocking ? token.colorWarningBg : undefined }}
    >
      <div style={{ padding: '6px 12px', borderRight: line, borderLeft: `4px solid ${step.critical ? token.colorError : 'transparent'}`, minWidth: 0 }}>
        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={`${step.stepId} ${step.itemName}`}>
          <Typography.Text strong>{step.stepId}</Typography.Text> {step.itemName}
        </div>
        <div style={{ display: 'flex', gap: 4, marginTop: 2, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <Tag color={state.color} style={{ marginInlineEnd: 0 }} data-testid="step-state">
            {state.label}
          </Tag>
          {step.blocking ? (
            <Tag color="warning" style={{ marginInlineEnd: 0, fontWeight: 600 }} data-testid="blocking-step">
              当前卡点
            </Tag>
          ) : null}
          {step.critical ? (
            <Tag color="error" bordered={false} style={{ marginInlineEnd: 0 }}>
              关键路径
            </Tag>
          ) : null}
          {step.after.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: '22px', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              前置 {step.after.map((a) => nameOf?.(a) ?? a).join('、')}
            </Typography.Text>
          ) : null}
        </div>
      </div>
      <div style={{ position: 'relative', height: ROW_HEIGHT }}>
        {background}
        <div
          title={planned}
          data-bar="planned"
          style={{
            position: 'absolute',
            top: 10,
            height: 12,
            ...place(row.planned, n),
            background: step.critical ? '#fff1f0' : token.colorFillSecondary,
            border: `1px solid ${step.critical ? token.colorError : token.colorTextQuaternary}`,
            borderRadius: 3,
            boxSizing: 'border-box',
          }}
        />
        {row.cases.map((c) => (
          <div
            key={c.caseNo}
            title={caseText(c)}
            data-bar="case"
            data-outcome={c.outcome ?? 'open'}
            style={{ position: 'absolute', top: 27, height: 16, ...place(c.span, n), background: caseColour(c.outcome, step.state), borderRadius: 3, boxShadow: `0 0 0 1px ${token.colorBgContainer}` }}
          />
        ))}
        {row.expected ? (
          <div
            title={`预计 ${chineseDate(step.expectedFinish)} 完成${step.targetAtRisk ? '（晚于目标日期）' : ''}`}
            data-bar="expected"
            style={{
              position: 'absolute',
              top: 27,
              height: 16,
              ...place(row.expected, n),
              border: `1px dashed ${state.bar}`,
              borderRadius: 3,
              boxSizing: 'border-box',
              background: `repeating-linear-gradient(135deg, transparent 0 4px, ${state.bar}40 4px 8px)`,
            }}
          />
        ) : null}
        {row.target !== null ? (
          <div title={`目标日期 ${chineseDate(step.targetDate)}${step.targetAtRisk ? '（有延误风险）' : ''}`} data-bar="target" style={{ position: 'absolute', top: 0, bottom: 0, left: `${((row.target + 1) / n) * 100}%`, borderLeft: `2px solid ${step.targetAtRisk ? token.colorError : token.colorSuccess}` }}>
            <span style={{ position: 'absolute', top: -1, left: -6, fontSize: 10, lineHeight: 1, color: step.targetAtRisk ? token.colorError : token.colorSuccess }}>▼</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** What the marks mean. */
function Legend() {
  const { token } = theme.useToken();
  const swatch = (style: CSSProperties) => <span aria-hidden style={{ display: 'inline-block', width: 22, height: 10, borderRadius: 2, verticalAlign: 'middle', marginRight: 4, boxSizing: 'border-box', ...style }} />;
  const item = (mark: ReactNode, text: string) => (
    <li style={{ whiteSpace: 'nowrap' }}>
      {mark}
      {text}
    </li>
  );
  return (
    <figcaption>
      <ul style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '4px 16px', padding: 0, margin: '10px 0 0', fontSize: 13, color: token.colorTextSecondary }} aria-label="图例">
        {item(swatch({ background: token.colorFillSecondary, border: `1px solid ${token.colorTextQuaternary}` }), '计划')}
        {item(swatch({ background: '#fff1f0', border: `1px solid ${token.colorError}` }), '关键路径（计划）')}
        {item(swatch({ background: caseColour('approved', 'done') }), '办件 · 已办结')}
        {item(swatch({ background: caseColour(null, 'filed') }), '办件 · 办理中')}
        {item(swatch({ background: caseColour(null, 'stalled') }), '办件 · 逾期')}
        {item(swatch({ background: caseColour('rejected', 'denied') }), '办件 · 未获批')}
        {item(swatch({ border: `1px dashed ${stepStates.ready.bar}`, background: `repeating-linear-gradient(135deg, transparent 0 3px, ${stepStates.ready.bar}40 3px 6px)` }), '预计')}
        {item(<span aria-hidden style={{ color: token.colorSuccess, marginRight: 4 }}>▼</span>, '目标日期（红色：有延误风险）')}
        {item(swatch({ background: 'rgba(29, 78, 216, 0.10)' }), '今天')}
        {item(swatch({ background: token.colorWarningBg, border: `1px solid ${token.colorWarning}` }), '当前卡点')}
      </ul>
    </figcaption>
  );
}

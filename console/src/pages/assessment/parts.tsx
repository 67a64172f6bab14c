import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/client.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { downloadSheet } from './api.ts';
import { chineseMonth, csvName, deductionKinds, detailText, minus, monthsUpTo, sheetNames, sourceOf, tierCounts, type Deduction, type SheetKind, type SiteLevel } from './model.ts';
import { explain } from './refusals.ts';

/** A worker's day to open from a deduction: their attendance month, at that day. */
export interface AttendanceRef {
  staffId: string;
  month: string;
  date: string;
}

/** Which rows of a sheet have their deductions open. */
export function useExpanded(): { isOpen: (id: string) => boolean; toggle: (id: string) => void } {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((id: string) => setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id]))), []);
  const isOpen = useCallback((id: string) => open.has(id), [open]);
  return { isOpen, toggle };
}

/** The 扣分 cell: the points taken, and the button that opens what they were taken for. */
export function DeductionToggle({ name, deducted, count, open, onToggle }: { name: string; deducted: number; count: number; open: boolean; onToggle: () => void }) {
  if (count === 0) return <Typography.Text type="secondary">无扣分</Typography.Text>;
  return (
    <Button size="small" aria-expanded={open} aria-label={`${open ? '收起' : '展开'}扣分明细：${name}`} onClick={onToggle}>
      <Typography.Text type="danger">{minus(deducted)}</Typography.Text>
      <span>
        {count} 项 {open ? '▴' : '▾'}
      </span>
    </Button>
  );
}

/** Where a deduction comes from: the case page, the worker's day, or its record named in words. */
function SourceCell({ link, onAttendance }: { link: string; onAttendance: ((ref: AttendanceRef) => void) | undefined }) {
  const source = sourceOf(link);
  if (source.kind === 'case') return <Link to={source.to}>{source.text}</Link>;
  if (source.kind === 'attendance' && onAttendance)
    return (
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onAttendance({ staffId: source.staffId, month: source.month, date: source.date })}>
        {source.text}
      </Button>
    );
  return <Typography.Text type="secondary">{source.text}</Typography.Text>;
}

/** A sheet row's deductions (扣分明细): each with its day, what it is for, the points, and the record behind it. */
export function DeductionList({ label, deductions, onAttendance }: { label: string; deductions: readonly Deduction[]; onAttendance?: (ref: AttendanceRef) => void }) {
  return (
    <DataTable<Deduction>
      label={label}
      rows={[...deductions]}
      rowKey={(d) => `${d.ref.stream}#${d.ref.version}#${d.kind}#${d.detail}`}
      empty="本月没有扣分"
      columns={[
        { title: '日期', nowrap: true, width: 120, render: (d) => d.date },
        { title: '扣分项', nowrap: true, width: 150, render: (d) => <Tag color="volcano">{deductionKinds[d.kind]}</Tag> },
        { title: '情况', render: (d) => detailText(d.kind, d.detail) },
        { title: '扣分', nowrap: true, width: 80, render: (d) => <Typography.Text type="danger">{minus(d.points)}</Typography.Text> },
        { title: '依据', nowrap: true, width: 200, render: (d) => <SourceCell link={d.link} onAttendance={onAttendance} /> },
      ]}
    />
  );
}

/** A tier (档次) or a staff band as a coloured tag. */
export const TierTag = ({ tier, colours, children }: { tier: string; colours: Record<string, string>; children?: ReactNode }) => (
  <Tag color={colours[tier] ?? 'default'} style={{ marginInlineEnd: 0 }}>
    {tier}
    {children}
  </Tag>
);

/** The sheet's spread over its tiers: 优秀 5 · 良好 10 … */
export function TierSummary({ rows }: { rows: readonly { tier: string; score: number }[] }) {
  if (rows.length === 0) return null;
  return (
    <Space size={4} wrap aria-label="档次分布">
      {tierCounts(rows).map((t) => (
        <Tag key={t.tier} color={t.colour}>
          {t.tier} {t.count}
        </Tag>
      ))}
    </Space>
  );
}

/** 导出 CSV: the sheet as the API writes it for Excel (format=csv), with the person's token. */
export function CsvButton({ sheet, month, level, windowId }: { sheet: SheetKind; month: string; level?: SiteLevel; windowId?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const options = { ...(level ? { level } : {}), ...(windowId ? { windowId } : {}) };
  const download = async () => {
    setBusy(true);
    try {
      await downloadSheet(sheet, month, options, csvName(sheet, month, options));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      void message.error(`导出失败：${explain(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void download()} loading={busy} aria-label={`导出 CSV：${sheetNames[sheet]}`}>
      导出 CSV
    </Button>
  );
}

/** A figure with a smaller line under it (a rate, and what it is of). */
export const Figure = ({ main, sub }: { main: ReactNode; sub?: ReactNode }) => (
  <>
    <div>{main}</div>
    {sub ? (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {sub}
      </Typography.Text>
    ) : null}
  </>
);

/**
 * The month a sheet is of: the running month and the two years before it. A plain select rather than
 * a month picker (a calendar widget and its locale, about 40 KB gzipped on the first screen).
 */
export function MonthSelect({ id, value, thisMonth, onChange }: { id: string; value: string; thisMonth: string; onChange: (month: string) => void }) {
  return <Select id={id} style={{ width: 150 }} value={value} onChange={onChange} options={monthsUpTo(thisMonth, 24).map((m) => ({ value: m, label: chineseMonth(m) }))} />;
}

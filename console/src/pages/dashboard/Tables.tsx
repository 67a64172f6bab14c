import { Button } from 'antd';
import { DataTable, type Column } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { fileName, saveCsv } from './csv.ts';
import type { Figures } from './data.ts';
import { count, percent } from './format.ts';
import { departmentCsv, windowCsv, type DepartmentLine, type WindowLine } from './tables.ts';

interface Props<T> {
  lines: T[];
  figures: Figures;
  period: string;
  scopeName: string;
}

const numbers = <T,>(title: string, pick: (row: T) => number): Column<T> => ({ title, nowrap: true, render: (row) => count(pick(row)) });
const rates = <T,>(title: string, pick: (row: T) => number | null): Column<T> => ({ title, nowrap: true, render: (row) => percent(pick(row)) });

const windowColumns: Column<WindowLine>[] = [
  { title: '窗口', render: (w) => `${w.windowId} ${w.name}` },
  { title: '所属部门', render: (w) => w.department },
  numbers('收件', (w) => w.submitted),
  numbers('受理', (w) => w.accepted),
  numbers('办结', (w) => w.completed),
  numbers('超期办结', (w) => w.late),
  rates('按时办结率', (w) => w.onTimeRate),
  rates('提前办结率', (w) => w.earlyRate),
  numbers('评价', (w) => w.reviews),
  numbers('差评', (w) => w.badReviews),
  rates('满意率', (w) => w.satisfactionRate),
];

const departmentColumns: Column<DepartmentLine>[] = [
  { title: '部门', render: (d) => d.name },
  numbers('收件', (d) => d.submitted),
  numbers('受理', (d) => d.accepted),
  numbers('不予受理', (d) => d.rejected),
  numbers('办结', (d) => d.completed),
  numbers('按时办结', (d) => d.onTime),
  numbers('提前办结', (d) => d.early),
  numbers('超期办结', (d) => d.late),
  rates('按时办结率', (d) => d.onTimeRate),
  rates('提前办结率', (d) => d.earlyRate),
];

/** Each window's cases and reviews in the period, and the same for Excel. */
export function WindowTable({ lines, figures, period, scopeName }: Props<WindowLine>) {
  const title = '各窗口办件与评价情况';
  return (
    <Panel aria-label={title} title={title} extra={<Button onClick={() => saveCsv(windowCsv(lines, figures), `${fileName(title, scopeName, period)}.csv`)}>导出 CSV</Button>}>
      <DataTable label={title} rows={lines} rowKey={(w) => w.windowId} columns={windowColumns} empty="该时段没有窗口办件或评价" rowData={(w) => ({ 'data-window': w.windowId })} />
    </Panel>
  );
}

/** Each department's cases in the period (the departments with any), and the same for Excel. */
export function DepartmentTable({ lines, figures, period, scopeName }: Props<DepartmentLine>) {
  const title = '各部门办件情况';
  return (
    <Panel aria-label={title} title={title} extra={<Button onClick={() => saveCsv(departmentCsv(lines, figures), `${fileName(title, scopeName, period)}.csv`)}>导出 CSV</Button>}>
      <DataTable label={title} rows={lines} rowKey={(d) => d.departmentId} columns={departmentColumns} empty="该时段没有部门办件" />
    </Panel>
  );
}

import { Empty, Spin, theme } from 'antd';
import { Fragment, type CSSProperties, type ReactNode } from 'react';

export interface Column<T> {
  title: string;
  width?: number;
  /** Keep the cell on one line (numbers, dates, tags). */
  nowrap?: boolean;
  render: (row: T, index: number) => ReactNode;
}

interface Props<T> {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  loading?: boolean;
  empty: string;
  selected?: (row: T) => boolean;
  onRowClick?: (row: T) => void;
  rowStyle?: (row: T) => CSSProperties | undefined;
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** What opens under a row across the whole table (a sheet's deductions), or nothing while it is closed. */
  expanded?: (row: T) => ReactNode;
}

/**
 * A plain table for the lists the hall works from (tens of rows, not thousands). Ant Design's Table
 * brings sorting, filtering and virtual scrolling (about 30 KB gzipped) to a page's first screen;
 * these lists need none of it.
 */
export function DataTable<T>({ label, rows, rowKey, columns, loading, empty, selected, onRowClick, rowStyle, rowData, expanded }: Props<T>) {
  const { token } = theme.useToken();
  const cell: CSSProperties = { padding: '8px 10px', borderBottom: `1px solid ${token.colorBorderSecondary}`, textAlign: 'left', verticalAlign: 'middle' };
  if (!loading && rows.length === 0) return <Empty description={empty} />;
  return (
    <Spin spinning={loading ?? false}>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'auto' }} aria-label={label} aria-busy={loading}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col" style={{ ...cell, width: c.width, background: token.colorFillAlter, fontWeight: 600, whiteSpace: 'nowrap' }}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const under = expanded?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <tr
                  {...rowData?.(row)}
                  aria-selected={selected ? selected(row) : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  style={{ cursor: onRowClick ? 'pointer' : undefined, background: selected?.(row) ? token.controlItemBgActive : undefined, ...rowStyle?.(row) }}
                >
                  {columns.map((c) => (
                    <td key={c.title} style={{ ...cell, whiteSpace: c.nowrap ? 'nowrap' : undefined }}>
                      {c.render(row, index)}
                    </td>
                  ))}
                </tr>
                {under !== undefined && under !== null && under !== false ? (
                  <tr data-expanded-of={rowKey(row)}>
                    <td colSpan={columns.length} style={{ ...cell, padding: '4px 10px 12px 32px', background: token.colorFillQuaternary }}>
                      {under}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </Spin>
  );
}

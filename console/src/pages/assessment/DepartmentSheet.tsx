import { Alert, Button, Space, Typography } from 'antd';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { readDepartments } from './api.ts';
import { chineseMonth, points, rate, signed, tierColours, type DepartmentRow } from './model.ts';
import { CsvButton, DeductionList, DeductionToggle, Figure, TierSummary, TierTag, useExpanded } from './parts.tsx';

/**
 * 部门考核: each department's month apart from its window's — how far its committed time limits
 * shorten the statutory ones, its completions on time, its rectifications, its joint-approval
 * silence and absences — ranked, with the tier and every deduction's record.
 */
export function DepartmentSheet({ month }: { month: string }) {
  const sheet = useLoad(() => readDepartments(month), [month]);
  const rows = sheet.data?.departments ?? [];
  const colours = tierColours(rows);
  const { isOpen, toggle } = useExpanded();
  return (
    <Panel
      aria-label="部门考核"
      title={`${chineseMonth(month)}部门考核（${rows.length} 个部门）`}
      extra={
        <Space>
          <TierSummary rows={rows} />
          <Button onClick={sheet.reload} loading={sheet.loading && !!sheet.data}>
            刷新
          </Button>
          <CsvButton sheet="departments" month={month} />
        </Space>
      }
    >
      {sheet.error ? <Alert type="error" showIcon title={`读取失败：${sheet.error}`} style={{ marginBottom: 12 }} /> : null}
      <DataTable<DepartmentRow>
        label="部门考核"
        rows={rows}
        rowKey={(d) => d.departmentId}
        loading={!sheet.data && !sheet.error}
        empty="没有参加考核的部门"
        rowData={(d) => ({ 'data-department': d.departmentId })}
        expanded={(d) => (isOpen(d.departmentId) ? <DeductionList label={`扣分明细：${d.name}`} deductions={d.deductions} /> : null)}
        columns={[
          { title: '排名', nowrap: true, width: 64, render: (d) => d.rank },
          { title: '部门', render: (d) => <Figure main={d.name} sub={`${d.departmentId} · 窗口 ${d.windowIds.join('、') || '—'}`} /> },
          { title: '得分', nowrap: true, render: (d) => <Figure main={<Typography.Text strong>{points(d.score)}</Typography.Text>} sub={d.bonus ? `加分 ${signed(d.bonus)}` : undefined} /> },
          { title: '档次', nowrap: true, render: (d) => <TierTag tier={d.tier} colours={colours}>{`（${signed(d.tierPoints)}）`}</TierTag> },
          { title: '承诺时限压缩率', nowrap: true, render: (d) => <Figure main={rate(d.shorteningRate)} sub={d.items ? `${d.items} 个事项 · 法定 ${d.statutoryDays} 天 → 承诺 ${d.committedDays} 天` : '无事项'} /> },
          { title: '按期办结率', nowrap: true, render: (d) => <Figure main={rate(d.onTimeRate)} sub={`办结 ${d.completed} 件 · 按期 ${d.onTime} 件`} /> },
          { title: '按期整改率', nowrap: true, render: (d) => <Figure main={rate(d.rectificationRate)} sub={`到期 ${d.rectificationsDue} 件 · 按期 ${d.rectifiedOnTime} 件`} /> },
          { title: '扣分', nowrap: true, render: (d) => <DeductionToggle name={d.name} deducted={d.deducted} count={d.deductions.length} open={isOpen(d.departmentId)} onToggle={() => toggle(d.departmentId)} /> },
        ]}
      />
    </Panel>
  );
}

import { Alert, App, Button, DatePicker, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, read } from '../../api/client.ts';
import type { Session } from '../../auth/session.ts';
import { countyToday } from '../../lib/dates.ts';
import { findings, levels, rectificationStatuses, recheckResults, resolutions, warnings, type Rectification } from './labels.ts';
import { inWorkOrder, nextStep, stepNames, type Step } from './rectifications.ts';
import { RectificationStep } from './RectificationStep.tsx';
import type { Names } from './use-names.ts';
import { useRead } from './use-read.ts';

type Filter = 'open' | Rectification['status'];

const filters: { value: Filter; label: string }[] = [
  { value: 'open', label: '进行中（全部）' },
  ...(['opened', 'verified', 'appealed', 'resolved', 'followed-up', 'closed', 'voided'] as const).map((s) => ({ value: s, label: rectificationStatuses[s].label })),
];

/**
 * Bad reviews' rectifications (整改): those waiting on a director — to verify, to close — first and
 * the overdue in red; each step in a dialog. Closed and voided ones are listed by month.
 */
export function RectificationsPanel({ session, names }: { session: Session; names: Names }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState<Filter>('open');
  const [windowId, setWindowId] = useState<string>();
  const [month, setMonth] = useState(countyToday().slice(0, 7));
  const [acting, setActing] = useState<{ step: Step; r: Rectification }>();
  const done = status === 'closed' || status === 'voided';
  const list = useRead(`rectifications#${status}#${windowId ?? ''}#${done ? month : ''}`, () =>
    read(api().GET('/rectifications', { params: { query: { status, ...(windowId ? { windowId } : {}), ...(done ? { month } : {}) } } })),
  );
  const rows = inWorkOrder(list.data ?? [], session.roles);
  const waitingOnMe = rows.filter((r) => nextStep(r, session.roles).step).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <label htmlFor="rect-status">状态</label>
        <Select<Filter> id="rect-status" style={{ width: 180 }} value={status} onChange={setStatus} options={filters} />
        <label htmlFor="rect-window">窗口</label>
        <Select id="rect-window" allowClear placeholder="全部窗口" style={{ width: 260 }} value={windowId} onChange={(v: string | undefined) => setWindowId(v)} options={names.windows.map((w) => ({ value: w.id, label: names.window(w.id) }))} showSearch={{ optionFilterProp: 'label' }} />
        {done ? (
          <>
            <label htmlFor="rect-month">结案月份</label>
            <DatePicker id="rect-month" picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          </>
        ) : null}
        <Button onClick={list.reload} loading={list.loading}>刷新</Button>
        {!done ? <Typography.Text type={waitingOnMe > 0 ? 'warning' : 'secondary'}>待我处理 {waitingOnMe} 件</Typography.Text> : null}
      </Space>
      {list.problem ? <Alert type="error" showIcon title={list.problem.message} action={<Button size="small" onClick={list.reload}>重试</Button>} /> : null}
      <Table<Rectification>
        rowKey="rectificationId"
        size="middle"
        loading={list.loading && !list.data}
        dataSource={rows}
        aria-label="整改清单"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有需要处理的整改' }}
        columns={[
          { title: '办件', key: 'case', render: (_: unknown, r) => <><Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link><br /><Typography.Text type="secondary">{r.itemName}</Typography.Text></> },
          { title: '窗口', dataIndex: 'windowId', key: 'window', render: (id: string) => names.window(id) },
          { title: '评价', dataIndex: 'level', key: 'level', width: 110, render: (l: Rectification['level']) => <Tag color="red">{levels[l]}</Tag> },
          {
            title: '状态',
            key: 'status',
            width: 150,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={2}>
                <Tag color={rectificationStatuses[r.status].color}>{rectificationStatuses[r.status].label}</Tag>
                {r.warnings.map((w) => <Tag key={w} color="error">{warnings[w]}</Tag>)}
              </Space>
            ),
          },
          { title: '立项', dataIndex: 'openedDate', key: 'opened', width: 110 },
          { title: '回访期限', key: 'callbackDue', width: 110, render: (_: unknown, r) => <Tooltip title={r.calledBackDate ? `已于 ${r.calledBackDate} 回访` : '尚未回访'}>{r.callbackDue}{r.calledBackDate ? ' ✓' : ''}</Tooltip> },
          { title: '整改期限', dataIndex: 'resolveDue', key: 'resolveDue', width: 110 },
          {
            title: '处理情况',
            key: 'progress',
            render: (_: unknown, r) =>
              [r.finding ? `核实：${findings[r.finding]}` : '', r.resolvedHow ? `窗口：${resolutions[r.resolvedHow]}` : '', r.recheck ? `复核：${recheckResults[r.recheck]}` : '', r.closedDate ? `结案 ${r.closedDate}` : '']
                .filter(Boolean)
                .join('；'),
          },
          {
            title: '操作',
            key: 'action',
            width: 170,
            render: (_: unknown, r) => {
              const next = nextStep(r, session.roles);
              return next.step ? (
                <Button type="primary" size="small" onClick={() => setActing({ step: next.step!, r })} aria-label={`${stepNames[next.step]} ${r.caseNo}`}>
                  {stepNames[next.step]}
                </Button>
              ) : (
                <Typography.Text type="secondary">{next.waiting}</Typography.Text>
              );
            },
          },
        ]}
      />
      {acting ? (
        <RectificationStep
          step={acting.step}
          rectification={acting.r}
          windowLabel={names.window(acting.r.windowId)}
          onCancel={() => {
            setActing(undefined);
            // Someone else may have moved it on meanwhile (a refusal said so): show the list as it is now.
            list.reload();
          }}
          onDone={(r) => {
            setActing(undefined);
            void message.success(`${r.caseNo}：已${stepNames[acting.step]}，现为「${rectificationStatuses[r.status].label}」`);
            list.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

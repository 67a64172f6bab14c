import { Alert, Button, Empty, Space, Tag, theme, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../../client/index.ts';
import { api, read } from '../../api/client.ts';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { caseStatus, channels, urgency } from './labels.ts';

type Entry = Schemas['WindowQueue']['entries'][number];

/** 窗口队列: the window's open cases, most urgent first, coloured by how close their deadline is. */
export function Backlog({ windowId }: { windowId: string }) {
  const queue = useLoad(() => read(api().GET('/windows/{id}/queue', { params: { path: { id: windowId } } })), [windowId]);
  const { reload } = queue;
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);
  const counts = queue.data?.counts;
  return (
    <Panel
     
      title={`窗口队列 · ${windowId}${queue.data ? `（${chineseDate(queue.data.today)}，共 ${queue.data.total} 件）` : ''}`}
      extra={
        <Button onClick={reload} loading={queue.loading}>
          刷新
        </Button>
      }
    >
      {counts ? (
        <Space style={{ marginBottom: 12 }} wrap aria-label="按紧急程度统计">
          {(Object.keys(urgency) as Entry['urgency'][]).map((u) => (
            <Tag key={u} color={urgency[u].color}>
              {urgency[u].label} {counts[u]}
            </Tag>
          ))}
        </Space>
      ) : null}
      {queue.error ? <Alert type="error" showIcon message={queue.error} /> : null}
      <BacklogTable entries={queue.data?.entries ?? []} loading={queue.loading && !queue.data} />
    </Panel>
  );
}

/**
 * The backlog as a plain table: a window holds tens of cases, not thousands, so Ant Design's Table
 * (sorting, filters, virtual scrolling: about 30 KB gzipped) would be weight on the clerk's first screen.
 */
function BacklogTable({ entries, loading }: { entries: Entry[]; loading: boolean }) {
  const { token } = theme.useToken();
  const cell = { padding: '8px 10px', borderBottom: `1px solid ${token.colorBorderSecondary}`, textAlign: 'left' as const };
  const head = { ...cell, background: token.colorFillAlter, fontWeight: 600, whiteSpace: 'nowrap' as const };
  if (!loading && entries.length === 0) return <Empty description="窗口暂无在办件" />;
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-busy={loading} aria-label="窗口队列">
      <thead>
        <tr>
          {['办件编号', '事项', '状态', '渠道', '收件时间', '办结期限', '紧急程度'].map((title) => (
            <th key={title} scope="col" style={head}>
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.caseId} style={e.urgency === 'overdue' ? { background: token.colorErrorBg } : e.urgency === 'due-today' ? { background: token.colorWarningBg } : undefined}>
            <td style={cell}>
              <Link to={`/cases/${e.caseId}`}>{e.caseNo}</Link>
            </td>
            <td style={cell}>{e.item.name}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>
              <Tag color={caseStatus[e.status].color}>{caseStatus[e.status].label}</Tag>
            </td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>{channels[e.channel]}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>{localDateTime(e.submittedAt)}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>
              {e.deadline ? chineseDate(e.deadline) : <Typography.Text type="secondary">{e.status === 'awaiting-materials' ? '待补正' : '未受理'}</Typography.Text>}
              {e.clockStopped ? <Typography.Text type="secondary">（计时暂停）</Typography.Text> : null}
            </td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>
              <Tag color={urgency[e.urgency].color}>{urgency[e.urgency].label}</Tag>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

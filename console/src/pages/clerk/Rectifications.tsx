import { Alert, Button, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../../client/index.ts';
import { api, read } from '../../api/client.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { levels, rectificationStatuses, warnings } from '../director/labels.ts';

type Rectification = Schemas['Rectification'];

// The step's form loads when a clerk first takes one.
const RectificationDialog = lazy(() => import('./RectificationDialog.tsx'));

/**
 * 差评整改: the window's open rectifications. Once a director has verified a bad review the window
 * rectifies it or explains (整改 / 说明); a mistaken or malicious review it may appeal (申诉).
 */
export function Rectifications({ windowId }: { windowId: string }) {
  const list = useLoad(() => read(api().GET('/rectifications', { params: { query: { status: 'open', windowId } } })), [windowId]);
  const [acting, setActing] = useState<{ step: 'resolve' | 'appeal'; r: Rectification }>();
  const rows = (list.data ?? []).filter((r) => r.status !== 'closed' && r.status !== 'voided');
  if (!list.loading && rows.length === 0 && !list.error) return null;
  return (
    <Panel title={`差评整改 · ${windowId}（${rows.length} 件）`} extra={<Button onClick={list.reload}>刷新</Button>}>
      {list.error ? <Alert type="error" showIcon message={list.error} /> : null}
      <DataTable<Rectification>
        label="差评整改"
        rows={rows}
        rowKey={(r) => r.rectificationId}
        loading={list.loading && !list.data}
        empty="没有待办的整改"
        columns={[
          { title: '办件编号', nowrap: true, render: (r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> },
          { title: '事项', render: (r) => r.itemName },
          { title: '评价', nowrap: true, render: (r) => <Tag color="red">{levels[r.level]}</Tag> },
          { title: '状态', nowrap: true, render: (r) => <Tag color={rectificationStatuses[r.status].color}>{rectificationStatuses[r.status].label}</Tag> },
          {
            title: '整改期限',
            nowrap: true,
            render: (r) => (
              <Space size={4}>
                {chineseDate(r.resolveDue)}
                {r.warnings.map((w) => (
                  <Tag key={w} color="red">
                    {warnings[w]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '操作',
            nowrap: true,
            render: (r) => (
              <Space>
                {r.status === 'verified' ? (
                  <Button size="small" type="primary" onClick={() => setActing({ step: 'resolve', r })} aria-label={`整改 ${r.caseNo}`}>
                    整改/说明
                  </Button>
                ) : null}
                {r.status === 'opened' || r.status === 'verified' ? (
                  <Button size="small" onClick={() => setActing({ step: 'appeal', r })} aria-label={`申诉 ${r.caseNo}`}>
                    申诉
                  </Button>
                ) : null}
                {r.status === 'opened' ? <Typography.Text type="secondary">待主任核实</Typography.Text> : null}
              </Space>
            ),
          },
        ]}
      />
      {acting ? (
        <Suspense>
          <RectificationDialog
            step={acting.step}
            rectification={acting.r}
            onCancel={() => setActing(undefined)}
            onDone={() => {
              setActing(undefined);
              list.reload();
            }}
          />
        </Suspense>
      ) : null}
    </Panel>
  );
}

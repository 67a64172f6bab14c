import { Alert, Button, Result, Space, Table, Typography } from 'antd';
import type { Schemas } from '../../../../client/index.ts';
import { api, read } from '../../api/client.ts';
import { localDateTime } from '../../lib/dates.ts';
import { useRead } from '../director/use-read.ts';

type DeadLetter = Schemas['DeadLetters'][number];

/**
 * Events the projector gave up on after its retries (死信). While one is parked, the views it feeds
 * (window queues, statistics, lists) lack it: the administrator hands the stream and reason to whoever
 * maintains the system.
 */
export function DeadLetters() {
  const letters = useRead('dead-letters', () => read(api().GET('/dead-letters')));
  const rows = letters.data ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={letters.reload} loading={letters.loading}>刷新</Button>
        <Typography.Text type="secondary">投影多次处理失败而搁置的事件。搁置期间，窗口队列、统计等视图缺少这些事件；请把事件流、版本和原因提供给运维人员处理。</Typography.Text>
      </Space>
      {letters.problem ? <Alert type="error" showIcon title={letters.problem.message} action={<Button size="small" onClick={letters.reload}>重试</Button>} /> : null}
      {letters.data && rows.length === 0 ? (
        <Result status="success" title="没有搁置的事件" subTitle="所有事件都已写入各个视图。" />
      ) : (
        <>
          {rows.length > 0 ? <Alert type="warning" showIcon title={`共有 ${rows.length} 个事件被搁置`} /> : null}
          <Table<DeadLetter>
            size="middle"
            rowKey={(d) => `${d.stream}#${d.version}`}
            loading={letters.loading && !letters.data}
            dataSource={rows}
            aria-label="搁置的事件"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '搁置时间', dataIndex: 'parkedAt', key: 'parkedAt', width: 160, render: (at: string) => localDateTime(at) },
              { title: '事件流', dataIndex: 'stream', key: 'stream', render: (s: string) => <Typography.Text code copyable>{s}</Typography.Text> },
              { title: '版本', dataIndex: 'version', key: 'version', width: 70 },
              { title: '事件类型', dataIndex: 'type', key: 'type' },
              { title: '尝试次数', dataIndex: 'attempts', key: 'attempts', width: 90 },
              { title: '原因', dataIndex: 'reason', key: 'reason', render: (r: string) => <Typography.Text type="danger">{r}</Typography.Text> },
            ]}
          />
        </>
      )}
    </Space>
  );
}

import { Alert, Table, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import type { Schemas } from '../../../../client/index.ts';
import { api, read } from '../../api/client.ts';
import { chineseDate, localTime } from '../../lib/dates.ts';
import { groupedPhone, problemText } from './model.ts';
import { useLoad } from '../../lib/useLoad.ts';

type Reply = Schemas['UnmatchedSms']['replies'][number];

/** 短信回复: a day's SMS replies from numbers no case was waiting on, for the callback staff to sort out by phone. */
export function UnmatchedSms({ date }: { date: string }) {
  const sms = useLoad(() => read(api().GET('/sms/unmatched', { params: { query: { date } } })), [date]);
  return (
    <Panel title={`无法匹配办件的短信回复 · ${chineseDate(date)}`} extra={<Typography.Text type="secondary">群众回复的号码不在待评价办件中，可电话联系核实</Typography.Text>}>
      {sms.problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problemText(sms.problem)} /> : null}
      <Table<Reply>
        rowKey={(r) => `${r.receivedAt}-${r.phone}`}
        loading={sms.loading}
        dataSource={sms.data?.replies ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '当天没有无法匹配的短信回复' }}
        columns={[
          { title: '收到时间', width: 110, render: (_, r) => localTime(r.receivedAt) },
          { title: '号码', width: 180, render: (_, r) => groupedPhone(r.phone) },
          { title: '短信内容', dataIndex: 'text' },
        ]}
      />
    </Panel>
  );
}

import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { chineseDate, countyToday } from '../../lib/dates.ts';
import { useRead } from '../director/use-read.ts';
import { shares, staffOnDuty } from './publishing.ts';
import { useWorkingDay } from './use-working-day.ts';

type Summary = Schemas['CallbackListSummary'];

/**
 * Publishing a day's callback list by hand (电话回访名单): bad reviews owed a call, the unreached of
 * the last list, and the sample of cases completed since. A day's list is drawn once; asking again
 * answers with the list already published.
 */
export function PublishCallbackList() {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ staff?: string }>();
  const [date, setDate] = useState(countyToday());
  const [result, setResult] = useState<Summary>();
  const [sending, setSending] = useState(false);
  const list = useRead(`callbacks#${date}`, () => read(api().GET('/callbacks', { params: { query: { date } } })));
  const working = useWorkingDay(date);
  const existing = list.data;

  const publish = async () => {
    const staff = staffOnDuty(form.getFieldValue('staff') as string | undefined);
    setSending(true);
    try {
      const answer = await send((headers) => api().POST('/callbacks/lists/{date}', { params: { path: { date } }, body: staff.length > 0 ? { staff } : {}, headers }));
      setResult(answer);
      void message.success(answer.created ? `${chineseDate(date)}的回访名单已发布，共 ${answer.entries} 条` : `${chineseDate(date)}的回访名单早已发布，未重新生成`);
      list.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      void message.error(error.message);
      form.setFields(error.shown.fields.map((f) => ({ name: (f.name[0] === 'staff' ? ['staff'] : f.name) as never, errors: [f.message] })));
    } finally {
      setSending(false);
    }
  };

  const confirm = () => {
    void modal.confirm({
      title: `发布${chineseDate(date)}的回访名单？`,
      content: `名单每天只生成一次，发布后不能重新抽取，回访专员会看到各自的任务。${working === false ? '注意：这一天是休息日。' : ''}`,
      okText: '确认发布',
      cancelText: '取消',
      onOk: publish,
    });
  };

  const shown = result?.date === date ? result : undefined;
  return (
    <Card title="发布电话回访名单" size="small">
      <Form form={form} layout="inline" initialValues={{ staff: '' }} onFinish={confirm} style={{ rowGap: 8 }}>
        <Form.Item label="日期" htmlFor="callback-publish-date">
          <DatePicker id="callback-publish-date" allowClear={false} value={dayjs(date)} onChange={(d) => { if (d) { setDate(d.format('YYYY-MM-DD')); setResult(undefined); } }} />
        </Form.Item>
        <Form.Item name="staff" label="当班回访人员" htmlFor="callback-staff" tooltip="当天上班的回访专员账号，例如 cb-li, cb-wang；不填则按本县设置的回访人员分配">
          <Input id="callback-staff" style={{ width: 300 }} placeholder="账号，用逗号分隔；不填按本县设置分配" disabled={existing !== undefined} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={sending} disabled={list.loading || existing !== undefined}>
            发布回访名单
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 12 }}>
        {working === false ? <Alert type="warning" showIcon title={`${chineseDate(date)}是休息日，通常不回访。`} style={{ marginBottom: 8 }} /> : null}
        {list.problem?.status === 404 ? (
          <Typography.Text type="secondary">{chineseDate(date)}的回访名单尚未发布（工作日自动发布）。</Typography.Text>
        ) : list.problem ? (
          <Alert type="error" showIcon title={list.problem.message} />
        ) : existing ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Tag color="green">已发布</Tag>
              {shown && !shown.created ? <Tag>早已发布，未重新生成</Tag> : null}
            </Space>
            <Descriptions size="small" column={2} bordered items={[
              { key: 'n', label: '名单条数', children: `${existing.entries.length} 条` },
              { key: 'staff', label: '分配', children: shares(existing) || '—' },
              { key: 'range', label: '抽样范围', children: `${existing.coveredFrom} 至 ${existing.coveredThrough} 办结的 ${existing.considered} 件，抽取 ${existing.sampled} 件（比例 ${Math.round(existing.ratio * 100)}%）` },
              { key: 'bad', label: '差评回访', children: `${existing.entries.filter((e) => e.reason === 'bad-review').length} 条` },
              { key: 'skipped', label: '未列入', children: `无电话 ${existing.skipped.noPhone} 件，拒绝回访 ${existing.skipped.optedOut} 件` },
            ]} />
          </Space>
        ) : null}
      </div>
    </Card>
  );
}

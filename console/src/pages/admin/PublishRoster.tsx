import { Alert, App, Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { chineseDate, countyToday } from '../../lib/dates.ts';
import { checkStatuses } from '../director/labels.ts';
import type { Names } from '../director/use-names.ts';
import { useRead } from '../director/use-read.ts';
import { useWorkingDay } from './use-working-day.ts';

type Published = Schemas['PublishedRoster'];
type Entry = Published['entries'][number];

const outcomes: Record<Published['status'], { label: string; color: string }> = {
  published: { label: '已发布', color: 'green' },
  revised: { label: '已为请假主任改派', color: 'blue' },
  unchanged: { label: '没有变化（排班早已发布）', color: 'default' },
};

/**
 * Publishing a day's video-check roster by hand (督查排班): normally the 07:00 timer does it. Once
 * published, a roster is never drawn again; naming directors as absent hands only their checks to others.
 */
export function PublishRoster({ names }: { names: Names }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ absent: string[] }>();
  const [date, setDate] = useState(countyToday());
  const [result, setResult] = useState<Published>();
  const [sending, setSending] = useState(false);
  const roster = useRead(`roster#${date}`, () => read(api().GET('/rosters/{date}', { params: { path: { date }, query: {} } })));
  const working = useWorkingDay(date);
  const published = roster.data;
  const absent: string[] = Form.useWatch('absent', form) ?? [];
  const newlyAbsent = absent.filter((id) => !published?.absent.includes(id));

  const publish = async () => {
    setSending(true);
    try {
      const answer = await send((headers) => api().POST('/rosters/{date}', { params: { path: { date } }, body: absent.length > 0 ? { absentDirectorIds: absent } : {}, headers }));
      setResult(answer);
      form.resetFields();
      void message.success(`${chineseDate(date)}的督查排班：${outcomes[answer.status].label}`);
      roster.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      void message.error(error.message);
      form.setFields(error.shown.fields.map((f) => ({ name: (f.name[0] === 'absentDirectorIds' ? ['absent'] : f.name) as never, errors: [f.message] })));
    } finally {
      setSending(false);
    }
  };

  const confirm = () => {
    void modal.confirm({
      title: published ? `为 ${newlyAbsent.map(names.director).join('、')} 改派督查任务？` : `发布${chineseDate(date)}的督查排班？`,
      content: published
        ? '只改派请假主任尚未完成的督查，其他人的任务不变。'
        : `发布后不能撤回或重新抽取，各位主任会看到自己的督查任务。${absent.length > 0 ? `请假：${absent.map(names.director).join('、')}。` : '没有主任请假。'}${working === false ? '注意：这一天是休息日。' : ''}`,
      okText: published ? '确认改派' : '确认发布',
      cancelText: '取消',
      onOk: publish,
    });
  };

  const entries = result?.date === date ? result.entries : (published?.entries ?? []);
  return (
    <Card title="发布督查排班" size="small">
      <Form form={form} layout="inline" initialValues={{ absent: [] }} onFinish={confirm} style={{ rowGap: 8 }}>
        <Form.Item label="日期" htmlFor="roster-publish-date">
          <DatePicker id="roster-publish-date" allowClear={false} value={dayjs(date)} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
        </Form.Item>
        <Form.Item name="absent" label="请假的主任" htmlFor="roster-absent">
          <Select
            id="roster-absent"
            mode="multiple"
            allowClear
            style={{ minWidth: 280 }}
            placeholder="没有请假可不选"
            showSearch={{ optionFilterProp: 'label' }}
            options={names.directors.map((d) => ({ value: d.id, label: `${d.name}（${d.windowId}）`, disabled: published?.absent.includes(d.id) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={sending} disabled={roster.loading || (published !== undefined && newlyAbsent.length === 0)}>
            {published ? '登记请假并改派' : '发布排班'}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 12 }}>
        {working === false ? <Alert type="warning" showIcon title={`${chineseDate(date)}是休息日，通常不排班。`} style={{ marginBottom: 8 }} /> : null}
        {roster.problem?.status === 404 ? (
          <Typography.Text type="secondary">{chineseDate(date)}的排班尚未发布（工作日 07:00 自动发布）。</Typography.Text>
        ) : roster.problem ? (
          <Alert type="error" showIcon title={roster.problem.message} />
        ) : published ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {result?.date === date ? <Tag color={outcomes[result.status].color}>{outcomes[result.status].label}</Tag> : <Tag color="green">已发布</Tag>}
              <Typography.Text>共 {published.entries.length} 项督查任务</Typography.Text>
              {published.absent.length > 0 ? <Typography.Text type="secondary">请假：{published.absent.map(names.director).join('、')}</Typography.Text> : null}
            </Space>
            <Table<Entry>
              size="small"
              rowKey={(e) => `${e.directorId}#${e.windowId}`}
              dataSource={entries}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              aria-label="督查排班"
              columns={[
                { title: '时间', dataIndex: 'at', key: 'at', width: 80 },
                { title: '督查人', dataIndex: 'directorId', key: 'director', render: (id: string) => names.director(id) },
                { title: '被督查窗口', dataIndex: 'windowId', key: 'window', render: (id: string) => names.window(id) },
                { title: '状态', dataIndex: 'status', key: 'status', width: 100, render: (s: Entry['status']) => <Tag color={checkStatuses[s].color}>{checkStatuses[s].label}</Tag> },
              ]}
            />
          </Space>
        ) : null}
      </div>
    </Card>
  );
}

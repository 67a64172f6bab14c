import { Alert, App, Button, DatePicker, Empty, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { ApiProblem, settled } from '../../api/client.ts';
import { config } from '../../config.ts';
import { countyToday, localDateTime, localTime } from '../../lib/dates.ts';
import { now } from '../../lib/clock.ts';
import { recordFollowUp } from './api.ts';
import { followUpBody, type FollowUp, type FollowUpValues, type Project } from './model.ts';

/** The county's wall-clock time now (`2026-12-02T10:30`). */
const countyNow = (): string => `${countyToday()}T${localTime(now().toISOString())}`;
/**
 * The picker shows and returns wall-clock times: the county's, whatever the browser's own zone, since
 * the time only passes through it as text (`countyInstant` gives it the county's offset).
 */
const wallClock = (local: string): Dayjs => dayjs(local);
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm';

interface FormValues extends Omit<FollowUpValues, 'at'> {
  at?: Dayjs | null;
}

/** The visits and calls so far (跟进记录), newest first. */
export function FollowUpList({ followUps }: { followUps: FollowUp[] }) {
  if (followUps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有跟进记录" />;
  const newest = [...followUps].sort((a, b) => b.followUpNo - a.followUpNo);
  return (
    <Timeline
      aria-label="跟进记录"
      items={newest.map((f) => ({
        key: f.followUpNo,
        content: (
          <div data-follow-up={f.followUpNo}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {localDateTime(f.at)} · {f.by}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>{f.note}</Typography.Paragraph>
            {f.blockers.length > 0 ? (
              <Space size={4} wrap style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  卡点：
                </Typography.Text>
                {f.blockers.map((b) => (
                  <Tag key={b} color="orange">
                    {b}
                  </Tag>
                ))}
              </Space>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** Records a visit or call (记录跟进): when, what was said, what is blocking. */
export function FollowUpForm({ project, onDone }: { project: Project; onDone: (updated: Project) => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const key = useRef<string | undefined>(undefined);

  const submit = async ({ at, ...values }: FormValues) => {
    setSaving(true);
    setProblem(undefined);
    key.current ??= crypto.randomUUID();
    try {
      const updated = await recordFollowUp(project.projectId, followUpBody({ ...values, ...(at ? { at: at.format(WALL_CLOCK) } : {}) }, config().county.timeZone), { key: key.current });
      key.current = undefined;
      message.success('跟进已记录');
      form.resetFields();
      form.setFieldValue('at', wallClock(countyNow()));
      onDone(updated);
    } catch (error) {
      if (settled(error)) key.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.status === 422 && /future/i.test(error.shown.detail ?? '') ? '跟进时间不能晚于现在' : error.status === 409 ? '项目已结案，不能再记录跟进' : error.message);
      form.setFields(error.shown.fields.filter((f) => ['at', 'note', 'blockers'].includes(String(f.name[0]))).map((f) => ({ name: f.name[0] as keyof FormValues, errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues> form={form} name="follow-up" aria-label="记录跟进" layout="vertical" disabled={saving} onFinish={(values) => void submit(values)} initialValues={{ at: wallClock(countyNow()), blockers: [] }}>
      <Form.Item
        name="at"
        label="跟进时间"
        rules={[
          { required: true, message: '请填写跟进时间' },
          { validator: (_, value: Dayjs | null | undefined) => (value && value.format(WALL_CLOCK) > countyNow() ? Promise.reject(new Error('跟进时间不能晚于现在')) : Promise.resolve()) },
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > countyToday()} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="note" label="跟进情况" rules={[{ required: true, whitespace: true, message: '请填写跟进情况' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="走访或电话沟通的内容、企业的需求、下一步安排" />
      </Form.Item>
      <Form.Item name="blockers" label="卡点问题（可选）" extra="输入后按回车添加，可添加多项。">
        <Select mode="tags" aria-label="卡点问题" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} maxCount={20} placeholder="如：土地指标未落实" />
      </Form.Item>
      {problem ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={problem} /> : null}
      <Button type="primary" htmlType="submit" loading={saving}>
        记录跟进
      </Button>
    </Form>
  );
}

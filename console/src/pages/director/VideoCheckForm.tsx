import { Alert, Button, Checkbox, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { checklist, coverArrangedLabel, type RosterEntry, type VideoCheckBody } from './labels.ts';
import { checkTimeError } from './roster.ts';
import { allPassed, failedItems, formFieldOf, videoCheckBody, type VideoCheckValues } from './video-check.ts';

export interface VideoCheckFormProps {
  entry: RosterEntry;
  rosterDate: string;
  windowLabel: string;
  /** The county's date and time now. */
  now: { date: string; time: string };
  timeZone: string;
  /** Files the check (the page sends it to `POST /video-checks`); throws `ApiProblem` when refused. */
  submit: (body: VideoCheckBody) => Promise<unknown>;
  onFiled: (body: VideoCheckBody) => void;
  onCancel: () => void;
}

/**
 * The video-check form (视频督查记录): the time of the look, the checklist as ticks (ticked = 符合),
 * cover when the post was empty, what was seen. Refusals go next to the field they name.
 */
export function VideoCheckForm({ entry, rosterDate, windowLabel, now, timeZone, submit, onFiled, onCancel }: VideoCheckFormProps) {
  const [form] = Form.useForm<VideoCheckValues>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const passed = Form.useWatch('passed', form) ?? allPassed();
  const failed = failedItems(passed);
  const awayFromPost = !passed.includes('atPost');

  const onFinish = async (values: VideoCheckValues) => {
    setProblem(undefined);
    setSending(true);
    const body = videoCheckBody(values, rosterDate, entry.windowId, timeZone);
    try {
      await submit(body);
      onFiled(body);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.shown.message);
      form.setFields(error.shown.fields.map((f) => ({ name: formFieldOf(f.name) as never, errors: [f.message] })));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form<VideoCheckValues>
      form={form}
      layout="vertical"
      aria-label="视频督查记录"
      initialValues={{ time: now.time, passed: allPassed(), coverArranged: false }}
      onFinish={(values) => void onFinish(values)}
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }} items={[
        { key: 'window', label: '被督查窗口', children: <strong>{windowLabel}</strong> },
        { key: 'at', label: '排班时间', children: `${rosterDate} ${entry.at}` },
      ]} />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item
        name="time"
        label="督查时间（时:分）"
        extra="默认为现在；如稍早已看过录像，可改为实际查看的时间"
        rules={[{ validator: (_rule, value: string | undefined) => { const error = checkTimeError(value?.trim(), rosterDate, now); return error ? Promise.reject(new Error(error)) : Promise.resolve(); } }]}
      >
        <Input autoFocus inputMode="numeric" placeholder="例如 09:05" style={{ width: 160 }} maxLength={5} />
      </Form.Item>
      <Form.Item name="passed" label={<span id="checklist-label">督查内容（勾选表示符合，不符合的请取消勾选）</span>}>
        <Checkbox.Group aria-labelledby="checklist-label" role="group" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', rowGap: 8 }} options={checklist.map((c) => ({ value: c.key, label: c.label }))} />
      </Form.Item>
      {awayFromPost ? (
        <Form.Item name="coverArranged" valuePropName="checked" extra="窗口无人时，是否已安排其他人员顶岗">
          <Checkbox>{coverArrangedLabel}</Checkbox>
        </Form.Item>
      ) : null}
      <div aria-live="polite" style={{ marginBottom: 16 }}>
        {failed.length === 0 ? (
          <Tag color="green">全部符合</Tag>
        ) : (
          <Space wrap size={4}>
            <Typography.Text type="danger" strong>不符合 {failed.length} 项：</Typography.Text>
            {failed.map((f) => <Tag key={f.key} color="red">{f.failed}</Tag>)}
          </Space>
        )}
      </div>
      <Form.Item name="note" label="情况说明" rules={[{ max: 1000, message: '最多 1000 字' }]}>
        <Input.TextArea rows={3} placeholder={failed.length > 0 ? '请写明看到的情况，例如：10:05 窗口人员低头玩手机约 3 分钟' : '可不填'} />
      </Form.Item>
      <Form.Item name="evidenceRef" label="录像证据编号" rules={[{ max: 200, message: '最多 200 字' }]}>
        <Input placeholder="可不填，例如 监控回放 3号摄像头 10:05" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={sending}>
          提交督查记录
        </Button>
        <Button onClick={onCancel} disabled={sending}>
          取消
        </Button>
      </Space>
    </Form>
  );
}

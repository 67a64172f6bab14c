import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { countyToday } from '../../lib/dates.ts';
import { suspend } from './api.ts';
import type { Intermediary } from './model.ts';

/** 暂停资格: a reason, and the last day, or until an administrator reinstates it. */
export default function SuspendDialog({ intermediary, onCancel, onDone }: { intermediary: Intermediary; onCancel: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string; until?: Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (v: { reason: string; until?: Dayjs | null }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await suspend(intermediary.intermediaryId, { reason: v.reason.trim(), ...(v.until ? { until: v.until.format('YYYY-MM-DD') } : {}) });
      onDone();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`暂停竞价资格 · ${intermediary.name}`} okText="暂停" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden>
      <Form form={form} name="suspend" aria-label="暂停资格" layout="vertical" disabled={saving} onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label="暂停原因" rules={[{ required: true, whitespace: true, message: '请填写暂停原因' }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
        <Form.Item name="until" label="暂停至（可选）" extra="不填则暂停至管理员恢复为止。">
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < countyToday()} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
    </Modal>
  );
}


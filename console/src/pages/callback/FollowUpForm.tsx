import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, send } from '../../api/client.ts';
import { formErrors, problemText } from './model.ts';

export type Rectification = Schemas['Rectification'];

interface Values {
  rectificationId?: string;
  satisfied?: boolean;
  note?: string;
}

const idPattern = /^[0-9A-HJKMNP-TV-Z]{26}-R\d{1,3}$/;

/**
 * The follow-up call of a rectified bad review (整改回访): was the applicant satisfied with how it was
 * put right. Without a known rectification the form asks for its number.
 */
export function FollowUpForm({ rectificationId, onDone }: { rectificationId?: string; onDone: (r: Rectification) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A known rectification opens on the answer; otherwise the number field has autoFocus.
    if (rectificationId) box.current?.querySelector<HTMLInputElement>('input[name="satisfied"]')?.focus();
  }, [rectificationId]);
  const save = async (values: Values) => {
    const id = rectificationId ?? values.rectificationId!.trim();
    setSaving(true);
    setProblem(undefined);
    try {
      const body = { satisfied: values.satisfied!, ...(values.note?.trim() ? { note: values.note.trim() } : {}) };
      onDone(await send((headers) => api().POST('/rectifications/{id}/follow-up', { params: { path: { id } }, body, headers })));
      form.resetFields();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      form.setFields(formErrors<Values>(error));
      setProblem(error.status === 404 ? '没有这个整改单，请核对编号' : problemText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div ref={box}>
    <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
      {rectificationId ? null : (
        <Form.Item
          label="整改单编号"
          name="rectificationId"
          rules={[
            { required: true, message: '请输入整改单编号' },
            { pattern: idPattern, transform: (v: string) => v.trim(), message: '编号格式不正确，应为“办件号-R序号”，如 01M9EQDPM0XMBCFTRZ8X2MNAAK-R1' },
          ]}
        >
          <Input autoFocus placeholder="如 01M9EQDPM0XMBCFTRZ8X2MNAAK-R1" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      )}
      <Form.Item label="群众对整改结果是否满意" name="satisfied" rules={[{ required: true, message: '请选择群众对整改结果是否满意' }]}>
        <Radio.Group
          name="satisfied"
          optionType="button"
          buttonStyle="solid"
          options={[
            { label: '满意', value: true },
            { label: '不满意', value: false },
          ]}
        />
      </Form.Item>
      <Form.Item label="回访情况" name="note">
        <Input.TextArea rows={2} maxLength={1000} showCount placeholder="群众对整改的意见" />
      </Form.Item>
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} /> : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          登记整改回访
        </Button>
      </Space>
    </Form>
    </div>
  );
}

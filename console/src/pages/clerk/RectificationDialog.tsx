import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, send } from '../../api/client.ts';

interface Values {
  how?: 'rectified' | 'explained';
  note?: string;
  reason?: string;
}

/** 整改 / 说明 or 申诉 for one rectification, sent once. */
export default function RectificationDialog({ step, rectification: r, onDone, onCancel }: { step: 'resolve' | 'appeal'; rectification: Schemas['Rectification']; onDone: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const path = { params: { path: { id: r.rectificationId } } };
    try {
      await send((headers) =>
        step === 'resolve'
          ? api().POST('/rectifications/{id}/resolve', { ...path, headers, body: { how: values.how!, note: values.note!.trim() } })
          : api().POST('/rectifications/{id}/appeal', { ...path, headers, body: { reason: values.reason!.trim() } }),
      );
      message.success(step === 'resolve' ? '整改情况已提交，等待回访' : '申诉已提交，等待复核');
      onDone();
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.shown.message);
      form.setFields(e.shown.fields.map((f) => ({ name: f.name as never, errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${step === 'resolve' ? '整改/说明' : '申诉'} · ${r.caseNo}`} okText="提交" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ how: 'rectified' }} onFinish={(v) => void submit(v)}>
        {step === 'resolve' ? (
          <>
            <Form.Item name="how" label="处理方式">
              <Radio.Group options={[{ value: 'rectified', label: '已整改' }, { value: 'explained', label: '解释说明（非窗口原因）' }]} />
            </Form.Item>
            <Form.Item name="note" label="整改情况" rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}>
              <Input.TextArea rows={3} maxLength={2000} autoFocus />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label="申诉理由（误评或恶意差评）" rules={[{ required: true, whitespace: true, message: '请填写申诉理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} autoFocus />
          </Form.Item>
        )}
        {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      </Form>
    </Modal>
  );
}

import { Alert, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, send } from '../../api/client.ts';
import { findings, levels, recheckResults, type Rectification } from './labels.ts';
import { stepNames, type Step } from './rectifications.ts';

interface Values {
  finding?: NonNullable<Rectification['finding']>;
  result?: NonNullable<Rectification['recheck']>;
  note?: string;
}

const hints: Record<Step, string> = {
  verify: '核实差评反映的情况：属实的由窗口整改或说明；误评、恶意差评的，窗口可以申诉。',
  close: '回访已完成，确认整改到位后结案。',
  recheck: '复核窗口的申诉：撤销的差评不再计入满意度和考核。',
};

/** One step of a rectification in a dialog: verify (核实), close (结案) or re-check (复核), each with its note. */
export function RectificationStep({ step, rectification, windowLabel, onDone, onCancel }: { step: Step; rectification: Rectification; windowLabel: string; onDone: (r: Rectification) => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const id = rectification.rectificationId;

  const post = (values: Values) => {
    const note = values.note?.trim() ? { note: values.note.trim() } : {};
    const path = { params: { path: { id } } };
    if (step === 'verify') return send((headers) => api().POST('/rectifications/{id}/verify', { ...path, body: { finding: values.finding!, ...note }, headers }));
    if (step === 'recheck') return send((headers) => api().POST('/rectifications/{id}/recheck', { ...path, body: { result: values.result!, ...note }, headers }));
    return send((headers) => api().POST('/rectifications/{id}/close', { ...path, body: note, headers }));
  };

  const finish = async (values: Values) => {
    setProblem(undefined);
    setSending(true);
    try {
      onDone(await post(values));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.shown.message);
      form.setFields(error.shown.fields.map((f) => ({ name: f.name as never, errors: [f.message] })));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal open title={`${stepNames[step]}整改 · ${rectification.caseNo}`} okText={`确认${stepNames[step]}`} cancelText="取消" confirmLoading={sending} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[
        { key: 'item', label: '事项', children: rectification.itemName },
        { key: 'window', label: '窗口', children: windowLabel },
        { key: 'level', label: '评价', children: levels[rectification.level] },
      ]} />
      <Alert type="info" title={hints[step]} style={{ marginBottom: 12 }} />
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)} aria-label={`${stepNames[step]}整改`}>
        {step === 'verify' ? (
          <Form.Item name="finding" label="核实结论" rules={[{ required: true, message: '请选择核实结论' }]}>
            <Radio.Group options={Object.entries(findings).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        ) : null}
        {step === 'recheck' ? (
          <Form.Item name="result" label="复核结果" rules={[{ required: true, message: '请选择复核结果' }]}>
            <Radio.Group options={Object.entries(recheckResults).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={step === 'close' ? '结案意见' : '说明'} rules={[{ max: 1000, message: '最多 1000 字' }]}>
          <Input.TextArea autoFocus={step === 'close'} rows={3} placeholder="可不填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

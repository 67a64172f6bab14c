import { Alert, App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Case } from '../../../../client/index.ts';
import { api, ApiProblem, send } from '../../api/client.ts';
import { opinionResults } from './labels.ts';
import { opinionBody, opinionFieldErrors, opinionProblemText, type OpinionBody, type OpinionResult, type OpinionValues } from './model.ts';

/** Sends an opinion once (an Idempotency-Key per submission) with the version the reviewer saw (If-Match). */
export const sendOpinion = (caseId: string, version: number, body: OpinionBody): Promise<Case> =>
  send((headers) => api().POST('/cases/{id}/joint/opinions', { params: { path: { id: caseId } }, body, headers: { ...headers, 'If-Match': `"${version}"` } }));

interface Props {
  kase: Case;
  departmentId: string;
  departmentName: string;
  onDone: (updated: Case) => void;
  /** The case moved on under the form (412), or the task is no longer open (409): read it again. */
  onStale: () => void;
  /** How the opinion goes to the API (the component tests hand in their own). */
  post?: typeof sendOpinion;
}

const resultHelp: Record<OpinionResult, string> = {
  pass: '审查通过，不需要整改。',
  rectify: '列出需要申请人整改的内容，由牵头窗口汇总成一次性整改通知；整改期间本部门计时暂停。',
  fail: '审查不通过，须写明理由；办件将不予许可。',
};

/**
 * A department's opinion (部门意见): 通过, 需整改 with the items to put right, or 不通过 with its
 * reason; confirmed before it is sent, since it cannot be taken back.
 */
export function OpinionForm({ kase, departmentId, departmentName, onDone, onStale, post = sendOpinion }: Props) {
  const [form] = Form.useForm<OpinionValues>();
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const result = Form.useWatch('result', form);

  const submit = async (values: OpinionValues) => {
    setSaving(true);
    setProblem(undefined);
    const body = opinionBody(departmentId, values);
    try {
      const updated = await post(kase.caseId, kase.version, body);
      message.success(`${departmentName}的意见已提交：${opinionResults[body.result]}`);
      form.resetFields();
      onDone(updated);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const text = opinionProblemText(error.shown);
      if (error.status === 412 || error.status === 409) {
        message.warning(text);
        onStale();
        return;
      }
      setProblem(text);
      form.setFields(opinionFieldErrors(error.shown, body.result).map((f) => ({ name: f.name as never, errors: f.errors })));
    } finally {
      setSaving(false);
    }
  };

  // An opinion cannot be taken back: say what is about to be sent before sending it.
  const confirm = (values: OpinionValues) => {
    const body = opinionBody(departmentId, values);
    // Submitted before the list had shown (a quick Enter after picking 需整改): the list's own check has not run.
    if (body.result === 'rectify' && !body.items?.length) {
      form.setFields([{ name: 'items', errors: ['请至少填写一项整改内容'] }]);
      return;
    }
    modal.confirm({
      title: `确认提交意见：${opinionResults[body.result]}？`,
      content: (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {departmentName} · 办件 {kase.caseNo}
          </Typography.Paragraph>
          {body.items?.length ? (
            <ol style={{ margin: '0 0 8px', paddingLeft: 20 }}>
              {body.items.map((i, n) => (
                <li key={n}>{i.text}</li>
              ))}
            </ol>
          ) : null}
          <Typography.Text type="secondary">意见提交后不能修改。</Typography.Text>
        </>
      ),
      okText: '确认提交',
      cancelText: '返回修改',
      focusable: { autoFocusButton: 'ok' },
      onOk: () => submit(values),
    });
  };

  return (
    <Form<OpinionValues> form={form} name="joint-opinion" aria-label="出具意见" layout="vertical" disabled={saving} onFinish={confirm} initialValues={{ items: [{ text: '' }] }}>
      <Form.Item name="result" label="审查意见" rules={[{ required: true, message: '请选择审查意见' }]} extra={result ? resultHelp[result] : undefined}>
        <Radio.Group optionType="button" buttonStyle="solid">
          {(Object.keys(opinionResults) as OpinionResult[]).map((value, index) => (
            <Radio.Button key={value} value={value} autoFocus={index === 0}>
              {opinionResults[value]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {result === 'rectify' ? (
        <Form.List
          name="items"
          rules={[
            {
              validator: (_, items: OpinionValues['items']) => (items?.some((i) => i?.text?.trim()) ? Promise.resolve() : Promise.reject(new Error('请至少填写一项整改内容'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
              <legend style={{ fontSize: 'inherit', marginBottom: 8, border: 0 }}>整改内容</legend>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex', width: '100%' }} styles={{ item: { flex: 'none' } }}>
                  <span style={{ display: 'inline-block', width: 24, lineHeight: '32px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} aria-hidden>
                    {index + 1}.
                  </span>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[{ required: true, whitespace: true, message: '请填写整改内容，或删除此项' }]}
                    style={{ marginBottom: 8, width: 360 }}
                  >
                    <Input aria-label={`整改内容第 ${index + 1} 项`} maxLength={500} placeholder="如：疏散指示标志不连续" autoFocus={index > 0 && index === fields.length - 1} />
                  </Form.Item>
                  <Button aria-label={`删除第 ${index + 1} 项`} disabled={fields.length <= 1} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ text: '' })} disabled={fields.length >= 50} style={{ marginLeft: 32 }}>
                ＋ 添加一项
              </Button>
              <Form.ErrorList errors={errors} />
            </fieldset>
          )}
        </Form.List>
      ) : null}
      <Form.Item
        name="note"
        label={result === 'fail' ? '不通过的理由' : '备注（可选）'}
        rules={result === 'fail' ? [{ required: true, whitespace: true, message: '请填写不通过的理由' }] : []}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={result === 'fail' ? '写明不通过的依据和理由' : '需要说明的其他情况'} />
      </Form.Item>
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} role="alert" /> : null}
      <Button type="primary" htmlType="submit" loading={saving}>
        提交意见
      </Button>
    </Form>
  );
}

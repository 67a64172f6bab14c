import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { ApiProblem } from '../../api/client.ts';
import { isBadLevel, levelName, levels, outcomes, questions, type Entry } from './labels.ts';
import { attemptBody, formErrors, problemText, type AttemptBody, type CallValues } from './model.ts';

export type AttemptResult = Schemas['AttemptResult'];

interface Props {
  entry: Entry;
  /** Records the attempt (the page sends it through the API); a refusal is an `ApiProblem`. */
  record: (caseId: string, body: AttemptBody) => Promise<AttemptResult>;
  onSaved: (result: AttemptResult, body: AttemptBody) => void;
  /** Moves on without recording anything. */
  onSkip?: () => void;
}

const yesNo = [
  { label: '是', value: true },
  { label: '否', value: false },
];

/**
 * The call form (回访记录): outcome, and for a reached call the level (满意度), the five questions
 * and what the applicant said. Keyboard: it opens on the outcome; arrows choose within a group, Tab
 * moves on, Enter on a choice or Ctrl+Enter anywhere saves.
 */
export function CallForm({ entry, record, onSaved, onSkip }: Props) {
  const [form] = Form.useForm<CallValues>();
  const outcome = Form.useWatch('outcome', form);
  const level = Form.useWatch('level', form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  // One id per attempt: a save sent again (after a lost answer) is recorded once.
  const [attemptId] = useState(() => crypto.randomUUID());
  const box = useRef<HTMLDivElement>(null);
  const reached = outcome === 'reached';

  useEffect(() => {
    // The form opens on its first field, so the next case can be worked without the mouse.
    box.current?.querySelector<HTMLInputElement>('input[name="outcome"]')?.focus();
  }, []);

  const save = async (values: CallValues) => {
    setSaving(true);
    setProblem(undefined);
    const body = attemptBody(values, attemptId);
    try {
      const result = await record(entry.caseId, body);
      onSaved(result, body);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      form.setFields(formErrors<CallValues>(error));
      setProblem(problemText(error));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || (target instanceof HTMLInputElement && target.type === 'radio')) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <div ref={box} onKeyDown={onKeyDown}>
      <Form<CallValues>
        form={form}
        layout="vertical"
        disabled={saving}
        onFinish={(values) => void save(values)}
        onValuesChange={(changed: CallValues) => {
          // Only a reached call carries a rating and answers: clear them when the outcome changes away from it.
          if (changed.outcome && changed.outcome !== 'reached') form.setFields([{ name: 'level', value: undefined, errors: [] }, { name: 'answers', value: undefined }]);
        }}
      >
        <Form.Item label="拨打结果" name="outcome" rules={[{ required: true, message: '请选择拨打结果' }]}>
          <Radio.Group name="outcome" optionType="button" buttonStyle="solid" options={outcomes} />
        </Form.Item>
        <Form.Item
          label="满意度"
          name="level"
          dependencies={['outcome']}
          rules={[({ getFieldValue }) => ({ required: getFieldValue('outcome') === 'reached', message: '电话已接通，请选择满意度' })]}
          extra={reached ? undefined : '接通后才能记录满意度和五个问题'}
        >
          <Radio.Group name="level" optionType="button" buttonStyle="solid" disabled={!reached} options={levels} />
        </Form.Item>
        {level && isBadLevel(level) ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`“${levelName[level]}”记为差评：保存后自动生成整改单，由窗口核实整改`} /> : null}
        <fieldset style={{ border: 0, margin: '0 0 8px', padding: 0 }} disabled={!reached}>
          <legend style={{ fontSize: 15, marginBottom: 8, border: 0, color: 'inherit' }}>
            五个问题 <Typography.Text type="secondary">（接通后逐项询问，未问到的可不填）</Typography.Text>
          </legend>
          {questions.map((q, i) => (
            <Form.Item key={q.key} label={`${i + 1}. ${q.label}`} name={['answers', q.key]} layout="horizontal" labelCol={{ flex: '260px' }} labelAlign="left" colon={false} style={{ marginBottom: 8 }}>
              <Radio.Group name={`answers.${q.key}`} optionType="button" buttonStyle="solid" disabled={!reached} options={yesNo} />
            </Form.Item>
          ))}
        </fieldset>
        <Form.Item label="群众意见和建议" name="comment">
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="记录群众的原话、意见和建议" />
        </Form.Item>
        {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} /> : null}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存回访记录
          </Button>
          {onSkip ? <Button onClick={onSkip}>跳过，下一件</Button> : null}
          <Typography.Text type="secondary">快捷键：在选项上按 Enter 或任意处按 Ctrl+Enter 保存</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}

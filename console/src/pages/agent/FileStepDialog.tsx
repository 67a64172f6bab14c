import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { Case } from '../../../../client/index.ts';
import { ApiProblem, settled } from '../../api/client.ts';
import { fileStep } from './api.ts';
import { fileBody, type Project, type ProjectStep } from './model.ts';

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

interface Props {
  project: Project;
  step: ProjectStep;
  onFiled: (created: Case) => void;
  onCancel: () => void;
}

/**
 * 申报: files the step as a case at its item's window, the enterprise as the applicant and the contact
 * phone the agent gives (for the case's text messages). One key per step until a definite answer, so
 * pressing again after a lost answer files it once.
 */
export default function FileStepDialog({ project, step, onFiled, onCancel }: Props) {
  const [form] = Form.useForm<{ phone: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const key = useRef<string | undefined>(undefined);

  const submit = async ({ phone }: { phone: string }) => {
    setSaving(true);
    setProblem(undefined);
    key.current ??= crypto.randomUUID();
    try {
      const created = await fileStep(fileBody(project, step, phone), { key: key.current });
      key.current = undefined;
      onFiled(created);
    } catch (error) {
      if (settled(error)) key.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.status === 409 ? '此步骤当前不能申报（可能已申报，或前置事项未完成），请刷新后核对。' : error.message);
      const phoneError = error.shown.fields.find((f) => f.name.join('.') === 'applicant.phone');
      if (phoneError) form.setFields([{ name: 'phone', errors: [phoneError.message] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`申报 · ${step.stepId} ${step.itemName}`}
      okText="确认申报"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 120 } }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="代办项目">
          {project.name}（{project.projectNo}）
        </Descriptions.Item>
        <Descriptions.Item label="审批事项">
          {step.itemName}（{step.itemCode}）
        </Descriptions.Item>
        <Descriptions.Item label="申请单位">{project.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{project.enterprise.creditCode}</Descriptions.Item>
        {step.filings > 0 ? <Descriptions.Item label="申报次数">第 {step.filings + 1} 次申报</Descriptions.Item> : null}
      </Descriptions>
      <Form form={form} name="file-step" aria-label="申报" layout="vertical" onFinish={(values) => void submit(values)} disabled={saving}>
        <Form.Item
          name="phone"
          label="企业联系电话"
          extra="办件的受理、办结等短信发送到此号码。"
          rules={[
            { required: true, whitespace: true, message: '请填写联系电话' },
            { pattern: PHONE, message: '手机号码或座机号码格式不正确' },
          ]}
        >
          <Input autoFocus inputMode="tel" maxLength={20} placeholder="如 13812341234 或 0576-83381234" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: problem ? 12 : 0 }}>
        申报后由事项所属窗口收件，申请材料在窗口核对。
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
    </Modal>
  );
}

import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Case, Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, send } from '../../api/client.ts';
import { actionLabels, decisionsFor, type CaseAction } from './case-actions.ts';
import { decisions, deliveryMethods, procedures } from './labels.ts';

interface Props {
  action: CaseAction;
  kase: Case;
  item: Schemas['Item'];
  windows: Schemas['WindowWithCounts'][];
  onDone: (updated: Case) => void;
  /** The case changed under us (412) or cannot take this step any more (409): reload it. */
  onStale: () => void;
  onCancel: () => void;
}

type Values = Record<string, unknown>;

/** One step on a case: its form (if it needs one), sent once with the version the clerk saw (If-Match). */
export default function ActionDialog({ action, kase, item, windows, onDone, onStale, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const materialName = new Map(item.materials.map((m) => [m.code, m.name]));
  const notOnFile = item.materials.filter((m) => !kase.materials.includes(m.code)).map((m) => m.code);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const path = { params: { path: { id: kase.caseId } } };
    const ifMatch = { 'If-Match': `"${kase.version}"` };
    try {
      const updated = await send((h) => {
        const headers = { ...h, ...ifMatch };
        switch (action) {
          case 'request-materials':
            return api().POST('/cases/{id}/request-materials', { ...path, headers, body: { missing: values.missing as string[], ...(values.note ? { note: values.note as string } : {}) } });
          case 'supply-materials':
            return api().POST('/cases/{id}/supply-materials', { ...path, headers, body: { materials: values.materials as string[] } });
          case 'accept':
            return api().POST('/cases/{id}/accept', { ...path, headers, body: {} });
          case 'reject':
            return api().POST('/cases/{id}/reject', { ...path, headers, body: { reason: values.reason as string } });
          case 'suspend':
            return api().POST('/cases/{id}/suspend', { ...path, headers, body: { procedure: values.procedure as NonNullable<Case['suspension']>['procedure'], reason: values.reason as string } });
          case 'resume':
            return api().POST('/cases/{id}/resume', { ...path, headers, body: {} });
          case 'transfer':
            return api().POST('/cases/{id}/transfer', { ...path, headers, body: { windowId: values.windowId as string } });
          case 'complete':
            return api().POST('/cases/{id}/complete', { ...path, headers, body: { decision: values.decision as NonNullable<Case['decision']>, ...(values.note ? { note: values.note as string } : {}) } });
          case 'deliver':
            return api().POST('/cases/{id}/deliver', { ...path, headers, body: { method: values.method as NonNullable<Case['deliveryMethod']> } });
        }
      });
      message.success(`${actionLabels[action]}：已完成`);
      onDone(updated);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      if (e.status === 412 || e.status === 409) {
        message.warning(e.shown.message);
        onStale();
        return;
      }
      setProblem(e.shown.message);
      form.setFields(e.shown.fields.map((f) => ({ name: f.name as never, errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };

  const required = (what: string) => [{ required: true, message: `请填写${what}` }];
  const fields = (() => {
    switch (action) {
      case 'request-materials':
        return (
          <>
            <Typography.Paragraph>一次性告知申请人需要补正的全部材料（未提交的材料已勾选）：</Typography.Paragraph>
            <Form.Item name="missing" label="需补正的材料" rules={[{ required: true, message: '至少选择一项材料' }]}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={notOnFile.map((code) => ({ value: code, label: materialName.get(code) ?? code }))} />
            </Form.Item>
            <Form.Item name="note" label="告知说明（可选）">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        );
      case 'supply-materials':
        return (
          <Form.Item name="materials" label="申请人本次补交的材料" rules={[{ required: true, message: '至少选择一项材料' }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={(kase.missing ?? []).map((code) => ({ value: code, label: materialName.get(code) ?? code }))} />
          </Form.Item>
        );
      case 'reject':
        return (
          <Form.Item name="reason" label="不予受理的理由" rules={required('理由')}>
            <Input.TextArea rows={3} maxLength={1000} autoFocus />
          </Form.Item>
        );
      case 'suspend':
        return (
          <>
            <Form.Item name="procedure" label="特别程序" rules={[{ required: true, message: '请选择特别程序' }]}>
              <Radio.Group options={Object.entries(procedures).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="reason" label="事由" rules={required('事由')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Typography.Text type="secondary">特别程序期间不计算办理时限。</Typography.Text>
          </>
        );
      case 'transfer':
        return (
          <Form.Item name="windowId" label="转至窗口" rules={[{ required: true, message: '请选择窗口' }]}>
            <Select autoFocus showSearch={{ optionFilterProp: 'label' }} options={windows.filter((w) => w.id !== kase.windowId).map((w) => ({ value: w.id, label: `${w.id} ${w.name}` }))} />
          </Form.Item>
        );
      case 'complete':
        return (
          <>
            <Form.Item name="decision" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Radio.Group options={decisionsFor(kase.item.type).map((value) => ({ value, label: decisions[value] }))} />
            </Form.Item>
            <Form.Item name="note" label="说明（可选）">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        );
      case 'deliver':
        return (
          <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
            <Radio.Group options={Object.entries(deliveryMethods).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        );
      case 'accept':
        return <Typography.Paragraph>材料齐全，确认受理？受理后开始计算承诺时限（{kase.item.committedDays} 个工作日）。</Typography.Paragraph>;
      case 'resume':
        return <Typography.Paragraph>结束特别程序，恢复计算办理时限？</Typography.Paragraph>;
    }
  })();

  return (
    <Modal
      open
      title={`${actionLabels[action]} · ${kase.caseNo}`}
      okText={`确认${actionLabels[action]}`}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ autoFocus: action === 'accept' || action === 'resume' }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ missing: notOnFile, materials: kase.missing ?? [], decision: decisionsFor(kase.item.type)[0], method: 'in-person' }}>
        {fields}
        {/* Enter in a text field submits, as in any form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      </Form>
    </Modal>
  );
}

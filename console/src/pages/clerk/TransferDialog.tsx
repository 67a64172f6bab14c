import { Alert, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { HeldTicket } from './ticket-store.ts';

/** 转移: the visitor goes to another category's queue or straight to another window. */
export default function TransferDialog({ ticket, windowId, onDone, onCancel }: { ticket: HeldTicket; windowId: string; onDone: (t: Schemas['Ticket']) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ to: 'category' | 'window'; category?: string; windowId?: string }>();
  const [problem, setProblem] = useState<string>();
  const options = useLoad(async () => {
    const [categories, windows] = await Promise.all([read(api().GET('/ticket-categories')), read(api().GET('/windows'))]);
    return { categories, windows };
  }, []);
  const to = Form.useWatch('to', form);
  const submit = async (values: { to: 'category' | 'window'; category?: string; windowId?: string }) => {
    try {
      const ifMatch = ticket.version === undefined ? {} : { 'If-Match': `"${ticket.version}"` };
      const updated = await send((h) =>
        api().POST('/tickets/{id}/transfer', { params: { path: { id: ticket.ticketId } }, headers: { ...h, ...ifMatch }, body: values.to === 'category' ? { category: values.category! } : { windowId: values.windowId! } }),
      );
      onDone(updated);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.shown.message);
    }
  };
  return (
    <Modal open title={`转移 ${ticket.number} 号`} okText="确认转移" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ to: 'category' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="to" label="转往">
          <Radio.Group options={[{ value: 'category', label: '其他业务类别（重新排队）' }, { value: 'window', label: '指定窗口' }]} />
        </Form.Item>
        {to === 'window' ? (
          <Form.Item name="windowId" label="窗口" rules={[{ required: true, message: '请选择窗口' }]}>
            <Select autoFocus options={(options.data?.windows ?? []).filter((w) => w.id !== windowId).map((w) => ({ value: w.id, label: `${w.id} ${w.name}` }))} />
          </Form.Item>
        ) : (
          <Form.Item name="category" label="业务类别" rules={[{ required: true, message: '请选择业务类别' }]}>
            <Select autoFocus options={(options.data?.categories ?? []).filter((c) => c.code !== ticket.category).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))} />
          </Form.Item>
        )}
        {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      </Form>
    </Modal>
  );
}

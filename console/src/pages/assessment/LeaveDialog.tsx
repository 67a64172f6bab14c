import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { countyToday } from '../../lib/dates.ts';
import { recordLeave } from './api.ts';
import { leaveParts, type LeavePart } from './attendance.ts';
import { workerLabel, type StaffRow } from './model.ts';
import { explain } from './refusals.ts';

interface Values {
  staffId: string;
  date: Dayjs;
  part: LeavePart;
  reason: string;
}

/** How far from today leave may be recorded (the API's own limit). */
const REACH_DAYS = 62;

/**
 * 请假登记: a worker's approved leave for a day or half a day, so that time is not counted absent. A
 * director records their window's workers, an administrator anyone's; the workers are the sheet's rows.
 */
export default function LeaveDialog({ workers, onCancel, onDone }: { workers: readonly StaffRow[]; onCancel: () => void; onDone: (worker: StaffRow, date: string, part: LeavePart) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const today = dayjs(countyToday());
  const submit = async (v: Values) => {
    const worker = workers.find((w) => w.staffId === v.staffId);
    if (!worker) return;
    setSaving(true);
    setProblem(undefined);
    const date = v.date.format('YYYY-MM-DD');
    try {
      await recordLeave(worker.staffId, { date, part: v.part, reason: v.reason.trim() });
      onDone(worker, date, v.part);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(explain(error));
      form.setFields(error.shown.fields.filter((f) => ['date', 'part', 'reason'].includes(String(f.name[0]))).map((f) => ({ name: f.name[0] as keyof Values, errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="请假登记" okText="登记请假" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden>
      <Form<Values> form={form} name="leave" aria-label="请假登记" layout="vertical" disabled={saving} initialValues={{ date: today, part: 'day' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="staffId" label="工作人员" rules={[{ required: true, message: '请选择工作人员' }]}>
          <Select
            autoFocus
            placeholder="按姓名或工号查找"
            showSearch={{ optionFilterProp: 'label' }}
            options={[...workers].sort((a, b) => a.windowId.localeCompare(b.windowId, 'en', { numeric: true }) || a.badgeNo.localeCompare(b.badgeNo)).map((w) => ({ value: w.staffId, label: workerLabel(w) }))}
          />
        </Form.Item>
        <Form.Item name="date" label="请假日期" rules={[{ required: true, message: '请选择日期' }]} extra="可登记今天前后两个月内的日期">
          <DatePicker allowClear={false} disabledDate={(d) => Math.abs(d.diff(today, 'day')) > REACH_DAYS} />
        </Form.Item>
        <Form.Item name="part" label="请假时段">
          <Radio.Group optionType="button" buttonStyle="solid" options={(Object.keys(leaveParts) as LeavePart[]).map((p) => ({ value: p, label: leaveParts[p] }))} />
        </Form.Item>
        <Form.Item name="reason" label="请假事由" rules={[{ required: true, whitespace: true, message: '请填写请假事由' }, { max: 200, message: '最多 200 字' }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder="例如：病假、事假、年休假" />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
    </Modal>
  );
}

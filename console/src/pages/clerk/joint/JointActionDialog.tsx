import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import type { Case } from '../../../../../client/index.ts';
import { api, ApiProblem, send } from '../../../api/client.ts';
import { config } from '../../../config.ts';
import { now } from '../../../lib/clock.ts';
import { chineseDate, localDateTime, localTime } from '../../../lib/dates.ts';
import { attendanceBody, attendanceLabels, formFieldErrors, timeSlots, type Attendance, type CompleteBody, type JointBody, type RecordBody, type ScheduleBody } from './forms.ts';
import { NoticeItems } from './NoticeItems.tsx';
import { countyInstant, describeWaited, groupByDepartment, inspectionLatest, isWorkingDay, jointActionLabel, jointProblemSentence, pendingByDepartment, type CalendarYear, type JointAction, type JointReview, type Names } from './joint-rules.ts';

/** A joint case: one whose `joint` part is there (from acceptance). */
export type JointCase = Case & { joint: JointReview };

/** Sends one of the lead window's joint commands with the version the clerk saw (If-Match), once (Idempotency-Key). */
export function sendJoint(kase: Case, action: JointAction, body: JointBody): Promise<Case> {
  const path = { params: { path: { id: kase.caseId } } };
  return send((h) => {
    const headers = { ...h, 'If-Match': `"${kase.version}"` };
    switch (action) {
      case 'schedule':
        return api().POST('/cases/{id}/joint/inspection', { ...path, headers, body: body as ScheduleBody });
      case 'record':
        return api().POST('/cases/{id}/joint/inspection/held', { ...path, headers, body: body as RecordBody });
      case 'issue':
        return api().POST('/cases/{id}/joint/rectification', { ...path, headers, body: {} });
      case 'done':
        return api().POST('/cases/{id}/joint/rectification/done', { ...path, headers, body: {} });
      case 'approve':
      case 'deny':
        return api().POST('/cases/{id}/complete', { ...path, headers, body: body as CompleteBody });
    }
  });
}

interface Props {
  action: JointAction;
  kase: JointCase;
  names: Names;
  /** The county's calendar by year, when it has loaded (the date picker offers working days only). */
  calendar: ReadonlyMap<number, CalendarYear> | undefined;
  /** The county's date. */
  today: string;
  /** Sends the command; the page's own `sendJoint` unless a test gives another. */
  submit?: (kase: Case, action: JointAction, body: JointBody) => Promise<Case>;
  onDone: (updated: Case) => void;
  /** The case changed under us (412): close and show it as it is now. */
  onStale: () => void;
  /** The API refused the step: the dialog stays open with the reason, the case behind it is read again. */
  onRefresh: () => void;
  onCancel: () => void;
}

type Values = {
  date?: Dayjs;
  time?: string;
  place?: string;
  attendance?: Partial<Record<string, Attendance>>;
  reason?: Partial<Record<string, string>>;
  note?: string;
};

/** One step of the joint review at the lead window: its form, sent once with the case's version; a refusal in Chinese, on its field. */
export default function JointActionDialog({ action, kase, names, calendar, today, submit = sendJoint, onDone, onStale, onRefresh, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const joint = kase.joint;
  const label = jointActionLabel(action, joint);
  const inspecting = joint.tasks.filter((t) => t.inspects).map((t) => t.departmentId);
  const attendance = Form.useWatch('attendance', form);
  const latest = inspectionLatest(joint);
  const box = useRef<HTMLDivElement>(null);

  const bodyOf = (values: Values): JointBody => {
    switch (action) {
      case 'schedule':
        return { at: countyInstant(values.date!.format('YYYY-MM-DD'), values.time!, config().county.timeZone), place: values.place!.trim() };
      case 'record':
        return attendanceBody(inspecting, values.attendance ?? {}, values.reason ?? {});
      case 'approve':
      case 'deny': {
        const note = values.note?.trim();
        return { decision: action === 'approve' ? 'approved' : 'denied', ...(note ? { note } : {}) };
      }
      default:
        return {};
    }
  };

  const finish = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const body = bodyOf(values);
    try {
      const updated = await submit(kase, action, body);
      message.success(`${label}：已完成`);
      onDone(updated);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      if (e.status === 412) {
        message.warning(e.shown.message);
        onStale();
        return;
      }
      const sentence = jointProblemSentence(e.shown, names, joint);
      setProblem(sentence);
      form.setFields(formFieldErrors(action, e.shown.fields, body, sentence) as never);
      // The case moved on (or the rule depends on it): show it as it is now behind the dialog.
      if (e.status === 409 || e.status === 422) onRefresh();
    } finally {
      setSaving(false);
    }
  };

  const isWorking = (date: string): boolean => {
    const year = calendar?.get(Number(date.slice(0, 4)));
    return year ? isWorkingDay(date, year) : true;
  };

  const fields = (() => {
    switch (action) {
      case 'schedule':
        return (
          <>
            <Typography.Paragraph type="secondary">
              联合验收须安排在工作日{latest ? `，最迟${chineseDate(latest)}（现场验收部门中最早的审查期限）` : ''}；举行前可以改期。
            </Typography.Paragraph>
            <Space align="start" wrap>
              <Form.Item name="date" label="验收日期" rules={[{ required: true, message: '请选择验收日期' }]}>
                <DatePicker
                  autoFocus
                  format="YYYY-MM-DD"
                  placeholder="如 2026-12-25"
                  defaultPickerValue={dayjs(today)}
                  disabledDate={(d) => {
                    const date = d.format('YYYY-MM-DD');
                    return date < today || (latest !== undefined && date > latest) || !isWorking(date);
                  }}
                />
              </Form.Item>
              <Form.Item
                name="time"
                label="时间"
                dependencies={['date']}
                rules={[
                  { required: true, message: '请选择时间' },
                  ({ getFieldValue }) => ({
                    validator: (_, time?: string) => {
                      const date = (getFieldValue('date') as Dayjs | undefined)?.format('YYYY-MM-DD');
                      return date === today && time !== undefined && time <= localTime(now().toISOString()) ? Promise.reject(new Error('该时间已过')) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Select style={{ width: 120 }} showSearch options={timeSlots.map((t) => ({ value: t, label: t }))} placeholder="09:30" />
              </Form.Item>
            </Space>
            <Form.Item name="place" label="验收地点" rules={[{ required: true, whitespace: true, message: '请填写验收地点' }]}>
              <Input maxLength={200} placeholder="如 海游街道工业园区项目现场" />
            </Form.Item>
          </>
        );
      case 'record':
        return (
          <>
            <Typography.Paragraph type="secondary">
              联合验收：{localDateTime(joint.inspection.at)}，{joint.inspection.place}。逐一记录参加现场验收的部门：
            </Typography.Paragraph>
            {inspecting.map((id) => (
              <div key={id}>
                <Form.Item name={['attendance', id]} label={names(id)} rules={[{ required: true, message: '请选择到场情况' }]} style={{ marginBottom: 8 }}>
                  <Radio.Group options={(Object.keys(attendanceLabels) as Attendance[]).map((value) => ({ value, label: attendanceLabels[value] }))} />
                </Form.Item>
                {attendance?.[id] === 'justified' ? (
                  <Form.Item name={['reason', id]} label={`${names(id)}缺席理由`} rules={[{ required: true, whitespace: true, message: '请填写缺席理由' }]}>
                    <Input maxLength={500} autoFocus />
                  </Form.Item>
                ) : null}
              </div>
            ))}
            {inspecting.some((id) => attendance?.[id] === 'unjustified') ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="无正当理由缺席的部门视为同意（无正当理由缺席默认），其审查即告结束，并按规定扣减其所属窗口的考核分。" />
            ) : null}
          </>
        );
      case 'issue': {
        const groups = pendingByDepartment(joint);
        const count = groups.reduce((n, g) => n + g.items.length, 0);
        return (
          <>
            <Typography.Paragraph>
              以下 {groups.length} 个部门的 {count} 项整改意见合并为一份整改通知，一次性告知申请人：
            </Typography.Paragraph>
            <NoticeItems groups={groups} names={names} />
            <Typography.Paragraph type="secondary">出具后，提出整改的部门暂停审查计时，直至申请人整改完成。</Typography.Paragraph>
          </>
        );
      }
      case 'done': {
        const r = joint.rectification;
        const asking = groupByDepartment(joint.tasks, r.items);
        return (
          <>
            <Typography.Paragraph>
              第{r.round}轮整改通知（{chineseDate(r.issuedDate)}出具，共 {r.items.length} 项）：申请人已完成全部整改？
            </Typography.Paragraph>
            <NoticeItems groups={asking} names={names} />
            <Typography.Paragraph type="secondary">
              确认后，{asking.map((g) => names(g.departmentId)).join('、')}恢复审查计时（整改期间不计入审查时限），并重新出具意见。
            </Typography.Paragraph>
          </>
        );
      }
      case 'approve':
      case 'deny':
        return (
          <>
            {action === 'approve' ? (
              <Typography.Paragraph>各部门均已通过、缺席视为同意或超时默许，准予许可并办结此件？</Typography.Paragraph>
            ) : (
              <Typography.Paragraph>
                {describeFailed(joint, names)}，不予许可并办结此件？
              </Typography.Paragraph>
            )}
            {action === 'approve' && describeWaited(joint, names) ? <Alert type="warning" showIcon message={`尚待：${describeWaited(joint, names)}`} style={{ marginBottom: 12 }} /> : null}
            <Form.Item name="note" label="办结说明（可选）">
              <Input.TextArea rows={3} maxLength={1000} autoFocus />
            </Form.Item>
          </>
        );
    }
  })();

  const initialValues: Values =
    action === 'schedule' && joint.inspection.at
      ? { date: dayjs(joint.inspection.date), time: localTime(joint.inspection.at), place: joint.inspection.place ?? '' }
      : action === 'record'
        ? { attendance: Object.fromEntries(inspecting.map((id) => [id, 'present' as const])) }
        : action === 'deny'
          ? { note: joint.tasks.filter((t) => t.status === 'failed').map((t) => `${names(t.departmentId)}：${t.note ?? t.items.map((i) => i.text).join('；')}`).join('\n') }
          : {};

  return (
    <Modal
      open
      title={`${label} · ${kase.caseNo}`}
      okText={`确认${label}`}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      width={action === 'record' ? 720 : 560}
      okButtonProps={{ autoFocus: action === 'issue' || action === 'done', danger: action === 'deny' }}
      // The attendance opens on its first department's answer, so it can be recorded without the mouse.
      afterOpenChange={(open) => {
        if (open && action === 'record') box.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
      }}
    >
      <div ref={box}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={initialValues}>
        {fields}
        {/* Enter in a text field submits, as in any form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      </Form>
      </div>
    </Modal>
  );
}

/** The failing departments and their reasons, in one clause. */
function describeFailed(joint: JointReview, names: Names): string {
  return joint.tasks
    .filter((t) => t.status === 'failed')
    .map((t) => `${names(t.departmentId)}审查不通过`)
    .join('，');
}

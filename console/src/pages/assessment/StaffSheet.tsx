import { Alert, App, Button, Select, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate, countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { Names } from '../director/use-names.ts';
import { readStaff } from './api.ts';
import { leaveParts } from './attendance.ts';
import { chineseMonth, monthNote, points, rate, tierColours, yuan, type StaffRow } from './model.ts';
import { CsvButton, DeductionList, DeductionToggle, Figure, TierSummary, TierTag, useExpanded, type AttendanceRef } from './parts.tsx';

// The leave form and a worker's attendance month load when first opened.
const LeaveDialog = lazy(() => import('./LeaveDialog.tsx'));
const AttendanceDrawer = lazy(() => import('./AttendanceDrawer.tsx'));

/**
 * 个人考核: each window worker's month — attendance at the terminal, the video checks of the window
 * they were signed in at, late completions, bad reviews, archive problems — with the band and the
 * allowance it carries (津补贴), ranked; an administrator sees every worker (or one window's), a
 * director their window's. 请假登记 records a worker's approved leave.
 */
export function StaffSheet({ month, admin, names, windowId, onWindow }: { month: string; admin: boolean; names: Names; windowId: string | undefined; onWindow: (windowId: string | undefined) => void }) {
  const { message } = App.useApp();
  const sheet = useLoad(() => readStaff(month, windowId), [month, windowId]);
  const rows = sheet.data?.staff ?? [];
  const colours = tierColours(rows.map((r) => ({ tier: r.band, score: r.score })));
  const { isOpen, toggle } = useExpanded();
  const [leaving, setLeaving] = useState(false);
  const [attendance, setAttendance] = useState<AttendanceRef & { name: string }>();
  const note = monthNote(month, countyToday());
  const nameOf = (staffId: string) => rows.find((r) => r.staffId === staffId)?.name ?? staffId;
  const openAttendance = (ref: AttendanceRef) => setAttendance({ ...ref, name: nameOf(ref.staffId) });
  const average = rows.length ? rows.reduce((s, r) => s + r.score, 0) / rows.length : undefined;
  const myWindow = !admin ? rows[0]?.windowId : undefined;
  return (
    <Panel
      aria-label="个人考核"
      title={`${chineseMonth(month)}个人考核（${rows.length} 人）`}
      extra={
        <Space wrap>
          {admin ? (
            <Select
              aria-label="窗口"
              allowClear
              placeholder="全部窗口"
              style={{ width: 260 }}
              value={windowId}
              onChange={(v: string | undefined) => onWindow(v)}
              options={names.windows.map((w) => ({ value: w.id, label: `${w.id} ${w.name}` }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          ) : myWindow ? (
            <Typography.Text type="secondary">{names.window(myWindow)}</Typography.Text>
          ) : null}
          <Button type="primary" onClick={() => setLeaving(true)} disabled={rows.length === 0}>
            请假登记
          </Button>
          <Button onClick={sheet.reload} loading={sheet.loading && !!sheet.data}>
            刷新
          </Button>
          <CsvButton sheet="staff" month={month} {...(windowId ? { windowId } : {})} />
        </Space>
      }
    >
      {sheet.error ? <Alert type="error" showIcon title={`读取失败：${sheet.error}`} style={{ marginBottom: 12 }} /> : null}
      <Space size="large" wrap align="end" style={{ marginBottom: 12 }}>
        <Statistic title="参加考核" value={rows.length} suffix="人" />
        <Statistic title="平均得分" value={average === undefined ? '—' : points(average)} />
        <Statistic title="考勤天数" value={sheet.data?.daysKept.length ?? '—'} suffix="天" />
        <Statistic title="津补贴合计" value={sheet.data ? yuan(sheet.data.allowanceTotal) : '—'} data-testid="allowance-total" styles={{ content: { color: '#1d4ed8' } }} />
        <TierSummary rows={rows.map((r) => ({ tier: r.band, score: r.score }))} />
      </Space>
      {note ? <Alert type="info" showIcon title={note} style={{ marginBottom: 12 }} /> : null}
      <DataTable<StaffRow>
        label="个人考核"
        rows={rows}
        rowKey={(r) => r.staffId}
        loading={!sheet.data && !sheet.error}
        empty="没有参加考核的工作人员"
        rowData={(r) => ({ 'data-staff': r.staffId })}
        expanded={(r) => (isOpen(r.staffId) ? <DeductionList label={`扣分明细：${r.name}`} deductions={r.deductions} onAttendance={openAttendance} /> : null)}
        columns={[
          { title: '排名', nowrap: true, width: 64, render: (r) => r.rank },
          { title: '工作人员', nowrap: true, render: (r) => <Figure main={r.name} sub={`工号 ${r.badgeNo}`} /> },
          { title: '窗口', render: (r) => names.window(r.windowId) },
          { title: '按期办结率', nowrap: true, render: (r) => <Figure main={rate(r.onTimeRate)} sub={`办结 ${r.completed} 件 · 按期 ${r.onTime} 件`} /> },
          { title: '差评', nowrap: true, render: (r) => r.badReviews },
          { title: '得分', nowrap: true, render: (r) => <Typography.Text strong>{points(r.score)}</Typography.Text> },
          { title: '档次', nowrap: true, render: (r) => <TierTag tier={r.band} colours={colours} /> },
          { title: '津补贴', nowrap: true, render: (r) => yuan(r.allowance) },
          { title: '扣分', nowrap: true, render: (r) => <DeductionToggle name={r.name} deducted={r.deducted} count={r.deductions.length} open={isOpen(r.staffId)} onToggle={() => toggle(r.staffId)} /> },
          {
            title: '考勤',
            nowrap: true,
            render: (r) => (
              <Button size="small" type="link" style={{ padding: 0 }} aria-label={`考勤记录：${r.name}`} onClick={() => openAttendance({ staffId: r.staffId, month, date: '' })}>
                考勤记录
              </Button>
            ),
          },
        ]}
      />
      {leaving ? (
        <Suspense fallback={null}>
          <LeaveDialog
            workers={rows}
            onCancel={() => setLeaving(false)}
            onDone={(worker, date, part) => {
              setLeaving(false);
              void message.success(`已登记 ${worker.name} ${chineseDate(date)}${leaveParts[part]}请假`);
              sheet.reload();
            }}
          />
        </Suspense>
      ) : null}
      {attendance ? (
        <Suspense fallback={null}>
          <AttendanceDrawer {...attendance} onClose={() => setAttendance(undefined)} />
        </Suspense>
      ) : null}
    </Panel>
  );
}

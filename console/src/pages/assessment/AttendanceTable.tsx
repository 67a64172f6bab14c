import { Space, Tag, Typography } from 'antd';
import { DataTable } from '../../layout/DataTable.tsx';
import { weekdayOf } from '../director/labels.ts';
import { attendanceKinds, leaveText, recordText, type AttendanceMonth } from './attendance.ts';

type Day = AttendanceMonth['days'][number];

/**
 * A worker's month at the terminal (考勤记录): each day with a record, its sign-ins and sign-outs, its
 * leave, and what a finished day cost them. The day a deduction points at is marked.
 */
export function AttendanceTable({ month, today, marked }: { month: AttendanceMonth | undefined; today: string; marked?: string }) {
  return (
    <DataTable<Day>
      label="考勤记录"
      rows={month?.days ?? []}
      rowKey={(d) => d.date}
      loading={!month}
      empty="本月没有签到、签退或请假记录"
      rowData={(d) => ({ 'data-date': d.date })}
      rowStyle={(d) => (d.date === marked ? { background: '#fffbe6' } : undefined)}
      columns={[
        { title: '日期', nowrap: true, render: (d) => <Typography.Text strong={d.date === marked}>{`${d.date} ${weekdayOf(d.date)}`}</Typography.Text> },
        {
          title: '签到签退',
          render: (d) =>
            d.records.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              <Space size={[8, 2]} wrap>
                {d.records.map((r) => (
                  <span key={r.v}>{recordText(r)}</span>
                ))}
              </Space>
            ),
        },
        { title: '请假', render: (d) => (d.leave.length ? d.leave.map(leaveText).join('；') : '—') },
        {
          title: '考勤结果',
          render: (d) =>
            d.date >= today ? (
              <Typography.Text type="secondary">{d.date === today ? '当天未结束' : '—'}</Typography.Text>
            ) : !d.counted ? (
              <Typography.Text type="secondary">不计入考核（非工作日）</Typography.Text>
            ) : d.findings.length === 0 ? (
              <Tag color="green">正常</Tag>
            ) : (
              <Space orientation="vertical" size={2}>
                {d.findings.map((f, i) => (
                  <span key={i}>
                    <Tag color="volcano">{attendanceKinds[f.kind]}</Tag>
                    {f.detail}
                  </span>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}

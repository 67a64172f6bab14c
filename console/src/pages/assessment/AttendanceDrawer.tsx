import { Alert, Drawer, Typography } from 'antd';
import { countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readAttendance } from './api.ts';
import { findingsSummary } from './attendance.ts';
import { AttendanceTable } from './AttendanceTable.tsx';
import { chineseMonth } from './model.ts';

/** A worker's attendance month beside the sheet, opened from their row or from one of their deductions (that day marked). */
export default function AttendanceDrawer({ staffId, name, month, date, onClose }: { staffId: string; name: string; month: string; date: string; onClose: () => void }) {
  const attendance = useLoad(() => readAttendance(staffId, month), [staffId, month]);
  return (
    <Drawer open title={`考勤记录 · ${name}（${chineseMonth(month)}）`} onClose={onClose} size="min(900px, 96vw)" destroyOnHidden>
      {attendance.error ? (
        <Alert type="error" showIcon title={`读取失败：${attendance.error}`} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {attendance.data ? `${attendance.data.windowId} · ${findingsSummary(attendance.data)}` : '读取中…'}
            {date ? `；标黄的是 ${date}` : ''}
          </Typography.Paragraph>
          {date && attendance.data && !attendance.data.days.some((d) => d.date === date) ? <Alert type="warning" showIcon title={`${date} 没有任何签到、签退或请假记录，按旷工计`} style={{ marginBottom: 12 }} /> : null}
          <AttendanceTable month={attendance.data} today={countyToday()} {...(date ? { marked: date } : {})} />
        </>
      )}
    </Drawer>
  );
}

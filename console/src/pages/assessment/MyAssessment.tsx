import { Alert, Button, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { Panel } from '../../layout/Panel.tsx';
import { countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readAttendance, readStaff } from './api.ts';
import { findingsSummary } from './attendance.ts';
import { AttendanceTable } from './AttendanceTable.tsx';
import { byKind, chineseMonth, monthNote, points, rate, tierColours, yuan } from './model.ts';
import { DeductionList, MonthSelect, TierTag, type AttendanceRef } from './parts.tsx';

/**
 * 我的考核: a window worker's own month — the score, the rank among all workers, the band and the
 * allowance it brings (津补贴), every deduction with its record, and their days at the terminal. The
 * API answers a worker with their own row only.
 */
export default function MyAssessment() {
  const session = currentSession()!;
  const today = countyToday();
  const thisMonth = today.slice(0, 7);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('month');
  const month = wanted && /^\d{4}-(0[1-9]|1[0-2])$/.test(wanted) && wanted <= thisMonth ? wanted : thisMonth;
  const [marked, setMarked] = useState<string>();
  const sheet = useLoad(() => readStaff(month), [month]);
  const attendance = useLoad(() => readAttendance(session.username, month), [session.username, month]);
  const me = sheet.data?.staff.find((s) => s.staffId === session.username);
  const note = monthNote(month, today);
  const showDay = (ref: AttendanceRef) => {
    setMarked(ref.date);
    document.querySelector(`[aria-label="考勤记录"] [data-date="${ref.date}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  const problem = sheet.problem ?? attendance.problem;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          我的考核
        </Typography.Title>
        <Space wrap>
          <label htmlFor="my-month">考核月份</label>
          <MonthSelect id="my-month" value={month} thisMonth={thisMonth} onChange={(m) => setParams({ month: m }, { replace: true })} />
          <Button
            onClick={() => {
              sheet.reload();
              attendance.reload();
            }}
          >
            刷新
          </Button>
        </Space>
      </Space>
      {problem && problem.status === 403 ? (
        <Alert type="info" showIcon title="您不在本中心窗口工作人员的考核名单中；如有疑问请联系管理员。" />
      ) : problem ? (
        <Alert type="error" showIcon title={`读取失败：${problem.message}`} />
      ) : null}
      {note ? <Alert type="info" showIcon title={note} /> : null}
      <Panel title={`${chineseMonth(month)}个人考核${me ? ` · ${me.name}（工号 ${me.badgeNo}）` : ''}`} aria-label="我的考核" loading={sheet.loading && !sheet.data}>
        {me ? (
          <Space size="large" wrap align="end" data-testid="my-score">
            <Statistic title="得分" value={points(me.score)} styles={{ content: { fontWeight: 700 } }} />
            <Statistic title="全中心排名" value={`第 ${me.rank} 名`} />
            <Statistic title="档次" value={me.band} valueRender={() => <TierTag tier={me.band} colours={tierColours([{ tier: me.band, score: me.score }])} />} />
            <Statistic title="津补贴" value={yuan(me.allowance)} styles={{ content: { color: '#1d4ed8' } }} />
            <Statistic title="扣分" value={me.deducted ? `−${points(me.deducted)}` : '0'} styles={{ content: { color: me.deducted ? '#cf1322' : undefined } }} />
            <Statistic title="按期办结率" value={rate(me.onTimeRate)} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{`办结 ${me.completed} 件`}</Typography.Text>} />
            <Statistic title="差评" value={me.badReviews} />
            <Statistic title="考勤天数" value={me.daysKept} suffix="天" />
          </Space>
        ) : sheet.data ? (
          <Typography.Text type="secondary">本月的个人考核中没有您的记录。</Typography.Text>
        ) : null}
      </Panel>
      {me ? (
        <Panel title={`扣分明细（${me.deductions.length} 项）`} aria-label="扣分明细" extra={<Typography.Text type="secondary">{byKind(me.deductions).map((k) => `${k.label} ${k.count} 次 −${points(k.points)}`).join('，') || '本月没有扣分'}</Typography.Text>}>
          <DeductionList label={`扣分明细：${me.name}`} deductions={me.deductions} onAttendance={showDay} />
        </Panel>
      ) : null}
      <Panel title="考勤记录" extra={<Typography.Text type="secondary">{attendance.data ? findingsSummary(attendance.data) : ''}</Typography.Text>}>
        {attendance.problem && !attendance.data ? <Typography.Text type="secondary">读不到考勤记录</Typography.Text> : <AttendanceTable month={attendance.data} today={today} {...(marked ? { marked } : {})} />}
      </Panel>
    </Space>
  );
}

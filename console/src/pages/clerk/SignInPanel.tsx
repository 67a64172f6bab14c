import { App, Button, Popconfirm, Tag, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem, settled } from '../../api/client.ts';
import { countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readAttendance, signAt } from '../assessment/api.ts';
import { dayOf, dutyState, type AttendanceDay } from '../assessment/attendance.ts';
import { explain } from '../assessment/refusals.ts';

/**
 * 签到 / 签退 at the window's terminal: where the worker stands today (已签到 08:25 · W01, 已签退,
 * 未签到) and the step that comes next. Their days are counted on 个人考核: late, early, missed,
 * absent, off post. A sign-out without a sign-in is accepted (the missed sign-in is recorded), after
 * a confirmation. Shown to window workers in the county's staff file.
 */
export function SignInPanel({ windowId, staffId }: { windowId: string; staffId: string }) {
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const today = countyToday();
  const month = useLoad(() => readAttendance(staffId, today.slice(0, 7)), [staffId, today.slice(0, 7)]);
  // The step's own answer is the day as it stands; the month's read may lag behind it a moment.
  const [answered, setAnswered] = useState<AttendanceDay>();
  const [busy, setBusy] = useState(false);
  // A press whose answer never came is pressed again with the same key: one sign-in, not two.
  const keys = useRef<{ in?: string; out?: string }>({});
  const day = answered?.date === today ? answered : dayOf(month.data, today);
  const state = dutyState(day);

  if (month.problem && (month.problem.status === 404 || month.problem.status === 403)) {
    return <Typography.Text type="secondary">未列入窗口考勤名单</Typography.Text>;
  }

  const step = async (which: 'in' | 'out') => {
    if (busy) return;
    setBusy(true);
    keys.current[which] ??= crypto.randomUUID();
    try {
      const answer = await signAt(windowId, which, { key: keys.current[which] });
      keys.current[which] = undefined;
      setAnswered(answer);
      void message.success(which === 'in' ? `签到成功（${answer.records.at(-1)?.time ?? ''}）` : `签退成功（${answer.records.at(-1)?.time ?? ''}）`);
    } catch (error) {
      if (settled(error)) keys.current[which] = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      void message.error(explain(error));
      if (error.status === 409) {
        // Another terminal (or an earlier press) moved the day on: show it as it is now.
        setAnswered(undefined);
        month.reload();
        setTimeout(month.reload, 1500);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-label="签到签退"
      style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '4px 6px 4px 14px', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, background: token.colorBgContainer }}
    >
      <Typography.Text strong>考勤</Typography.Text>
      <Tag color={state.color} data-testid="duty-state" style={{ fontSize: 15, lineHeight: '26px', paddingInline: 10, marginInlineEnd: 0 }}>
        {answered || month.data ? state.label : month.problem ? '考勤读取失败' : '读取中…'}
      </Tag>
      {state.state === 'on' ? (
        <Button type="primary" danger onClick={() => void step('out')} loading={busy}>
          签退
        </Button>
      ) : (
        <Button type="primary" onClick={() => void step('in')} loading={busy} disabled={month.loading && !month.data && !answered}>
          签到
        </Button>
      )}
      {state.state === 'none' && !(month.loading && !month.data) ? (
        <Popconfirm title="今天尚未签到" description="现在签退将记为漏签到，确定签退？" okText="签退" cancelText="取消" onConfirm={() => void step('out')}>
          <Button disabled={busy}>签退</Button>
        </Popconfirm>
      ) : null}
      <Link to="/my-assessment" style={{ whiteSpace: 'nowrap' }}>
        我的考核
      </Link>
    </section>
  );
}

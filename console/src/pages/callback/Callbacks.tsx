import { Input, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { api, read } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { chineseDate, countyToday } from '../../lib/dates.ts';
import { TodayList } from './TodayList.tsx';
import { useTick } from '../../lib/useTick.ts';
import { useLoad } from '../../lib/useLoad.ts';

const loadWindows = () => read(api().GET('/windows'));

// The other tabs load when first opened: the day's list is what the first screen needs.
const FollowUps = lazy(() => import('./FollowUps.tsx').then((m) => ({ default: m.FollowUps })));
const UnmatchedSms = lazy(() => import('./UnmatchedSms.tsx').then((m) => ({ default: m.UnmatchedSms })));
const tabLoading = <Spin style={{ display: 'block', margin: 48 }} />;

/**
 * 电话回访: the callback staff's working day — their share of the day's list with the call form,
 * the follow-up calls of rectified bad reviews, and SMS replies nobody's case was waiting for.
 * The only page that shows applicants' phone numbers whole.
 */
export default function Callbacks() {
  const session = currentSession()!;
  // The county's day, looked at every minute: a page left open over midnight moves on to the new day's list,
  // unless the person picked a day of their own.
  useTick(60_000);
  const today = countyToday();
  const [picked, setDate] = useState<string>();
  const date = picked ?? today;
  const windows = useLoad(loadWindows, []);
  const windowName = useCallback((id: string) => windows.data?.find((w) => w.id === id)?.name ?? id, [windows.data]);
  // Callback staff work their own share; an administrator sees the whole list. Both see the rectifications awaiting a follow-up call.
  const staff = session.roles.includes('callback') ? 'me' : undefined;
  const canList = session.roles.some((r) => r === 'admin' || r === 'director' || r === 'callback');
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          电话回访
          <Typography.Text type="secondary" style={{ fontSize: 15, marginLeft: 12 }}>
            {date === today ? `今天是${chineseDate(today)}` : `正在查看${chineseDate(date)}的名单`}
          </Typography.Text>
        </Typography.Title>
        <label>
          名单日期{' '}
          {/* The browser's own date field: keyboard-friendly, and no calendar widget to download. */}
          <Input type="date" aria-label="名单日期" value={date} max={today} required style={{ width: 170 }} onChange={(e) => e.target.value && e.target.value <= today && setDate(e.target.value)} />
        </label>
      </Space>
      <Tabs
        defaultActiveKey="list"
        items={[
          { key: 'list', label: staff ? '我的回访名单' : '回访名单', children: <TodayList key={date} date={date} today={today} staff={staff} username={session.username} windowName={windowName} /> },
          { key: 'follow-ups', label: '整改回访', children: <Suspense fallback={tabLoading}><FollowUps canList={canList} windowName={windowName} /></Suspense> },
          { key: 'sms', label: '短信回复', children: <Suspense fallback={tabLoading}><UnmatchedSms date={date} /></Suspense> },
        ]}
      />
    </Space>
  );
}

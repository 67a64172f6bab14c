import { Skeleton, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { countyToday } from '../../lib/dates.ts';
import { CalendarEditor } from './CalendarEditor.tsx';

// The other tabs (their tables and date pickers) load when opened: the first screen is the calendar.
const Publishing = lazy(() => import('./Publishing.tsx').then((m) => ({ default: m.Publishing })));
const DeadLetters = lazy(() => import('./DeadLetters.tsx').then((m) => ({ default: m.DeadLetters })));

const tabs = ['calendar', 'publish', 'dead-letters'] as const;
type Tab = (typeof tabs)[number];

/**
 * The administrator's page (系统管理): the working-day calendar's amendments, publishing a day's
 * roster or callback list by hand, and the events the projector parked. The tab and the calendar's
 * year are in the address, so a reload shows the same thing.
 */
export default function Admin() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = tabs.find((t) => t === wanted) ?? 'calendar';
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(countyToday().slice(0, 4));
  const go = (next: { tab?: Tab; year?: number }) => setParams({ tab: next.tab ?? tab, ...((next.year ?? params.get('year')) ? { year: String(next.year ?? year) } : {}) }, { replace: true });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统管理
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key as Tab })}
        items={[
          { key: 'calendar', label: '节假日安排', children: <CalendarEditor year={year} onYear={(y) => go({ year: y })} /> },
          { key: 'publish', label: '手工发布', children: <Suspense fallback={<Skeleton active />}><Publishing /></Suspense> },
          { key: 'dead-letters', label: '死信事件', children: <Suspense fallback={<Skeleton active />}><DeadLetters /></Suspense> },
        ]}
      />
    </>
  );
}

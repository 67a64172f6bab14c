import { Skeleton, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { TodayChecks } from './TodayChecks.tsx';
import { useNames } from './use-names.ts';

// The other tabs (and their tables and pickers) load when opened: the first screen is today's checks.
const ArchivePanel = lazy(() => import('./ArchivePanel.tsx').then((m) => ({ default: m.ArchivePanel })));
const RectificationsPanel = lazy(() => import('./RectificationsPanel.tsx').then((m) => ({ default: m.RectificationsPanel })));

const tabs = ['checks', 'archive', 'rectifications'] as const;
type Tab = (typeof tabs)[number];

/**
 * The window director's page (窗口督查): today's video checks on the roster, the month's archive
 * sample, and the rectifications waiting on a director. The tab is in the address, so a reload or a
 * shared link opens the same one.
 */
export default function Director() {
  const session = currentSession()!;
  const names = useNames();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = tabs.find((t) => t === wanted) ?? 'checks';
  const later = <Skeleton active />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        窗口督查
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'checks', label: '视频督查', children: <TodayChecks session={session} names={names} /> },
          { key: 'archive', label: '档案检查', children: <Suspense fallback={later}><ArchivePanel session={session} names={names} /></Suspense> },
          { key: 'rectifications', label: '差评整改', children: <Suspense fallback={later}><RectificationsPanel session={session} names={names} /></Suspense> },
        ]}
      />
    </>
  );
}

import { Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { countyToday } from '../../lib/dates.ts';
import { useNames } from '../director/use-names.ts';
import { DepartmentSheet } from './DepartmentSheet.tsx';
import type { SiteLevel } from './model.ts';
import { MonthSelect } from './parts.tsx';

// The other tabs (their pickers, the inspection form) load when opened: the first screen is the department sheet.
const SiteSheet = lazy(() => import('./SiteSheet.tsx').then((m) => ({ default: m.SiteSheet })));
const StaffSheet = lazy(() => import('./StaffSheet.tsx').then((m) => ({ default: m.StaffSheet })));
const Inspections = lazy(() => import('./Inspections.tsx').then((m) => ({ default: m.Inspections })));

const tabs = ['departments', 'sites', 'staff', 'inspections'] as const;
type Tab = (typeof tabs)[number];

/**
 * 考核管理 for the center's management and the window directors: the month's department, township
 * and personal sheets, each ranked with its tiers, every deduction traced to its record and the
 * sheet as CSV; the on-site inspections of the townships (实地检查) and the workers' leave (请假登记).
 * The month, tab, level and window are in the address, so a reload or a shared link opens the same sheet.
 */
export default function Assessment() {
  const session = currentSession()!;
  const admin = session.roles.includes('admin');
  const names = useNames();
  const [params, setParams] = useSearchParams();
  const today = countyToday();
  const thisMonth = today.slice(0, 7);
  const wanted = params.get('month');
  const month = wanted && /^\d{4}-(0[1-9]|1[0-2])$/.test(wanted) && wanted <= thisMonth ? wanted : thisMonth;
  const tab: Tab = tabs.find((t) => t === params.get('tab')) ?? 'departments';
  const level: SiteLevel = params.get('level') === 'village' ? 'village' : 'township';
  const windowId = (admin && params.get('window')) || undefined;
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const later = <Skeleton active />;
  return (
    <>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          考核管理
        </Typography.Title>
        <Space wrap>
          <label htmlFor="assessment-month">考核月份</label>
          <MonthSelect id="assessment-month" value={month} thisMonth={thisMonth} onChange={(m) => set({ month: m })} />
        </Space>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        items={[
          { key: 'departments', label: '部门考核', children: <DepartmentSheet month={month} /> },
          { key: 'sites', label: '乡镇考核', children: <Suspense fallback={later}><SiteSheet month={month} level={level} onLevel={(l) => set({ level: l === 'township' ? undefined : l })} /></Suspense> },
          { key: 'staff', label: '个人考核', children: <Suspense fallback={later}><StaffSheet month={month} admin={admin} names={names} windowId={windowId} onWindow={(w) => set({ window: w })} /></Suspense> },
          { key: 'inspections', label: '实地检查', children: <Suspense fallback={later}><Inspections month={month} names={names} /></Suspense> },
        ]}
      />
    </>
  );
}

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataTable } from '../../console/src/layout/DataTable.tsx';
import type { Deduction } from '../../console/src/pages/assessment/model.ts';
import { DeductionList, DeductionToggle } from '../../console/src/pages/assessment/parts.tsx';

beforeAll(() => {
  // jsdom has no layout: no media queries (Ant Design asks for them).
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) => ({ matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList;
  }
});
afterEach(cleanup);

const deductions = [
  { kind: 'late', date: '2026-11-10', detail: '上午签到 08:36，迟到 6 分钟', points: 1, link: '/staff/clerk-w02/attendance/2026-11#2026-11-10-v1', ref: { stream: 'attendance#2026-11-10#clerk-w02', version: 1 } },
  { kind: 'bad-review', date: '2026-11-12', detail: 'dissatisfied', points: 2, link: '/cases/01JCASE0000000000000000000/events#v7', ref: { stream: 'case#01JCASE0000000000000000000', version: 7 } },
  { kind: 'video-check', date: '2026-11-13', detail: 'noPhone', points: 1, link: '/rosters/2026-11-13#v4', ref: { stream: 'roster#2026-11-13', version: 4 } },
] as Deduction[];

const frame = (children: ReactNode) =>
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <MemoryRouter>{children}</MemoryRouter>
      </App>
    </ConfigProvider>,
  );

describe('a sheet row’s deductions', () => {
  it('lists each with its day, kind, detail in words and points, and where it points: the case page, the worker’s day, or words', () => {
    const onAttendance = vi.fn();
    frame(<DeductionList label="扣分明细：张伟" deductions={deductions} onAttendance={onAttendance} />);
    const table = screen.getByRole('table', { name: '扣分明细：张伟' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '2026-11-10迟到上午签到 08:36，迟到 6 分钟−12026-11-10 考勤记录',
      '2026-11-12差评不满意−2办件记录（第 7 条）',
      '2026-11-13视频督查玩手机−12026-11-13 视频督查记录',
    ]);
    expect(within(rows[1]!).getByRole('link', { name: '办件记录（第 7 条）' }).getAttribute('href')).toBe('/cases/01JCASE0000000000000000000');
    fireEvent.click(within(rows[0]!).getByRole('button', { name: '2026-11-10 考勤记录' }));
    expect(onAttendance).toHaveBeenCalledWith({ staffId: 'clerk-w02', month: '2026-11', date: '2026-11-10' });
    // Without a handler (a page with no attendance to open), the day is named in words.
    cleanup();
    frame(<DeductionList label="扣分明细" deductions={deductions.slice(0, 1)} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('2026-11-10 考勤记录')).toBeTruthy();
  });

  it('opens under its row across the table, and closes again', () => {
    function Sheet() {
      const [open, setOpen] = useState(false);
      return (
        <DataTable<{ id: string; name: string }>
          label="个人考核"
          rows={[{ id: 'clerk-w02', name: '张伟' }, { id: 'clerk-w02-2', name: '沈超' }]}
          rowKey={(r) => r.id}
          empty="无"
          expanded={(r) => (open && r.id === 'clerk-w02' ? <DeductionList label={`扣分明细：${r.name}`} deductions={deductions} /> : null)}
          columns={[
            { title: '姓名', render: (r) => r.name },
            { title: '扣分', render: (r) => (r.id === 'clerk-w02' ? <DeductionToggle name={r.name} deducted={4} count={3} open={open} onToggle={() => setOpen((o) => !o)} /> : <DeductionToggle name={r.name} deducted={0} count={0} open={false} onToggle={() => undefined} />) },
          ]}
        />
      );
    }
    frame(<Sheet />);
    const sheet = screen.getByRole('table', { name: '个人考核' });
    expect(within(sheet).getByText('无扣分')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: '展开扣分明细：张伟' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('−43 项 ▾');
    fireEvent.click(toggle);
    const list = screen.getByRole('table', { name: '扣分明细：张伟' });
    // The list sits in a row of its own, right under 张伟's, across every column.
    const rows = sheet.querySelectorAll(':scope > tbody > tr');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.contains(list)).toBe(true);
    expect(rows[1]!.querySelector('td')!.getAttribute('colspan')).toBe('2');
    expect(screen.getByRole('button', { name: '收起扣分明细：张伟' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '收起扣分明细：张伟' }));
    expect(screen.queryByRole('table', { name: '扣分明细：张伟' })).toBeNull();
  });
});

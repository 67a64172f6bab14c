// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../client/index.ts';
import { ApiProblem } from '../../console/src/api/client.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import { setConfig } from '../../console/src/config.ts';
import JointActionDialog, { type JointCase } from '../../console/src/pages/clerk/joint/JointActionDialog.tsx';
import type { JointAction, JointTask } from '../../console/src/pages/clerk/joint/joint-rules.ts';
import { jointTask } from './joint-fixtures.ts';

const departmentNames: Record<string, string> = { 'D-NR': '三门县自然资源和规划局', 'D-FIRE': '三门县消防救援大队', 'D-CAD': '三门县人民防空办公室', 'D-ARCH': '三门县城市建设档案馆' };
const names = (id: string) => departmentNames[id] ?? id;

const task = (departmentId: string, inspects: boolean, patch: Partial<JointTask> = {}): JointTask => jointTask(departmentId, { inspects, ...patch });

/** A joint case on the day of its inspection (2026-12-25, 09:30 on site). */
const kase: JointCase = {
  acceptedAt: '2026-12-24T01:05:00.000Z',
  acceptedDate: '2026-12-24',
  applicant: { name: '三门县海润建设有限公司' },
  caseId: '01KJOINTCASE0000000000000A',
  caseNo: '331022-20261224-00001',
  channel: 'window',
  completedAt: null,
  deadline: '2027-01-22',
  deadlineProvisional: true,
  decision: null,
  deliveredAt: null,
  deliveryMethod: null,
  departmentId: 'D-JOINT',
  early: null,
  item: { code: '331022-LHSP-002', name: '建设工程竣工联合验收', type: 'joint', committedDays: 20, statutoryDays: 30 },
  materials: ['M1'],
  materialsRequests: 0,
  missing: null,
  onTime: null,
  receivedSiteId: 'S-CENTER',
  rejectedAt: null,
  rejectionReason: null,
  siteId: 'S-CENTER',
  status: 'accepted',
  submittedAt: '2026-12-24T01:00:00.000Z',
  suspendedWorkingDays: 0,
  suspension: null,
  updatedAt: '2026-12-24T01:10:00.000Z',
  version: 4,
  windowId: 'W16',
  joint: {
    acceptedDate: '2026-12-24',
    tasks: [task('D-NR', true), task('D-FIRE', true), task('D-CAD', true), task('D-ARCH', false, { deadline: '2026-12-29' })],
    inspection: { required: true, at: '2026-12-25T01:30:00.000Z', date: '2026-12-25', place: '海游街道工业园区项目现场', heldDate: null, present: [], absent: [] },
    rectification: { round: null, status: 'none', issuedDate: null, completedDate: null, stoppedWorkingDays: null, items: [], pending: [], rounds: 0 },
    serialWorkingDays: 18,
  },
};

beforeAll(() => {
  setConfig({ county: { key: 'sanmen', name: '三门县', timeZone: 'Asia/Shanghai' }, apiBase: '', auth: { kind: 'local' } });
  // jsdom has no layout: no media queries (Ant Design's grid asks for them) and no resize observation (its text area's).
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) => ({ matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList;
  }
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

function open(action: JointAction, submit: (k: Case, a: JointAction, body: unknown) => Promise<Case>, on: Partial<Record<'onDone' | 'onStale' | 'onRefresh' | 'onCancel', () => void>> = {}) {
  const handlers = { onDone: vi.fn(), onStale: vi.fn(), onRefresh: vi.fn(), onCancel: vi.fn(), ...on };
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <JointActionDialog action={action} kase={kase} names={names} calendar={undefined} today="2026-12-25" submit={submit} {...handlers} />
      </App>
    </ConfigProvider>,
  );
  return handlers;
}

/** The attendance question of one department. */
const attendanceOf = (name: string) => within(screen.getByText(name, { selector: 'label' }).closest<HTMLElement>('.ant-form-item')!);

describe('recording the joint inspection', () => {
  it('sends every inspecting department present or absent once; an unjustified absence is said to count as consent', async () => {
    const submit = vi.fn((_k: Case, _a: JointAction, _body: unknown) => Promise.resolve(kase as Case));
    const { onDone } = open('record', submit);
    // Only the inspecting departments are asked about: the archive does not inspect.
    expect(screen.queryByText('三门县城市建设档案馆', { selector: 'label' })).toBeNull();
    fireEvent.click(attendanceOf('三门县人民防空办公室').getByLabelText('缺席（无正当理由，视为同意）'));
    expect(await screen.findByText(/无正当理由缺席的部门视为同意/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认记录联合验收' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(submit.mock.calls[0]![2]).toEqual({ present: ['D-NR', 'D-FIRE'], absent: [{ departmentId: 'D-CAD', justified: false }] });
  });

  it('asks for the reason of a justified absence before sending anything', async () => {
    const submit = vi.fn((_k: Case, _a: JointAction, _body: unknown) => Promise.resolve(kase as Case));
    open('record', submit);
    fireEvent.click(attendanceOf('三门县消防救援大队').getByLabelText('缺席（有正当理由）'));
    const reason = await screen.findByLabelText('三门县消防救援大队缺席理由');
    fireEvent.click(screen.getByRole('button', { name: '确认记录联合验收' }));
    expect(await screen.findByText('请填写缺席理由')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: '同日参加省厅消防检查' } });
    fireEvent.click(screen.getByRole('button', { name: '确认记录联合验收' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![2]).toEqual({ present: ['D-NR', 'D-CAD'], absent: [{ departmentId: 'D-FIRE', justified: true, reason: '同日参加省厅消防检查' }] });
  });
});

describe('completing a joint case', () => {
  it('shows a 409’s reason in Chinese with the departments’ names, stays open and reads the case again', async () => {
    const refusal = new ApiProblem(
      showProblem({ status: 409, type: '/problems/illegal-transition', title: 'Not allowed', correlationId: 'c1', detail: 'a joint case completes once every department has passed, consented or been deemed approving; waiting for D-ARCH (open)' }, 409),
    );
    const submit = vi.fn(() => Promise.reject(refusal));
    const { onRefresh, onDone } = open('approve', submit);
    fireEvent.click(screen.getByRole('button', { name: '确认办结（准予许可）' }));
    expect(await screen.findByText('各部门尚未全部同意，不能准予许可。仍在等待：三门县城市建设档案馆（审查中）')).toBeTruthy();
    expect(submit.mock.calls[0]).toEqual([kase, 'approve', { decision: 'approved' }]);
    expect(onRefresh).toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('closes on a 412 so that the page shows the case as it is now', async () => {
    const submit = vi.fn(() => Promise.reject(new ApiProblem(showProblem({ status: 412, type: '/problems/version-mismatch', title: 'Version mismatch', correlationId: 'c2' }, 412))));
    const { onStale } = open('approve', submit);
    fireEvent.click(screen.getByRole('button', { name: '确认办结（准予许可）' }));
    await waitFor(() => expect(onStale).toHaveBeenCalled());
  });
});

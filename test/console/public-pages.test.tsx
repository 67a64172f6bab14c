// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../console/src/api/client.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import { setConfig } from '../../console/src/config.ts';
import * as api from '../../console/src/pages/public/api.ts';
import Appointments from '../../console/src/pages/public/Appointments.tsx';
import Progress from '../../console/src/pages/public/Progress.tsx';
import Rate from '../../console/src/pages/public/Rate.tsx';

vi.mock('../../console/src/pages/public/api.ts', () => ({
  lookUpProgress: vi.fn(),
  listCategories: vi.fn(),
  listSlots: vi.fn(),
  book: vi.fn(),
  cancelBooking: vi.fn(),
  readReviewLink: vi.fn(),
  postReview: vi.fn(),
}));
const mocked = vi.mocked(api);

const problem = (status: number, detail?: string) => new ApiProblem(showProblem({ status, title: 'x', type: 'about:blank', ...(detail ? { detail } : {}) }, status));

beforeAll(() => {
  setConfig({ county: { key: 'sanmen', name: '三门县', timeZone: 'Asia/Shanghai' }, apiBase: '', auth: { kind: 'local' } });
  // jsdom has no layout: no media queries (Ant Design's grid asks for them), no resize observation, no scrolling.
  const media = window as unknown as { matchMedia?: (query: string) => MediaQueryList };
  media.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Object.assign(Element.prototype, { scrollIntoView: () => undefined });
  window.scrollTo = () => undefined;
});
beforeEach(() => {
  vi.clearAllMocks();
  sessionStorage.clear();
});
afterEach(cleanup);

function at(path: string, route: string, page: ReactNode) {
  render(
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <App>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={page} />
          </Routes>
        </MemoryRouter>
      </App>
    </ConfigProvider>,
  );
}

describe('办件进度查询', () => {
  const progress: api.Progress = {
    caseNo: '331022-20261102-00042',
    status: 'accepted',
    itemName: '食品经营许可证核发',
    acceptedDate: '2026-11-02',
    deadline: '2026-11-09',
    steps: [
      { step: '收件', date: '2026-11-02' },
      { step: '受理', date: '2026-11-02' },
    ],
    completion: null,
    collection: null,
  };

  it('takes the case number from the address, and shows the case: status, dates and steps', async () => {
    mocked.lookUpProgress.mockResolvedValue(progress);
    at('/public/progress?caseNo=331022-20261102-00042', '/public/progress', <Progress />);
    expect(screen.getByLabelText('办件号')).toHaveProperty('value', '331022-20261102-00042');
    fireEvent.change(screen.getByLabelText('查询码'), { target: { value: '５６７８' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    const result = await screen.findByTestId('progress-result');
    expect(mocked.lookUpProgress).toHaveBeenCalledWith('331022-20261102-00042', '5678');
    expect(result.textContent).toContain('食品经营许可证核发');
    expect(result.textContent).toContain('办理中');
    expect(result.textContent).toContain('2026年11月9日前');
    expect(screen.getByText('办理过程').parentElement!.textContent).toMatch(/收件2026年11月2日受理2026年11月2日办结（预计）2026年11月9日前/);
  });

  it('checks the pair before asking, and answers a wrong pair and a busy lookup neutrally', async () => {
    at('/public/progress', '/public/progress', <Progress />);
    fireEvent.change(screen.getByLabelText('办件号'), { target: { value: '331022-2026' } });
    fireEvent.change(screen.getByLabelText('查询码'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText('办件号格式如 331022-20261102-00042')).toBeTruthy();
    expect(mocked.lookUpProgress).not.toHaveBeenCalled();

    mocked.lookUpProgress.mockRejectedValueOnce(problem(404)).mockRejectedValueOnce(problem(429));
    fireEvent.change(screen.getByLabelText('办件号'), { target: { value: '331022-20261102-00042' } });
    fireEvent.change(screen.getByLabelText('查询码'), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect((await screen.findByRole('alert')).textContent).toContain('未找到该办件，请核对办件号和查询码');
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('查询过于频繁，请稍后再试'));
  });

  it('says how a completed case is collected, and when it was delivered', async () => {
    mocked.lookUpProgress.mockResolvedValue({ ...progress, status: 'delivered', completion: { decision: 'approved', date: '2026-11-05' }, collection: { method: 'post', deliveredDate: '2026-11-06' } });
    at('/public/progress', '/public/progress', <Progress />);
    fireEvent.change(screen.getByLabelText('办件号'), { target: { value: '331022-20261102-00042' } });
    fireEvent.change(screen.getByLabelText('查询码'), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    const result = await screen.findByTestId('progress-result');
    expect(result.textContent).toContain('2026年11月5日，准予许可');
    expect(result.textContent).toContain('2026年11月6日，邮寄送达');
  });
});

describe('在线预约', () => {
  // Thursday 2026-12-03, 10:00 in the county: the booking window runs to Monday 12-07.
  const NOW = '2026-12-03T10:00:00+08:00';
  const slot = (date: string, time: string, remaining: number) => ({ slot: time, startsAt: new Date(`${date}T${time}:00+08:00`).toISOString(), capacity: 2, remaining });
  const day = (date: string, closed: api.Slots['closed'], slots: api.Slot[]): api.Slots => ({ category: 'B', name: '市场监管（商事登记）', date, closed, lastBookableDate: '2026-12-07', slots });
  const answers: Record<string, api.Slots> = {
    '2026-12-03': day('2026-12-03', null, [slot('2026-12-03', '14:00', 0)]),
    '2026-12-04': day('2026-12-04', null, [slot('2026-12-04', '09:00', 0), slot('2026-12-04', '09:30', 2)]),
    '2026-12-05': day('2026-12-05', 'not-a-working-day', []),
    '2026-12-06': day('2026-12-06', 'not-a-working-day', []),
    '2026-12-07': day('2026-12-07', null, [slot('2026-12-07', '09:00', 2)]),
  };
  const booked: api.Booking = { appointmentId: 'B-20261204-0930-1', code: '483920', category: 'B', date: '2026-12-04', slot: '09:30', startsAt: '2026-12-04T01:30:00.000Z' };

  beforeEach(() => {
    sessionStorage.setItem('banjian.devClock', JSON.stringify({ base: Date.parse(NOW), setAt: Date.now() }));
    mocked.listCategories.mockResolvedValue([
      { code: 'A', name: '自然资源和规划' },
      { code: 'B', name: '市场监管（商事登记）' },
    ]);
    mocked.listSlots.mockImplementation((_category: string, date: string) => Promise.resolve(answers[date]!));
  });

  async function pickSlot(name: string) {
    fireEvent.click(await screen.findByRole('button', { name: '市场监管（商事登记）' }));
    fireEvent.click(await screen.findByRole('button', { name }));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王小明' } });
    fireEvent.change(screen.getByLabelText('手机号码'), { target: { value: '138 1234 5678' } });
  }

  it('offers the open days with their places, the first free one picked, and a full slot that cannot be picked', async () => {
    at('/public/appointments', '/public/appointments', <Appointments />);
    fireEvent.click(await screen.findByRole('button', { name: '市场监管（商事登记）' }));
    const days = within(await screen.findByRole('group', { name: '日期' }));
    await waitFor(() => expect(days.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['12月3日 周四 已约满', '12月4日 周五 余 2 个', '12月7日 周一 余 2 个']));
    expect(days.getByRole('button', { name: '12月3日 周四 已约满' })).toHaveProperty('disabled', true);
    expect(days.getByRole('button', { name: '12月4日 周五 余 2 个' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '09:00 已约满' })).toHaveProperty('disabled', true);
    expect(mocked.listSlots.mock.calls.map((c) => c[1])).toEqual(['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
  });

  it('books a free slot and shows its code; 取消预约 cancels this booking', async () => {
    mocked.book.mockResolvedValue(booked);
    mocked.cancelBooking.mockResolvedValue(undefined);
    at('/public/appointments', '/public/appointments', <Appointments />);
    await pickSlot('09:30 余 2 个');
    expect(screen.getByTestId('booking-summary').textContent).toBe('预约：2026年12月4日 09:30–10:00');
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect((await screen.findByTestId('booking-code')).textContent).toBe('483920');
    expect(mocked.book).toHaveBeenCalledWith({ category: 'B', date: '2026-12-04', slot: '09:30', name: '王小明', phone: '13812345678' }, expect.any(String));
    expect(screen.getByTestId('booking').textContent).toContain('2026年12月4日 周五');
    expect(screen.getByTestId('booking').textContent).toContain('到大厅取号机输入预约码取号');
    // Kept for a reload of the tab, with no name and no number in it.
    expect(sessionStorage.getItem('banjian.public.booking')).not.toContain('13812345678');

    fireEvent.click(within(screen.getByTestId('booking')).getByRole('button', { name: '取消预约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消预约' }));
    await waitFor(() => expect(mocked.cancelBooking).toHaveBeenCalledWith('B-20261204-0930-1', '483920'));
    expect(await screen.findByText('预约已取消')).toBeTruthy();
    expect(sessionStorage.getItem('banjian.public.booking')).toBeNull();
  });

  it('says a slot was just taken and reads the days again', async () => {
    mocked.book.mockRejectedValue(problem(409, 'Slot full: the 09:30 slot of 2026-12-04 has no place left (2 in all)'));
    at('/public/appointments', '/public/appointments', <Appointments />);
    await pickSlot('09:30 余 2 个');
    const calls = mocked.listSlots.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect((await screen.findByRole('alert')).textContent).toContain('该时段已约满');
    await waitFor(() => expect(mocked.listSlots.mock.calls.length).toBeGreaterThan(calls));
  });

  it('cancels from the form with the id and the code, checked first', async () => {
    mocked.cancelBooking.mockRejectedValueOnce(problem(404)).mockResolvedValueOnce(undefined);
    at('/public/appointments', '/public/appointments', <Appointments />);
    const section = within(screen.getByRole('region', { name: '取消预约' }));
    fireEvent.change(section.getByLabelText('预约编号'), { target: { value: 'b-20261204-0930-1' } });
    fireEvent.change(section.getByLabelText('预约码'), { target: { value: '4839' } });
    fireEvent.click(section.getByRole('button', { name: '取消预约' }));
    expect(await section.findByText('预约码为 6 位数字')).toBeTruthy();
    expect(mocked.cancelBooking).not.toHaveBeenCalled();
    fireEvent.change(section.getByLabelText('预约码'), { target: { value: '483920' } });
    fireEvent.click(section.getByRole('button', { name: '取消预约' }));
    expect((await section.findByRole('alert')).textContent).toContain('未找到该预约');
    expect(mocked.cancelBooking).toHaveBeenCalledWith('B-20261204-0930-1', '483920');
    fireEvent.click(section.getByRole('button', { name: '取消预约' }));
    await waitFor(() => expect(section.getByRole('alert').textContent).toContain('预约已取消'));
  });
});

describe('服务评价', () => {
  const link: api.ReviewLink = { itemName: '食品经营许可证核发', acceptedDate: '2026-11-02', completedDate: '2026-11-05', rated: false };
  const open = () => at('/public/rate/abc', '/public/rate/:token', <Rate />);

  it('rates on one of five levels with a comment, then thanks', async () => {
    mocked.readReviewLink.mockResolvedValue(link);
    mocked.postReview.mockResolvedValue(undefined);
    open();
    expect(await screen.findByText('食品经营许可证核发')).toBeTruthy();
    expect(screen.getAllByRole('radio').map((b) => b.textContent)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    const submit = screen.getByRole('button', { name: '提交评价' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: '满意' }));
    expect(screen.getByRole('radio', { name: '满意' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.change(screen.getByLabelText('意见建议'), { target: { value: '  窗口很耐心  ' } });
    fireEvent.click(submit);
    expect(await screen.findByText('感谢您的评价')).toBeTruthy();
    expect(mocked.postReview).toHaveBeenCalledWith('abc', { level: 'satisfied', comment: '窗口很耐心' }, expect.any(String));
  });

  it('holds a comment over 200 characters back', async () => {
    mocked.readReviewLink.mockResolvedValue(link);
    open();
    fireEvent.click(await screen.findByRole('radio', { name: '非常满意' }));
    fireEvent.change(screen.getByLabelText('意见建议'), { target: { value: '好'.repeat(201) } });
    expect(screen.getByRole('button', { name: '提交评价' })).toHaveProperty('disabled', true);
    expect(screen.getByText('201 / 200')).toBeTruthy();
  });

  it.each([
    [404, '链接无效'],
    [410, '链接已过期'],
  ])('answers a link refused with %i: %s', async (status, title) => {
    mocked.readReviewLink.mockRejectedValue(problem(status));
    open();
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('says so when the case was already rated, before or while rating', async () => {
    mocked.readReviewLink.mockResolvedValue({ ...link, rated: true });
    open();
    expect(await screen.findByText('您已评价过此办件')).toBeTruthy();
    cleanup();

    mocked.readReviewLink.mockResolvedValue(link);
    mocked.postReview.mockRejectedValue(problem(409));
    open();
    fireEvent.click(await screen.findByRole('radio', { name: '不满意' }));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('您已评价过此办件')).toBeTruthy();
  });
});

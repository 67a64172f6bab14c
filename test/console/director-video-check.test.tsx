// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../console/src/api/client.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import type { RosterEntry, VideoCheckBody } from '../../console/src/pages/director/labels.ts';
import { VideoCheckForm } from '../../console/src/pages/director/VideoCheckForm.tsx';

const entry: RosterEntry = { directorId: 'dir-w09', directorWindowId: 'W09', windowId: 'W12', at: '09:05', status: 'due', checkId: null };

beforeAll(() => {
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

function open(submit: (body: VideoCheckBody) => Promise<unknown>) {
  const onFiled = vi.fn();
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <VideoCheckForm entry={entry} rosterDate="2026-12-14" windowLabel="W12 水利窗口" now={{ date: '2026-12-14', time: '09:07' }} timeZone="Asia/Shanghai" submit={submit} onFiled={onFiled} onCancel={() => undefined} />
      </App>
    </ConfigProvider>,
  );
  return { onFiled };
}

describe('the video-check form', () => {
  it('shows the checklist as ticked checkboxes with Chinese labels, the time now in its labelled, focused field', async () => {
    open(() => Promise.resolve({}));
    const time = screen.getByLabelText('督查时间（时:分）');
    expect(time).toHaveProperty('value', '09:07');
    expect(document.activeElement).toBe(time);
    for (const label of ['在岗（无脱岗、空岗）', '未玩手机', '评价器正常使用', '桌面整洁']) expect(screen.getByRole('checkbox', { name: label })).toHaveProperty('checked', true);
    expect(screen.getByText('全部符合')).toBeTruthy();
    // Cover is asked only when the post is empty.
    expect(screen.queryByRole('checkbox', { name: '离岗已安排他人顶岗' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: '在岗（无脱岗、空岗）' }));
    expect(await screen.findByRole('checkbox', { name: '离岗已安排他人顶岗' })).toBeTruthy();
  });

  it('files what was ticked and written, at the county time of the look', async () => {
    const submit = vi.fn((_body: VideoCheckBody) => Promise.resolve({}));
    const { onFiled } = open(submit);
    fireEvent.click(screen.getByRole('checkbox', { name: '未玩手机' }));
    await screen.findByText('不符合 1 项：');
    fireEvent.change(screen.getByLabelText('情况说明'), { target: { value: '低头玩手机' } });
    fireEvent.change(screen.getByLabelText('督查时间（时:分）'), { target: { value: '09:06' } });
    fireEvent.click(screen.getByRole('button', { name: '提交督查记录' }));
    await waitFor(() => expect(onFiled).toHaveBeenCalledTimes(1));
    const body = submit.mock.calls[0]![0];
    expect(body).toMatchObject({ rosterDate: '2026-12-14', windowId: 'W12', checkedAt: '2026-12-14T09:06:00+08:00', note: '低头玩手机' });
    expect(body.items.noPhone).toBe(false);
    expect(body.items.atPost).toBe(true);
  });

  it('refuses a time later than now next to the field, and sends nothing', async () => {
    const submit = vi.fn(() => Promise.resolve({}));
    open(submit);
    fireEvent.change(screen.getByLabelText('督查时间（时:分）'), { target: { value: '10:30' } });
    fireEvent.click(screen.getByRole('button', { name: '提交督查记录' }));
    expect(await screen.findByText('督查时间不能晚于现在（09:07）')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows the API’s refusal in Chinese, with the field errors where they belong', async () => {
    const refusal = new ApiProblem(showProblem({ status: 400, title: 'Bad request', detail: 'invalid', errors: [{ path: 'items.noPhone', message: 'Invalid input: expected boolean, received undefined' }, { path: 'note', message: 'Too big: expected string to have <=1000 characters' }] }, 400));
    const { onFiled } = open(() => Promise.reject(refusal));
    fireEvent.click(screen.getByRole('button', { name: '提交督查记录' }));
    expect(await screen.findByText('输入有误，请检查标红的项目')).toBeTruthy();
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(await screen.findByText('内容太多或太长')).toBeTruthy();
    expect(onFiled).not.toHaveBeenCalled();
  });
});

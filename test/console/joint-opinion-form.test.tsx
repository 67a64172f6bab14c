// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../client/index.ts';
import { ApiProblem } from '../../console/src/api/client.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import type { OpinionBody } from '../../console/src/pages/joint/model.ts';
import { OpinionForm } from '../../console/src/pages/joint/OpinionForm.tsx';

beforeAll(() => {
  // jsdom has no layout: no media queries (Ant Design's grid asks for them) and no resize observation (its text area's).
  const media = window as unknown as { matchMedia?: (query: string) => MediaQueryList };
  media.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

const kase = { caseId: '01M9EQDPM0XMBCFTRZ8X2MNAAK', caseNo: '331022-20261221-00001', version: 7 } as Case;

function open(post: (caseId: string, version: number, body: OpinionBody) => Promise<Case>) {
  const onDone = vi.fn();
  const onStale = vi.fn();
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <OpinionForm kase={kase} departmentId="D-FIRE" departmentName="三门县消防救援大队" onDone={onDone} onStale={onStale} post={post} />
      </App>
    </ConfigProvider>,
  );
  return { onDone, onStale };
}
const radio = (value: string) => document.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交意见' }));
const confirm = async () => fireEvent.click(await screen.findByRole('button', { name: '确认提交' }));

describe('OpinionForm', () => {
  it('opens on the result, so the keyboard can answer straight away', () => {
    open(vi.fn());
    expect(document.activeElement).toBe(radio('pass'));
  });

  it('asks for a rectification item before anything is sent, and sends the rows filled, once confirmed, with the case’s version', async () => {
    const post = vi.fn((_id: string, _version: number, _body: OpinionBody) => Promise.resolve({ ...kase, version: 8 }));
    const { onDone } = open(post);
    fireEvent.click(radio('rectify'));
    expect(await screen.findByLabelText('整改内容第 1 项')).toBeTruthy();
    submit();
    expect(await screen.findByText('请填写整改内容，或删除此项')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('整改内容第 1 项'), { target: { value: '疏散指示标志不连续' } });
    fireEvent.click(screen.getByRole('button', { name: '＋ 添加一项' }));
    fireEvent.change(await screen.findByLabelText('整改内容第 2 项'), { target: { value: '消防水泵接合器未标识' } });
    submit();
    await confirm();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ ...kase, version: 8 }));
    expect(post).toHaveBeenCalledWith(kase.caseId, 7, { departmentId: 'D-FIRE', result: 'rectify', items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }] });
  });

  it('needs the reason of a failing opinion', async () => {
    const post = vi.fn(() => Promise.resolve(kase));
    open(post);
    fireEvent.click(radio('fail'));
    expect(await screen.findByText('不通过的理由')).toBeTruthy();
    submit();
    expect(await screen.findByText('请填写不通过的理由')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
  });

  it('shows a refusal as a Chinese sentence with the field errors beside their fields', async () => {
    const refusal = new ApiProblem(showProblem({ title: 'Bad', detail: 'The opinion does not fit its result', errors: [{ path: 'items.0.text', message: 'Too big: expected string to have <=500 characters' }] }, 400));
    const { onDone, onStale } = open(() => Promise.reject(refusal));
    fireEvent.click(radio('rectify'));
    fireEvent.change(await screen.findByLabelText('整改内容第 1 项'), { target: { value: '很长的一项' } });
    submit();
    await confirm();
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('意见填写有误，请检查标红的项目。') as string);
    expect(await screen.findByText('内容太多或太长')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(onStale).not.toHaveBeenCalled();
  });

  it('reads the case again when it moved on meanwhile (412) or the task is no longer open (409)', async () => {
    const { onStale } = open(() => Promise.reject(new ApiProblem(showProblem({ title: 'Conflict', detail: 'department D-FIRE asked for rectification' }, 409))));
    fireEvent.click(radio('pass'));
    submit();
    await confirm();
    await waitFor(() => expect(onStale).toHaveBeenCalledOnce());
    expect(await screen.findByText('本部门已答复此办件，页面已重新载入。')).toBeTruthy();
  });
});

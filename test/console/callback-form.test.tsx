// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../console/src/api/client.ts';
import { showProblem } from '../../console/src/api/problem.ts';
import { CallForm, type AttemptResult } from '../../console/src/pages/callback/CallForm.tsx';
import type { Entry } from '../../console/src/pages/callback/labels.ts';
import type { AttemptBody } from '../../console/src/pages/callback/model.ts';
import { PhoneNumber } from '../../console/src/pages/callback/PhoneNumber.tsx';

const entry: Entry = {
  caseId: '01M9EQDPM0XMBCFTRZ8X2MNAAK',
  caseNo: '331022-20261210-00001',
  reason: 'bad-review',
  due: '2026-12-11',
  windowId: 'W06',
  itemName: '社会保障卡申领',
  completedDate: '2026-12-10',
  phone: '13905761011',
  staffId: 'cb-li',
  earlierAttempts: [],
  attempts: [],
};
const result = (body: AttemptBody): AttemptResult => ({ caseId: entry.caseId, attempt: 1, outcome: body.outcome, settled: body.outcome !== 'no-answer', reviewId: null, version: 7 });

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

function open(record: (caseId: string, body: AttemptBody) => Promise<AttemptResult>) {
  const onSaved = vi.fn();
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <CallForm entry={entry} record={record} onSaved={onSaved} />
      </App>
    </ConfigProvider>,
  );
  return { onSaved };
}
const radio = (group: string, value: string) => document.querySelector<HTMLInputElement>(`input[name="${group}"][value="${value}"]`)!;
const question = (label: string) => within(screen.getByText(label).closest<HTMLElement>('.ant-form-item')!);
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存回访记录' }));

describe('CallForm', () => {
  it('opens on the outcome, so the call can be recorded without the mouse', () => {
    open(vi.fn());
    expect(document.activeElement).toBe(radio('outcome', 'reached'));
  });

  it('asks for the outcome, and for a reached call the level, next to the field, before sending anything', async () => {
    const record = vi.fn();
    open(record);
    save();
    expect(await screen.findByText('请选择拨打结果')).toBeTruthy();
    fireEvent.click(radio('outcome', 'reached'));
    save();
    expect(await screen.findByText('电话已接通，请选择满意度')).toBeTruthy();
    expect(record).not.toHaveBeenCalled();
  });

  it('offers the level and the five questions only once the call is reached, and clears them when it is not', async () => {
    open(vi.fn());
    expect(radio('level', 'satisfied').disabled).toBe(true);
    expect(question('1. 服务态度是否热情周到').getByRole('radio', { name: '否' })).toHaveProperty('disabled', true);
    fireEvent.click(radio('outcome', 'reached'));
    await waitFor(() => expect(radio('level', 'satisfied').disabled).toBe(false));
    fireEvent.click(radio('level', 'satisfied'));
    expect(radio('level', 'satisfied').checked).toBe(true);
    fireEvent.click(radio('outcome', 'no-answer'));
    await waitFor(() => expect(radio('level', 'satisfied').disabled).toBe(true));
    expect(radio('level', 'satisfied').checked).toBe(false);
  });

  it('sends a reached call with a bad review on Enter, and warns that it opens a rectification', async () => {
    const record = vi.fn((_caseId: string, body: AttemptBody) => Promise.resolve(result(body)));
    const { onSaved } = open(record);
    fireEvent.click(radio('outcome', 'reached'));
    await waitFor(() => expect(radio('level', 'dissatisfied').disabled).toBe(false));
    fireEvent.click(radio('level', 'dissatisfied'));
    expect(await screen.findByText('“不满意”记为差评：保存后自动生成整改单，由窗口核实整改')).toBeTruthy();
    fireEvent.click(question('1. 服务态度是否热情周到').getByRole('radio', { name: '否' }));
    fireEvent.click(question('4. 是否在承诺时限内办结').getByRole('radio', { name: '是' }));
    fireEvent.change(screen.getByLabelText(/群众意见和建议/), { target: { value: '排队太久 ' } });
    fireEvent.keyDown(radio('level', 'dissatisfied'), { key: 'Enter' });
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(record).toHaveBeenCalledWith(entry.caseId, { attemptId: expect.any(String) as string, outcome: 'reached', level: 'dissatisfied', answers: { attitude: false, timeLimit: true }, comment: '排队太久' });
  });

  it('saves on Ctrl+Enter from the comment, where a plain Enter is a new line', async () => {
    const record = vi.fn((_caseId: string, body: AttemptBody) => Promise.resolve(result(body)));
    open(record);
    fireEvent.click(radio('outcome', 'refused'));
    const comment = screen.getByLabelText(/群众意见和建议/);
    fireEvent.keyDown(comment, { key: 'Enter' });
    fireEvent.keyDown(comment, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(record).toHaveBeenCalledOnce());
    expect(record.mock.calls[0]![1]).toMatchObject({ outcome: 'refused' });
  });

  it('shows the API’s refusal next to the field it names, and sends the same attempt id again on the next try', async () => {
    const refusal = new ApiProblem(showProblem({ status: 400, detail: 'The request does not match the API', errors: [{ path: 'body.comment', message: 'Too small: expected string to have >=1 characters' }] }, 400));
    const record = vi.fn<(caseId: string, body: AttemptBody) => Promise<AttemptResult>>().mockRejectedValueOnce(refusal).mockImplementation((_c, body) => Promise.resolve(result(body)));
    const { onSaved } = open(record);
    fireEvent.click(radio('outcome', 'no-answer'));
    save();
    const field = screen.getByLabelText(/群众意见和建议/).closest<HTMLElement>('.ant-form-item')!;
    await waitFor(() => expect(within(field).getByText('内容太少或太短')).toBeTruthy());
    expect(screen.getByText('输入有误，请检查标红的项目')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(record.mock.calls[1]![1].attemptId).toBe(record.mock.calls[0]![1].attemptId);
  });
});

describe('PhoneNumber', () => {
  it('shows the whole number large and grouped, with a copy button', () => {
    render(
      <App>
        <PhoneNumber phone="13905761011" />
      </App>,
    );
    expect(screen.getByLabelText('联系电话 13905761011').textContent).toBe('139 0576 1011');
    expect(screen.getByRole('button', { name: '复制号码' })).toBeTruthy();
  });

  it('says so when the number is past the county’s retention and only masked is left', () => {
    render(
      <App>
        <PhoneNumber phone="139****1011" />
      </App>,
    );
    expect(screen.getByText('号码已超过保存期限，只能显示部分')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '复制号码' })).toBeNull();
  });
});

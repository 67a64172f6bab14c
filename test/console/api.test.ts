// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, send } from '../../console/src/api/client.ts';
import { fieldMessage, showProblem } from '../../console/src/api/problem.ts';

describe('what a refusal looks like to the person at the screen', () => {
  it('names each field error by its form path, in Chinese', () => {
    const shown = showProblem(
      { type: '/problems/invalid-input', title: 'Invalid request', status: 400, correlationId: 'c1', errors: [{ path: 'body.applicant.phone', message: 'Invalid string: must match pattern /^1…/' }, { path: 'materials.2', message: 'Too big: expected string to have <=40 characters' }] },
      400,
    );
    expect(shown.message).toBe('输入有误，请检查标红的项目');
    expect(shown.fields).toEqual([
      { name: ['applicant', 'phone'], message: '格式不正确' },
      { name: ['materials', 2], message: '内容太多或太长' },
    ]);
    expect(shown.correlationId).toBe('c1');
  });

  it('speaks Chinese only: a rule refused, a 412 reloaded the case, a 500 gives the id to quote', () => {
    expect(showProblem({ status: 422, detail: 'A one-time notice must list everything missing' }, 422).message).toBe('不符合办理规则');
    expect(showProblem(undefined, 412).message).toContain('其他人刚刚修改了此办件');
    expect(showProblem({ status: 500, correlationId: 'abc-123' }, 500).message).toBe('系统出错了，请把编号告诉管理员（编号 abc-123）');
  });

  it('translates the common field messages and keeps an unknown one visible', () => {
    expect(fieldMessage('Required')).toBe('必填');
    expect(fieldMessage('Invalid option: expected one of "window"|"online"')).toBe('不是可选的值');
    expect(fieldMessage('something new')).toBe('不符合要求');
  });
});

describe('sending a command', () => {
  afterEach(() => vi.useRealTimers());
  const ok = (data: unknown) => ({ data, response: new Response(JSON.stringify(data), { status: 200 }) });

  it('resends after a network failure with the same Idempotency-Key', async () => {
    const keys: string[] = [];
    let calls = 0;
    const result = await send(
      (headers) => {
        keys.push(headers['Idempotency-Key']);
        return ++calls < 3 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(ok({ caseId: 'A' }));
      },
      { backoffMs: [1, 1, 1] },
    );
    expect(result).toEqual({ caseId: 'A' });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resends on 503 after Retry-After, and gives up after the last wait', async () => {
    let calls = 0;
    const busy = () => ({ error: { status: 503 }, response: new Response('{}', { status: 503, headers: { 'retry-after': '0' } }) });
    await expect(send(() => (calls++, Promise.resolve(busy())), { backoffMs: [1, 1] })).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
  });

  it('does not resend a refusal, and never uses one key for two actions', async () => {
    const keys: string[] = [];
    const refuse = (headers: { 'Idempotency-Key': string }) => {
      keys.push(headers['Idempotency-Key']);
      return Promise.resolve({ error: { status: 409, detail: 'cannot AcceptCase a case that is accepted' }, response: new Response('{}', { status: 409 }) });
    };
    const error: unknown = await send(refuse).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(409);
    await send(refuse).catch(() => undefined);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('reports a network failure that outlasts the resends in Chinese', async () => {
    const error = await send(() => Promise.reject(new TypeError('Failed to fetch')), { backoffMs: [1] }).catch((e: unknown) => e);
    expect((error as ApiProblem).shown).toMatchObject({ status: 0, message: '网络连接失败，请检查网络后重试' });
  });
});

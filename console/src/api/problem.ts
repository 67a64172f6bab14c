import type { Problem } from '../../../client/index.ts';

/** What the person at the screen reads for each kind of refusal. */
const byStatus: Record<number, string> = {
  400: '输入有误，请检查标红的项目',
  401: '登录已过期，请重新登录',
  403: '您没有权限进行此操作',
  404: '未找到该记录',
  409: '当前状态不允许此操作（可能已被他人处理），请核对后再试',
  412: '其他人刚刚修改了此办件，页面已重新载入，请核对后再操作',
  413: '提交的内容过多',
  415: '请求格式不正确',
  429: '请求过于频繁，请稍后重试',
  422: '不符合办理规则',
  503: '系统繁忙，请稍后重试',
};

/** A field error's words in Chinese: the API speaks English (zod's messages), the hall reads Chinese. */
export function fieldMessage(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('required') || m.includes('received undefined')) return '必填';
  if (m.includes('pattern') || m.includes('invalid string') || m.includes('format')) return '格式不正确';
  if (m.includes('too small') || m.includes('too short') || m.includes('>=')) return '内容太少或太短';
  if (m.includes('too big') || m.includes('too long') || m.includes('<=')) return '内容太多或太长';
  if (m.includes('option') || m.includes('enum')) return '不是可选的值';
  if (m.includes('unknown') || m.includes('unrecognized')) return '不认识的项目';
  return '不符合要求';
}

export interface ShownProblem {
  status: number;
  /** The sentence for the message bar. */
  message: string;
  /** Field path (as the form names it) → Chinese message. */
  fields: { name: (string | number)[]; message: string }[];
  correlationId?: string;
  /** The API's own explanation, in English: a page may translate the ones it knows (never shown as is). */
  detail?: string;
}

/** Turns a problem+json answer into what the page shows: one sentence, and each field error by its field. */
export function showProblem(problem: Partial<Problem> | undefined, status: number): ShownProblem {
  const fields = (problem?.errors ?? []).map((e) => ({
    // The API names a body field `body.applicant.phone` (or `applicant.phone`); the form knows it as ['applicant', 'phone'].
    name: e.path
      .replace(/^body\./, '')
      .split('.')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    message: fieldMessage(e.message),
  }));
  const base = byStatus[status] ?? (status >= 500 ? '系统出错了，请把编号告诉管理员' : `请求未成功（${status}）`);
  return {
    status,
    // The API explains a refusal in English (for logs and terminal vendors); the screen says it in Chinese, with the id to quote.
    message: status >= 500 && problem?.correlationId ? `${base}（编号 ${problem.correlationId}）` : base,
    fields,
    ...(problem?.correlationId ? { correlationId: problem.correlationId } : {}),
    ...(problem?.detail ? { detail: problem.detail } : {}),
  };
}

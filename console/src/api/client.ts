import { banjianClient, type BanjianClient, type Problem } from '../../../client/index.ts';
import { currentSession } from '../auth/session.ts';
import { config } from '../config.ts';
import { devClockHeader } from '../lib/clock.ts';
import { showProblem, type ShownProblem } from './problem.ts';

let client: BanjianClient | undefined;

/** The typed client of `openapi.json`, sending the signed-in person's ID token. */
export function api(): BanjianClient {
  if (!client) {
    client = banjianClient({ baseUrl: config().apiBase || window.location.origin, token: () => currentSession()?.token });
    client.use({
      // No valid session (expired, or signed out in another tab): back to sign-in, without sending a request the API would refuse.
      onRequest() {
        if (currentSession()) return undefined;
        window.dispatchEvent(new CustomEvent('banjian:signed-out'));
        throw new ApiProblem({ status: 401, message: '登录已过期，请重新登录', fields: [] });
      },
    });
    withDevClock(client);
  }
  return client;
}

/** In the local build, every request carries the simulated clock a person set (`X-Dev-Clock`). */
export function withDevClock(target: BanjianClient): void {
  if (!__LOCAL_SIGN_IN__) return;
  target.use({
    onRequest({ request }) {
      const clock = devClockHeader();
      if (clock) request.headers.set('x-dev-clock', clock);
      return request;
    },
  });
}

/** Raised for an answer that is not 2xx: what to show, and the status to branch on (412 reloads). */
export class ApiProblem extends Error {
  constructor(readonly shown: ShownProblem) {
    super(shown.message);
  }
  get status(): number {
    return this.shown.status;
  }
}

/** The shape every openapi-fetch call answers with. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether an answer settles the action (done, or refused for good), so that its key may be forgotten. */
export const settled = (error: unknown): boolean => !(error instanceof ApiProblem) || (error.status >= 400 && error.status < 500);

/** A fetch that failed before an answer came back (offline, reset, timeout): the request may or may not have arrived. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof DOMException && error.name === 'NetworkError');
}

export interface SendOptions {
  /** Waits between resends after a network failure, a 503 or a 429; the last failure is raised. */
  backoffMs?: number[];
  onResend?: (attempt: number) => void;
  /**
   * The action's key when the person may press again after an unanswered try (registering a case,
   * calling the next ticket): the page keeps it until a definite answer, so the action still happens once.
   */
  key?: string;
}

/**
 * Sends a command exactly once: one Idempotency-Key for this action, the same key on every resend
 * after a network failure or a 503, so a command that did arrive is answered from its stored
 * answer and never applied twice.
 */
export async function send<T>(call: (headers: { 'Idempotency-Key': string }) => Promise<Answer<T>>, options: SendOptions = {}): Promise<T> {
  const key = options.key ?? crypto.randomUUID();
  const backoff = options.backoffMs ?? [500, 1500, 4000];
  for (let attempt = 0; ; attempt++) {
    let answer: Answer<T>;
    try {
      answer = await call({ 'Idempotency-Key': key });
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
      if (attempt >= backoff.length) throw new ApiProblem({ status: 0, message: '网络连接失败，请检查网络后重试', fields: [] });
      options.onResend?.(attempt + 1);
      await sleep(backoff[attempt]!);
      continue;
    }
    if ((answer.response.status === 503 || answer.response.status === 429) && attempt < backoff.length) {
      options.onResend?.(attempt + 1);
      const retryAfter = Number(answer.response.headers.get('retry-after'));
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff[attempt]!);
      continue;
    }
    return unwrap(answer);
  }
}

/** A read's data, or the problem it answered with. */
export async function read<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    if (isNetworkFailure(error)) throw new ApiProblem({ status: 0, message: '网络连接失败，请检查网络后重试', fields: [] });
    throw error;
  }
  return unwrap(answer);
}

function unwrap<T>(answer: Answer<T>): T {
  const { response } = answer;
  if (response.ok) return answer.data as T;
  if (response.status === 401) window.dispatchEvent(new CustomEvent('banjian:signed-out'));
  throw new ApiProblem(showProblem(answer.error as Partial<Problem> | undefined, response.status));
}

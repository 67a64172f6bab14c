/** One text message as the provider gets it: a registered template with its parameters under the county's registered signature. */
export interface OutgoingSms {
  /** Our message id (stable across retries): sent as Alibaba's OutId / Tencent's SessionContext so a delivery receipt names it. */
  id: string;
  /** Mainland mobile, 11 digits, e.g. 13800138000. */
  phone: string;
  /** The registered signature without the 【】, e.g. 三门县行政服务中心. */
  signName: string;
  /** The registered template, e.g. SMS_465830012 (Alibaba) or 1234567 (Tencent). */
  templateCode: string;
  /** Parameters by name, in the template's order (Tencent takes them positionally in this order). */
  params: { name: string; value: string }[];
  /** The rendered text the citizen receives (for the local sink and logs). */
  text: string;
}

/** What a send came to: the provider's id for the message, or a failure worth retrying later (`transient`) or not. */
export type SendResult = { ok: true; providerMessageId: string } | { ok: false; transient: boolean; code: string; message: string };

/** A way to hand a text message to an operator. */
export interface SmsProvider {
  readonly name: 'aliyun' | 'tencent' | 'sink';
  send(sms: OutgoingSms): Promise<SendResult>;
}

/** An AccessKey pair (Alibaba's AccessKeyId/Secret, Tencent's SecretId/SecretKey). */
export interface ProviderCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** The part of `fetch` the clients use: the global one fits, and tests pass a fake. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<Response>;

/** How long a provider call may take before it counts as a (transient) timeout. */
export const providerTimeoutMs = 10_000;

/** A request that never got an answer (DNS, reset, timeout): always worth retrying. */
export function unreachable(error: unknown): SendResult {
  const name = error instanceof Error ? error.name : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  return { ok: false, transient: true, code: timedOut ? 'Timeout' : 'NetworkError', message: error instanceof Error ? error.message : String(error) };
}

/** The response body as JSON, or undefined when it is not JSON. */
export async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

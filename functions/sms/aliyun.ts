import { createHmac, randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { jsonOf, providerTimeoutMs, unreachable } from './provider.ts';
import type { FetchLike, ProviderCredentials, SendResult, SmsProvider } from './provider.ts';

/** Alibaba Cloud SMS (Dysms), RPC style. */
export const aliyunEndpoint = 'https://dysmsapi.aliyuncs.com/';

/** Percent-encoding as Alibaba's RPC signature wants it (RFC 3986): only A-Z a-z 0-9 - _ . ~ stay literal, a space is %20, `*` is %2A. */
export function percentEncode(value: string): string {
  // encodeURIComponent also leaves ! ' ( ) * alone; the spec does not.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `HTTPMethod&%2F&percentEncode(canonicalized query)`, the parameters sorted by name (any `Signature` left out). */
export function rpcStringToSign(params: Record<string, string>, method: 'GET' | 'POST'): string {
  const canonical = Object.entries(params)
    .filter(([key]) => key !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/** The RPC signature (SignatureVersion 1.0): base64 HMAC-SHA1 of the string to sign under `secret&`. Pure. */
export function signRpc(params: Record<string, string>, secret: string, method: 'GET' | 'POST'): string {
  return createHmac('sha1', `${secret}&`).update(rpcStringToSign(params, method), 'utf8').digest('base64');
}

/**
 * Whether an Alibaba failure is worth retrying later. Yes: the service's own trouble (HTTP 5xx,
 * ServiceUnavailable, InternalError, isp.SYSTEM_ERROR), throttling and flow control (HTTP 429,
 * Throttling*, isv.BUSINESS_LIMIT_CONTROL: the per-number minute/hour/day caps), a nonce the server
 * saw already, and an answer we could not read. No: everything that needs a person, such as a
 * template or signature not approved (isv.SMS_TEMPLATE_ILLEGAL, isv.SMS_SIGNATURE_ILLEGAL), a bad
 * number (isv.MOBILE_NUMBER_ILLEGAL), authentication (InvalidAccessKeyId.*, SignatureDoesNotMatch,
 * isp.RAM_PERMISSION_DENY), or an account out of money (isv.AMOUNT_NOT_ENOUGH, isv.OUT_OF_SERVICE).
 */
export function aliyunTransient(code: string, status: number): boolean {
  if (status >= 500 || status === 429) return true;
  return code.startsWith('Throttling') || ['isv.BUSINESS_LIMIT_CONTROL', 'ServiceUnavailable', 'InternalError', 'isp.SYSTEM_ERROR', 'SignatureNonceUsed', 'BadResponse'].includes(code);
}

/** Alibaba's time format: ISO 8601 UTC to the second. */
const timestampOf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const reply = z.object({ Code: z.string(), Message: z.optional(z.string()), BizId: z.optional(z.string()), RequestId: z.optional(z.string()) });

/** What an answer from SendSms means. */
export function aliyunResult(status: number, body: unknown): SendResult {
  const parsed = reply.safeParse(body);
  if (!parsed.success) {
    const code = status < 400 ? 'BadResponse' : `HTTP${status}`;
    return { ok: false, transient: aliyunTransient(code, status), code, message: `HTTP ${status} without an Alibaba reply` };
  }
  const { Code, Message, BizId, RequestId } = parsed.data;
  if (Code === 'OK' && status < 400) return { ok: true, providerMessageId: BizId ?? RequestId ?? '' };
  return { ok: false, transient: aliyunTransient(Code, status), code: Code, message: Message ?? Code };
}

/** What the Alibaba client needs; `fetch`, `now` and `nonce` are there for tests. */
export interface AliyunOptions {
  credentials: ProviderCredentials;
  fetch?: FetchLike;
  now?: () => Date;
  nonce?: () => string;
}

/** Alibaba Cloud SMS `SendSms` (API 2017-05-25), signed POST with a form body. */
export function aliyunProvider({ credentials, fetch: call = globalThis.fetch, now = () => new Date(), nonce = randomUUID }: AliyunOptions): SmsProvider {
  return {
    name: 'aliyun',
    async send(sms) {
      const params: Record<string, string> = {
        AccessKeyId: credentials.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        RegionId: 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: nonce(),
        SignatureVersion: '1.0',
        Timestamp: timestampOf(now()),
        Version: '2017-05-25',
        PhoneNumbers: sms.phone,
        SignName: sms.signName,
        TemplateCode: sms.templateCode,
        TemplateParam: JSON.stringify(Object.fromEntries(sms.params.map((p) => [p.name, p.value]))),
        OutId: sms.id,
      };
      params.Signature = signRpc(params, credentials.accessKeySecret, 'POST');
      const body = Object.entries(params)
        .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
        .join('&');
      let response: Response;
      try {
        response = await call(aliyunEndpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
          body,
          signal: AbortSignal.timeout(providerTimeoutMs),
        });
      } catch (error) {
        return unreachable(error);
      }
      return aliyunResult(response.status, await jsonOf(response));
    },
  };
}

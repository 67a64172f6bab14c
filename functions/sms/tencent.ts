import { createHash, createHmac } from 'node:crypto';
import * as z from 'zod/mini';
import { jsonOf, providerTimeoutMs, unreachable } from './provider.ts';
import type { FetchLike, ProviderCredentials, SendResult, SmsProvider } from './provider.ts';

/** Tencent Cloud SMS, API 3.0. */
export const tencentHost = 'sms.tencentcloudapi.com';
const contentType = 'application/json; charset=utf-8';

/** One request to sign with TC3-HMAC-SHA256 (a POST to `/` with a JSON body). */
export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product, the host's first label: `sms`, `cvm`. */
  service: string;
  host: string;
  /** The API action, e.g. SendSms (signed lower-cased as the x-tc-action header). */
  action: string;
  /** Unix seconds, the X-TC-Timestamp header; its UTC date is the credential scope's date. */
  timestamp: number;
  /** The exact body bytes sent. */
  payload: string;
  /** Sign x-tc-action too (the default; Tencent's current form). False signs only content-type and host, the older form. */
  signAction?: boolean;
}

/** The intermediate strings and the result of TC3 signing. */
export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** TC3-HMAC-SHA256 signing of a request, every step exposed. Pure. */
export function tc3Sign(request: Tc3Request): Tc3Signature {
  const { secretId, secretKey, service, host, action, timestamp, payload, signAction = true } = request;
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const headers = `content-type:${contentType}\nhost:${host}\n${signAction ? `x-tc-action:${action.toLowerCase()}\n` : ''}`;
  const signedHeaders = signAction ? 'content-type;host;x-tc-action' : 'content-type;host';
  const canonicalRequest = ['POST', '/', '', headers, signedHeaders, sha256Hex(payload)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  const authorization = `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

/** The Authorization header for a TC3-signed request. Pure. */
export function tc3Authorization(request: Tc3Request): string {
  return tc3Sign(request).authorization;
}

/**
 * Whether a Tencent failure is worth retrying later. Yes: the service's own trouble (HTTP 5xx,
 * InternalError*), throttling (HTTP 429, RequestLimitExceeded*), the short per-number frequency caps
 * (LimitExceeded.PhoneNumberThirtySecondLimit, …OneHourLimit, LimitExceeded.DeliveryFrequencyLimit),
 * and an answer we could not read. No: daily caps (LimitExceeded.PhoneNumberDailyLimit, …AppDailyLimit:
 * a retry today fails again), content refused (FailedOperation.ContainSensitiveWord), template or
 * signature not approved, a bad number (InvalidParameterValue.IncorrectPhoneNumber), authentication
 * (AuthFailure.*, UnauthorizedOperation.*) and an empty package (FailedOperation.InsufficientBalanceInSmsPackage).
 */
export function tencentTransient(code: string, status: number): boolean {
  if (status >= 500 || status === 429) return true;
  if (code.startsWith('InternalError') || code.startsWith('RequestLimitExceeded')) return true;
  return ['LimitExceeded.PhoneNumberThirtySecondLimit', 'LimitExceeded.PhoneNumberOneHourLimit', 'LimitExceeded.DeliveryFrequencyLimit', 'BadResponse'].includes(code);
}

const envelope = z.object({
  Response: z.object({
    Error: z.optional(z.object({ Code: z.string(), Message: z.optional(z.string()) })),
    SendStatusSet: z.optional(z.array(z.object({ Code: z.string(), Message: z.optional(z.string()), SerialNo: z.optional(z.string()) }))),
    RequestId: z.optional(z.string()),
  }),
});

/** What an answer from SendSms means: a request-level Error, else the one number's send status. */
export function tencentResult(status: number, body: unknown): SendResult {
  const failure = (code: string, message: string): SendResult => ({ ok: false, transient: tencentTransient(code, status), code, message });
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return failure(status < 400 ? 'BadResponse' : `HTTP${status}`, `HTTP ${status} without a Tencent reply`);
  const { Error: error, SendStatusSet: statuses } = parsed.data.Response;
  if (error) return failure(error.Code, error.Message ?? error.Code);
  const first = statuses?.[0];
  if (!first) return failure('BadResponse', 'no send status in the reply');
  if (first.Code === 'Ok' && status < 400) return { ok: true, providerMessageId: first.SerialNo ?? '' };
  return failure(first.Code, first.Message ?? first.Code);
}

/** What the Tencent client needs: the key pair, the SMS application (SmsSdkAppId) and region; `fetch` and `now` are there for tests. */
export interface TencentOptions {
  credentials: ProviderCredentials;
  appId: string;
  region?: string;
  fetch?: FetchLike;
  now?: () => Date;
}

/** Tencent Cloud SMS `SendSms` (API 2021-01-11), TC3-signed JSON POST. */
export function tencentProvider({ credentials, appId, region = 'ap-guangzhou', fetch: call = globalThis.fetch, now = () => new Date() }: TencentOptions): SmsProvider {
  return {
    name: 'tencent',
    async send(sms) {
      const payload = JSON.stringify({
        PhoneNumberSet: [sms.phone.startsWith('+') ? sms.phone : `+86${sms.phone}`],
        SmsSdkAppId: appId,
        SignName: sms.signName,
        TemplateId: sms.templateCode,
        TemplateParamSet: sms.params.map((p) => p.value),
        SessionContext: sms.id,
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const authorization = tc3Authorization({ secretId: credentials.accessKeyId, secretKey: credentials.accessKeySecret, service: 'sms', host: tencentHost, action: 'SendSms', timestamp, payload });
      let response: Response;
      try {
        response = await call(`https://${tencentHost}/`, {
          method: 'POST',
          headers: {
            Authorization: authorization,
            'Content-Type': contentType,
            'X-TC-Action': 'SendSms',
            'X-TC-Version': '2021-01-11',
            'X-TC-Timestamp': String(timestamp),
            'X-TC-Region': region,
          },
          body: payload,
          signal: AbortSignal.timeout(providerTimeoutMs),
        });
      } catch (error) {
        return unreachable(error);
      }
      return tencentResult(response.status, await jsonOf(response));
    },
  };
}

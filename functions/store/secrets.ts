import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * One Secrets Manager call, GetSecretValue, signed with the function's own credentials: the whole
 * Secrets Manager client (about 13 KB minified, in every function that reads the county secret or the
 * SMS keys) for the one request a container makes once. The Parameters and Secrets Lambda extension
 * would do it without code, but it is not offered in the China regions.
 *
 * The request is the service's documented JSON 1.1 protocol; the signature is the SDK's own SigV4
 * signer; the credentials are the ones Lambda puts in the function's environment.
 * `AWS_ENDPOINT_URL_SECRETS_MANAGER` or `AWS_ENDPOINT_URL` points it elsewhere, as they do the SDK.
 */
export async function secretString(secretId: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('AWS_REGION is not set');
  const endpoint = new URL(env.AWS_ENDPOINT_URL_SECRETS_MANAGER || env.AWS_ENDPOINT_URL || secretsEndpoint(region));
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
  const credentials = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  const body = JSON.stringify({ SecretId: secretId });
  for (let attempt = 1; ; attempt++) {
    const signer = new SignatureV4({ service: 'secretsmanager', region, credentials, sha256: Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
      path: endpoint.pathname,
      query: {},
      headers: { host: endpoint.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
      body,
    });
    const reply = await post(endpoint, signed.headers, body).catch((error: unknown) => ({ status: 0, text: String(error) }));
    if (reply.status === 200) {
      const value = (JSON.parse(reply.text) as { SecretString?: unknown }).SecretString;
      if (typeof value !== 'string' || value === '') throw new Error(`secret ${secretId} has no SecretString`);
      return value;
    }
    const fault = faultOf(reply);
    // Network faults, throttling and the service's own faults are worth two more tries; anything else is not.
    if (attempt < 3 && (reply.status === 0 || reply.status >= 500 || /Throttl|TooManyRequests/i.test(fault.type))) {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      continue;
    }
    throw new Error(`GetSecretValue ${secretId}: ${fault.type}: ${fault.message}`);
  }
}

/** The service's regional endpoint (the China regions are under amazonaws.com.cn). */
export function secretsEndpoint(region: string): string {
  return `https://secretsmanager.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

function faultOf(reply: { status: number; text: string }): { type: string; message: string } {
  if (reply.status === 0) return { type: 'NetworkError', message: reply.text };
  try {
    const parsed = JSON.parse(reply.text) as { __type?: unknown; message?: unknown; Message?: unknown };
    const type = typeof parsed.__type === 'string' ? parsed.__type.replace(/^.*#/, '') : `HTTP ${reply.status}`;
    const message = parsed.message ?? parsed.Message;
    return { type, message: typeof message === 'string' ? message : '' };
  } catch {
    return { type: `HTTP ${reply.status}`, message: reply.text.slice(0, 200) };
  }
}

function post(url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('GetSecretValue timed out after 5 s')));
    req.on('error', reject);
    req.end(body);
  });
}

type Bytes = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (data: Bytes): string | Uint8Array => (typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

/** SHA-256 (an HMAC when given a key) for the signer, from node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: Bytes): void {
    this.hash.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

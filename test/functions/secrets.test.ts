import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretsEndpoint, secretString } from '../../functions/store/secrets.ts';
import { startSecretsStub, type ReceivedRequest } from '../support/secrets-stub.ts';

/**
 * GetSecretValue against a local stand-in for Secrets Manager: what goes over the wire (the JSON 1.1
 * request, signed for secretsmanager in the function's region with its credentials) and what comes
 * back (the secret, the service's errors, retries). The signature is checked here from first
 * principles (AWS SigV4), not by the signer that made it.
 */

let stub: Awaited<ReturnType<typeof startSecretsStub>>;
let env: NodeJS.ProcessEnv;
let received: ReceivedRequest[];
let replies: { status: number; body: unknown }[];

beforeAll(async () => {
  stub = await startSecretsStub();
  ({ env, received, replies } = stub);
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const arn = 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:banjian-county-AbCdEf';

/** Recomputes the request's SigV4 signature from its own headers and body and the secret key. */
function expectedSignature(request: ReceivedRequest, secretKey: string): string {
  const authorization = String(request.headers.authorization);
  const [, scope, signedHeaders] = /Credential=[^/]+\/([^,]+), SignedHeaders=([^,]+), Signature=/.exec(authorization)!;
  const [date, region, service] = scope!.split('/') as [string, string, string];
  const names = signedHeaders!.split(';');
  const canonical = ['POST', request.url, '', ...names.map((n) => `${n}:${String(request.headers[n]).trim()}`), '', signedHeaders, createHash('sha256').update(request.body).digest('hex')].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', String(request.headers['x-amz-date']), scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = [date, region, service, 'aws4_request'].reduce<Buffer | string>((k, part) => createHmac('sha256', k).update(part).digest(), `AWS4${secretKey}`);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('secretString (GetSecretValue without the Secrets Manager client)', () => {
  it('sends a JSON 1.1 GetSecretValue signed for secretsmanager in the region, and returns the SecretString', async () => {
    replies.push({ status: 200, body: { ARN: arn, Name: 'banjian-county', SecretString: 's3cret-值', VersionId: 'v1' } });
    await expect(secretString(arn, env)).resolves.toBe('s3cret-值');
    expect(received).toHaveLength(1);
    const [request] = received as [ReceivedRequest];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(request.headers['x-amz-security-token']).toBe('session-token');
    expect(JSON.parse(request.body)).toEqual({ SecretId: arn });
    const authorization = String(request.headers.authorization);
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/secretsmanager\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
    for (const header of ['host', 'x-amz-date', 'x-amz-target', 'content-type', 'x-amz-security-token']) expect(authorization).toMatch(new RegExp(`SignedHeaders=[^,]*\\b${header}\\b`));
    expect(authorization.endsWith(`Signature=${expectedSignature(request, env.AWS_SECRET_ACCESS_KEY!)}`)).toBe(true);
  });

  it('says what the service said when it refuses, without retrying', async () => {
    replies.push({ status: 400, body: { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret.' } });
    await expect(secretString(arn, env)).rejects.toThrow(/ResourceNotFoundException: Secrets Manager can’t find the specified secret/);
    expect(received).toHaveLength(1);
  });

  it('tries again after throttling and the service’s faults, at most three times', async () => {
    replies.push({ status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } }, { status: 503, body: { __type: 'InternalServiceError', message: 'busy' } }, { status: 200, body: { SecretString: 'third time' } });
    await expect(secretString(arn, env)).resolves.toBe('third time');
    replies.push(...Array.from({ length: 3 }, () => ({ status: 500, body: { __type: 'InternalServiceError', message: 'down' } })));
    await expect(secretString(arn, env)).rejects.toThrow('InternalServiceError: down');
    expect(received).toHaveLength(6);
  });

  it('refuses a secret with no string (a binary secret), and a function without a region or credentials', async () => {
    replies.push({ status: 200, body: { SecretBinary: 'AAEC' } });
    await expect(secretString(arn, env)).rejects.toThrow('has no SecretString');
    await expect(secretString(arn, { ...env, AWS_REGION: '' })).rejects.toThrow('AWS_REGION');
    await expect(secretString(arn, { ...env, AWS_SECRET_ACCESS_KEY: '' })).rejects.toThrow('AWS_SECRET_ACCESS_KEY');
  });

  it('knows the China regions’ endpoints', () => {
    expect(secretsEndpoint('cn-north-1')).toBe('https://secretsmanager.cn-north-1.amazonaws.com.cn');
    expect(secretsEndpoint('cn-northwest-1')).toBe('https://secretsmanager.cn-northwest-1.amazonaws.com.cn');
    expect(secretsEndpoint('us-east-1')).toBe('https://secretsmanager.us-east-1.amazonaws.com');
  });
});

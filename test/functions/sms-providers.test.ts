import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunEndpoint, aliyunProvider, aliyunTransient, percentEncode, rpcStringToSign, signRpc } from '../../functions/sms/aliyun.ts';
import { providerFor } from '../../functions/sms/credentials.ts';
import type { FetchLike, OutgoingSms } from '../../functions/sms/provider.ts';
import { readSinkOutbox, sinkProvider } from '../../functions/sms/sink.ts';
import { tc3Authorization, tc3Sign, tencentProvider, tencentTransient } from '../../functions/sms/tencent.ts';
import { startSecretsStub } from '../support/secrets-stub.ts';

type Call = { url: string; init: Parameters<FetchLike>[1] };

/** A fake fetch that records each request and answers `status` with `body` as JSON (or as text when a string). */
function fakeFetch(status: number, body: unknown): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
  };
  return { fetch, calls };
}

const failingFetch =
  (error: Error): FetchLike =>
  () =>
    Promise.reject(error);

const sms: OutgoingSms = {
  id: '01JSMS0000000000000000001',
  phone: '13800138000',
  signName: '三门县行政服务中心',
  templateCode: 'SMS_465830012',
  params: [
    { name: 'caseNo', value: '331022-20261102-00001' },
    { name: 'item', value: '户籍证明 开具' },
  ],
  text: '【三门县行政服务中心】您的办件331022-20261102-00001（户籍证明 开具）已办结。',
};
const credentials = { accessKeyId: 'LTAI-test', accessKeySecret: 'secret-test' };
const now = () => new Date('2026-11-02T01:02:03.456Z');

describe('Alibaba RPC signature', () => {
  it('reproduces the SendSms example of the Dysms signature page', () => {
    // https://help.aliyun.com/document_detail/56189.html (短信服务 "HTTP协议及签名"): the SendSms
    // request signed with AccessKeyId testId / AccessKeySecret testSecret, sent as
    // Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D (GET).
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(rpcStringToSign(params, 'GET')).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou' +
        '%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8' +
        '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007' +
        '%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
    );
    const signature = signRpc(params, 'testSecret', 'GET');
    expect(signature).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    // The page's request line, encoded as we encode.
    expect(percentEncode(signature)).toBe('zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D');
    expect(percentEncode(params.SignName)).toBe('%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8');
    expect(percentEncode(params.TemplateParam)).toBe('%7B%22customer%22%3A%22test%22%7D');
  });

  it('reproduces the DescribeRegions example of the RPC signature mechanism', () => {
    // The ECS "签名机制" example (testid / testsecret, HMAC key "testsecret&"), reproduced at
    // https://developer.aliyun.com/ask/210168; the same Signature=CT9X0VtwR86fNWSnsc6v8YGOjuE%3D and
    // nonce head the "Signature mechanism" pages, e.g. https://help.aliyun.com/en/document_detail/145075.html
    const params = {
      TimeStamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(signRpc(params, 'testsecret', 'GET')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('percent-encodes per RFC 3986 (space %20, * %2A, ~ kept) and leaves a Signature parameter out', () => {
    expect(percentEncode("a b*c~d!'()+/")).toBe('a%20b%2Ac~d%21%27%28%29%2B%2F');
    expect(rpcStringToSign({ B: '2', A: '1', Signature: 'old' }, 'POST')).toBe('POST&%2F&A%3D1%26B%3D2');
  });
});

describe('Tencent TC3-HMAC-SHA256', () => {
  const example = {
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    action: 'DescribeInstances',
    timestamp: 1551113065,
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  };

  it('reproduces the CVM DescribeInstances example of "Signature v3" (content-type;host)', () => {
    // https://www.tencentcloud.com/document/product/382/40467 ("Signature v3", the same example as
    // the CVM copy of the page): SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE, X-TC-Timestamp 1551113065.
    const signed = tc3Sign({ ...example, signAction: false });
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('reproduces the current "签名方法 v3" canonical request and string to sign (x-tc-action signed)', () => {
    // https://cloud.tencent.com/document/api/213/30654: the same request with x-tc-action signed. The
    // page masks its key, so only the key-independent steps are checked against it.
    const signed = tc3Sign(example);
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
    expect(tc3Authorization(example)).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\/2019-02-25\/cvm\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/);
  });

  it('takes the scope date in UTC, not the host zone', () => {
    // 1551113065 is 2019-02-26 00:44:25 in Beijing; the tests run in Los Angeles.
    expect(tc3Sign({ ...example, timestamp: 1551113065 }).stringToSign.split('\n')[2]).toBe('2019-02-25/cvm/tc3_request');
  });
});

describe('Alibaba SendSms client', () => {
  const provider = (fetch: FetchLike) => aliyunProvider({ credentials, fetch, now, nonce: () => 'nonce-1' });

  it('POSTs the signed form to the Dysms endpoint and reads the BizId', async () => {
    const { fetch, calls } = fakeFetch(200, { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' });
    expect(await provider(fetch).send(sms)).toEqual({ ok: true, providerMessageId: '900619746936498440^0' });

    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [Call];
    expect(url).toBe(aliyunEndpoint);
    expect(init.method).toBe('POST');
    expect(init.headers['Content-Type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(init.body).not.toContain('+'); // spaces are %20, the signature's + is %2B
    const form = Object.fromEntries(new URLSearchParams(init.body));
    const { Signature, ...signed } = form;
    expect(signed).toEqual({
      AccessKeyId: 'LTAI-test',
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-1',
      SignatureVersion: '1.0',
      Timestamp: '2026-11-02T01:02:03Z',
      Version: '2017-05-25',
      PhoneNumbers: '13800138000',
      SignName: '三门县行政服务中心',
      TemplateCode: 'SMS_465830012',
      TemplateParam: '{"caseNo":"331022-20261102-00001","item":"户籍证明 开具"}',
      OutId: sms.id,
    });
    expect(Signature).toBe(signRpc(signed, 'secret-test', 'POST'));
  });

  it.each([
    [200, 'isv.BUSINESS_LIMIT_CONTROL', true],
    [400, 'Throttling.User', true],
    [503, 'ServiceUnavailable', true],
    [200, 'isv.SMS_TEMPLATE_ILLEGAL', false],
    [200, 'isv.SMS_SIGNATURE_ILLEGAL', false],
    [200, 'isv.MOBILE_NUMBER_ILLEGAL', false],
    [400, 'SignatureDoesNotMatch', false],
    [404, 'InvalidAccessKeyId.NotFound', false],
  ])('HTTP %i %s is transient: %s', async (status, code, transient) => {
    const { fetch } = fakeFetch(status, { Code: code, Message: `message of ${code}`, RequestId: 'r' });
    expect(await provider(fetch).send(sms)).toEqual({ ok: false, transient, code, message: `message of ${code}` });
    expect(aliyunTransient(code, status)).toBe(transient);
  });

  it('counts a gateway error page as transient and a non-JSON 403 as permanent', async () => {
    expect(await provider(fakeFetch(502, '<html>Bad Gateway</html>').fetch).send(sms)).toMatchObject({ ok: false, transient: true, code: 'HTTP502' });
    expect(await provider(fakeFetch(403, 'Forbidden').fetch).send(sms)).toMatchObject({ ok: false, transient: false, code: 'HTTP403' });
  });

  it('counts a network error or a timeout as transient', async () => {
    expect(await provider(failingFetch(new TypeError('fetch failed'))).send(sms)).toEqual({ ok: false, transient: true, code: 'NetworkError', message: 'fetch failed' });
    expect(await provider(failingFetch(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).send(sms)).toMatchObject({ ok: false, transient: true, code: 'Timeout' });
  });
});

describe('Tencent SendSms client', () => {
  const provider = (fetch: FetchLike) => tencentProvider({ credentials, appId: '1400006666', region: 'ap-guangzhou', fetch, now });
  const timestamp = Math.floor(now().getTime() / 1000);

  it('POSTs the TC3-signed JSON body and reads the SerialNo', async () => {
    const { fetch, calls } = fakeFetch(200, {
      Response: {
        SendStatusSet: [{ SerialNo: '5000:1045710669157053657849499619', PhoneNumber: '+8613800138000', Fee: 1, SessionContext: sms.id, Code: 'Ok', Message: 'send success', IsoCode: 'CN' }],
        RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
      },
    });
    expect(await provider(fetch).send(sms)).toEqual({ ok: true, providerMessageId: '5000:1045710669157053657849499619' });

    const [{ url, init }] = calls as [Call];
    expect(url).toBe('https://sms.tencentcloudapi.com/');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400006666',
      SignName: '三门县行政服务中心',
      TemplateId: 'SMS_465830012',
      TemplateParamSet: ['331022-20261102-00001', '户籍证明 开具'],
      SessionContext: sms.id,
    });
    expect(init.headers).toEqual({
      Authorization: tc3Authorization({ secretId: 'LTAI-test', secretKey: 'secret-test', service: 'sms', host: 'sms.tencentcloudapi.com', action: 'SendSms', timestamp, payload: init.body }),
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'SendSms',
      'X-TC-Version': '2021-01-11',
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Region': 'ap-guangzhou',
    });
    expect(init.headers.Authorization).toContain('Credential=LTAI-test/2026-11-02/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, ');
  });

  it.each([
    ['RequestLimitExceeded', true],
    ['InternalError.Timeout', true],
    ['AuthFailure.SignatureFailure', false],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', false],
    ['FailedOperation.TemplateIncorrectOrUnapproved', false],
  ])('a request Error %s is transient: %s', async (code, transient) => {
    const { fetch } = fakeFetch(200, { Response: { Error: { Code: code, Message: `message of ${code}` }, RequestId: 'r' } });
    expect(await provider(fetch).send(sms)).toEqual({ ok: false, transient, code, message: `message of ${code}` });
  });

  it.each([
    ['FailedOperation.ContainSensitiveWord', false],
    ['LimitExceeded.PhoneNumberDailyLimit', false],
    ['InvalidParameterValue.IncorrectPhoneNumber', false],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', true],
  ])('a number status %s is transient: %s', async (code, transient) => {
    const { fetch } = fakeFetch(200, { Response: { SendStatusSet: [{ SerialNo: '', PhoneNumber: '+8613800138000', Fee: 0, SessionContext: sms.id, Code: code, Message: 'no', IsoCode: 'CN' }], RequestId: 'r' } });
    expect(await provider(fetch).send(sms)).toEqual({ ok: false, transient, code, message: 'no' });
    expect(tencentTransient(code, 200)).toBe(transient);
  });

  it('counts HTTP 5xx, a network error and a timeout as transient', async () => {
    expect(await provider(fakeFetch(503, 'Service Unavailable').fetch).send(sms)).toMatchObject({ ok: false, transient: true, code: 'HTTP503' });
    expect(await provider(failingFetch(new TypeError('fetch failed'))).send(sms)).toMatchObject({ ok: false, transient: true, code: 'NetworkError' });
    expect(await provider(failingFetch(new DOMException('aborted', 'TimeoutError'))).send(sms)).toMatchObject({ ok: false, transient: true, code: 'Timeout' });
  });
});

describe('the local sink', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sms-sink-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('appends one masked line per message, creating the folder, and never the same id twice', async () => {
    const file = join(dir, 'nested', 'outbox.jsonl');
    expect(await readSinkOutbox(file)).toEqual([]);
    const sink = sinkProvider({ file, now });
    expect(await sink.send(sms)).toEqual({ ok: true, providerMessageId: `sink-${sms.id}` });
    expect(await sink.send({ ...sms, text: 'again' })).toEqual({ ok: true, providerMessageId: `sink-${sms.id}` });
    expect(await sinkProvider({ file }).send(sms)).toEqual({ ok: true, providerMessageId: `sink-${sms.id}` });

    expect(await readSinkOutbox(file)).toEqual([
      { id: sms.id, at: '2026-11-02T01:02:03.456Z', phone: '138****8000', signName: sms.signName, templateCode: sms.templateCode, params: sms.params, text: sms.text, providerMessageId: `sink-${sms.id}` },
    ]);
    expect(await readFile(file, 'utf8')).not.toContain('13800138000');
  });

  it('keeps concurrent sends whole and single', async () => {
    const file = join(dir, 'concurrent.jsonl');
    const sink = sinkProvider({ file });
    const ids = Array.from({ length: 30 }, (_, i) => `m${i % 20}`); // ten ids sent twice
    const results = await Promise.all(ids.map((id) => sink.send({ ...sms, id, text: 'x'.repeat(5000) })));
    expect(results.every((r) => r.ok)).toBe(true);
    const raw = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    expect(raw).toHaveLength(20);
    expect(new Set(raw.map((line) => (JSON.parse(line) as { id: string }).id)).size).toBe(20);
  });
});

describe('providerFor', () => {
  let secrets: Awaited<ReturnType<typeof startSecretsStub>>;
  beforeAll(async () => {
    secrets = await startSecretsStub();
  });
  afterAll(() => secrets.close());

  it('gives the sink its file, and reads the provider keys once (again after a failure)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sms-provider-'));
    try {
      const file = join(dir, 'outbox.jsonl');
      const sink = await providerFor({ provider: 'sink' }, { SMS_SINK_FILE: file });
      expect(sink.name).toBe('sink');
      await sink.send(sms);
      expect(await readSinkOutbox(file)).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const env = { ...secrets.env, SMS_CREDENTIALS_ARN: 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:sms' };
    secrets.replies.push({ status: 400, body: { __type: 'AccessDeniedException', message: 'not allowed' } }, { status: 200, body: { SecretString: JSON.stringify(credentials) } });
    await expect(providerFor({ provider: 'aliyun' }, env)).rejects.toThrow('AccessDeniedException');
    expect((await providerFor({ provider: 'aliyun' }, env)).name).toBe('aliyun');
    expect((await providerFor({ provider: 'tencent', appId: '1400006666' }, env)).name).toBe('tencent');
    expect(secrets.received).toHaveLength(2);
    await expect(providerFor({ provider: 'tencent' }, env)).rejects.toThrow('appId');
  });
});

import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** An API Gateway HTTP API (payload v2) event, as API Gateway sends it to a Lambda. */
/** Claims as API Gateway's JWT authorizer passes them on (arrays as "[a b]"). */
export const adminClaims = { sub: 'u-admin', 'cognito:username': 'admin-1', 'cognito:groups': '[admin]', token_use: 'id' };

export function httpEvent(method: string, routePath: string, options: { path?: string; pathParameters?: Record<string, string>; body?: unknown; headers?: Record<string, string>; claims?: Record<string, string> | null } = {}): APIGatewayProxyEventV2 {
  const rawPath = options.path ?? routePath;
  return {
    version: '2.0',
    routeKey: `${method} ${routePath}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '10.0.0.1', userAgent: 'test' },
      requestId: 'request-id-0001',
      routeKey: `${method} ${routePath}`,
      ...(options.claims === null ? {} : { authorizer: { jwt: { claims: options.claims ?? adminClaims, scopes: null } } }),
      stage: '$default',
      time: '26/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  };
}

export const lambdaContext = {
  functionName: 'test',
  awsRequestId: 'aws-request-1',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

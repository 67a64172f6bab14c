import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, type HttpRoute, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';
import type { EntryName } from '../../functions/entrypoints.ts';
import { routes } from '../../functions/http/routes.ts';

/** What each access-log line holds: enough to trace a request, no personal data. */
const accessLogFormat = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  responseLength: '$context.responseLength',
  user: '$context.authorizer.claims.cognito:username',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
});

/** Whether a route is one of the citizens' (`/public/…`): served on their own API, behind the console's distribution. */
export const isCitizensRoute = (route: { path: string }): boolean => route.path.startsWith('/public/');

/**
 * The stage's ceiling on each citizens' route, over all clients together (requests per second, burst):
 * what still holds for a client who calls the execute-api URL directly, past the distribution's web ACL.
 */
export const publicRouteThrottle = { rate: 20, burst: 40 } as const;

/**
 * The HTTP APIs. The staff API: every route of the shared route table but the citizens', each to the
 * function its entry names, all behind the staff pool's JWT authorizer except the health check and the
 * document; one throttled, logged stage. The citizens' API: the `/public/…` routes, no authorizer, no
 * CORS (the public pages call it on their own origin, through the console's distribution, whose web
 * ACL limits each address — AWS WAF cannot be associated with an HTTP API, see infra/edge-stack.ts),
 * and a stage whose per-route throttling caps each route for everyone together.
 *
 * Why two APIs: the distribution forwards `/public/*` to the API, so it names the API; the staff API's
 * CORS origins name the distribution; one API in both places would be a cycle CloudFormation refuses.
 */
export class BanjianHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The citizens' routes (`/public/…`), reached through the console's distribution. */
  readonly publicApi: HttpApi;
  readonly publicStage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(
    scope: Construct,
    id: string,
    props: {
      county: County;
      functions: ReadonlyMap<EntryName, IFunction>;
      pool: UserPool;
      /** The clients whose ID tokens the API accepts (the token's audience): the terminals' and the console's. */
      clients: readonly UserPoolClient[];
      /** Browser origins that may call the API: the console's distribution and the county's own domains. */
      corsOrigins: readonly string[];
    },
  ) {
    super(scope, id);
    const { county } = props;
    const corsOrigins = [...new Set(props.corsOrigins)];
    this.api = new HttpApi(this, 'Api', {
      apiName: `banjian-${county.key}`,
      description: `Banjian case tracker for ${county.name} (${county.code})`,
      createDefaultStage: false,
      corsPreflight:
        corsOrigins.length === 0
          ? undefined
          : {
              allowOrigins: corsOrigins,
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.OPTIONS],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-correlation-id'],
              exposeHeaders: ['etag', 'location', 'retry-after', 'x-correlation-id'],
              maxAge: Duration.hours(1),
            },
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: county.api.throttle.rate, burstLimit: county.api.throttle.burst },
    });
    (this.stage.node.defaultChild as CfnStage).accessLogSettings = { destinationArn: this.accessLogs.logGroupArn, format: accessLogFormat };

    this.publicApi = new HttpApi(this, 'PublicApi', {
      apiName: `banjian-${county.key}-public`,
      description: `Banjian citizens' routes (/public/…) for ${county.name} (${county.code}), behind the console's distribution`,
      createDefaultStage: false,
    });
    const ceiling = { rate: Math.min(publicRouteThrottle.rate, county.api.throttle.rate), burst: Math.min(publicRouteThrottle.burst, county.api.throttle.burst) };
    this.publicStage = this.publicApi.addStage('Stage', {
      // `$default`: served at the root, so the distribution forwards `/public/…` as it is (no origin path).
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: ceiling.rate, burstLimit: ceiling.burst },
    });
    // The same log group: the lines are told apart by their route key.
    (this.publicStage.node.defaultChild as CfnStage).accessLogSettings = { destinationArn: this.accessLogs.logGroupArn, format: accessLogFormat };

    const authorizer = new HttpUserPoolAuthorizer('StaffPool', props.pool, { userPoolClients: [...props.clients], identitySource: ['$request.header.Authorization'] });
    // An integration belongs to one API: one per entry and API.
    const integrations = new Map<string, HttpLambdaIntegration>();
    const publicRoutes: HttpRoute[] = [];
    const publicKeys: string[] = [];
    for (const route of routes) {
      const citizens = isCitizensRoute(route);
      if (citizens && route.access !== 'public') throw new Error(`${route.method} ${route.path} is under /public/ but not public: the citizens' API has no authorizer`);
      const key = `${citizens ? 'public:' : ''}${route.entry}`;
      let integration = integrations.get(key);
      if (!integration) {
        const fn = props.functions.get(route.entry);
        if (!fn) throw new Error(`route ${route.method} ${route.path} names entry ${route.entry}, which has no function`);
        integration = new HttpLambdaIntegration(`${route.entry}-integration`, fn);
        integrations.set(key, integration);
      }
      const added = (citizens ? this.publicApi : this.api).addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.access === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
      if (citizens) {
        publicRoutes.push(...added);
        publicKeys.push(`${route.method} ${route.path}`);
      }
    }
    // Per-route throttling, keyed by route key. CloudFormation refuses settings for a route that does not exist yet: the stage waits for the routes.
    (this.publicStage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      publicKeys.map((key) => [key, { ThrottlingRateLimit: ceiling.rate, ThrottlingBurstLimit: ceiling.burst }]),
    );
    for (const route of publicRoutes) this.publicStage.node.addDependency(route);
  }

  /** The citizens' API's host (`<id>.execute-api.<region>.<suffix>`), the distribution's origin for `/public/*`. */
  get publicDomain(): string {
    const stack = Stack.of(this);
    return `${this.publicApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}

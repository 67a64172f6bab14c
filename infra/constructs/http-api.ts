import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { CfnStage} from 'aws-cdk-lib/aws-apigatewayv2';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
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

/**
 * The HTTP API: every route of the shared route table, each to the function its entry names, all
 * behind the staff pool's JWT authorizer except the public ones; one throttled, logged stage.
 */
export class BanjianHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
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

    const authorizer = new HttpUserPoolAuthorizer('StaffPool', props.pool, { userPoolClients: [...props.clients], identitySource: ['$request.header.Authorization'] });
    const integrations = new Map<EntryName, HttpLambdaIntegration>();
    for (const route of routes) {
      let integration = integrations.get(route.entry);
      if (!integration) {
        const fn = props.functions.get(route.entry);
        if (!fn) throw new Error(`route ${route.method} ${route.path} names entry ${route.entry}, which has no function`);
        integration = new HttpLambdaIntegration(`${route.entry}-integration`, fn);
        integrations.set(route.entry, integration);
      }
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.access === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
    }
  }
}

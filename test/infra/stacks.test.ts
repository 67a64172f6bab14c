import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { entrypoints } from '../../functions/entrypoints.ts';
import { routes } from '../../functions/http/routes.ts';
import { buildConsole } from '../../scripts/build-console.ts';
import { buildApp } from '../../infra/app.ts';
import { pascal } from '../../infra/stateless-stack.ts';
import { countiesDir, readCounty } from '../../infra/county-config.ts';
import { publicRequestLimit } from '../../infra/edge-stack.ts';
import { publicRouteThrottle } from '../../infra/constructs/http-api.ts';
import { fakeConsoleBuild } from './console-fixture.ts';

const consoleBuild = fakeConsoleBuild();

function synth(county: string, bundle = false, build = consoleBuild) {
  // Bundling is exercised once per county below; the template assertions do not need the bundles.
  const app = buildApp(new App({ context: { county, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) } }), build);
  const stack = (name: string) => app.node.findChild(`Banjian-${county}-${name}`) as Stack;
  const edgeStack = app.node.tryFindChild(`Banjian-${county}-Edge`) as Stack | undefined;
  return {
    app,
    stateful: Template.fromStack(stack('Stateful')),
    stateless: Template.fromStack(stack('Stateless')),
    statelessStack: stack('Stateless'),
    edge: edgeStack && Template.fromStack(edgeStack),
    edgeStack,
  };
}

let stateful: Template;
let stateless: Template;
let edge: Template;
let edgeStack: Stack;

beforeAll(() => {
  const found = synth('sanmen');
  ({ stateful, stateless } = found);
  edge = found.edge!;
  edgeStack = found.edgeStack!;
});

type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, string[]>> };
function policyOf(template: Template, functionPrefix: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.entries(policies)
    .filter(([id]) => id.startsWith(`${functionPrefix}Role`))
    .flatMap(([, p]) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
}
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
const touches = (statement: Statement, table: 'Events' | 'Views') => JSON.stringify(statement.Resource).includes(`${table}`);

describe('the stateful stack', () => {
  it('keeps the tables safe: PITR, encryption, deletion protection, retained, termination protection', () => {
    const tables = stateful.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(2);
    for (const table of Object.values(tables) as { Properties: Record<string, unknown>; DeletionPolicy: string; UpdateReplacePolicy: string }[]) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, SSESpecification: { SSEEnabled: true }, DeletionProtectionEnabled: true });
    }
    const app = buildApp(new App({ context: { county: 'sanmen', 'aws:cdk:bundling-stacks': [] } }), consoleBuild);
    expect((app.node.findChild('Banjian-sanmen-Stateful') as Stack).terminationProtection).toBe(true);
  });

  it('has the Events table keyed by stream and version with a NEW_IMAGE stream and a TTL for idempotency records, and the Views table with its index', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'stream', KeyType: 'HASH' },
        { AttributeName: 'version', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'touched' })],
    });
  });
});

describe('the SMS provider’s credentials', () => {
  it('are a retained secret of the stateful stack, created with an empty accessKeyId that the functions refuse, so that nothing is sent until the operator puts the pair', () => {
    const secrets = stateful.findResources('AWS::SecretsManager::Secret', { Properties: { GenerateSecretString: { GenerateStringKey: 'accessKeySecret' } } });
    expect(Object.values(secrets)).toHaveLength(1);
    const [secret] = Object.values(secrets) as { Properties: { GenerateSecretString: { SecretStringTemplate: string } }; DeletionPolicy: string }[];
    expect(JSON.parse(secret!.Properties.GenerateSecretString.SecretStringTemplate)).toEqual({ accessKeyId: '' });
    expect(secret!.DeletionPolicy).toBe('Retain');
    stateful.hasOutput('SmsCredentialsSecret', {});
  });

  it('reach the entries that send text messages (SMS_CREDENTIALS_ARN, read access) and no other function', () => {
    const functions = Object.entries(stateless.findResources('AWS::Lambda::Function')) as [string, { Properties: { Environment?: { Variables?: Record<string, unknown> } } }][];
    const senders = Object.entries(entrypoints).filter(([, entry]) => 'sms' in entry && entry.sms).map(([name]) => pascal(name));
    expect(senders.sort()).toEqual(['Sms', 'SmsSender']);
    const smsSecret = (value: unknown) => JSON.stringify(value).includes('SmsCredentials');
    for (const name of Object.keys(entrypoints).map(pascal)) {
      const fn = functions.find(([id]) => new RegExp(`^${name}[0-9A-F]{8}$`).test(id));
      expect(fn, name).toBeDefined();
      const arn = fn?.[1].Properties.Environment?.Variables?.SMS_CREDENTIALS_ARN;
      const reads = policyOf(stateless, name).filter((s) => smsSecret(s.Resource));
      if (senders.includes(name)) {
        expect(smsSecret(arn), name).toBe(true);
        expect(actionsOf(reads), name).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
      } else {
        expect(arn, name).toBeUndefined();
        expect(reads, name).toEqual([]);
      }
    }
  });
});

describe('the stateless stack', () => {
  it('makes one Node.js 24 arm64 function per entrypoint, with log retention and Powertools settings', () => {
    // All but aws-cdk-lib's own handler that copies the console's files into its bucket.
    const functions = Object.entries(stateless.findResources('AWS::Lambda::Function')).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
    expect(functions).toHaveLength(Object.keys(entrypoints).length);
    for (const [id, fn] of functions) {
      expect(fn, id).toMatchObject({
        Properties: {
          Handler: 'index.handler',
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Environment: { Variables: expect.objectContaining({ EVENTS_TABLE: expect.any(Object) as unknown, POWERTOOLS_SERVICE_NAME: 'banjian', POWERTOOLS_METRICS_NAMESPACE: 'Banjian' }) as unknown },
        },
      });
    }
    // One per function, the API's access logs, and the console's deployment handler.
    stateless.resourceCountIs('AWS::Logs::LogGroup', Object.keys(entrypoints).length + 2);
    stateless.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
  });

  it('puts every route of the route table on the API, all behind the JWT authorizer but the health check, the document and the citizens’ /public/ routes', () => {
    const apiRoutes = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route')) as { Properties: { RouteKey: string; AuthorizationType: string } }[];
    expect(apiRoutes.map((r) => r.Properties.RouteKey).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of apiRoutes) {
      const isPublic = ['GET /health', 'GET /openapi.json'].includes(route.Properties.RouteKey) || / \/public\//.test(route.Properties.RouteKey);
      expect(route.Properties.AuthorizationType, route.Properties.RouteKey).toBe(isPublic ? 'NONE' : 'JWT');
    }
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
    // With the console's distribution (test/infra/console-hosting.test.ts).
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'banjian-sanmen', CorsConfiguration: { AllowOrigins: Match.arrayWith(['https://banjian.sanmen.gov.cn']) } });
  });

  it('serves the citizens’ /public/ routes on an API of their own: no authorizer, no CORS, and per-route throttling on its stage (the ceiling past the web ACL)', () => {
    const apis = stateless.findResources('AWS::ApiGatewayV2::Api') as Record<string, { Properties: { Name: string; CorsConfiguration?: unknown } }>;
    const publicApi = Object.keys(apis).find((id) => apis[id]!.Properties.Name === 'banjian-sanmen-public')!;
    const staffApi = Object.keys(apis).find((id) => apis[id]!.Properties.Name === 'banjian-sanmen')!;
    expect(Object.keys(apis)).toHaveLength(2);
    expect(apis[publicApi]!.Properties.CorsConfiguration).toBeUndefined();
    const apiRoutes = Object.entries(stateless.findResources('AWS::ApiGatewayV2::Route')) as [string, { Properties: { ApiId: unknown; RouteKey: string } }][];
    const citizens = routes.filter((r) => r.path.startsWith('/public/')).map((r) => `${r.method} ${r.path}`);
    expect(citizens).toEqual(expect.arrayContaining(['GET /public/progress', 'GET /public/reviews/{token}', 'POST /public/appointments']));
    const onPublic = apiRoutes.filter(([, r]) => JSON.stringify(r.Properties.ApiId) === JSON.stringify({ Ref: publicApi }));
    expect(onPublic.map(([, r]) => r.Properties.RouteKey).sort()).toEqual([...citizens].sort());
    expect(apiRoutes.filter(([, r]) => JSON.stringify(r.Properties.ApiId) === JSON.stringify({ Ref: staffApi }) && r.Properties.RouteKey.includes(' /public/'))).toEqual([]);

    const [stageId, stage] = Object.entries(stateless.findResources('AWS::ApiGatewayV2::Stage', { Properties: { ApiId: { Ref: publicApi } } }))[0] as [string, { Properties: Record<string, unknown>; DependsOn: string[] }];
    expect(stage.Properties).toMatchObject({ StageName: '$default', AccessLogSettings: { DestinationArn: expect.anything() as unknown } });
    const ceiling = { ThrottlingRateLimit: publicRouteThrottle.rate, ThrottlingBurstLimit: publicRouteThrottle.burst };
    expect(stage.Properties.RouteSettings).toEqual(Object.fromEntries(citizens.map((key) => [key, ceiling])));
    expect(ceiling).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    // CloudFormation takes route settings only for routes that exist: the stage waits for every one.
    for (const [id] of onPublic) expect(stage.DependsOn, `${stageId} waits for ${id}`).toContain(id);
  });

  it('forwards /public/* on the console’s distribution to the citizens’ API: every method, nothing cached, the API’s headers and the viewer’s address, TLS 1.2', () => {
    const [, distribution] = Object.entries(stateless.findResources('AWS::CloudFront::Distribution'))[0] as [string, { Properties: { DistributionConfig: { Origins: { Id: string; DomainName: unknown }[]; CacheBehaviors: Record<string, unknown>[] } } }];
    const config = distribution.Properties.DistributionConfig;
    const behavior = config.CacheBehaviors.find((b) => b.PathPattern === '/public/*');
    expect(behavior).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
      // The managed CachingDisabled policy.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    });
    // The viewer's address reaches the lookup's per-client bucket; no Host header (API Gateway answers to its own), no cookies.
    const [policyId, policy] = Object.entries(stateless.findResources('AWS::CloudFront::OriginRequestPolicy'))[0] as [string, { Properties: { OriginRequestPolicyConfig: Record<string, { HeaderBehavior?: string; Headers?: string[]; CookieBehavior?: string }> } }];
    expect(behavior).toMatchObject({ OriginRequestPolicyId: { Ref: policyId } });
    expect(policy.Properties.OriginRequestPolicyConfig.HeadersConfig?.HeaderBehavior).toBe('whitelist');
    expect(policy.Properties.OriginRequestPolicyConfig.HeadersConfig?.Headers).toEqual(['content-type', 'idempotency-key', 'x-correlation-id', 'CloudFront-Viewer-Address']);
    expect(policy.Properties.OriginRequestPolicyConfig.HeadersConfig!.Headers).not.toContain('host');
    expect(policy.Properties.OriginRequestPolicyConfig.CookiesConfig).toMatchObject({ CookieBehavior: 'none' });
    const origin = config.Origins.find((o) => o.Id === behavior!.TargetOriginId)!;
    const publicApi = Object.entries(stateless.findResources('AWS::ApiGatewayV2::Api', { Properties: { Name: 'banjian-sanmen-public' } }))[0]![0];
    expect(origin).toMatchObject({ DomainName: { 'Fn::Join': ['', [{ Ref: publicApi }, '.execute-api.us-east-1.', { Ref: 'AWS::URLSuffix' }]] } });
    expect(origin).not.toHaveProperty('OriginPath');
  });

  it('attaches the edge stack’s web ACL (us-east-1, scope CLOUDFRONT) to the distribution, with a per-address rate-based rule on /public/', () => {
    expect(edgeStack.region).toBe('us-east-1');
    const [aclId, acl] = Object.entries(edge.findResources('AWS::WAFv2::WebACL'))[0] as [string, { Properties: { Scope: string; Rules: Record<string, unknown>[]; VisibilityConfig: unknown } }];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
    const county = readCounty('sanmen', countiesDir);
    expect(publicRequestLimit(county)).toBeGreaterThanOrEqual(10);
    expect(acl.Properties.Rules).toContainEqual(
      expect.objectContaining({
        Action: { Block: expect.objectContaining({ CustomResponse: expect.objectContaining({ ResponseCode: 429 }) as unknown }) as unknown },
        Statement: {
          RateBasedStatement: {
            AggregateKeyType: 'IP',
            EvaluationWindowSec: 300,
            Limit: publicRequestLimit(county),
            ScopeDownStatement: { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/public/', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
          },
        },
        VisibilityConfig: expect.objectContaining({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true }) as unknown,
      }),
    );
    expect(acl.Properties.Rules).toContainEqual(expect.objectContaining({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } } }));
    // The ARN crosses to the distribution's stack as an export of the edge stack.
    const exported = Object.entries(edge.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>).find(([, o]) => JSON.stringify(o.Value) === JSON.stringify({ 'Fn::GetAtt': [aclId, 'Arn'] }))![1];
    stateless.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: { WebACLId: { 'Fn::ImportValue': exported.Export!.Name } } });
  });

  it('has no cycle of resources naming each other: the distribution names the citizens’ API, the staff API’s CORS names the distribution', () => {
    // Template refuses a template with a dependency cycle (which CloudFormation would refuse to deploy).
    expect(() => Template.fromJSON(stateless.toJSON())).not.toThrow();
    expect(() => Template.fromJSON({ Resources: { A: { Type: 'X', Properties: { B: { Ref: 'B' } } }, B: { Type: 'X', Properties: { A: { 'Fn::GetAtt': ['A', 'Arn'] } } } } })).toThrow(/dependency cycle/);
  });

  it('has a staff pool with the staff groups, a group for each kind of machine, and window/site/department attributes', () => {
    const groups = Object.values(stateless.findResources('AWS::Cognito::UserPoolGroup')).map((g) => (g as { Properties: { GroupName: string } }).Properties.GroupName);
    expect(groups.sort()).toEqual(['admin', 'agent', 'callback', 'clerk', 'director', 'hall-screen', 'intermediary', 'kiosk', 'owner', 'rating-device', 'reviewer', 'sms-gateway']);
    stateless.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'windowId' }), Match.objectLike({ Name: 'siteId' }), Match.objectLike({ Name: 'departmentId' })]),
    });
  });

  it('lets no user write the attributes that bind them to a window, site or department, and offers the terminals no OAuth flow, scope or callback', () => {
    const clients = Object.values(stateless.findResources('AWS::Cognito::UserPoolClient')) as { Properties: Record<string, unknown> }[];
    // The terminals' and the console's (test/infra/console-hosting.test.ts).
    expect(clients.map((c) => c.Properties.ClientName).sort()).toEqual(['staff-console', 'window-terminals-and-console']);
    const client = clients.find((c) => c.Properties.ClientName === 'window-terminals-and-console')!.Properties;
    // Without an explicit list, a client may write attributes by default; with one, exactly those.
    expect(client.WriteAttributes).toEqual(['name']);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:windowId', 'custom:siteId', 'custom:departmentId', 'custom:badgeNo', 'name']));
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.AllowedOAuthFlowsUserPoolClient).not.toBe(true);
    for (const unused of ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs']) expect(client[unused], unused).toBeUndefined();
  });

  it('feeds the projector from the stream with bounded retries, bisection, partial failures and a DLQ', () => {
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1000,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86_400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('case#') }] },
    });
    stateless.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
  });

  it('schedules the timer entrypoints in the county’s time zone, and the SMS sender every minute, each given its scheduled time', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(00 06 * * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai' });
    const timers = Object.keys(entrypoints).filter((name) => entrypoints[name as keyof typeof entrypoints].kind === 'timer');
    stateless.resourceCountIs('AWS::Scheduler::Schedule', timers.length);
    const [sender, ...others] = Object.entries(stateless.findResources('AWS::Scheduler::Schedule', { Properties: { ScheduleExpression: 'rate(1 minute)' } })) as [string, { Properties: Record<string, unknown> & { Target: { Input: string; RetryPolicy: { MaximumRetryAttempts: number } } } }][];
    expect(others).toEqual([]);
    expect(sender![0]).toMatch(/^SmsSenderSchedule/);
    expect(JSON.parse(sender![1].Properties.Target.Input)).toEqual({ time: '<aws.scheduler.scheduled-time>' });
    // The next run is the retry.
    expect(sender![1].Properties.Target.RetryPolicy.MaximumRetryAttempts).toBe(0);
  });

  it('alarms on dead letters, a lagging projector, 5xx, throttles and a missing holiday notice, with a dashboard', () => {
    const alarms = Object.values(stateless.findResources('AWS::CloudWatch::Alarm')) as { Properties: { AlarmDescription: string; Threshold: number } }[];
    const described = alarms.map((a) => a.Properties.AlarmDescription).join('\n');
    for (const needle of ['dead-letter queue', 'more than 60 s behind', '5xx', 'throttled', 'DynamoDB throttled', 'holiday notice']) expect(described).toContain(needle);
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Threshold: 60_000 });
    stateless.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('grants each function only the actions its entry names, on Events only for its key prefixes; nobody but the rebuild scans, nobody changes or deletes an event', () => {
    const all = Object.values(stateless.findResources('AWS::IAM::Policy')).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
    expect(actionsOf(all).filter((a) => a === 'dynamodb:*' || a === '*')).toEqual([]);
    for (const name of Object.keys(entrypoints)) {
      const statements = policyOf(stateless, pascal(name)).filter((s) => touches(s, 'Events') || touches(s, 'Views'));
      // The projector's event source reads the table's stream (DescribeStream, GetRecords …): that is no access to items.
      const onEvents = statements.filter((s) => touches(s, 'Events') && !actionsOf([s]).every((a) => /Stream|GetRecords|GetShardIterator/.test(a)));
      expect(actionsOf(statements).includes('dynamodb:Scan'), name).toBe(name === 'rebuild');
      if (name === 'rebuild') continue;
      for (const statement of onEvents) {
        const keys = statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
        expect(keys, `${name}: ${JSON.stringify(statement.Action)}`).toEqual(expect.arrayContaining([expect.any(String)]));
        const actions = actionsOf([statement]);
        // Events are append-only: only the queue's waiting index and lines (a sign-in marks its window staffed there) and the counters (case and project numbers, a step's filings) change in place.
        if (actions.includes('dynamodb:DeleteItem')) expect(keys, name).toEqual(['waiting#*']);
        const counters: Record<string, string[]> = { queue: ['waiting#*'], 'case-commands': ['seq#caseNo#*', 'seq#stepFilings#*'], projects: ['seq#projectNo#*'], market: ['seq#marketNo#*', 'seq#intermediaryCode#*'], assessment: ['waiting#*'] };
        if (actions.includes('dynamodb:UpdateItem')) expect(keys, name).toEqual(counters[name] ?? ['seq#caseNo#*']);
      }
    }
    for (const query of ['CaseQueries', 'Views', 'Catalogue', 'System', 'CalendarWatch']) {
      const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
      expect(actionsOf(policyOf(stateless, query)).filter((a) => writes.includes(a)), query).toEqual([]);
    }
    expect(actionsOf(policyOf(stateless, 'CaseCommands').filter((s) => touches(s, 'Views')))).toEqual([]);
    // The projector reads and appends to Events only for the agency projects' process manager: project streams and their keys.
    const projectorOnEvents = policyOf(stateless, 'Projector').filter((s) => touches(s, 'Events') && !actionsOf([s]).every((a) => /Stream|GetRecords|GetShardIterator/.test(a)));
    expect(actionsOf(projectorOnEvents).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    for (const statement of projectorOnEvents) expect(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual(['project#*', 'idem#*']);
  });
});

describe('counties', () => {
  let realBuild: string;
  beforeAll(async () => {
    realBuild = await buildConsole('aws');
  }, 120_000);

  it.each(['sanmen', 'tiantai'])('synthesises %s offline, bundling every function with the local esbuild and hosting the console’s real build, with no unacknowledged cdk-nag finding', (county) => {
    const { app } = synth(county, true, realBuild);
    expect(() => app.synth()).not.toThrow();
  }, 240_000);

  describe('in other regions', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('reaches the web ACL in us-east-1 from a stack elsewhere through CDK’s cross-region reference, with no unacknowledged cdk-nag finding', () => {
      vi.stubEnv('CDK_DEFAULT_REGION', 'ap-east-1');
      const { app, stateless: elsewhere, edgeStack: edgeElsewhere, statelessStack } = synth('sanmen');
      expect([edgeElsewhere!.region, statelessStack.region]).toEqual(['us-east-1', 'ap-east-1']);
      const webAclId = (Object.values(elsewhere.findResources('AWS::CloudFront::Distribution'))[0] as { Properties: { DistributionConfig: { WebACLId: unknown } } }).Properties.DistributionConfig.WebACLId;
      expect(JSON.stringify(webAclId)).toMatch(/ExportsReader/);
      expect(() => app.synth()).not.toThrow();
    }, 120_000);

    it('has no edge stack in the China regions (no us-east-1 there, and AWS WAF is regional only), and still synthesises', () => {
      vi.stubEnv('CDK_DEFAULT_REGION', 'cn-north-1');
      const { app, stateless: china, edgeStack: none } = synth('tiantai');
      expect(none).toBeUndefined();
      const config = (Object.values(china.findResources('AWS::CloudFront::Distribution'))[0] as { Properties: { DistributionConfig: Record<string, unknown> } }).Properties.DistributionConfig;
      expect(config.WebACLId).toBeUndefined();
      expect((config.CacheBehaviors as { PathPattern: string }[]).map((b) => b.PathPattern)).toContain('/public/*');
      expect(() => app.synth()).not.toThrow();
    }, 120_000);
  });

  it('fails synth on an unknown county, naming it', () => {
    expect(() => buildApp(new App({ context: { county: 'atlantis' } }))).toThrow(/Unknown county "atlantis".*known: sanmen, tiantai/);
  });

  it('fails synth on an invalid county file, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counties-'));
    const county = JSON.parse(readFileSync(join(countiesDir, 'sanmen.json'), 'utf8')) as { items: { windowId: string }[]; api: { corsOrigins: string[] } };
    county.items[3]!.windowId = 'W99';
    county.api.corsOrigins = ['not a url'];
    writeFileSync(join(dir, 'sanmen.json'), JSON.stringify(county));
    const build = () => buildApp(new App({ context: { county: 'sanmen', countiesDir: dir } }));
    expect(build).toThrow(/sanmen\.json is invalid/);
    expect(build).toThrow(/items\.3\.windowId: unknown window W99/);
    expect(build).toThrow(/api\.corsOrigins\.0: Invalid URL/);
  });

  it('fails synth on an invalid joint block, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counties-'));
    const county = JSON.parse(readFileSync(join(countiesDir, 'sanmen.json'), 'utf8')) as { items: { code: string; joint?: { departments: { days: number }[] } }[] };
    const index = county.items.findIndex((i) => i.code === '331022-LHSP-002');
    county.items[index]!.joint!.departments[2]!.days = 25;
    writeFileSync(join(dir, 'sanmen.json'), JSON.stringify(county));
    expect(() => buildApp(new App({ context: { county: 'sanmen', countiesDir: dir } }))).toThrow(`items.${index}.joint.departments.2.days: 25 working days exceed`);
  });
});

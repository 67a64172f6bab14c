import { join } from 'node:path';
import { CfnOutput, Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression, ScheduleTargetInput, ContextAttribute } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { County } from '../domain/county.ts';
import { aggregates } from '../domain/projections/registry.ts';
import { entrypoints, type EntryName, type Entrypoint } from '../functions/entrypoints.ts';
import { BanjianFunction } from './constructs/banjian-function.ts';
import { ConsoleHosting } from './constructs/console-hosting.ts';
import { BanjianHttpApi } from './constructs/http-api.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { StaffPool } from './constructs/staff-pool.ts';
import { acknowledgeConsoleHosting, acknowledgeDeadLetterQueue, acknowledgeFunction, acknowledgePublicRoutes, acknowledgeSchedulerTargets, acknowledgeStaffPool } from './nag.ts';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

const repositoryRoot = join(import.meta.dirname, '..');

export interface StatelessStackProps extends StackProps {
  county: County;
  events: Table;
  views: Table;
  secret: ISecret;
  /** The SMS provider's AccessKey pair (JSON `{accessKeyId, accessKeySecret}`): read by the entries that send (`sms: true`). */
  smsCredentials: ISecret;
  /** The edge stack's AWS WAF web ACL (scope CLOUDFRONT) for the console's distribution; absent in the China regions. */
  webAclArn?: string;
  /** The folder of the console's `aws` build (`scripts/build-console.ts`), uploaded to the console's bucket. */
  consoleBuild: string;
}

/** Functions, the API, the staff pool, the console's hosting, schedules and alarms: everything that can be redeployed freely. */
export class StatelessStack extends Stack {
  readonly functions = new Map<EntryName, BanjianFunction>();
  readonly api: BanjianHttpApi;
  readonly staff: StaffPool;
  readonly console: ConsoleHosting;
  readonly deadLetters: Queue;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { county } = props;
    this.deadLetters = new Queue(this, 'ProjectorDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Two weeks to look into a poison event before its record is gone.
      retentionPeriod: Duration.days(14),
    });

    for (const [name, entry] of Object.entries(entrypoints) as [EntryName, Entrypoint][]) {
      const fn = new BanjianFunction(this, pascal(name), {
        county,
        entry: join(repositoryRoot, entry.file),
        handler: 'handler',
        description: entry.description,
        // A rebuild scans the whole Events table; everything else answers within seconds.
        timeout: entry.kind === 'task' ? Duration.minutes(15) : Duration.seconds(entry.kind === 'stream' ? 60 : 10),
        memorySize: entry.kind === 'task' ? 2048 : 512,
        environment: {
          EVENTS_TABLE: props.events.tableName,
          VIEWS_TABLE: props.views.tableName,
          ...(entry.secret ? { COUNTY_SECRET_ARN: props.secret.secretArn } : {}),
          ...(entry.sms ? { SMS_CREDENTIALS_ARN: props.smsCredentials.secretArn } : {}),
        },
      });
      if (entry.secret) props.secret.grantRead(fn);
      // The provider is reached over the internet: the functions run outside any VPC, so no NAT or endpoint is needed.
      if (entry.sms) props.smsCredentials.grantRead(fn);
      grantTables(fn, entry, { events: props.events, views: props.views });
      acknowledgeFunction(fn);
      if (entry.kind === 'stream') {
        fn.addEventSource(
          new DynamoEventSource(props.events, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: entry.batchSize ?? 100,
            // Split a failing batch to find the poison record, retry a bounded number of times, then park it.
            bisectBatchOnError: true,
            retryAttempts: 10,
            maxRecordAge: Duration.days(1),
            reportBatchItemFailures: true,
            onFailure: new SqsDlq(this.deadLetters),
            // Only new domain events wake the projector, not idempotency records or counters.
            filters: [projectorFilter()],
          }),
        );
      }
      if (entry.kind === 'timer') schedule(this, name, entry, fn, county);
      this.functions.set(name, fn);
    }

    this.staff = new StaffPool(this, 'Staff', { county });
    this.console = new ConsoleHosting(this, 'Console', { county, build: props.consoleBuild, staff: this.staff, ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}) });
    this.api = new BanjianHttpApi(this, 'Gateway', {
      county,
      functions: this.functions,
      pool: this.staff.pool,
      clients: [this.staff.client, this.console.client],
      // The console's own origin first; a county may add its own domain in its file.
      corsOrigins: [this.console.origin, ...county.api.corsOrigins],
    });
    this.console.publish(this.api.api.apiEndpoint);
    // The citizens' routes on the console's own origin, under its web ACL.
    this.console.addPublicRoutes(this.api.publicDomain);
    this.monitoring = new Monitoring(this, 'Monitoring', {
      county,
      api: this.api.api,
      publicApi: this.api.publicApi,
      projector: this.functions.get('projector')!,
      deadLetters: this.deadLetters,
      functions: [...this.functions.values()],
      tables: [props.events, props.views],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.apiEndpoint, description: 'Base URL of the API' });
    new CfnOutput(this, 'UserPoolId', { value: this.staff.pool.userPoolId, description: 'Staff user pool (create accounts here)' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.staff.client.userPoolClientId, description: 'Client id for the terminals (SRP sign-in)' });
    new CfnOutput(this, 'ConsoleUrl', { value: `${this.console.origin}/console/`, description: 'The staff console' });
    new CfnOutput(this, 'PublicPagesUrl', { value: `${this.console.origin}/console/public/progress`, description: "The citizens' pages (progress lookup, appointments); their API under /public/ on the same origin" });
    new CfnOutput(this, 'ConsoleClientId', { value: this.console.client.userPoolClientId, description: 'Client id of the console (managed login)' });
    new CfnOutput(this, 'SignInDomain', { value: this.staff.signInOrigin, description: "The staff pool's managed login (sign-in pages)" });
    new CfnOutput(this, 'RebuildFunction', { value: this.functions.get('rebuild')!.functionName, description: 'Invoke to rebuild every view' });
    new CfnOutput(this, 'Dashboard', { value: this.monitoring.dashboard.dashboardName, description: 'CloudWatch dashboard' });
    acknowledgeSchedulerTargets(this, [...this.functions.entries()].filter(([name]) => entrypoints[name].kind === 'timer').map(([, fn]) => fn));
    acknowledgePublicRoutes(this.api.api);
    acknowledgePublicRoutes(this.api.publicApi);
    acknowledgeDeadLetterQueue(this.deadLetters);
    acknowledgeStaffPool(this.staff.pool);
    acknowledgeConsoleHosting(this, this.console);
  }
}

/**
 * The timer's EventBridge Scheduler schedule: at a county-local time each day (`daily`), or every few
 * minutes all day (`everyMinutes`); either way the function gets the scheduled time as `time`.
 */
function schedule(scope: Construct, name: EntryName, entry: Entrypoint, fn: BanjianFunction, county: County): void {
  const input = ScheduleTargetInput.fromObject({ time: ContextAttribute.scheduledTime });
  if (entry.daily) {
    const [hour, minute] = entry.daily.split(':');
    new Schedule(scope, `${pascal(name)}Schedule`, {
      description: `${entry.description} (daily at ${entry.daily} ${county.timeZone})`,
      schedule: ScheduleExpression.cron({ hour, minute, timeZone: TimeZone.of(county.timeZone) }),
      target: new LambdaInvoke(fn, { input, retryAttempts: 3 }),
    });
  } else if (entry.everyMinutes) {
    new Schedule(scope, `${pascal(name)}Schedule`, {
      description: `${entry.description} (every ${entry.everyMinutes} min)`,
      schedule: ScheduleExpression.rate(Duration.minutes(entry.everyMinutes)),
      // The next run is the retry: a failed run is not repeated on top of it.
      target: new LambdaInvoke(fn, { input, retryAttempts: 0 }),
    });
  } else {
    throw new Error(`timer ${name} has neither daily nor everyMinutes`);
  }
}

/** Only new domain events of a registered aggregate, not idempotency records or counters. */
function projectorFilter(): Record<string, unknown> {
  const prefixes: unknown[] = aggregates.map((a) => FilterRule.beginsWith(a.streamPrefix) as unknown);
  return FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT') as unknown, dynamodb: { Keys: { stream: { S: prefixes } } } });
}

/**
 * Grants exactly what the entry list names: those actions, on that table and its named indexes only,
 * and where it names key patterns, only on items whose partition key matches (`dynamodb:LeadingKeys`)
 * — never `dynamodb:*`. The local runtime enforces the same grants.
 */
function grantTables(fn: BanjianFunction, entry: Entrypoint, tables: { events: Table; views: Table }): void {
  for (const grant of entry.grants) {
    const table = tables[grant.table];
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: grant.actions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn, ...(grant.indexes ?? []).map((index) => `${table.tableArn}/index/${index}`)],
        ...(grant.keys ? { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...grant.keys] } } } : {}),
      }),
    );
  }
}

export function pascal(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
}

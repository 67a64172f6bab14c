import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, SingleValueWidget, TextWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';

export interface MonitoringProps {
  county: County;
  api: HttpApi;
  /** The citizens' API (`/public/…`): its 5xx count with the staff API's. */
  publicApi: HttpApi;
  projector: IFunction;
  deadLetters: Queue;
  functions: readonly IFunction[];
  tables: readonly Table[];
}

/** The alarms an operator needs and one dashboard for the county. */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      displayName: `Banjian ${props.county.name} alarms`,
      enforceSSL: true,
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    if (props.county.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.county.alarmEmail));
    const alarm = (name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const a = new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(a);
      return a;
    };

    const dlqDepth = props.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' });
    alarm('DeadLettersNotEmpty', 'Events the projector gave up on are waiting in the dead-letter queue: views miss them until fixed and rebuilt.', dlqDepth, 0);

    const iteratorAge = props.projector.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' });
    alarm('ProjectorBehind', 'The projector is more than 60 s behind the Events stream: queues and statistics are stale.', iteratorAge, 60_000, 3);

    const serverErrorRate = new MathExpression({
      expression: '100 * (errors + publicErrors) / MAX([requests + publicRequests, 1])',
      usingMetrics: {
        errors: props.api.metricServerError({ period: Duration.minutes(5) }),
        requests: props.api.metricCount({ period: Duration.minutes(5) }),
        publicErrors: props.publicApi.metricServerError({ period: Duration.minutes(5) }),
        publicRequests: props.publicApi.metricCount({ period: Duration.minutes(5) }),
      },
      label: '5xx %',
      period: Duration.minutes(5),
    });
    alarm('ServerErrors', 'More than 1% of API requests failed on our side (5xx) over 5 minutes.', serverErrorRate, 1);

    // Account-wide: throttling means the account's concurrency is spent, whichever function hit it.
    const lambdaThrottles = new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: Duration.minutes(5), label: 'Lambda throttles' });
    alarm('LambdaThrottles', 'Lambda invocations were throttled (account concurrency reached).', lambdaThrottles, 0);
    const tableThrottles = new MathExpression({
      expression: props.tables.map((_, i) => `d${i}`).join(' + '),
      usingMetrics: Object.fromEntries(props.tables.map((table, i) => [`d${i}`, table.metric('ThrottledRequests', { period: Duration.minutes(5), statistic: 'Sum' })])),
      label: 'DynamoDB throttled requests',
      period: Duration.minutes(5),
    });
    alarm('TableThrottles', 'DynamoDB throttled requests on the Events or Views table.', tableThrottles, 0);

    const provisional = new Metric({ namespace: 'Banjian', metricName: 'ProvisionalWorkingDaysAhead', dimensionsMap: { service: 'banjian' }, period: Duration.days(1), statistic: 'Maximum' });
    alarm('HolidayNoticeMissing', 'Deadlines in the next 90 days run into a year whose holiday notice is not entered: enter it with PUT /calendar/{year}.', provisional, 0);

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `banjian-${props.county.key}` });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: `# 办件 Banjian — ${props.county.name} (${props.county.code})`, width: 24, height: 1 }),
      new GraphWidget({ title: 'API requests and errors', left: [props.api.metricCount(), props.api.metricClientError(), props.api.metricServerError()], width: 12 }),
      new GraphWidget({ title: 'API latency (p50, p99)', left: [props.api.metricLatency({ statistic: 'p50' }), props.api.metricLatency({ statistic: 'p99' })], width: 12 }),
      new GraphWidget({
        title: 'Citizens’ API (/public/): requests, 4xx, 5xx',
        left: [props.publicApi.metricCount(), props.publicApi.metricClientError(), props.publicApi.metricServerError()],
        width: 24,
      }),
      new GraphWidget({ title: 'Projector iterator age (ms)', left: [iteratorAge], width: 8 }),
      new SingleValueWidget({ title: 'Dead letters waiting', metrics: [dlqDepth], width: 8 }),
      new GraphWidget({ title: 'Throttles', left: [lambdaThrottles, tableThrottles], width: 8 }),
      new GraphWidget({ title: 'Function errors', left: props.functions.map((fn) => fn.metricErrors()), width: 12 }),
      new GraphWidget({ title: 'DynamoDB consumed write units', left: props.tables.map((t) => t.metricConsumedWriteCapacityUnits()), width: 12 }),
    );
  }
}

/**
 * On-demand list prices for `npm run cost`, for the two regions a county deploys to: China (Beijing)
 * in yuan and US East (N. Virginia) in dollars. Every price says where it comes from: `published`
 * (read on the page named in `source`), `estimate` (no China price could be read: the way it was
 * made is in `note`) or `unavailable` (the service or feature is not offered there). Free tiers are
 * left out on purpose: a county's account is rarely new, and the bill should not depend on it.
 */

export type Region = 'cn-north-1' | 'us-east-1';

export type PriceKey =
  | 'dynamoWriteMillion'
  | 'dynamoReadMillion'
  | 'dynamoStorageGbMonth'
  | 'dynamoPitrGbMonth'
  | 'lambdaArmGbSecond'
  | 'lambdaRequestsMillion'
  | 'lambdaProvisionedArmGbSecond'
  | 'lambdaProvisionedArmDurationGbSecond'
  | 'httpApiMillion'
  | 'logsIngestGb'
  | 'logsStoreGbMonth'
  | 'xrayTracesMillion'
  | 'secretMonth'
  | 'secretApiTenThousand'
  | 'schedulerMillion'
  | 'alarmMetricMonth'
  | 'customMetricMonth'
  | 'dashboardMonth'
  | 'wafWebAclMonth'
  | 'wafRuleMonth';

export type PriceBasis = 'published' | 'estimate' | 'unavailable';

export interface Price {
  /** Per unit in the table's currency; null when the item is not offered in the region. */
  value: number | null;
  basis: PriceBasis;
  /** The page the figure was read on (or the one the estimate starts from). */
  source: string;
  note?: string;
}

export interface PriceTable {
  region: Region;
  currency: 'CNY' | 'USD';
  symbol: '¥' | '$';
  /** When the table was put together from the pages below (stored copies; the live pages may have moved since). */
  asOf: string;
  prices: Record<PriceKey, Price>;
}

/** What each price is per, for the printed table. */
export const PRICE_UNITS: Record<PriceKey, string> = {
  dynamoWriteMillion: 'DynamoDB on-demand, per million write request units',
  dynamoReadMillion: 'DynamoDB on-demand, per million read request units',
  dynamoStorageGbMonth: 'DynamoDB Standard table storage, per GB-month',
  dynamoPitrGbMonth: 'DynamoDB point-in-time recovery, per GB-month of table size',
  lambdaArmGbSecond: 'Lambda on-demand duration, Arm, per GB-second',
  lambdaRequestsMillion: 'Lambda requests, per million',
  lambdaProvisionedArmGbSecond: 'Lambda provisioned concurrency, Arm, per GB-second configured',
  lambdaProvisionedArmDurationGbSecond: 'Lambda duration on provisioned concurrency, Arm, per GB-second',
  httpApiMillion: 'API Gateway HTTP API, per million requests (first 300 million a month)',
  logsIngestGb: 'CloudWatch Logs ingestion (standard class), per GB',
  logsStoreGbMonth: 'CloudWatch Logs storage, per GB-month',
  xrayTracesMillion: 'X-Ray traces recorded, per million',
  secretMonth: 'Secrets Manager, per secret per month',
  secretApiTenThousand: 'Secrets Manager, per 10,000 API calls',
  schedulerMillion: 'EventBridge Scheduler, per million invocations',
  alarmMetricMonth: 'CloudWatch standard-resolution alarm, per alarm metric per month',
  customMetricMonth: 'CloudWatch custom metric, per metric per month (first 10,000)',
  dashboardMonth: 'CloudWatch dashboard, per dashboard per month',
  wafWebAclMonth: 'AWS WAF, per web ACL per month',
  wafRuleMonth: 'AWS WAF, per rule per month',
};

const AS_OF = '2026-12-02';

const src = {
  dynamoUs: 'https://airbyte.com/data-engineering-resources/dynamodb-pricing (on-demand after the November 2024 price cut); https://aws.amazon.com/dynamodb/pricing/ (storage)',
  dynamoCn: 'https://www.amazonaws.cn/en/dynamodb/pricing/',
  pitrUs: 'https://finops.com.py/services/dynamodb/backups; https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html (priced on table size)',
  lambdaUs: 'https://cloudchipr.com/blog/aws-lambda-pricing (Arm: $0.0000133334 per GB-s, requests $0.20 per million)',
  lambdaPcUs: 'https://aws.amazon.com/lambda/pricing/ (Provisioned Concurrency section)',
  httpApiUs: 'https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html',
  logsUs: 'https://c3x.dev/blog/cloudwatch-logs-cost-optimization (us-east-1, June 2026); https://hykell.com/knowledge-base/aws-cloudwatch-logs-pricing',
  cwUs: 'https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/ (June 2026)',
  cwCn: 'https://amazonaws.cn/cloudwatch/pricing',
  xrayUs: 'https://aws.amazon.com/xray/pricing/ ($5.00 per million traces recorded)',
  secretsUs: 'https://hivebook.wiki/wiki/aws-secrets-manager-rotated-secrets-dynamic-db-credentials-kms ($0.40 per secret-month, $0.05 per 10,000 calls)',
  schedulerUs: 'https://cloudburn.io/blog/amazon-eventbridge-pricing (March 2026)',
  wafUs: 'https://c3x.dev/blog/aws-waf-cost-explained/',
};

/**
 * Where no China price could be read: the us-east-1 price times 7.1, about the dollar's rate in
 * yuan. The China prices that could be read run from 6.2× (CloudWatch alarms: ¥0.622 against $0.10)
 * and 6.7× (custom metrics: ¥2.00 against $0.30) to 8.9× (DynamoDB writes: ¥11.1538 against $1.25,
 * the US price before November 2024), so a real China price may be a third lower or a quarter higher.
 */
export const CN_ESTIMATE_FACTOR = 7.1;

const estimate = (usd: number, from: string, note = ''): Price => ({
  value: round(usd * CN_ESTIMATE_FACTOR),
  basis: 'estimate',
  source: from,
  note: `no China price found: us-east-1 $${usd} × ${CN_ESTIMATE_FACTOR}${note ? `; ${note}` : ''}`,
});

const round = (n: number) => Number(n.toPrecision(6));

export const usEast1: PriceTable = {
  region: 'us-east-1',
  currency: 'USD',
  symbol: '$',
  asOf: AS_OF,
  prices: {
    dynamoWriteMillion: { value: 0.625, basis: 'published', source: src.dynamoUs },
    dynamoReadMillion: { value: 0.125, basis: 'published', source: src.dynamoUs },
    dynamoStorageGbMonth: { value: 0.25, basis: 'published', source: src.dynamoUs, note: 'first 25 GB a month free (not counted)' },
    dynamoPitrGbMonth: { value: 0.2, basis: 'published', source: src.pitrUs },
    lambdaArmGbSecond: { value: 0.0000133334, basis: 'published', source: src.lambdaUs },
    lambdaRequestsMillion: { value: 0.2, basis: 'published', source: src.lambdaUs },
    lambdaProvisionedArmGbSecond: { value: 0.0000033334, basis: 'published', source: src.lambdaPcUs, note: 'the page lists it per memory size; this is its per-GB-second rate' },
    lambdaProvisionedArmDurationGbSecond: { value: 0.0000077778, basis: 'published', source: src.lambdaPcUs },
    httpApiMillion: { value: 1.0, basis: 'published', source: src.httpApiUs },
    logsIngestGb: { value: 0.5, basis: 'published', source: src.logsUs },
    logsStoreGbMonth: { value: 0.03, basis: 'published', source: src.logsUs },
    xrayTracesMillion: { value: 5.0, basis: 'published', source: src.xrayUs },
    secretMonth: { value: 0.4, basis: 'published', source: src.secretsUs },
    secretApiTenThousand: { value: 0.05, basis: 'published', source: src.secretsUs },
    schedulerMillion: { value: 1.0, basis: 'published', source: src.schedulerUs, note: '14 million a month free (not counted)' },
    alarmMetricMonth: { value: 0.1, basis: 'published', source: src.cwUs },
    customMetricMonth: { value: 0.3, basis: 'published', source: src.cwUs },
    dashboardMonth: { value: 3.0, basis: 'published', source: src.cwUs, note: 'first 3 dashboards free (not counted)' },
    wafWebAclMonth: { value: 5.0, basis: 'published', source: src.wafUs },
    wafRuleMonth: { value: 1.0, basis: 'published', source: src.wafUs },
  },
};

const us = usEast1.prices;
const dynamoCnRatio = 11.1538 / 1.25;

export const cnNorth1: PriceTable = {
  region: 'cn-north-1',
  currency: 'CNY',
  symbol: '¥',
  asOf: AS_OF,
  prices: {
    dynamoWriteMillion: {
      value: 11.1538,
      basis: 'published',
      source: src.dynamoCn,
      note: 'the stored page; whether the global regions’ November 2024 halving of on-demand prices reached China could not be read there',
    },
    dynamoReadMillion: { value: round(11.1538 / 5), basis: 'estimate', source: src.dynamoCn, note: 'the read price was cut off on the stored page: the write price ÷ 5, the ratio of every published US on-demand pair' },
    dynamoStorageGbMonth: { value: round(0.25 * dynamoCnRatio), basis: 'estimate', source: src.dynamoCn, note: `no China storage price found: us-east-1 $0.25 × ${dynamoCnRatio.toFixed(2)}, the China/US ratio of the DynamoDB write price` },
    dynamoPitrGbMonth: { value: round(0.2 * dynamoCnRatio), basis: 'estimate', source: src.dynamoCn, note: `no China price found: us-east-1 $0.20 × ${dynamoCnRatio.toFixed(2)}, the China/US ratio of the DynamoDB write price` },
    lambdaArmGbSecond: estimate(us.lambdaArmGbSecond.value!, 'https://www.amazonaws.cn/en/lambda/pricing/'),
    lambdaRequestsMillion: estimate(us.lambdaRequestsMillion.value!, 'https://www.amazonaws.cn/en/lambda/pricing/'),
    lambdaProvisionedArmGbSecond: estimate(us.lambdaProvisionedArmGbSecond.value!, 'https://www.amazonaws.cn/en/lambda/pricing/'),
    lambdaProvisionedArmDurationGbSecond: estimate(us.lambdaProvisionedArmDurationGbSecond.value!, 'https://www.amazonaws.cn/en/lambda/pricing/'),
    httpApiMillion: estimate(us.httpApiMillion.value!, 'https://www.amazonaws.cn/en/api-gateway/pricing/'),
    logsIngestGb: estimate(us.logsIngestGb.value!, src.cwCn, 'the stored China CloudWatch page shows metrics and alarms but not its Logs section'),
    logsStoreGbMonth: estimate(us.logsStoreGbMonth.value!, src.cwCn, 'as above'),
    xrayTracesMillion: estimate(us.xrayTracesMillion.value!, 'https://www.amazonaws.cn/en/xray/pricing/'),
    secretMonth: estimate(us.secretMonth.value!, 'https://www.amazonaws.cn/en/secrets-manager/pricing/'),
    secretApiTenThousand: estimate(us.secretApiTenThousand.value!, 'https://www.amazonaws.cn/en/secrets-manager/pricing/'),
    schedulerMillion: estimate(us.schedulerMillion.value!, 'https://www.amazonaws.cn/en/eventbridge/pricing/'),
    alarmMetricMonth: { value: 0.622, basis: 'published', source: src.cwCn },
    customMetricMonth: { value: 2.0, basis: 'published', source: src.cwCn },
    dashboardMonth: estimate(us.dashboardMonth.value!, src.cwCn, 'the China page lists 3 free dashboards but its price was not in the stored copy'),
    wafWebAclMonth: { value: null, basis: 'unavailable', source: 'infra/app.ts', note: 'the edge stack (AWS WAF for CloudFront) is not deployed in the China regions' },
    wafRuleMonth: { value: null, basis: 'unavailable', source: 'infra/app.ts', note: 'as above' },
  },
};

export const priceTables: readonly PriceTable[] = [cnNorth1, usEast1];

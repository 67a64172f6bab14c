import { PRICE_UNITS, type Price, type PriceKey, type PriceTable } from './prices.ts';

/** A county's year, in the units AWS bills: what `npm run cost` counts and scales, before any price. */
export interface YearUsage {
  /** Cases a year the usage is for (the bill per case divides by it). */
  cases: number;
  dynamo: { writeUnits: number; readUnits: number; storageGbMonths: number; pitrGbMonths: number };
  lambda: { requests: number; gbSeconds: number };
  api: { requests: number };
  logs: { ingestGb: number; storedGbMonths: number };
  xray: { traces: number };
  secrets: { secretMonths: number; apiCalls: number };
  scheduler: { invocations: number };
  monitoring: { alarmMetricMonths: number; customMetricMonths: number; dashboardMonths: number };
  waf: { webAclMonths: number; ruleMonths: number };
}

export interface BillLine {
  service: string;
  item: string;
  quantity: number;
  /** The quantity is priced per this many (a million requests, 10,000 calls). */
  per: number;
  key: PriceKey;
  price: Price;
  /** Null where the region does not offer the item (it is left out of the total). */
  amount: number | null;
}

export interface Bill {
  table: PriceTable;
  lines: BillLine[];
  total: number;
  perCase: number;
  /** The part of the total priced from estimates rather than published prices. */
  estimated: number;
}

const MILLION = 1_000_000;

/** The year's bill in one region: every line is quantity ÷ per × price; free tiers are not applied. */
export function bill(usage: YearUsage, table: PriceTable): Bill {
  const line = (service: string, item: string, quantity: number, key: PriceKey, per = 1): BillLine => {
    const price = table.prices[key];
    return { service, item, quantity, per, key, price, amount: price.value === null ? null : (quantity / per) * price.value };
  };
  const lines = [
    line('DynamoDB', 'write request units', usage.dynamo.writeUnits, 'dynamoWriteMillion', MILLION),
    line('DynamoDB', 'read request units', usage.dynamo.readUnits, 'dynamoReadMillion', MILLION),
    line('DynamoDB', 'storage, GB-months (Events + Views + index)', usage.dynamo.storageGbMonths, 'dynamoStorageGbMonth'),
    line('DynamoDB', 'point-in-time recovery, GB-months', usage.dynamo.pitrGbMonths, 'dynamoPitrGbMonth'),
    line('Lambda', 'requests', usage.lambda.requests, 'lambdaRequestsMillion', MILLION),
    line('Lambda', 'GB-seconds (Arm, INIT included)', usage.lambda.gbSeconds, 'lambdaArmGbSecond'),
    line('API Gateway', 'HTTP API requests', usage.api.requests, 'httpApiMillion', MILLION),
    line('CloudWatch Logs', 'ingested, GB', usage.logs.ingestGb, 'logsIngestGb'),
    line('CloudWatch Logs', 'stored, GB-months (6 months kept)', usage.logs.storedGbMonths, 'logsStoreGbMonth'),
    line('X-Ray', 'traces recorded', usage.xray.traces, 'xrayTracesMillion', MILLION),
    line('Secrets Manager', 'secret-months', usage.secrets.secretMonths, 'secretMonth'),
    line('Secrets Manager', 'GetSecretValue calls', usage.secrets.apiCalls, 'secretApiTenThousand', 10_000),
    line('EventBridge Scheduler', 'invocations', usage.scheduler.invocations, 'schedulerMillion', MILLION),
    line('CloudWatch', 'alarm metric-months', usage.monitoring.alarmMetricMonths, 'alarmMetricMonth'),
    line('CloudWatch', 'custom metric-months', usage.monitoring.customMetricMonths, 'customMetricMonth'),
    line('CloudWatch', 'dashboard-months', usage.monitoring.dashboardMonths, 'dashboardMonth'),
    line('AWS WAF', 'web ACL-months', usage.waf.webAclMonths, 'wafWebAclMonth'),
    line('AWS WAF', 'rule-months', usage.waf.ruleMonths, 'wafRuleMonth'),
  ];
  const total = lines.reduce((sum, l) => sum + (l.amount ?? 0), 0);
  const estimated = lines.reduce((sum, l) => sum + (l.price.basis === 'estimate' ? (l.amount ?? 0) : 0), 0);
  return { table, lines, total, perCase: usage.cases > 0 ? total / usage.cases : 0, estimated };
}

/** The bill's lines whose amount is at least `share` of the total, largest first. */
export function largest(b: Bill, share = 0): BillLine[] {
  return b.lines.filter((l) => (l.amount ?? 0) >= share * b.total).sort((x, y) => (y.amount ?? 0) - (x.amount ?? 0));
}

export const priceUnit = (key: PriceKey) => PRICE_UNITS[key];

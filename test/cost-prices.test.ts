import { describe, expect, it } from 'vitest';
import { bill, type YearUsage } from '../bench/cost/bill.ts';
import { requestUnits } from '../bench/cost/meter.ts';
import { coldStartsPerDay, consolePollers, emptyProfile, pollsPerDay, tracedPerDay } from '../bench/cost/model.ts';
import { CN_ESTIMATE_FACTOR, cnNorth1, priceTables, usEast1 } from '../bench/cost/prices.ts';

/** A small year, worked by hand below. */
const usage: YearUsage = {
  cases: 1000,
  dynamo: { writeUnits: 2_000_000, readUnits: 10_000_000, storageGbMonths: 4, pitrGbMonths: 4 },
  lambda: { requests: 3_000_000, gbSeconds: 100_000 },
  api: { requests: 3_000_000 },
  logs: { ingestGb: 2, storedGbMonths: 12 },
  xray: { traces: 1_000_000 },
  secrets: { secretMonths: 24, apiCalls: 20_000 },
  scheduler: { invocations: 1_000_000 },
  monitoring: { alarmMetricMonths: 120, customMetricMonths: 48, dashboardMonths: 12 },
  waf: { webAclMonths: 12, ruleMonths: 24 },
};

describe('the county-year bill', () => {
  it('prices every line in us-east-1 as worked by hand', () => {
    const b = bill(usage, usEast1);
    const amount = (item: string) => b.lines.find((l) => `${l.service}: ${l.item}`.startsWith(item))!.amount;
    expect(amount('DynamoDB: write')).toBeCloseTo(2 * 0.625, 10); // 2 M WRU × $0.625 per million
    expect(amount('DynamoDB: read')).toBeCloseTo(10 * 0.125, 10);
    expect(amount('DynamoDB: storage')).toBeCloseTo(4 * 0.25, 10);
    expect(amount('DynamoDB: point-in-time')).toBeCloseTo(4 * 0.2, 10);
    expect(amount('Lambda: requests')).toBeCloseTo(3 * 0.2, 10);
    expect(amount('Lambda: GB-seconds')).toBeCloseTo(1.33334, 10); // 100,000 GB-s × $0.0000133334
    expect(amount('API Gateway')).toBeCloseTo(3, 10);
    expect(amount('CloudWatch Logs: ingested')).toBeCloseTo(1, 10);
    expect(amount('CloudWatch Logs: stored')).toBeCloseTo(0.36, 10);
    expect(amount('X-Ray')).toBeCloseTo(5, 10);
    expect(amount('Secrets Manager: secret-months')).toBeCloseTo(9.6, 10);
    expect(amount('Secrets Manager: GetSecretValue')).toBeCloseTo(0.1, 10); // 20,000 calls = 2 × 10,000 × $0.05
    expect(amount('EventBridge')).toBeCloseTo(1, 10);
    expect(amount('CloudWatch: alarm')).toBeCloseTo(12, 10);
    expect(amount('CloudWatch: custom')).toBeCloseTo(14.4, 10);
    expect(amount('CloudWatch: dashboard')).toBeCloseTo(36, 10);
    expect(amount('AWS WAF: web ACL')).toBeCloseTo(60, 10);
    expect(amount('AWS WAF: rule')).toBeCloseTo(24, 10);
    // 1.25 + 1.25 + 1 + 0.8 + 0.6 + 1.33334 + 3 + 1 + 0.36 + 5 + 9.6 + 0.1 + 1 + 12 + 14.4 + 36 + 60 + 24
    expect(b.total).toBeCloseTo(172.69334, 8);
    expect(b.perCase).toBeCloseTo(0.17269334, 10);
    expect(b.estimated).toBe(0);
  });

  it('leaves out in China what is not deployed there, and says how much of the total rests on estimates', () => {
    const b = bill(usage, cnNorth1);
    const waf = b.lines.filter((l) => l.service === 'AWS WAF');
    expect(waf.map((l) => l.amount)).toEqual([null, null]);
    // Published: writes 2 × ¥11.1538, alarms 120 × ¥0.622, custom metrics 48 × ¥2.
    const published = 2 * 11.1538 + 120 * 0.622 + 48 * 2;
    const sum = b.lines.reduce((s, l) => s + (l.amount ?? 0), 0);
    expect(b.total).toBeCloseTo(sum, 10);
    expect(b.total - b.estimated).toBeCloseTo(published, 8);
    // An estimate is the US price times the stated factor: 3 M Lambda requests at $0.20 × 7.1.
    expect(b.lines.find((l) => l.key === 'lambdaRequestsMillion')!.amount).toBeCloseTo(3 * 0.2 * CN_ESTIMATE_FACTOR, 8);
    // The read price is the write price ÷ 5, as in every published US pair.
    expect(b.lines.find((l) => l.key === 'dynamoReadMillion')!.amount).toBeCloseTo((10 * 11.1538) / 5, 4);
  });

  it('states a date, a source and a basis for every price, and a note for every estimate', () => {
    for (const table of priceTables) {
      expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const price of Object.values(table.prices)) {
        expect(price.source.length).toBeGreaterThan(0);
        if (price.basis === 'published') expect(price.value).toBeGreaterThan(0);
        if (price.basis !== 'published') expect(price.note).toBeTruthy();
        if (price.basis === 'unavailable') expect(price.value).toBeNull();
      }
    }
  });
});

describe('DynamoDB units of one request', () => {
  it('charges a transaction by DynamoDB’s arithmetic when DynamoDB Local reports less', () => {
    const input = { TransactItems: [{ Put: { TableName: 't', Item: { pk: 'a', body: 'x'.repeat(2500) } } }, { Update: { TableName: 't', Key: { pk: 'n' } } }] };
    // Put of a 2.5 KB item: 3 units, doubled; the Update: 1, doubled. DynamoDB Local said 6.
    expect(requestUnits('TransactWriteItemsCommand', input, { consumed: [{ TableName: 't', CapacityUnits: 6, Table: { CapacityUnits: 6 } }] })).toEqual({ write: 8, read: 0, index: 0 });
    expect(requestUnits('TransactWriteItemsCommand', input, { consumed: [{ TableName: 't', CapacityUnits: 12, Table: { CapacityUnits: 10 }, GlobalSecondaryIndexes: { touched: { CapacityUnits: 2 } } }] })).toEqual({ write: 10, read: 0, index: 2 });
  });

  it('charges the smallest read for a read that finds nothing, and a refused conditional write', () => {
    expect(requestUnits('QueryCommand', { ConsistentRead: true }, { consumed: { CapacityUnits: 0 } })).toEqual({ write: 0, read: 1, index: 0 });
    expect(requestUnits('QueryCommand', {}, { consumed: { CapacityUnits: 0 } })).toEqual({ write: 0, read: 0.5, index: 0 });
    expect(requestUnits('PutItemCommand', { Item: { pk: 'a' } }, { error: { name: 'ConditionalCheckFailedException' } })).toEqual({ write: 1, read: 0, index: 0 });
    expect(requestUnits('PutItemCommand', { Item: { pk: 'a' } }, { error: { name: 'AccessDeniedException' } })).toEqual({ write: 0, read: 0, index: 0 });
  });
});

describe('the traffic model', () => {
  const model = { binMinutes: 10, lifetimeHours: 2 };

  it('starts one environment for a single busy stretch, and one per lifetime when busy all day', () => {
    const once = emptyProfile(10);
    once[50] = 1000;
    // Instant requests: the stretch's first invocation, plus a twelfth of a two-hour lifetime spent.
    expect(coldStartsPerDay(once, 0, model)).toBeCloseTo(1 + 10 / 60 / 2, 6);
    const allDay = emptyProfile(10).map(() => 1000);
    expect(coldStartsPerDay(allDay, 0, model)).toBeCloseTo(1 + 24 / 2, 6);
    // 1.67 requests a second of 1 ms: some request finds the first environment busy about once in ten
    // minutes (1 − e^(−1000 × 1.67 × 0.001)), and the second environment it starts stays warm.
    expect(coldStartsPerDay(once, 1, model)).toBeCloseTo(1 + 10 / 60 / 2 + (1 - Math.exp(-1000 * (1000 / 600) * 0.001)) * (1 + 10 / 60 / 2), 2);
    // Slow requests at the same rate need more environments side by side.
    expect(coldStartsPerDay(allDay, 2000, model)).toBeGreaterThan(coldStartsPerDay(allDay, 0, model) + 2);
  });

  it('keeps the first trace of each second and 5% of the rest', () => {
    const profile = emptyProfile(10);
    profile[0] = 600; // one request a second for ten minutes
    const first = 1 - Math.exp(-1);
    expect(tracedPerDay(profile, 10)).toBeCloseTo(600 * (first + 0.05 * (1 - first)), 6);
  });

  it('counts the console’s polls from the intervals in its code', () => {
    const pollers = consolePollers({ counters: [{ windowId: 'W01', categories: ['A', 'Z'] }], windows: ['W01', 'W02'], jointDepartments: ['D-NR'], directors: 2, agents: 1, inboxTabs: ['open', 'passed'] }, '2026-11-03');
    const byPage = (page: string) => pollers.find((p) => p.page.startsWith(page))!;
    expect(pollsPerDay(byPage('hall screen: the board'), 510)).toBeCloseTo((510 * 60) / 0.75, 6);
    // The ticket panel reads the categories, its window's queue and each category's queue.
    expect(byPage('clerk desk: ticket panel').requests(0)).toEqual(['/ticket-categories', '/queue?windowId=W01', '/queue?category=A', '/queue?category=Z']);
    expect(pollsPerDay(byPage('clerk desk: ticket panel'), 510)).toBeCloseTo(((510 * 60) / 15) * 4, 6);
    expect(pollsPerDay(byPage('joint inbox'), 60)).toBe(60 * 2);
  });
});

/**
 * `npm run cost -- [--warm-up 6] [--days 4] [--scale 0.07] [--seed 42]`: a county-year on AWS, from counted
 * requests. Simulates a few working days of the seed county through the local runtime on DynamoDB
 * Local, meters every function invocation (time, DynamoDB units, log bytes), probes the console's
 * polling and the timers, scales all of it to the seed county's 130,268 cases a year, and prices
 * it on-demand in cn-north-1 (CNY) and us-east-1 (USD). docs/cost.md explains the figures.
 */
import './cost/env.ts';
import { parseArgs } from 'node:util';
import { JavaMissing, startDynamoLocal } from '../local/dynamodb-local.ts';
import { measure } from './cost/measure.ts';
import { report } from './cost/report.ts';
import { defaultYearOptions, toYear, type YearOptions } from './cost/year.ts';

const { values } = parseArgs({
  options: {
    'warm-up': { type: 'string', default: '6' },
    days: { type: 'string', default: '4' },
    scale: { type: 'string', default: '0.07' },
    seed: { type: 'string', default: '42' },
    from: { type: 'string', default: '2026-11-02' },
    concurrency: { type: 'string', default: '2' },
    probes: { type: 'string', default: '5' },
    cases: { type: 'string', default: String(defaultYearOptions.cases) },
    'init-ms': { type: 'string', default: String(defaultYearOptions.initMs) },
    'idle-min': { type: 'string', default: String(defaultYearOptions.idleMinutes) },
    'lifetime-h': { type: 'string', default: String(defaultYearOptions.lifetimeHours) },
    'sms-provider-ms': { type: 'string', default: String(defaultYearOptions.smsProviderMs) },
    'case-pages': { type: 'string', default: String(defaultYearOptions.casePagesPerCommand) },
    'no-polling': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`npm run cost -- [options]
  --warm-up N           working days simulated before the counted ones, whose cases' later steps
                        (completions, deliveries, replies, callbacks) fall in the counted days (default 6)
  --days N              working days counted (default 4)
  --scale S             1 = the seed county's volume, about 570 applications a working day (default 0.07)
  --seed N              the simulator's seed (default 42)
  --from YYYY-MM-DD     first day (default 2026-11-02)
  --concurrency N       requests in flight from the simulator (default 2; more is faster, and inflates each request's time and the races)
  --probes N            requests per probed route (default 5)
  --cases N             cases accepted a year (default 130268, the seed county's)
  --init-ms MS          INIT time of a cold start (default 400: generous against npm run bench:cold's imports)
  --idle-min M          minutes Lambda keeps an idle environment (default 10)
  --lifetime-h H        hours an environment in constant use lives (default 2)
  --sms-provider-ms MS  the SMS provider's HTTPS call per message (default 200)
  --case-pages N        case pages a clerk opens per command on a case (default 1)
  --no-polling          leave the console's polling out of the bill
  --json                the year's usage and both bills as JSON after the report`);
  process.exit(0);
}

const options: YearOptions = {
  cases: Number(values.cases),
  initMs: Number(values['init-ms']),
  idleMinutes: Number(values['idle-min']),
  lifetimeHours: Number(values['lifetime-h']),
  smsProviderMs: Number(values['sms-provider-ms']),
  casePagesPerCommand: Number(values['case-pages']),
  polling: !values['no-polling'],
};

let dynamo;
try {
  dynamo = await startDynamoLocal();
} catch (error) {
  console.error(error instanceof JavaMissing ? error.message : `Could not start DynamoDB Local: ${(error as Error).message}`);
  process.exit(1);
}
try {
  process.stderr.write(`Simulating ${values['warm-up']} + ${values.days} working days at scale ${values.scale} and metering every invocation… `);
  const m = await measure({
    endpoint: dynamo.endpoint,
    from: values.from,
    warmUpDays: Number(values['warm-up']),
    days: Number(values.days),
    scale: Number(values.scale),
    seed: Number(values.seed),
    concurrency: Number(values.concurrency),
    probes: Number(values.probes),
    log: values.verbose ? (line) => process.stderr.write(`\n  ${line}`) : undefined,
  });
  process.stderr.write(`${m.wallSeconds.toFixed(0)} s\n\n`);
  const year = toYear(m, options);
  const withoutPolling = toYear(m, { ...options, polling: false });
  const printed = report(m, year, withoutPolling, options);
  console.log(printed.lines.join('\n'));
  if (values.json) console.log(JSON.stringify({ usage: year.usage, usageWithoutPolling: withoutPolling.usage, bills: printed.bills.map((b) => ({ region: b.table.region, total: b.total, perCase: b.perCase, lines: b.lines.map((l) => ({ item: `${l.service}: ${l.item}`, quantity: l.quantity, amount: l.amount })) })) }, null, 2));
} finally {
  await dynamo.stop();
}

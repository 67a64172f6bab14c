import { bill, type Bill } from './bill.ts';
import type { Measurements } from './measure.ts';
import { PLATFORM_BYTES_PER_COLD_START, PLATFORM_BYTES_PER_INVOCATION } from './model.ts';
import { PRICE_UNITS, priceTables, type PriceKey, type PriceTable } from './prices.ts';
import type { Year, YearOptions } from './year.ts';

/** The printout of `npm run cost` (docs/cost.md shows one). */

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const num = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const short = (n: number) => (n >= 1e9 ? `${num(n / 1e9, 2)} G` : n >= 1e6 ? `${num(n / 1e6, 2)} M` : n >= 1e4 ? `${num(n / 1e3, 1)} k` : num(n, n < 10 ? 2 : 0));
const money = (table: PriceTable, n: number | null) => (n === null ? 'not offered' : `${table.symbol}${n < 1 ? num(n, 3) : num(n, 2)}`);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

export interface Printed {
  lines: string[];
  bills: Bill[];
  billsWithoutPolling: Bill[];
}

export function report(m: Measurements, year: Year, withoutPolling: Year, options: YearOptions): Printed {
  const out: string[] = [];
  const t = m.tally;
  const { parts } = year;
  const bills = priceTables.map((table) => bill(year.usage, table));
  const billsWithoutPolling = priceTables.map((table) => bill(withoutPolling.usage, table));
  const c = parts.counted;
  const http = c.invocations.filter((i) => i.kind === 'http').length;
  const batches = c.invocations.filter((i) => i.kind === 'stream').length;
  const warmUp = t.workingDays - m.window.days;
  const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

  out.push(`npm run cost — one county-year on AWS, from counted requests (${m.county.name} ${m.county.key}, ${int(options.cases)} cases accepted a year)`, '');
  out.push(`Simulated ${days(t.workingDays)} (${t.from} … ${t.to}) at scale ${m.scale} in ${num(m.wallSeconds, 0)} s: ${int(t.submitted)} cases, ${int(t.hall.tickets)} hall tickets, ${int(t.reviews)} reviews, ${int(t.smsReplies)} SMS replies, ${int(t.callbackAttempts)} callback calls, ${int(t.rectificationsClosed)} bad reviews followed up; ${t.retried} requests sent again after a 409 or 503, ${t.errors} errors, ${m.deadLetters} dead letters.`);
  out.push(`Counted the last ${days(m.window.days)} (${m.window.from} … ${m.window.to}; the ${days(warmUp)} before carry their cases' later steps into them, as a county's earlier days do): ${int(c.submitted)} cases submitted, ${int(c.accepted)} accepted, ${int(c.completed)} completed; ${int(http)} API requests, ${int(batches)} projector batches, ${int(c.smsSent)} text messages.`);
  const refused = c.invocations.reduce((n, i) => n + i.refusedWrites, 0);
  const refusedUnits = c.invocations.reduce((n, i) => n + i.refusedWriteUnits, 0);
  out.push(`Left out: ${int(refused)} writes that lost a race to another request sent at the same moment (${int(refusedUnits)} write units, ${int(refusedUnits * parts.factor)} a year if they were billed): the simulation sends a day's requests within seconds, a county over hours.`);
  out.push(`Scaled ×${num(parts.factor, 1)} to ${int(options.cases)} cases a year, ${parts.workingDays} working days (${m.from.slice(0, 4)} calendar).`, '');

  out.push('Per function, a year (local wall time per request, billed in whole ms; cold starts modelled):');
  out.push(`  ${pad('function', 22)}${lpad('requests', 12)}${lpad('ms/req', 8)}${lpad('cold st.', 10)}${lpad('GB-s', 11)}${lpad('WRU', 11)}${lpad('RRU', 11)}${lpad('logs MB', 9)}${lpad('traces', 10)}`);
  for (const f of year.functions) {
    out.push(
      `  ${pad(`${f.entry}${f.memoryMb !== 512 ? ` (${f.memoryMb} MB)` : ''}`, 22)}${lpad(short(f.requests), 12)}${lpad(f.requests > 0 ? num(f.billedMs / f.requests, 1) : '–', 8)}${lpad(short(f.coldStarts), 10)}${lpad(short(f.gbSeconds), 11)}${lpad(short(f.writeUnits + f.indexWriteUnits), 11)}${lpad(short(f.readUnits), 11)}${lpad(num(f.logBytes / 2 ** 20, 0), 9)}${lpad(short(f.traces), 10)}`,
    );
  }
  const u = year.usage;
  out.push(`  ${pad('total', 22)}${lpad(short(u.lambda.requests), 12)}${lpad('', 8)}${lpad(short(year.functions.reduce((s, f) => s + f.coldStarts, 0)), 10)}${lpad(short(u.lambda.gbSeconds), 11)}${lpad(short(u.dynamo.writeUnits), 11)}${lpad(short(u.dynamo.readUnits), 11)}${lpad(num(u.logs.ingestGb * 1024, 0), 9)}${lpad(short(u.xray.traces), 10)}`, '');

  out.push(`Where the API requests come from (${short(u.api.requests)} a year):`);
  const simRequests = year.functions.reduce((s, f) => s + f.apiRequests, 0) - parts.casePages * 4 - parts.pollingRequests.reduce((s, p) => s + p.requests, 0);
  out.push(`  ${pad('the simulated work (commands, hall, reviews, callbacks)', 62)}${lpad(short(simRequests), 10)}`);
  out.push(`  ${pad('a clerk opening the case before each command (4 reads)', 62)}${lpad(short(parts.casePages * 4), 10)}`);
  for (const p of parts.pollingRequests) out.push(`  ${pad(`${p.page}: ${p.devices} × every ${p.everySeconds} s`, 62)}${lpad(short(p.requests), 10)}`);
  out.push('');
  out.push(`Storage: the tables grow ${num(parts.storage.growthGb, 3)} GB a year (Events, Views and its index; ${num(parts.storage.expiringGb, 3)} GB more expire and stay level);`);
  out.push(`  billed ${num(parts.storage.year1GbMonths, 2)} GB-months in the first year (half its growth on average), ${num(parts.storage.year5GbMonths, 2)} in the fifth (four years kept before it).`);
  out.push(`Text messages: ${int(parts.smsMessages)} a year (the SMS provider bills them, not AWS).`, '');

  out.push('The bill for a county-year, on-demand list prices (free tiers not counted; * = estimated price, see the table below):');
  const [cn, us] = bills as [Bill, Bill];
  out.push(`  ${pad('', 58)}${lpad(`${cn.table.region} (${cn.table.currency})`, 18)}${lpad(`${us.table.region} (${us.table.currency})`, 18)}`);
  cn.lines.forEach((line, i) => {
    const other = us.lines[i]!;
    const mark = (b: Bill['lines'][number]) => (b.price.basis === 'estimate' ? '*' : ' ');
    out.push(`  ${pad(`${line.service}: ${line.item}`, 44)}${lpad(short(line.quantity), 14)}${lpad(money(cn.table, line.amount), 17)}${mark(line)}${lpad(money(us.table, other.amount), 17)}${mark(other)}`);
  });
  out.push(`  ${pad('Total per county per year', 58)}${lpad(money(cn.table, cn.total), 17)} ${lpad(money(us.table, us.total), 17)}`);
  out.push(`  ${pad('  of which priced from estimates', 58)}${lpad(money(cn.table, cn.estimated), 17)} ${lpad(money(us.table, us.estimated), 17)}`);
  out.push(`  ${pad('Per case', 58)}${lpad(`${cn.table.symbol}${num(cn.perCase, 4)}`, 17)} ${lpad(`${us.table.symbol}${num(us.perCase, 5)}`, 17)}`);
  const [cn0, us0] = billsWithoutPolling as [Bill, Bill];
  out.push(`  ${pad('Without the console’s polling', 58)}${lpad(money(cn0.table, cn0.total), 17)} ${lpad(money(us0.table, us0.total), 17)}`, '');

  out.push(`Price table (as of ${cn.table.asOf}; published = read on the source page, estimate = see its note):`);
  for (const key of Object.keys(PRICE_UNITS) as PriceKey[]) {
    const c = cn.table.prices[key];
    const a = us.table.prices[key];
    out.push(`  ${pad(PRICE_UNITS[key], 76)} ${lpad(c.value === null ? '–' : `¥${c.value}`, 14)} ${pad(c.basis, 11)} ${lpad(a.value === null ? '–' : `$${a.value}`, 13)} ${a.basis}`);
  }
  out.push('  Sources:');
  const sources = new Set<string>();
  for (const table of priceTables) for (const p of Object.values(table.prices)) sources.add(p.source);
  for (const s of sources) out.push(`    ${s}`);
  out.push('  China estimates:');
  const notes = new Set<string>();
  for (const p of Object.values(cn.table.prices)) if (p.note && p.basis !== 'published') notes.add(p.note);
  for (const n of notes) out.push(`    ${n}`);
  out.push('');

  out.push('Assumptions:');
  for (const a of assumptions(m, year, options)) out.push(`  - ${a}`);
  return { lines: out, bills, billsWithoutPolling };
}

export function assumptions(m: Measurements, year: Year, o: YearOptions): string[] {
  const hall = m.county.supervision.hall;
  return [
    `Volume: ${int(o.cases)} cases accepted a year, the seed county's own report (../shared/domain.md, "cases accepted in the year"); everything the cases cause is scaled by accepted cases (×${num(year.parts.factor, 1)}).`,
    `The simulation is local/simulator.ts with reviews, SMS replies, callback lists and calls, the bad-review loop and the hall's tickets; joint cases (about 100 a year) and agency projects (13 a year) are left out, because a short run always draws at least one of each.`,
    `Lambda duration is the wall time of each handler in this process against DynamoDB Local on this machine, with up to ${m.concurrency} simulated requests in flight (and the projector beside them), each rounded up to 1 ms: not Lambda's own figure (a 512 MB function has about a third of a vCPU; DynamoDB answers in single-digit ms).`,
    `Cold starts: an idle environment lives ${o.idleMinutes} min and one in constant use is replaced every ${o.lifetimeHours} h; traffic arrives at random within each ${o.idleMinutes}-minute bin of the simulated days' time profile; rest days have no traffic but the timers. Each cold start bills ${o.initMs} ms of INIT (billed on on-demand functions since 1 August 2025) at the function's memory (--init-ms; \`npm run bench:cold\` measures what the imports take).`,
    'The projector is invoked once per append (the event source mapping polls each shard four times a second; a county appends far less often), with domain events only (its filter).',
    `The SMS sender runs every minute, day and night (525,600 runs): an idle run as measured, the work of each message as the simulation measured it, plus ${o.smsProviderMs} ms for the provider's HTTPS call per message (--sms-provider-ms).`,
    'The daily timers run every day of the year and start cold each time; the callback list and the joint sweep are the work the simulator asked for over HTTP in their stead.',
    `The console's polling (console/src, intervals in the code): every device on from ${hall.opens} to ${hall.closes} on working days; one hall screen, a display and a clerk's desk at each of the ${year.parts.pollingRequests[2]?.devices ?? 0} counters, a backlog at every window, a joint inbox per joint department, three agents, every director. --no-polling leaves it out.`,
    `A clerk opens the case page (four reads: the case, its events, the item, the windows) before each command on a case (--case-pages ${o.casePagesPerCommand}). Citizens' own reads (progress lookups, appointments, rating pages) are not simulated and not counted.`,
    'DynamoDB units: DynamoDB Local\'s ConsumedCapacity for every request; for transactions the larger of that and DynamoDB\'s arithmetic (functions/store/capacity.ts: 2 units per KB written), since Local under-reports them; a read that finds nothing costs the smallest read. DynamoDB bills a write refused by its condition or a conflict too, but the simulation\'s refused writes are races between requests it sent at the same moment (a day\'s work in seconds), which a county\'s pace makes rare: they are counted and left out. Streams read by Lambda are free.',
    'Storage: each item\'s size (functions/store/capacity.ts itemSize) plus 100 bytes, and the `touched` index\'s entries; the first year is billed at its average (half the year\'s growth), the county keeps every case after it (the fifth year is shown); idempotency records (7 days) and kept phone numbers (county privacy setting) expire and stay level. GB = 2^30 bytes. Point-in-time recovery is billed on the tables without the index.',
    `Logs: what the functions print at INFO (POWERTOOLS_LOG_LEVEL as deployed), counted byte for byte, plus Lambda's START/END/REPORT lines (${PLATFORM_BYTES_PER_INVOCATION} bytes with the X-Ray part) per invocation and INIT_START (${PLATFORM_BYTES_PER_COLD_START} bytes) per cold start; kept six months; storage billed at the ingested size (an upper bound: CloudWatch compresses what it stores).`,
    'X-Ray (active tracing on every function): the default sampling rule, the first request each second and 5% of the rest (docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html), applied per function; were its one-a-second reservoir shared by all functions, about half as many traces.',
    'Not counted: free tiers, data transfer, Cognito, the console\'s CloudFront and S3, KMS, SQS, WAF requests, the rebuild task (run by hand).',
  ];
}

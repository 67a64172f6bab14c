/**
 * `npm run simulate -- --from 2026-11-02 --days 5 [--scale 1] [--joint-scale s] [--seed 42] [--data dir]`:
 * drives a county's traffic through a running local server started with `npm start -- --dev-clock`,
 * then prints what it did next to what `GET /stats/summary`, `/stats/queue`, `/stats/joint`, `/stats/agency` and
 * `/stats/market` report for the same period, and the month's assessment sheets (考核: departments, township
 * centers, each window worker with their allowance) next to what the workers did at their terminals.
 */
import './env.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countySchema } from '../domain/county.ts';
import { repositoryRoot } from './server.ts';
import { devPool, mintToken } from './auth.ts';
import { jointFigures, simulate } from './simulator.ts';
import { agencyFigures } from './simulator-agency.ts';
import { printAssessment } from './simulator-assessment.ts';
import { marketFigures } from './simulator-market.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '2026-11-02' },
    days: { type: 'string', default: '5' },
    scale: { type: 'string', default: '1' },
    /** Joint cases' volume when it should differ from --scale (1 = the seed's handful a month). */
    'joint-scale': { type: 'string' },
    /** Marketplace projects' volume when it should differ from the seed's (1 = about one a week). */
    'market-scale': { type: 'string' },
    seed: { type: 'string', default: '42' },
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    county: { type: 'string', default: process.env.COUNTY ?? 'sanmen' },
    /** The server's data folder (`npm start -- --data dir`): its key signs the simulator's token. */
    data: { type: 'string' },
    /** Leave out the workers' days at the terminal, their steps and the site inspections (考核). */
    'no-assessment': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`npm run simulate -- [options]   against a running \`npm start -- --dev-clock\` (e.g. \`npm start -- --in-memory --dev-clock --port 3001\`)
  --from YYYY-MM-DD   first day (default 2026-11-02; a rest day moves to the next working day)
  --days N            working days to simulate (default 5)
  --scale S           1 = the seed county's volume, about 570 applications a working day (default 1)
  --joint-scale S     joint cases' volume when it should differ from --scale (1 = about 0.4 a working day)
  --market-scale S    marketplace projects' volume (1 = the seed's 49 a year, about one a week; at least five a run)
  --seed N            the same seed gives the same traffic (default 42)
  --url URL           the server (default http://127.0.0.1:$PORT or :3000)
  --county KEY        infra/counties/KEY.json (default $COUNTY or sanmen)
  --data DIR          the server's data folder, whose key signs the simulator's tokens (default .data)
  --no-assessment     without the workers' days at the terminal and the site inspections (考核)
Every run includes a few agency projects (代理代办): three or four agents, each taking on one to three enterprises' projects;
and the intermediary-service marketplace (中介超市): eight to ten firms registering on the first morning, the county's units
publishing about one project a week, the firms quoting, the owners selecting, contracting and evaluating; and the
assessment beyond the windows (考核): every worker of the county's staff file signing in and out at their window each day
(a few late, a forgotten sign, leave now and then, rarely off post or away), the case steps at a window made by one of
its workers signed in then, the center inspecting two to four township centers or village points a week — then the month's
department, township and staff sheets.`);
  process.exit(0);
}

const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties', `${values.county}.json`), 'utf8')));
const health = await fetch(`${values.url}/health`, { headers: { 'x-dev-clock': '2026-01-01T00:00:00Z' } }).catch(() => undefined);
if (!health?.ok) {
  console.error(`No local server with the dev clock at ${values.url}: start it with \`npm start -- --dev-clock\` (or pass --url).`);
  process.exit(1);
}
const pool = devPool(values.county, values.data);
const token = await mintToken(pool, { role: 'admin', user: 'simulator' });
const started = Date.now();
const tally = await simulate({
  token,
  pool,
  url: values.url,
  county,
  from: values.from,
  days: Number(values.days),
  scale: Number(values.scale),
  ...(values['joint-scale'] === undefined ? {} : { jointScale: Number(values['joint-scale']) }),
  ...(values['market-scale'] === undefined ? {} : { marketScale: Number(values['market-scale']) }),
  seed: Number(values.seed),
  assessment: !values['no-assessment'],
  log: (line) => console.log(line),
});
console.log(`\nSimulated ${tally.workingDays} working days (${tally.from} … ${tally.to}) in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
// The per-case lists (joint working days) on one line each.
// The assessment's lists (each worker's day, each inspection, completions by worker) come summed up at the end instead.
const listed = new Set(['days', 'inspected', 'completions']);
console.log(JSON.stringify(tally, (key, value: unknown) => (listed.has(key) ? undefined : Array.isArray(value) && value.every((v) => typeof v === 'number') ? value.join(' ') : value), 2));
// Give the projector a moment, then show the report for the same period.
await new Promise((r) => setTimeout(r, 1500));
const summary = (await (await fetch(`${values.url}/stats/summary?from=${tally.from}&to=${tally.to}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
console.log('\nGET /stats/summary for the period:');
for (const field of ['submitted', 'accepted', 'rejected', 'materialsRequested', 'completed', 'onTime', 'early', 'late', 'grassroots', 'online'] as const) {
  const reported = summary[field] as number;
  console.log(`  ${field.padEnd(20)} simulator ${String(tally[field]).padStart(6)}   report ${String(reported).padStart(6)}   ${reported === tally[field] ? 'equal' : 'DIFFERENT'}`);
}
console.log(`  completedPerWorkingDay ${String(summary.completedPerWorkingDay)}, onTimeRate ${String(summary.onTimeRate)}, earlyRate ${String(summary.earlyRate)}`);
const queue = (await (await fetch(`${values.url}/stats/queue?from=${tally.from}&to=${tally.to}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
console.log('\nGET /stats/queue for the period:');
for (const [field, mine] of [['issued', tally.hall.tickets], ['served', tally.hall.served], ['noShows', tally.hall.noShows], ['transfers', tally.hall.transfers]] as const) {
  const reported = queue[field] as number;
  console.log(`  ${field.padEnd(20)} simulator ${String(mine).padStart(6)}   report ${String(reported).padStart(6)}   ${reported === mine ? 'equal' : 'DIFFERENT'}`);
}
console.log(`  average wait ${String(queue.averageWaitMinutes)} min (p90 ${String(queue.p90WaitMinutes)}), average service ${String(queue.averageServiceMinutes)} min (p90 ${String(queue.p90ServiceMinutes)})`);
const joint = (await (await fetch(`${values.url}/stats/joint?from=${tally.from}&to=${tally.to}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
const mine = jointFigures(tally.joint);
console.log('\nGET /stats/joint for the period:');
for (const field of ['cases', 'completed', 'approved', 'denied', 'averageWorkingDays', 'medianWorkingDays', 'serialWorkingDays', 'deemedConsents', 'deemedApprovals', 'rectifications', 'rectificationItems'] as const) {
  const reported = joint[field] as number | null;
  console.log(`  ${field.padEnd(20)} simulator ${String(mine[field]).padStart(6)}   report ${String(reported).padStart(6)}   ${reported === mine[field] ? 'equal' : 'DIFFERENT'}`);
}
const days = (n: unknown) => (typeof n === 'number' ? String(n) : '–');
console.log(`  a completed joint case took ${days(joint.averageWorkingDays)} working days on average (median ${days(joint.medianWorkingDays)}), against ${days(joint.serialWorkingDays)} had its departments gone one after another`);
const agency = (await (await fetch(`${values.url}/stats/agency?from=${tally.from}&to=${tally.to}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
const ours = agencyFigures(tally.agency);
console.log('\nGET /stats/agency for the period:');
for (const field of ['projects', 'investment', 'permits', 'permitsDone', 'averageWorkingDaysPerPermit', 'onTimeRate'] as const) {
  const reported = agency[field] as number | null;
  console.log(`  ${field.padEnd(28)} simulator ${String(ours[field]).padStart(8)}   report ${String(reported).padStart(8)}   ${reported === ours[field] ? 'equal' : 'DIFFERENT'}`);
}
// Projects still open from an earlier run against the same server count in every later period too.
if (agency.projects !== ours.projects) console.log('  (the report counts every project open in the period, including those an earlier run left open)');
const rows = (key: 'byAgent' | 'bySite') => (Array.isArray(agency[key]) ? (agency[key] as unknown[]).length : 0);
console.log(`  ${days(agency.projects)} projects (${days(agency.investment)} 万元) by ${rows('byAgent')} agents at ${rows('bySite')} sites: ${days(agency.permitsDone)} of ${days(agency.permits)} permits filed are done, ${days(agency.averageWorkingDaysPerPermit)} working days a permit, on time ${days(agency.onTimeRate)}; ${tally.agency.refused} refused and filed again, ${tally.agency.followUps} follow-ups, ${tally.agency.closed} closed`);
const market = (await (await fetch(`${values.url}/stats/market?from=${tally.from}&to=${tally.to}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
const expected = marketFigures(tally.market);
console.log('\nGET /stats/market for the period:');
for (const field of ['published', 'concluded', 'failed', 'budgetTotal', 'awardedTotal', 'savings', 'savingsRate', 'activeIntermediaries'] as const) {
  const reported = market[field] as number | null;
  console.log(`  ${field.padEnd(28)} simulator ${String(expected[field]).padStart(8)}   report ${String(reported).padStart(8)}   ${reported === expected[field] ? 'equal' : 'DIFFERENT'}`);
}
const byType = new Map(((market.byServiceType ?? []) as { serviceType: string; published: number; concluded: number; failed: number; awardedTotal: number }[]).map((row) => [row.serviceType, row]));
for (const row of expected.byServiceType) {
  const reported = byType.get(row.serviceType);
  const same = reported !== undefined && (['published', 'concluded', 'failed', 'awardedTotal'] as const).every((f) => reported[f] === row[f]);
  console.log(`  ${`${row.serviceType} ${row.name}`.padEnd(24)} ${row.published} published, ${row.concluded} concluded, ${row.failed} failed, ${row.awardedTotal} yuan awarded   ${same ? 'equal' : 'DIFFERENT'}`);
}
// Firms registered and projects left open by an earlier run against the same server count too.
if (market.activeIntermediaries !== expected.activeIntermediaries) console.log('  (the report counts every firm able to compete, including those an earlier run registered)');
const m = tally.market;
const rate = (n: unknown) => (typeof n === 'number' ? `${(n * 100).toFixed(1)}%` : '–');
console.log(
  `  ${m.published} projects published (${m.byMethod['lowest-price']} lowest price, ${m.byMethod['random-draw']} random draw, ${m.byMethod.comprehensive} comprehensive, ${m.byMethod.direct} direct) to ${m.intermediaries} firms: ${m.quotes} quotes (${m.replaced} replacing one), ${m.failed} failed (流标), ${m.selections} selected, ${m.objections} objections (${m.dismissed} dismissed); ${days(market.concluded)} concluded for ${days(market.awardedTotal)} of ${days(market.budgetTotal)} yuan budgeted, ${days(market.savings)} saved (${rate(market.savingsRate)}); ${m.contracts} contracts, ${m.completed} services completed (${m.late} late), ${m.evaluations} evaluated (${m.poorEvaluations} poorly)`,
);
if (!values['no-assessment']) await printAssessment({ url: values.url, token, tally, county: values.county, data: values.data, log: (line) => console.log(line) });

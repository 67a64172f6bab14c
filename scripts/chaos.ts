/**
 * `npm run chaos [-- --cases 300 --clients 8 --kill-at 0.4]`: the crash experiment of
 * `test/support/chaos.ts` — the whole local stack killed with SIGKILL midway and started again.
 * `npm run chaos -- --faults [--reset-before 0.04 --reset-after 0.06 --delay 0.1]`: the same load (with and
 * without keys, and rating devices' reviews) through a TCP proxy that resets connections before and after
 * DynamoDB answers and holds answers back. Both print what a county would ask: cases lost, events
 * duplicated, commands refused although they succeeded, gaps in case numbers, views caught up, dead letters.
 */
import '../local/env.ts';
import { parseArgs } from 'node:util';
import { runCrash, runFaults, type ChaosReport } from '../test/support/chaos.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '300' },
    clients: { type: 'string', default: '8' },
    'kill-at': { type: 'string', default: '0.4' },
    'keep-data': { type: 'boolean', default: false },
    faults: { type: 'boolean', default: false },
    'reset-before': { type: 'string', default: '0.04' },
    'reset-after': { type: 'string', default: '0.06' },
    delay: { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '1' },
  },
});
const log = (line: string) => console.log(`  ${line}`);
const base = { cases: Number(values.cases), clients: Number(values.clients), log };
const report: ChaosReport = values.faults
  ? await runFaults({ ...base, seed: Number(values.seed), rates: { resetBefore: Number(values['reset-before']), resetAfter: Number(values['reset-after']), delay: Number(values.delay), delayMs: [300, 2000] } })
  : await runCrash({ ...base, killAt: Number(values['kill-at']), keepData: values['keep-data'] });

console.log(`\ncommands answered:          ${report.answered} of ${report.commands} in ${report.seconds.toFixed(0)} s (${report.resends} resends after a 5xx or a lost connection)`);
if (report.faults) console.log(`faults injected:            ${report.faults.resetBefore} resets before, ${report.faults.resetAfter} resets after DynamoDB answered, ${report.faults.delayed} delays, in ${report.faults.requests} requests`);
console.log(`cases or commands lost:     ${report.lost}`);
console.log(`events duplicated:          ${report.duplicated}`);
console.log(`refused though they worked: ${report.refusedAfterSuccess}`);
console.log(`gaps in case numbers:       ${report.gaps}`);
console.log(`views caught up:            ${report.caughtUpAfter === undefined ? `no (${report.detail})` : `yes, ${report.caughtUpAfter.toFixed(1)} s after the last answer`}`);
console.log(`dead letters:               ${report.deadLetters}`);
console.log(`errors the stack logged:    ${report.errorsLogged}`);
const clean = report.lost === 0 && report.duplicated === 0 && report.refusedAfterSuccess === 0 && report.gaps === 0 && report.caughtUpAfter !== undefined && report.deadLetters === 0;
process.exitCode = clean ? 0 : 1;

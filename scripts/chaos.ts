/**
 * `npm run chaos [-- --cases 300 --clients 8 --kill-at 0.4]`: the crash experiment of
 * `test/support/chaos.ts` at full size — the whole local stack killed with SIGKILL midway and started
 * again — and the figures a county would ask for: cases lost, events duplicated, views caught up.
 */
import '../local/env.ts';
import { parseArgs } from 'node:util';
import { runChaos } from '../test/support/chaos.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '300' }, clients: { type: 'string', default: '8' }, 'kill-at': { type: 'string', default: '0.4' }, 'keep-data': { type: 'boolean', default: false } } });
const report = await runChaos({ cases: Number(values.cases), clients: Number(values.clients), killAt: Number(values['kill-at']), keepData: values['keep-data'], log: (line) => console.log(`  ${line}`) });
console.log(`\ncommands answered:   ${report.answered} of ${report.commands} in ${report.seconds.toFixed(0)} s (${report.resends} resends after the kill)`);
console.log(`errors logged:       ${report.errorsLogged}`);
console.log(`cases lost:          ${report.lost}`);
console.log(`events duplicated:   ${report.duplicated}`);
console.log(`views caught up:     ${report.caughtUpAfter === undefined ? `no (${report.detail})` : `yes, ${report.caughtUpAfter.toFixed(1)} s after the last answer`}`);
process.exitCode = report.lost === 0 && report.duplicated === 0 && report.caughtUpAfter !== undefined ? 0 : 1;

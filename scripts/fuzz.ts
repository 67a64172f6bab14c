/**
 * `npm run fuzz [-- --runs 10000 --seed 1]`: the fuzzer of `test/support/fuzz.ts` at full length,
 * on a DynamoDB Local of its own (in memory): every route of openapi.json, every caller, random and
 * boundary input. Prints the figures and every failure; exits 1 on any.
 */
import '../local/env.ts';
import { parseArgs } from 'node:util';
import { startDynamoLocal } from '../local/dynamodb-local.ts';
import { startLocalStack } from '../local/stack.ts';
import { fuzz, seedHints } from '../test/support/fuzz.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const dynamo = await startDynamoLocal();
const stack = await startLocalStack({ endpoint: dynamo.endpoint });
const started = performance.now();
try {
  const hints = await seedHints(stack);
  console.log(`fuzzing ${runs} requests (seed ${seed}) against ${stack.url}`);
  const report = await fuzz(stack, { runs, seed, hints, log: (line) => console.log(`  ${line}`) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nrequests:            ${report.requests} in ${seconds.toFixed(0)} s`);
  console.log(`route × caller pairs: ${report.routes}`);
  console.log(`by status:           ${Object.entries(report.byStatus).map(([status, n]) => `${status}: ${n}`).join(', ')}`);
  console.log(`accepted (2xx):      ${report.accepted}`);
  console.log(`refused (4xx):       ${report.refused}, each checked to leave the Events table unchanged`);
  console.log(`5xx:                 ${Object.entries(report.byStatus).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0)}`);
  console.log(`failures:            ${report.failures.length}`);
  for (const f of report.failures.slice(0, 20)) console.log(`  ${f.request.caller} ${f.request.method} ${f.request.path} → ${f.status}: ${f.problem}`);
  process.exitCode = report.failures.length > 0 ? 1 : 0;
} finally {
  await stack.close();
  await dynamo.stop();
}

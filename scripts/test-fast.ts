/**
 * `npm run test:fast`: lint, type-check and the domain and unit tests (no Java, no DynamoDB Local),
 * side by side, each one's output shown when it ends. Fails when any of them fails.
 */
import { spawn } from 'node:child_process';

const lanes = [
  ['lint', 'eslint', ['.']],
  ['typecheck', 'tsc', ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/banjian/tsbuildinfo']],
  ['typecheck console', 'tsc', ['--noEmit', '-p', 'test/console', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/banjian/console.tsbuildinfo']],
  ['tests', 'vitest', ['run', '--config', 'vitest.fast.config.ts']],
] as const;

const started = Date.now();
const results = await Promise.all(
  lanes.map(
    ([name, command, args]) =>
      new Promise<{ name: string; code: number; output: string; seconds: number }>((resolve) => {
        const child = spawn('npx', ['--no-install', command, ...args], { env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (code) => {
          const result = { name, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 };
          process.stdout.write(`\n── ${name}: ${result.code === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(0)} s ──\n${result.code === 0 && name !== 'tests' ? '' : output}`);
          resolve(result);
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
console.log(`\ntest:fast ${failed.length === 0 ? 'passed' : `FAILED (${failed.join(', ')})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed.length === 0 ? 0 : 1);

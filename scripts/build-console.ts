import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/**
 * Which console build: `local` has the development sign-in page (accounts of the local pool);
 * `aws` signs in through the county's Cognito managed login and has none of the local page's code.
 */
export type ConsoleTarget = 'local' | 'aws';

export const consoleOutDir = (target: ConsoleTarget): string => join(root, '.build', `console-${target}`);

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else yield path;
  }
}

/** A hash of everything a build reads: the console's sources, the generated client, the lock file. */
function sourceHash(target: ConsoleTarget): string {
  const hash = createHash('sha256').update(target);
  for (const file of [...sourceFiles(join(root, 'console')), ...sourceFiles(join(root, 'client')), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the console with Vite into `.build/console-<target>/` unless that folder already holds a
 * build of the same sources. Returns the folder.
 */
export async function buildConsole(target: ConsoleTarget, options: { log?: (line: string) => void; force?: boolean } = {}): Promise<string> {
  const outDir = consoleOutDir(target);
  const stamp = join(outDir, '.source-hash');
  const wanted = sourceHash(target);
  if (!options.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return outDir;
  options.log?.(`Building the console (${target})…`);
  const started = performance.now();
  const { build } = await import('vite');
  // Into a folder of its own, then swapped in: a server (or a second build) never sees half a build.
  const fresh = `${outDir}.${process.pid}.${Date.now()}`;
  await build({ configFile: join(root, 'console', 'vite.config.ts'), mode: target === 'local' ? 'dev-sign-in' : 'aws', logLevel: 'warn', build: { outDir: fresh, emptyOutDir: true } });
  writeFileSync(join(fresh, '.source-hash'), wanted);
  const old = `${fresh}.old`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(fresh, outDir);
  rmSync(old, { recursive: true, force: true });
  options.log?.(`Console built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${relative(root, outDir)}/`);
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = (process.argv[2] ?? 'local') as ConsoleTarget;
  if (target !== 'local' && target !== 'aws') {
    console.error('usage: tsx scripts/build-console.ts [local|aws] [--force]');
    process.exit(2);
  }
  await buildConsole(target, { log: console.log, force: process.argv.includes('--force') });
}

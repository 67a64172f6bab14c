import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * A local build joins the folder a running `npm start` may be serving: the new content-hashed assets
 * first, the page and the stamp last, so that a page loaded from the previous build still finds its
 * chunks. Assets no build has written for a day are removed.
 */
function mergeInto(fresh: string, outDir: string): void {
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  const written = new Set<string>();
  for (const name of readdirSync(join(fresh, 'assets'))) {
    renameSync(join(fresh, 'assets', name), join(assets, name));
    written.add(name);
  }
  for (const name of readdirSync(fresh)) {
    if (name === 'assets') continue;
    rmSync(join(outDir, name), { recursive: true, force: true });
    renameSync(join(fresh, name), join(outDir, name));
  }
  rmSync(fresh, { recursive: true, force: true });
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(assets)) {
    if (!written.has(name) && statSync(join(assets, name)).mtimeMs < dayAgo) rmSync(join(assets, name), { force: true });
  }
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
  // Into a folder of its own, then moved in: a server (or a second build) never sees half a build.
  const fresh = `${outDir}.${process.pid}.${Date.now()}`;
  // Always React's and Ant Design's production code, whoever builds (vitest sets NODE_ENV=test, which Vite would follow).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'console', 'vite.config.ts'), mode: target === 'local' ? 'dev-sign-in' : 'aws', logLevel: 'warn', build: { outDir: fresh, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(join(fresh, '.source-hash'), wanted);
  if (target === 'local' && existsSync(outDir)) mergeInto(fresh, outDir);
  else {
    const old = `${fresh}.old`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(fresh, outDir);
    rmSync(old, { recursive: true, force: true });
  }
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

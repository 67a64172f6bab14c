import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { entrypoints, type EntryName } from '../../functions/entrypoints.ts';
import { bundleEntry, MAX_BUNDLE_KB } from '../../infra/bundling.ts';
import { pack, unpack } from '../../functions/packed.ts';
import { readCounty } from '../../infra/county-config.ts';

const root = join(import.meta.dirname, '..', '..');
const names = Object.keys(entrypoints) as EntryName[];
const dir = mkdtempSync(join(tmpdir(), 'banjian-bundles-'));
const bundles = new Map<EntryName, Awaited<ReturnType<typeof bundleEntry>>>();

beforeAll(async () => {
  const county = readCounty('sanmen');
  for (const name of names) bundles.set(name, await bundleEntry(entrypoints[name].file, join(dir, `${name}.mjs`), county, root));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a Lambda bundle must not carry: full zod, the holiday package, the SDK's default credential chain, its event-stream codec. */
const banned = ['node_modules/zod/v4/classic/', 'node_modules/chinese-days/', 'node_modules/@aws-sdk/credential-provider-node/', 'node_modules/@aws-sdk/credential-provider-sso/', 'node_modules/@aws-sdk/credential-provider-ini/', 'node_modules/@smithy/core/dist-es/submodules/event-streams/'];

describe('the Lambda bundles, built with the CDK app’s settings', () => {
  it.each(names)(`%s is at most ${MAX_BUNDLE_KB} KB and carries none of the banned packages`, (name) => {
    const bundle = bundles.get(name)!;
    expect(bundle.kb).toBeLessThanOrEqual(MAX_BUNDLE_KB);
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.filter((path) => banned.some((b) => path.includes(b)))).toEqual([]);
  });

  it('every bundle loads in a fresh Node process (no import cycle leaves a feature half-initialised)', () => {
    const script = `for (const file of process.argv.slice(1)) { const m = await import(file); if (typeof m.handler !== 'function') throw new Error(file + ' exports no handler'); }`;
    const files = names.map((name) => bundles.get(name)!.outfile);
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...files], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', AWS_REGION: 'cn-north-1' } });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });

  it.each(['sanmen', 'tiantai'])('%s: the county a bundle carries inflates to the file synth validated, and is a fixed point of its schema', (key) => {
    const county = readCounty(key);
    const inflated = unpack(pack(county));
    expect(inflated).toEqual(county);
    // The bundles trust it without parsing it again: parsing it again must change nothing.
    expect(countySchema().parse(inflated)).toEqual(inflated);
  });
});

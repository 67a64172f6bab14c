import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConsole } from '../../scripts/build-console.ts';
import { pageWeights } from '../../scripts/console-size.ts';

/** A county's office PC on the county's network: no page's first screen may need more than this. */
const BUDGET_GZIPPED = 350 * 1024;

describe('the console on a county office PC', () => {
  it('downloads at most 350 KB of gzipped JavaScript before any page’s first screen, and splits per page', async () => {
    const weights = pageWeights(await buildConsole('aws'));
    for (const w of weights) expect({ page: w.page, over: w.gzipBytes > BUDGET_GZIPPED, kb: Math.round(w.gzipBytes / 1024) }).toMatchObject({ page: w.page, over: false });
    // Split per page: no page's first screen carries another page's own chunk.
    for (const w of weights) expect(w.files.filter((f) => weights.some((other) => other !== w && other.chunk === f))).toEqual([]);
  }, 120_000);
});

describe('the AWS build', () => {
  const text = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && /\.(js|html)$/.test(f.name))
      .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
      .join('\n');

  it('has none of the local sign-in: its page, its token route or the simulated clock', async () => {
    const marks = ['/console/dev/', '本地开发登录', 'banjian.devClock', 'x-dev-clock'];
    const local = text(await buildConsole('local'));
    // The marks are real: the local build has every one of them.
    for (const mark of marks) expect(local).toContain(mark);
    const aws = text(await buildConsole('aws'));
    for (const mark of marks) expect(aws).not.toContain(mark);
  }, 120_000);
});

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

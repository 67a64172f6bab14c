import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, seedHints, type Hints } from '../support/fuzz.ts';
import { startStack, type Stack } from '../support/local-stack.ts';

/** A few hundred requests of the fuzzer here; `npm run fuzz` sends ten thousand and more. */
let stack: Stack;
let hints: Hints;

beforeAll(async () => {
  stack = await startStack('sanmen');
  hints = await seedHints(stack);
});
afterAll(async () => stack.close());

describe('every route, every caller, random and boundary input', () => {
  it('never answers 5xx, answers every 4xx with problem+json, and writes nothing for a refused request', async () => {
    const report = await fuzz(stack, { runs: 400, seed: 20261201, hints });
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.requests).toBe(400);
    // The run reached past validation too, not only refusals.
    expect(report.accepted).toBeGreaterThan(20);
  }, 120_000);
});

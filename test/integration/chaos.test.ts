import { describe, expect, it } from 'vitest';
import { runCrash, runFaults, type ChaosReport } from '../support/chaos.ts';

/** Short runs here; `npm run chaos` and `npm run chaos -- --faults` drive 300 cases. */
const figures = (r: ChaosReport) => ({ lost: r.lost, duplicated: r.duplicated, refusedAfterSuccess: r.refusedAfterSuccess, gaps: r.gaps, caughtUp: r.caughtUpAfter !== undefined, deadLetters: r.deadLetters });
const clean = { lost: 0, duplicated: 0, refusedAfterSuccess: 0, gaps: 0, caughtUp: true, deadLetters: 0 };

describe('the whole stack', () => {
  it('killed with SIGKILL midway loses no acknowledged case, duplicates no event, and catches every view up', async () => {
    const report = await runCrash({ cases: 24, clients: 4, killAt: 0.5 });
    expect(report.answered).toBe(72);
    expect(figures(report)).toEqual(clean);
  }, 120_000);

  it('behind a network that resets and delays, with and without keys, loses nothing, duplicates nothing, and numbers cases 1…n', async () => {
    const report = await runFaults({ cases: 24, clients: 4, rates: { resetBefore: 0.04, resetAfter: 0.06, delay: 0.1, delayMs: [100, 400] }, seed: 5 });
    expect(report.answered).toBe(96);
    expect(report.faults!.resetAfter).toBeGreaterThan(0);
    expect(figures(report)).toEqual(clean);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { runChaos } from '../support/chaos.ts';

/** A short crash run here; `npm run chaos` drives 300 cases. */
describe('the whole stack killed with SIGKILL midway', () => {
  it('loses no acknowledged case, duplicates no event, and catches every view up', async () => {
    const report = await runChaos({ cases: 24, clients: 4, killAt: 0.5 });
    expect(report.answered).toBe(72);
    expect({ lost: report.lost, duplicated: report.duplicated, caughtUp: report.caughtUpAfter !== undefined }).toEqual({ lost: 0, duplicated: 0, caughtUp: true });
  }, 120_000);
});

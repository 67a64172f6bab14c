import { describe, expect, it } from 'vitest';
import { monthsOf } from '../../functions/projections/counter-rows.ts';

describe('the months of a period', () => {
  it('runs from the first month to the last, across a year end', () => {
    expect(monthsOf('2026-11-20', '2027-01-05')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(monthsOf('2026-11-02', '2026-11-02')).toEqual(['2026-11-01']);
  });
});

import { describe, expect, it } from 'vitest';
import { isDate, lengthInDays, monthRangeLabel, parseScope, periodOf, previousName, previousPeriod, rangeLabel, readQuery, satisfactionSeriesRange, scopeFilter, scorecardMonth, writeQuery, type Period } from '../../console/src/pages/dashboard/period.ts';

const TODAY = '2026-12-17';
const range = (p: Period) => `${p.from}..${p.to}`;

describe('the dashboard’s periods', () => {
  it('takes this month and this year up to today, and last month whole', () => {
    expect(range(periodOf('this-month', TODAY))).toBe('2026-12-01..2026-12-17');
    expect(range(periodOf('last-month', TODAY))).toBe('2026-11-01..2026-11-30');
    expect(range(periodOf('this-year', TODAY))).toBe('2026-01-01..2026-12-17');
    expect(range(periodOf('last-month', '2026-01-05'))).toBe('2025-12-01..2025-12-31');
    expect(range(periodOf('custom', TODAY, { from: '2026-12-01', to: '2026-12-31' }))).toBe('2026-12-01..2026-12-31');
  });

  it('compares this month so far with the same days of last month, cut at that month’s end', () => {
    expect(range(previousPeriod(periodOf('this-month', TODAY)))).toBe('2026-11-01..2026-11-17');
    expect(range(previousPeriod(periodOf('this-month', '2026-03-31')))).toBe('2026-02-01..2026-02-28');
    expect(range(previousPeriod(periodOf('this-month', '2028-03-30')))).toBe('2028-02-01..2028-02-29');
    expect(range(previousPeriod(periodOf('this-month', '2026-01-09')))).toBe('2025-12-01..2025-12-09');
  });

  it('compares last month with the month before it, whole, across a year too', () => {
    expect(range(previousPeriod(periodOf('last-month', TODAY)))).toBe('2026-10-01..2026-10-31');
    expect(range(previousPeriod(periodOf('last-month', '2026-02-10')))).toBe('2025-12-01..2025-12-31');
    expect(range(previousPeriod(periodOf('last-month', '2026-04-01')))).toBe('2026-02-01..2026-02-28');
  });

  it('compares this year so far with the same days of last year (29 February → 28 February)', () => {
    expect(range(previousPeriod(periodOf('this-year', TODAY)))).toBe('2025-01-01..2025-12-17');
    expect(range(previousPeriod(periodOf('this-year', '2028-02-29')))).toBe('2027-01-01..2027-02-28');
  });

  it('compares a chosen range with the range of equal length just before it', () => {
    const p = periodOf('custom', TODAY, { from: '2026-12-10', to: '2026-12-16' });
    const before = previousPeriod(p);
    expect(range(before)).toBe('2026-12-03..2026-12-09');
    expect(lengthInDays(before.from, before.to)).toBe(lengthInDays(p.from, p.to));
    expect(range(previousPeriod(periodOf('custom', TODAY, { from: '2026-01-01', to: '2026-01-10' })))).toBe('2025-12-22..2025-12-31');
    expect(range(previousPeriod(periodOf('custom', TODAY, { from: '2026-12-17', to: '2026-12-17' })))).toBe('2026-12-16..2026-12-16');
  });

  it('compares whole months with as many whole months before them (December with November, a quarter with the quarter before)', () => {
    expect(range(previousPeriod(periodOf('custom', TODAY, { from: '2026-12-01', to: '2026-12-31' })))).toBe('2026-11-01..2026-11-30');
    expect(range(previousPeriod(periodOf('custom', TODAY, { from: '2026-03-01', to: '2026-03-31' })))).toBe('2026-02-01..2026-02-28');
    expect(range(previousPeriod(periodOf('custom', TODAY, { from: '2026-10-01', to: '2026-12-31' })))).toBe('2026-07-01..2026-09-30');
    expect(range(previousPeriod(periodOf('custom', TODAY, { from: '2025-01-01', to: '2025-12-31' })))).toBe('2024-01-01..2024-12-31');
  });

  it('names the previous period by its kind', () => {
    expect(previousName(periodOf('this-month', TODAY))).toBe('上月同期');
    expect(previousName(periodOf('last-month', TODAY))).toBe('前一月');
    expect(previousName(periodOf('this-year', TODAY))).toBe('上年同期');
    expect(previousName(periodOf('custom', TODAY))).toBe('上一时段');
  });
});

describe('rangeLabel', () => {
  it('writes a range as short as it stays unambiguous', () => {
    expect(rangeLabel('2026-12-01', '2026-12-31')).toBe('2026年12月');
    expect(rangeLabel('2026-01-01', '2026-12-31')).toBe('2026年');
    expect(rangeLabel('2026-10-01', '2026-12-31')).toBe('2026年10月至12月');
    expect(rangeLabel('2025-11-01', '2026-02-28')).toBe('2025年11月至2026年2月');
    expect(rangeLabel('2026-12-01', '2026-12-17')).toBe('2026年12月1日至17日');
    expect(rangeLabel('2026-01-01', '2026-12-17')).toBe('2026年1月1日至12月17日');
    expect(rangeLabel('2025-12-20', '2026-01-05')).toBe('2025年12月20日至2026年1月5日');
    expect(rangeLabel('2026-12-17', '2026-12-17')).toBe('2026年12月17日');
    expect(monthRangeLabel('2026-01', '2026-12')).toBe('2026年');
    expect(monthRangeLabel('2026-01', '2026-02')).toBe('2026年1月至2月');
  });
});

describe('the charts’ ranges', () => {
  it('shows satisfaction month by month over the year up to the period’s end, or over the period when it is a year or more', () => {
    expect(satisfactionSeriesRange(periodOf('this-month', TODAY))).toEqual({ from: '2026-01-01', to: '2026-12-17' });
    expect(satisfactionSeriesRange(periodOf('last-month', '2027-01-10'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(satisfactionSeriesRange(periodOf('custom', TODAY, { from: '2025-01-01', to: '2026-06-30' }))).toEqual({ from: '2025-01-01', to: '2026-06-30' });
  });

  it('takes the scorecard of the period’s last month', () => {
    expect(scorecardMonth(periodOf('this-year', TODAY))).toBe('2026-12');
    expect(scorecardMonth(periodOf('last-month', TODAY))).toBe('2026-11');
  });
});

describe('the address of a view', () => {
  const back = (query: Record<string, string>) => readQuery(new URLSearchParams(query), TODAY);

  it('keeps period and scope through the address', () => {
    const period = periodOf('custom', TODAY, { from: '2026-12-01', to: '2026-12-31' });
    const query = writeQuery(period, { kind: 'window', id: 'W05' });
    expect(query).toEqual({ period: 'custom', from: '2026-12-01', to: '2026-12-31', scope: 'window:W05' });
    expect(back(query)).toEqual({ period, scope: { kind: 'window', id: 'W05' } });
    expect(writeQuery(periodOf('last-month', TODAY), { kind: 'all' })).toEqual({ period: 'last-month' });
    expect(back({ period: 'last-month' }).period).toEqual(periodOf('last-month', TODAY));
  });

  it('falls back to this month for the whole center on anything it cannot read', () => {
    const thisMonth = periodOf('this-month', TODAY);
    expect(back({})).toEqual({ period: thisMonth, scope: { kind: 'all' } });
    expect(back({ period: 'week' }).period).toEqual(thisMonth);
    expect(back({ period: 'custom', from: '2026-12-31', to: '2026-12-01' }).period).toEqual(thisMonth);
    expect(back({ period: 'custom', from: '2026-02-30', to: '2026-03-01' }).period).toEqual(thisMonth);
    expect(back({ period: 'custom', from: '2020-01-01', to: '2026-12-01' }).period).toEqual(thisMonth);
    expect(back({ scope: 'room:1' }).scope).toEqual({ kind: 'all' });
    expect(back({ scope: 'window:' }).scope).toEqual({ kind: 'all' });
    expect(back({ scope: 'window:W01;drop' }).scope).toEqual({ kind: 'all' });
  });

  it('turns a scope into the stats routes’ filter', () => {
    expect(scopeFilter(parseScope('department:D-NR'))).toEqual({ departmentId: 'D-NR' });
    expect(scopeFilter(parseScope('site:S-HY'))).toEqual({ siteId: 'S-HY' });
    expect(scopeFilter(parseScope('window:W01'))).toEqual({ windowId: 'W01' });
    expect(scopeFilter(parseScope('all'))).toEqual({});
  });

  it('knows a real date from a lookalike', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('26-12-01')).toBe(false);
  });
});

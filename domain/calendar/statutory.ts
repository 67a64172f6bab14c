import { addDays, type LocalDate } from '../time.ts';

/** The lunisolar dates the holidays fall on (the functions read them from the `chinese-days` package). */
export interface LunarDates {
  /** The solar date of a day of the lunar year that starts in `year` (a month of the year, not a leap month). */
  toSolar(year: number, month: number, day: number): LocalDate;
  /** Qingming (清明), a solar term. */
  qingming(year: number): LocalDate;
}

/**
 * The public holidays fixed by the State Council's regulation (全国年节及纪念日放假办法, as revised
 * in 2024): the days off that do not depend on each year's notice. What a notice adds — bridging
 * days, weekend days worked (调休), days off in lieu — is unknown until it is published.
 */
export function statutoryHolidays(year: number, lunar: LunarDates): LocalDate[] {
  const springEve = addDays(lunar.toSolar(year, 1, 1), -1);
  // From 2025 the Spring Festival has four days (除夕 to 初三) and Labour Day two.
  const springDays = year >= 2025 ? 4 : 3;
  const springStart = year >= 2025 ? springEve : addDays(springEve, 1);
  const days: LocalDate[] = [
    `${year}-01-01`,
    ...Array.from({ length: springDays }, (_, i) => addDays(springStart, i)),
    lunar.qingming(year),
    `${year}-05-01`,
    ...(year >= 2025 ? [`${year}-05-02`] : []),
    lunar.toSolar(year, 5, 5),
    lunar.toSolar(year, 8, 15),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
  return [...new Set(days)].sort();
}

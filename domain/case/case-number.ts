import { compactDate, type LocalDate } from '../time.ts';

/** Human-readable case number, unique per county: `<countyCode>-<yyyymmdd>-<5-digit daily sequence>`. */
export function formatCaseNo(countyCode: string, date: LocalDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) throw new RangeError(`daily sequence out of range: ${sequence}`);
  return `${countyCode}-${compactDate(date)}-${String(sequence).padStart(5, '0')}`;
}

/** What `formatCaseNo` makes, as a pattern (a number typed on the public lookup is checked against it). */
export const caseNoPattern = /^\d{6}-\d{8}-\d{5}$/;

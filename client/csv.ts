/**
 * CSV that Excel opens correctly, written the same way by the API's `format=csv` answers and by the
 * console's own exports: UTF-8 with a byte-order mark (so Chinese text is not garbled), CRLF line
 * ends, RFC 4180 quoting, and no text a spreadsheet would run as a formula.
 */
export type Cell = string | number | null | undefined;

/** Text starting like a formula (OWASP's list) is prefixed with `'`, so Excel shows it instead of evaluating it. */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Numbers are our own figures (counts, scores, -3 points) and never formulas; only text can carry one.
  const text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A rate for a spreadsheet: 0.978 → 97.8%, none → empty. */
export const percent = (fraction: number | null | undefined): string => (fraction === null || fraction === undefined ? '' : `${(fraction * 100).toFixed(1)}%`);

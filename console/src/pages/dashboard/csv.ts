/**
 * Tables as CSV that Excel opens correctly (the API's own rules for its format=csv): UTF-8 with a
 * byte-order mark, so the Chinese is not garbled; CRLF line ends; RFC 4180 quoting; and no text a
 * spreadsheet would run as a formula.
 */
export type Cell = string | number | null | undefined;

/** Text starting like a formula (OWASP's list) gets a leading `'`, so Excel shows it instead of evaluating it. */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Numbers are our own figures and never formulas; only text can carry one.
  const text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A rate for a spreadsheet: 0.978 → 97.8%, none → empty. */
export const csvPercent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '' : `${(rate * 100).toFixed(1)}%`);

/** A file name safe on Windows too: the period's 2026年12月1日至17日 stays, slashes and colons go. */
export const fileName = (...parts: string[]): string => parts.join('-').replace(/[\\/:*?"<>|]+/g, '_');

/** Saves a Blob or a data URL under a (Chinese) file name, as the browser's own download. */
export function saveFile(content: Blob | string, name: string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; the next tick may let it go.
  if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function saveCsv(text: string, name: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

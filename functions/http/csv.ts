/**
 * CSV that Excel opens correctly: UTF-8 with a byte-order mark (so Chinese text is not garbled),
 * CRLF line ends, RFC 4180 quoting.
 */
export type Cell = string | number | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const percent = (fraction: number | null) => (fraction === null ? '' : `${(fraction * 100).toFixed(1)}%`);

export function csvResult(filename: string, csv: string) {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
    body: csv,
  };
}

import { saveFile } from '../../lib/download.ts';

/** Tables as CSV for Excel, written as the API writes its own (client/csv.ts). */
export { percent as csvPercent, toCsv, type Cell } from '../../../../client/csv.ts';
export { saveFile };

/** A file name safe on Windows too: the period's 2026年12月1日至17日 stays, slashes and colons go. */
export const fileName = (...parts: string[]): string => parts.join('-').replace(/[\\/:*?"<>|]+/g, '_');

/** Saves a table's CSV as a download. */
export function saveCsv(text: string, name: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

import { api, read } from '../../api/client.ts';

/** Saves a Blob under a (Chinese) file name, as the browser's own download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; the next tick may let it go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The file name the clerk sees in the downloads folder, e.g. 电话回访名单-2026-12-11-cb-li.csv. */
export const exportName = (date: string, who: string | undefined): string => `电话回访名单-${date}${who ? `-${who}` : ''}.csv`;

/**
 * The day's list (one's own share, or the whole list) as the API's CSV for Excel. Read as bytes,
 * not text: decoding it would drop the byte-order mark Excel needs to read the Chinese right.
 */
export async function exportList(date: string, staff: 'me' | undefined, who: string | undefined): Promise<void> {
  const blob = await read(api().GET('/callbacks', { params: { query: { date, format: 'csv', ...(staff ? { staff } : {}) } }, parseAs: 'blob' }));
  saveBlob(blob, exportName(date, who));
}

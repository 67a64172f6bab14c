import { api, read } from '../../api/client.ts';
import { saveFile } from '../../lib/download.ts';

/** The file name the clerk sees in the downloads folder, e.g. 电话回访名单-2026-12-11-cb-li.csv. */
export const exportName = (date: string, who: string | undefined): string => `电话回访名单-${date}${who ? `-${who}` : ''}.csv`;

/**
 * The day's list (one's own share, or the whole list) as the API's CSV for Excel. Read as bytes,
 * not text: decoding it would drop the byte-order mark Excel needs to read the Chinese right.
 */
export async function exportList(date: string, staff: 'me' | undefined, who: string | undefined): Promise<void> {
  const blob = await read(api().GET('/callbacks', { params: { query: { date, format: 'csv', ...(staff ? { staff } : {}) } }, parseAs: 'blob' }));
  saveFile(blob, exportName(date, who));
}

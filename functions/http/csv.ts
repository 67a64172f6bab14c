/** The API's CSV answers: the writer is shared with the console's exports (client/csv.ts). */
export { percent, toCsv, type Cell } from '../../client/csv.ts';

export function csvResult(filename: string, csv: string) {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
    body: csv,
  };
}

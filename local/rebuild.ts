/**
 * `npm run rebuild`: rebuilds every view from the Events table of the local database (start
 * `npm start` first, or point DYNAMODB_ENDPOINT at a running DynamoDB Local). Shows a progress bar;
 * safe to interrupt and rerun.
 */
import './env.ts';
import { parseArgs } from 'node:util';
import { rebuild, type RebuildProgress } from '../functions/projections/rebuild.ts';
import { documentClient } from '../functions/store/dynamo-client.ts';

const { values } = parseArgs({ options: { segments: { type: 'string', default: '4' } } });
const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
const tables = { events: process.env.EVENTS_TABLE ?? 'banjian-events', views: process.env.VIEWS_TABLE ?? 'banjian-views' };

export function progressBar(started: number) {
  let last = 0;
  return (p: RebuildProgress) => {
    const now = Date.now();
    if (now - last < 200 && p.phase === 'scan') return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = p.scanned / Math.max(seconds, 0.001);
    const total = Math.max(p.total, p.scanned);
    const fraction = total === 0 ? 1 : p.scanned / total;
    const width = 30;
    const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
    const eta = p.phase === 'scan' && rate > 0 ? `ETA ${Math.max(0, (total - p.scanned) / rate).toFixed(0)} s` : p.phase;
    const line = `${bar} ${(fraction * 100).toFixed(0).padStart(3)}%  ${p.scanned}/${total} items  ${rate.toFixed(0)} items/s  ${p.written} views written  ${eta}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else if (p.phase !== 'scan' || fraction === 1) process.stderr.write(`${line}\n`);
  };
}

const started = Date.now();
try {
  const result = await rebuild({ db: documentClient({ endpoint }), tables, segments: Number(values.segments), onProgress: progressBar(started) });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `Rebuilt generation ${result.generation} (was ${result.previous}): ${result.events} items scanned, ${result.streams} streams, ${result.documents} documents, ${result.counters} counter rows, ${result.caughtUp} events caught up, ${result.unfoldable} events could not be folded (see GET /dead-letters), in ${result.seconds.toFixed(1)} s.`,
  );
} catch (error) {
  console.error(`\nRebuild failed: ${(error as Error).message}\nThe readers still use the previous generation; rerun when the cause is fixed.`);
  process.exit(1);
}

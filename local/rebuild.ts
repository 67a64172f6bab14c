/**
 * `npm run rebuild`: rebuilds every view from the Events table of the local database (start
 * `npm start` first, or point DYNAMODB_ENDPOINT at a running DynamoDB Local). Shows a progress bar;
 * safe to interrupt and rerun.
 */
import './env.ts';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { rebuild, type RebuildProgress } from '../functions/projections/rebuild.ts';
import { documentClient } from '../functions/store/dynamo-client.ts';

const { values } = parseArgs({ options: { segments: { type: 'string', default: '4' } } });
const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
const tables = { events: process.env.EVENTS_TABLE ?? 'banjian-events', views: process.env.VIEWS_TABLE ?? 'banjian-views' };

/** The rebuild's progress on the terminal: a bar over the items scanned, then each phase; lines when not a TTY. */
function progressBar() {
  const bar = new SingleBar(
    {
      format: '{bar} {percentage}%  {value}/{total} items  {rate} items/s  {written} views written  {phase} ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = 0;
  return {
    update(p: RebuildProgress) {
      const total = Math.max(p.total, p.scanned);
      if (!started) {
        started = Date.now();
        bar.start(total, p.scanned, { written: p.written, phase: p.phase, rate: 0 });
      }
      const rate = Math.round(p.scanned / Math.max((Date.now() - started) / 1000, 0.001));
      bar.setTotal(total);
      bar.update(p.scanned, { written: p.written, phase: p.phase, rate });
    },
    stop: () => bar.stop(),
  };
}

const progress = progressBar();
try {
  const result = await rebuild({ db: documentClient({ endpoint }), tables, segments: Number(values.segments), onProgress: (p) => progress.update(p) });
  progress.stop();
  console.log(
    `Rebuilt generation ${result.generation} (was ${result.previous}): ${result.events} items scanned, ${result.streams} streams, ${result.documents} documents, ${result.counters} counter rows, ${result.caughtUp} events caught up, ${result.unfoldable} events could not be folded (see GET /dead-letters), in ${result.seconds.toFixed(1)} s.`,
  );
} catch (error) {
  progress.stop();
  console.error(`\nRebuild failed: ${(error as Error).message}\nThe readers still use the previous generation; rerun when the cause is fixed.`);
  process.exit(1);
}

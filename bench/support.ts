import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emptyTally, tallyRequest, tallyResponse, type CapacityTally } from '../functions/store/capacity.ts';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `task(i)` for i in 0…n-1 with `concurrency` workers; returns each call's milliseconds. */
export async function drive(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** Counts capacity units of every request a client sends, into whichever tally is current. */
export function meter(client: DynamoDBDocumentClient): { use(tally: CapacityTally): void } {
  let current = emptyTally();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const tally = current;
      const input = args.input as Record<string, unknown>;
      tallyRequest(tally, context.commandName ?? 'unknown', input);
      const result = await next(args);
      tallyResponse(tally, result.output as never, input.ConsistentRead === true);
      return result;
    },
    { step: 'initialize', name: 'capacityMeter' },
  );
  return { use: (tally) => (current = tally) };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

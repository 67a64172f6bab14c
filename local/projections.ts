import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { entrypoints } from '../functions/entrypoints.ts';
import { parkDeadLetter } from '../functions/projections/dead-letters.ts';
import { runtime } from '../functions/runtime.ts';
import { entryHandler } from './server.ts';
import { StreamPoller } from './stream-poller.ts';

/**
 * Starts the local projector: the stream poller feeding the very projector entry the Lambda is
 * built from. Records that still fail after bounded attempts are parked in the dead-letters view.
 */
export async function startProjections(options: { endpoint: string; eventsTable: string; log?: (message: string) => void; maxAttempts?: number }): Promise<StreamPoller> {
  const handler = await entryHandler<(event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>>(entrypoints.projector);
  const poller = new StreamPoller({
    endpoint: options.endpoint,
    tableName: options.eventsTable,
    handler,
    idleMs: 100,
    batchSize: entrypoints.projector.batchSize,
    maxAttempts: options.maxAttempts ?? 4,
    log: options.log,
    onDeadLetter: async (record, attempts) => {
      const letter = await parkDeadLetter(runtime('projector').views, record, attempts, 'projection kept failing; the projector log has the error');
      options.log?.(`dead letter: ${letter.stream} version ${letter.version} (${letter.type}) parked after ${attempts} attempts`);
    },
  });
  poller.start();
  return poller;
}

import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/case/events.ts';
import { Projector } from '../../functions/projections/projector.ts';
import { streamHandler } from '../../functions/projections/stream-handler.ts';
import { ViewStore } from '../../functions/projections/view-store.ts';
import { queueKey } from '../../domain/projections/window-queue.ts';
import { at, command, submitted } from '../support/builders.ts';
import { run } from '../support/given.ts';
import { freshTables } from '../support/local-stack.ts';
import { lambdaRecord, type StreamEvent } from '../support/projection-fixtures.ts';

function stream(caseId: string, events: CaseEvent[]): StreamEvent[] {
  return events.map((event, i) => ({ stream: `case#${caseId}`, version: i + 1, event }));
}

const history = (caseId: string) =>
  stream(caseId, run([submitted({ caseId }), command('AcceptCase', {}, at('2026-11-02', '10:00')), command('CompleteCase', { decision: 'approved' }, at('2026-11-03', '10:00'))]));

let views: ViewStore;
let writes: number;
let handler: ReturnType<typeof streamHandler>;

beforeEach(async () => {
  const { db, tables } = await freshTables();
  writes = 0;
  db.middlewareStack.add(
    (next, ctx) => async (args) => {
      if (ctx.commandName === 'TransactWriteItemsCommand') writes++;
      return next(args);
    },
    { step: 'initialize', name: 'count-writes' },
  );
  views = new ViewStore(db, tables.views);
  const projector = new Projector(views);
  handler = streamHandler(() => projector);
});

describe('the projector handler', () => {
  it('applies a batch in order and reports no failures', async () => {
    const events = history('A');
    const result = await handler({ Records: events.map((e, i) => lambdaRecord(e, i)) });
    expect(result.batchItemFailures).toEqual([]);
    expect(writes).toBe(3);
    expect(await views.get(queueKey('W02', 'A'))).toBeUndefined();
    expect(await views.get({ pk: 'case#A', sk: 'state' }, { consistent: true })).toMatchObject({ version: 3, state: { status: 'completed' } });
  });

  it('skips a redelivered event without writing', async () => {
    const events = history('B');
    await handler({ Records: events.map((e, i) => lambdaRecord(e, i)) });
    writes = 0;
    const again = await handler({ Records: [lambdaRecord(events[1]!, 1), lambdaRecord(events[2]!, 2)] });
    expect(again.batchItemFailures).toEqual([]);
    expect(writes).toBe(0);
  });

  it('refuses an event after a gap, reporting it and the rest of its stream, and goes on with other streams', async () => {
    const b = history('C');
    const d = history('D');
    // C's version 1 is missing: 2 and 3 must fail; D is untouched by C's trouble.
    const records = [lambdaRecord(b[1]!, 10), lambdaRecord(d[0]!, 11), lambdaRecord(b[2]!, 12), lambdaRecord(d[1]!, 13)];
    const result = await handler({ Records: records });
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([records[0]!.dynamodb!.SequenceNumber, records[2]!.dynamodb!.SequenceNumber]);
    expect(await views.get({ pk: 'case#D', sk: 'state' }, { consistent: true })).toMatchObject({ version: 2 });
    expect(await views.get({ pk: 'case#C', sk: 'state' }, { consistent: true })).toBeUndefined();
  });

  it('reports exactly the record that failed when only it fails', async () => {
    const e = history('E');
    const poison = { ...lambdaRecord(e[0]!, 20) };
    poison.dynamodb!.NewImage!.type = { S: 'CaseTeleported' };
    const f = history('F');
    const result = await handler({ Records: [poison, lambdaRecord(f[0]!, 21)] });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: poison.dynamodb!.SequenceNumber }]);
    expect(await views.get({ pk: 'case#F', sk: 'state' }, { consistent: true })).toMatchObject({ version: 1 });
  });

  it('ignores records that are not domain events (idempotency records, removals)', async () => {
    const record = lambdaRecord(history('G')[0]!, 30);
    record.dynamodb!.Keys!.stream = { S: 'idem#terminal-1-key' };
    const removal = { ...lambdaRecord(history('H')[0]!, 31), eventName: 'REMOVE' as const };
    expect((await handler({ Records: [record, removal] })).batchItemFailures).toEqual([]);
    expect(writes).toBe(0);
  });
});

describe('process managers on the projector (reactors)', () => {
  it('hands each event over in order once the views have it, again on redelivery, and retries it from a failure', async () => {
    const seen: string[] = [];
    let failOnce = true;
    const reactor = {
      follows: (s: string) => s.startsWith('case#'),
      react: async (record: { stream: string; version: number }, state: unknown) => {
        // The views have the event when the reactor sees it.
        const projected = (await views.get<{ version: number }>({ pk: record.stream, sk: 'state' }, { consistent: true }))?.version ?? 0;
        seen.push(`${record.version}:${projected >= record.version}:${(state as { status?: string } | undefined)?.status}`);
        if (record.version === 2 && failOnce) {
          failOnce = false;
          throw new Error('the project is busy');
        }
      },
    };
    const live = streamHandler(() => new Projector(views, Date.now, { reactors: [reactor] }));
    const events = history('R');
    const first = await live({ Records: events.map((e, i) => lambdaRecord(e, i)) });
    // Version 2 failed in the reactor: it and the rest of the stream are reported, for Lambda to retry from there.
    expect(first.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([lambdaRecord(events[1]!, 1), lambdaRecord(events[2]!, 2)].map((r) => r.dynamodb!.SequenceNumber));
    const retried = await live({ Records: [lambdaRecord(events[1]!, 1), lambdaRecord(events[2]!, 2)] });
    expect(retried.batchItemFailures).toEqual([]);
    // The retry finds version 2 projected already, and hands it over again (the reactor's keys make that harmless).
    expect(seen).toEqual(['1:true:submitted', '2:true:accepted', '2:true:accepted', '3:true:completed']);
  });
});

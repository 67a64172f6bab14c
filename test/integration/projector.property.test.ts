import { documentClient, localClient } from '../../functions/store/dynamo-client.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { decide } from '../../domain/case/decide.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { evolve, type CaseState } from '../../domain/case/state.ts';
import { DomainError } from '../../domain/errors.ts';
import { addDays } from '../../domain/time.ts';
import { Projector } from '../../functions/projections/projector.ts';
import { countersOf } from '../../functions/projections/view-store.ts';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { streamHandler } from '../../functions/projections/stream-handler.ts';
import { ViewStore } from '../../functions/projections/view-store.ts';
import { at, command, context, testCounty } from '../support/builders.ts';
import { freshTables } from '../support/local-stack.ts';
import { generationItems, lambdaRecord, writeEvents, type StreamEvent } from '../support/projection-fixtures.ts';

const itemCodes = testCounty.items.map((i) => i.code);
const action = fc.constantFrom('request', 'supply', 'accept', 'reject', 'suspend', 'resume', 'transfer', 'complete', 'deliver');
const caseScript = fc.record({
  itemCode: fc.constantFrom(...itemCodes),
  channel: fc.constantFrom('window' as const, 'online' as const, 'township' as const, 'agent' as const),
  complete: fc.boolean(),
  steps: fc.array(fc.tuple(action, fc.integer({ min: 0, max: 3 }), fc.constantFrom('W01', 'W02', 'WT-1')), { maxLength: 8 }),
});

/** Valid histories: random commands through `decide`, keeping only what it accepts. */
type Script = typeof caseScript extends fc.Arbitrary<infer T> ? T : never;

function histories(scripts: Script[]) {
  return scripts.map((script, n) => {
    const item = testCounty.items.find((i) => i.code === script.itemCode)!;
    const codes = item.materials.map((m) => m.code);
    let date = addDays('2026-11-02', n % 3);
    const commands: CaseCommand[] = [
      command(
        'SubmitCase',
        { caseId: `C${n}`, caseNo: `339999-20261102-${String(n + 1).padStart(5, '0')}`, itemCode: item.code, applicant: { name: '测试', phone: '13800000000' }, channel: script.channel, siteId: script.channel === 'township' ? 'S-T1' : undefined, materials: script.complete ? codes : codes.slice(0, 1) },
        at(date, '09:00'),
      ),
    ];
    script.steps.forEach(([kind, gap, windowId], i) => {
      date = addDays(date, gap);
      const now = at(date, `${10 + (i % 8)}:00`);
      const data = {
        request: ['RequestMaterials', { missing: codes }],
        supply: ['SupplyMaterials', { materials: codes }],
        accept: ['AcceptCase', {}],
        reject: ['RejectCase', { reason: '不符合条件' }],
        suspend: ['SuspendCase', { procedure: 'inspection', reason: '勘查' }],
        resume: ['ResumeCase', {}],
        transfer: ['TransferCase', { windowId }],
        complete: ['CompleteCase', { decision: item.type === 'report-up' ? 'forwarded' : 'approved' }],
        deliver: ['DeliverCase', { method: 'post' }],
      }[kind] as unknown as [CaseCommand['type'], never];
      commands.push(command(data[0], data[1], now));
    });
    const events: CaseEvent[] = [];
    let state: CaseState | undefined;
    for (const c of commands) {
      try {
        for (const e of decide(c, state, context)) {
          events.push(e);
          state = evolve(state, e);
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return events.map((event, i) => ({ stream: `case#C${n}`, version: i + 1, event }));
  });
}

/** Interleaves the streams in a random order that keeps each stream's own order. */
function interleave(streams: StreamEvent[][], choices: number[]): StreamEvent[] {
  const queues = streams.map((s) => [...s]);
  const out: StreamEvent[] = [];
  let k = 0;
  while (queues.some((q) => q.length > 0)) {
    const live = queues.filter((q) => q.length > 0);
    out.push(live[(choices[k++ % choices.length] ?? 0) % live.length]!.shift()!);
  }
  return out;
}

describe('the projector, under redelivery and injected failures', () => {
  it('ends with the views a rebuild makes, and counters equal to a direct count', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseScript, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.integer(), async (scripts, choices, seed) => {
        const streams = histories(scripts);
        const events = interleave(streams, choices);
        const { db, tables, endpoint } = await freshTables();
        await writeEvents(db, tables.events, events);

        // The projector's client fails now and then: before a transaction, or after it (a lost acknowledgement).
        let s = seed >>> 0;
        const roll = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) % 100) / 100;
        const faulty = documentClient(localClient(endpoint));
        faulty.middlewareStack.add(
          (next, ctx) => async (args) => {
            if (ctx.commandName !== 'TransactWriteItemsCommand') return next(args);
            const r = roll();
            if (r < 0.1) throw new Error('injected failure before the write');
            const result = await next(args);
            if (r < 0.2) throw new Error('injected failure after the write');
            return result;
          },
          { step: 'initialize', name: 'faults' },
        );
        const handler = streamHandler(() => projector);
        const projector = new Projector(new ViewStore(faulty, tables.views));
        const records = events.map((e, i) => lambdaRecord(e, i));
        let position = 0;
        for (let rounds = 0; position < records.length; rounds++) {
          expect(rounds).toBeLessThan(2000);
          // Sometimes redeliver records already done (at-least-once delivery).
          const start = roll() < 0.2 ? Math.max(0, position - 1 - Math.floor(roll() * 4)) : position;
          const batch = records.slice(start, start + 1 + Math.floor(roll() * 8));
          const { batchItemFailures } = await handler({ Records: batch });
          const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
          const first = batch.findIndex((r) => failed.has(r.dynamodb!.SequenceNumber!));
          position = Math.max(position, first === -1 ? start + batch.length : start + first);
        }

        const rebuilt = await rebuild({ db, tables, segments: 2, settleMs: 0 });
        const live = await generationItems(db, tables.views, rebuilt.previous);
        const fresh = await generationItems(db, tables.views, rebuilt.generation);
        expect(live).toEqual(fresh);

        // Counters against a direct count over the events.
        const all = events.map((e) => e.event);
        const count = (type: string, pred: (e: CaseEvent) => boolean = () => true) => all.filter((e) => e.type === type && pred(e)).length;
        const sums: Record<string, number> = {};
        // The case statistics' counters (each worker's completions are counted again in their own view).
        for (const item of live.values()) if (item.kind === 'counter' && item.projection === 'case-statistics') for (const [k, v] of Object.entries(countersOf(item))) sums[k] = (sums[k] ?? 0) + v;
        expect(sums.submitted ?? 0).toBe(count('CaseSubmitted'));
        expect(sums.accepted ?? 0).toBe(count('CaseAccepted'));
        expect(sums.rejected ?? 0).toBe(count('CaseRejected'));
        expect(sums.materialsRequested ?? 0).toBe(count('MaterialsRequested'));
        expect(sums.completed ?? 0).toBe(count('CaseCompleted'));
        expect(sums.onTime ?? 0).toBe(count('CaseCompleted', (e) => e.type === 'CaseCompleted' && e.data.onTime));
        expect(sums.delivered ?? 0).toBe(count('CaseDelivered'));
        // Queue entries: exactly the cases still open.
        const open = streams.filter((s) => s.length > 0 && ['submitted', 'awaiting-materials', 'accepted', 'suspended'].includes(s.reduce<CaseState | undefined>((st, e) => evolve(st, e.event), undefined)!.status)).length;
        expect([...live.values()].filter((i) => i.projection === 'window-queue').length).toBe(open);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});



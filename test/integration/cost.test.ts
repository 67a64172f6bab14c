import '../../bench/cost/env.ts';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf } from '../../domain/time.ts';
import { bill } from '../../bench/cost/bill.ts';
import { measure, type Measurements } from '../../bench/cost/measure.ts';
import { Meter } from '../../bench/cost/meter.ts';
import { PLATFORM_BYTES_PER_INVOCATION } from '../../bench/cost/model.ts';
import { cnNorth1, usEast1 } from '../../bench/cost/prices.ts';
import { counted, defaultYearOptions, toYear } from '../../bench/cost/year.ts';
import { freshTables } from '../support/local-stack.ts';

/**
 * `npm run cost` on a tiny simulation against DynamoDB Local: one working day of warm-up and one
 * counted, at 2% of the seed county's volume. The meter's arithmetic is checked on requests whose
 * cost is known; the simulation's counts are checked against what the simulator did.
 */

let m: Measurements;
beforeAll(async () => {
  m = await measure({ endpoint: inject('dynamoEndpoint'), warmUpDays: 1, days: 1, scale: 0.02, seed: 11, probes: 1 });
}, 150_000);

describe('the meter', () => {
  it('charges a request what DynamoDB bills, to the invocation that sent it, and counts what it prints', async () => {
    const { db, tables, client } = await freshTables();
    const meter = new Meter();
    meter.install();
    try {
      meter.meterClient(db);
      const big = 'x'.repeat(2500);
      const line = '{"level":"INFO","message":"counted, not shown"}\n';
      await meter.run('projector', 'probe', 'writes', undefined, async () => {
        process.stdout.write(line);
        // 2.5 KB and a small item in one transaction: (3 + 1) × 2 units; the second also goes into the
        // `touched` index (DynamoDB Local doubles that write in a transaction too).
        await db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tables.views, Item: { pk: 'a', sk: '1', big } } }, { Put: { TableName: tables.views, Item: { pk: 'b', sk: '1', touchedPk: 't', touchedSk: 's', version: 1 } } }] }));
        // An Update of an item that is not there yet: DynamoDB Local says 0 units, DynamoDB bills 2.
        await db.send(new TransactWriteCommand({ TransactItems: [{ Update: { TableName: tables.views, Key: { pk: 'c', sk: '1' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 1 } } }] }));
        await db.send(new PutCommand({ TableName: tables.views, Item: { pk: 'a', sk: '2', big } }));
      });
      await meter.run('views', 'probe', 'reads', undefined, async () => {
        await db.send(new QueryCommand({ TableName: tables.views, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' }, ConsistentRead: true }));
        await db.send(new QueryCommand({ TableName: tables.views, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'nothing' } }));
      });
      const [writes, reads] = meter.invocations;
      expect(writes).toMatchObject({ entry: 'projector', writeUnits: 8 + 2 + 3, indexWriteUnits: 2, readUnits: 0, dynamoRequests: 3, logBytes: Buffer.byteLength(line) });
      // Two 2.5 KB items read consistently: one 4 KB unit each began, 5 KB → 2 units; nothing found: half a unit.
      expect(reads).toMatchObject({ entry: 'views', writeUnits: 0, readUnits: 2.5, dynamoRequests: 2, logBytes: 0 });
      expect(writes!.ms).toBeGreaterThan(0);
    } finally {
      meter.uninstall();
      client.destroy();
    }
  });
});

describe('npm run cost on a small simulation', () => {
  it('counts the day after the warm-up: its cases, its requests, the projector’s appends and the text messages', () => {
    const c = counted(m);
    expect(m.tally.errors).toBe(0);
    expect(m.window.days).toBe(1);
    expect(c.accepted).toBeGreaterThan(3);
    expect(c.accepted).toBeLessThan(m.tally.accepted);
    // Only the counted day, in the county's time (the warm-up day and the sender's next morning are left out).
    expect(new Set(c.invocations.map((inv) => localDateOf(inv.at!, m.county.timeZone)))).toEqual(new Set([m.window.from]));
    expect(m.simulated.some((inv) => inv.at !== undefined && localDateOf(inv.at, m.county.timeZone) < m.window.from)).toBe(true);
    const http = c.invocations.filter((inv) => inv.kind === 'http');
    const submits = http.filter((inv) => inv.label === 'POST /cases');
    expect(submits.length).toBe(c.submitted);
    // A submit appends in a transaction (the case's events, the day's number, the idempotency record): at least 2 × 3 units.
    for (const inv of submits) expect(inv.writeUnits).toBeGreaterThanOrEqual(6);
    for (const inv of http.filter((i) => i.label.startsWith('GET '))) expect(inv.writeUnits).toBe(0);
    // Every accepted case's acceptance is an append of its own, and so a projector invocation of its own.
    const batches = c.invocations.filter((inv) => inv.kind === 'stream');
    expect(batches.length).toBeGreaterThanOrEqual(c.accepted);
    expect(batches.every((b) => b.records >= 1 && b.writeUnits > 0)).toBe(true);
    // Accepted cases get a text message; the sender logs what it sent (at INFO, as on AWS).
    expect(c.smsSent).toBeGreaterThan(0);
    expect(c.invocations.some((inv) => inv.entry === 'sms-sender' && inv.logBytes > 0)).toBe(true);
  });

  it('probes what the simulator does not send, and each probe reaches its function', () => {
    for (const { poller, invocations } of m.probes.polls) {
      expect(invocations.length, poller.page).toBeGreaterThan(0);
      // A poll is an API request: nothing else that ran meanwhile (the projector) is taken for one.
      expect(invocations.every((inv) => inv.kind === 'probe' && inv.entry !== 'projector'), poller.page).toBe(true);
      for (const inv of invocations) {
        const result = inv.result as { statusCode?: number; body?: string } | undefined;
        expect(result?.statusCode, `${poller.page}: ${inv.label} → ${result?.body?.slice(0, 300)}`).toBeLessThan(400);
      }
    }
    expect(m.probes.casePage.length).toBeGreaterThan(0);
    expect(m.probes.casePage[0]!.map((inv) => inv.label)).toEqual(['GET /cases/{id}', 'GET /cases/{id}/events', 'GET /items/{code}', 'GET /windows']);
    expect(m.probes.idleSender.every((inv) => (inv.result as { sent?: number }).sent === 0)).toBe(true);
    expect(Object.keys(m.probes.daily).sort()).toEqual(['appointment-no-shows', 'archive-checks', 'calendar-watch', 'callback-lists', 'default-reviews', 'joint-deadlines', 'market-deadlines', 'rosters']);
  });

  it('weighs the tables, index and expiring records apart', () => {
    expect(m.storage.events.bytes).toBeGreaterThan(m.tally.accepted * 1000);
    expect(m.storage.views.indexBytes).toBeGreaterThan(0);
    expect(m.storage.events.expiring.find((e) => e.days === 7)?.items).toBeGreaterThan(0);
  });

  it('scales the counted day to the seed county’s year and prices it in both regions', () => {
    const year = toYear(m);
    const c = counted(m);
    expect(year.parts.factor).toBeCloseTo(defaultYearOptions.cases / c.accepted, 6);
    // Every simulated submit's write units, scaled, are in the year's writes.
    const submitUnits = c.invocations.filter((inv) => inv.label === 'POST /cases').reduce((s, inv) => s + inv.writeUnits, 0) * year.parts.factor;
    expect(year.usage.dynamo.writeUnits).toBeGreaterThan(submitUnits);
    // The projector: one invocation per append counted on the day, scaled like everything the cases cause.
    const projector = year.functions.find((f) => f.entry === 'projector')!;
    expect(projector.requests).toBeCloseTo(c.invocations.filter((inv) => inv.kind === 'stream').length * year.parts.factor, 3);
    // The window displays alone: 19 counters polling every 2 s from 08:30 to 17:00, every working day.
    const displays = year.parts.pollingRequests.find((p) => p.page.startsWith('window display'))!;
    expect(displays.requests).toBeCloseTo(19 * ((8.5 * 3600) / 2) * year.parts.workingDays, 0);
    const quiet = toYear(m, { ...defaultYearOptions, polling: false });
    expect(year.usage.api.requests - quiet.usage.api.requests).toBeCloseTo(year.parts.pollingRequests.reduce((s, p) => s + p.requests, 0), -2);
    // Lambda's own lines: every request logs at least START, END and REPORT.
    expect(year.usage.logs.ingestGb * 2 ** 30).toBeGreaterThan(year.usage.lambda.requests * PLATFORM_BYTES_PER_INVOCATION);
    // The SMS sender runs every minute of the year; the daily timers once a day.
    expect(year.parts.timerRuns['sms-sender']).toBe(525_600);
    expect(year.parts.timerRuns.rosters).toBe(365);
    const us = bill(year.usage, usEast1);
    const cn = bill(year.usage, cnNorth1);
    expect(us.total).toBeGreaterThan(0);
    expect(us.perCase).toBeCloseTo(us.total / defaultYearOptions.cases, 12);
    expect(cn.total / us.total).toBeGreaterThan(4);
    expect(bill(quiet.usage, usEast1).total).toBeLessThan(us.total);
  });
});

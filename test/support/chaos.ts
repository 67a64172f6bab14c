import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, localClient } from '../../functions/store/dynamo-client.ts';
import { devPool, mintToken } from '../../local/auth.ts';
import { freePort, startDynamoLocal, type DynamoLocal } from '../../local/dynamodb-local.ts';
import { startFaultProxy, type FaultProxy, type FaultRates, type FaultStats } from '../../local/fault-proxy.ts';
import { repositoryRoot } from '../../local/server.ts';

/**
 * Two experiments on the whole local stack (`npm start`'s own entrypoint, as a child process):
 * - the crash: DynamoDB Local on disk in a fresh folder; the whole stack killed with SIGKILL midway and
 *   started again on the same data; the clients resend what went unanswered;
 * - the faults: `npm start` on a DynamoDB Local of the experiment's own behind a TCP proxy that resets
 *   connections before and after DynamoDB answers and holds answers back, at given rates.
 * Clients drive cases through submit, accept and complete (and, with faults, a review from the window's
 * rating device), some commands with an Idempotency-Key, some without; then the figures a county would
 * ask for are counted from the Events table itself.
 */
export interface ChaosReport {
  commands: number;
  answered: number;
  resends: number;
  seconds: number;
  errorsLogged: number;
  /** Commands answered 2xx whose event is missing. */
  lost: number;
  /** Events a command wrote twice, and cases a resent submit created again. */
  duplicated: number;
  /** Commands whose final answer was not 2xx although their event is there. */
  refusedAfterSuccess: number;
  /** Case numbers of the day missing from 1…n. */
  gaps: number;
  deadLetters: number;
  /** Seconds after the last answer until every view agreed with the events; undefined if they never did (60 s). */
  caughtUpAfter: number | undefined;
  faults?: FaultStats;
  detail: string;
}

const DATE = '2026-11-02';
const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '压力测试', phone: '13900000000' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
type Step = 'submit' | 'accept' | 'complete' | 'review';

/** One command as a client keeps it: the same correlation id (and key, and ids) on every send. */
interface Sent {
  step: Step;
  caseIndex: number;
  correlationId: string;
  keyed: boolean;
  status: number;
  caseId?: string;
}

class Refused extends Error {}

/** `npm start` in a process group of its own (the server, the projector and, without an endpoint, the JVM), so one signal reaches all of it. */
class StackProcess {
  private child: ChildProcess | undefined;
  readonly base: string;
  constructor(
    private readonly port: number,
    private readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'local/start.ts'), '--data', this.dataDir, '--port', String(this.port), '--dev-clock', '--quiet'], {
      cwd: repositoryRoot,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...this.env },
      detached: true,
      // The stack's own log goes to the data folder, not the report.
      stdio: ['ignore', 'ignore', openSync(join(this.dataDir, 'stack.log'), 'a')],
    });
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${this.base}/health`)).ok) return;
      } catch {
        // not up yet
      }
      await sleep(100);
    }
    throw new Error('the stack did not come up within 60 s');
  }

  kill(): void {
    if (this.child?.pid && this.child.exitCode === null) process.kill(-this.child.pid, 'SIGKILL');
  }

  errorsLogged(): number {
    return (readFileSync(join(this.dataDir, 'stack.log'), 'utf8').match(/"level": "ERROR"/g) ?? []).length;
  }
}

interface Run {
  stack: StackProcess;
  token: string;
  device: string;
  sent: Sent[];
  resends: number;
  onAnswer?: () => void;
}

/** Sends one command until it has an answer that is not a 5xx (a resend carries the same key, ids and correlation id). */
async function send(run: Run, i: number, step: Step, caseId: string | undefined, keyed: boolean): Promise<Record<string, unknown>> {
  const path = step === 'submit' ? '/cases' : step === 'review' ? `/cases/${caseId}/reviews` : `/cases/${caseId}/${step}`;
  const body = step === 'submit' ? MORTGAGE : step === 'complete' ? { decision: 'approved' } : step === 'review' ? { level: i % 7 === 0 ? 'dissatisfied' : 'satisfied', channel: 'window-device', ...(i % 2 === 0 ? { reviewId: `chaos-review-${i}` } : {}) } : {};
  const minutes = ['submit', 'accept', 'complete', 'review'].indexOf(step) * 60;
  const at = new Date(Date.parse(`${DATE}T09:00:00+08:00`) + i * 1000 + minutes * 60_000).toISOString();
  const correlationId = `chaos-${i}-${step}`;
  const entry: Sent = { step, caseIndex: i, correlationId, keyed, status: 0 };
  run.sent.push(entry);
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${run.stack.base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${step === 'review' ? run.device : run.token}`,
          'content-type': 'application/json',
          'x-correlation-id': correlationId,
          'x-dev-clock': at,
          ...(keyed ? { 'idempotency-key': `chaos-${i}-${step}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status < 500) {
        const result = (await response.json()) as Record<string, unknown>;
        entry.status = response.status;
        entry.caseId = (result.caseId as string | undefined) ?? caseId;
        run.onAnswer?.();
        if (response.status >= 300) throw new Refused(`${step} of case ${i}: ${response.status} ${JSON.stringify(result)}`);
        return result;
      }
    } catch (error) {
      if (error instanceof Refused) throw error;
    }
    run.resends++;
    await sleep(Math.min(1000, 50 * (attempt + 1)));
  }
}

/** Counts what the Events table holds against what the clients were told, and waits for the views to agree. */
async function verify(run: Run, dynamoEndpoint: string, started: number, extra: { faults?: FaultStats } = {}): Promise<ChaosReport> {
  const db = documentClient(localClient(dynamoEndpoint));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: 'banjian-events', ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  db.destroy();
  const events = items.filter((i) => String(i.stream).startsWith('case#')) as { stream: string; type: string; data: Record<string, unknown>; meta: { correlationId: string } }[];
  const byCorrelation = new Map<string, typeof events>();
  for (const e of events) byCorrelation.set(e.meta.correlationId, [...(byCorrelation.get(e.meta.correlationId) ?? []), e]);
  const typeOf: Record<Step, string> = { submit: 'CaseSubmitted', accept: 'CaseAccepted', complete: 'CaseCompleted', review: 'CaseReviewed' };
  const written = (s: Sent) => (byCorrelation.get(s.correlationId) ?? []).filter((e) => e.type === typeOf[s.step]).length;
  const lost = run.sent.filter((s) => s.status >= 200 && s.status < 300 && written(s) === 0).length;
  const submits = run.sent.filter((s) => s.step === 'submit').length;
  const cases = new Set(events.map((e) => e.stream));
  // A day's case numbers: every number from 1 to the highest taken, each once.
  const numbers = events.filter((e) => e.type === 'CaseSubmitted').map((e) => Number(String(e.data.caseNo).slice(-5)));
  const distinct = new Set(numbers);
  const gaps = Math.max(0, ...numbers) - distinct.size;
  const duplicated = run.sent.reduce((n, s) => n + Math.max(0, written(s) - 1), 0) + Math.max(0, cases.size - submits) + (numbers.length - distinct.size);
  const refusedAfterSuccess = run.sent.filter((s) => (s.status < 200 || s.status >= 300) && written(s) > 0).length;
  const completed = events.filter((e) => e.type === 'CaseCompleted').length;
  const reviews = events.filter((e) => e.type === 'CaseReviewed').length;

  const get = async <T>(path: string) => (await (await fetch(`${run.stack.base}${path}`, { headers: { authorization: `Bearer ${run.token}` } })).json()) as T;
  const viewsStarted = performance.now();
  let caughtUpAfter: number | undefined;
  let summary: { submitted?: number; accepted?: number; completed?: number; satisfaction?: { reviews: number } } = {};
  let deadLetters = 0;
  while (caughtUpAfter === undefined && performance.now() - viewsStarted < 60_000) {
    summary = await get<typeof summary>(`/stats/summary?from=${DATE}&to=${DATE}`);
    const window = (await get<{ id: string; counts: Record<string, number> }[]>('/windows')).find((w) => w.id === 'W03');
    const open = window ? Object.values(window.counts).reduce((a, b) => a + b, 0) : -1;
    deadLetters = (await get<unknown[]>('/dead-letters')).length;
    if (summary.submitted === cases.size && summary.accepted === cases.size && summary.completed === completed && (summary.satisfaction?.reviews ?? 0) === reviews && open === 0 && deadLetters === 0) caughtUpAfter = (performance.now() - viewsStarted) / 1000;
    else await sleep(200);
  }
  return {
    commands: run.sent.length,
    answered: run.sent.filter((s) => s.status > 0).length,
    resends: run.resends,
    seconds: (performance.now() - started) / 1000,
    errorsLogged: run.stack.errorsLogged(),
    lost,
    duplicated,
    refusedAfterSuccess,
    gaps,
    deadLetters,
    caughtUpAfter,
    ...extra,
    detail: `the day's figures say ${summary.submitted} submitted, ${summary.accepted} accepted, ${summary.completed} completed, ${summary.satisfaction?.reviews} reviews; the events, ${cases.size}, ${cases.size}, ${completed} and ${reviews}`,
  };
}

async function drive(run: Run, cases: number, clients: number, steps: readonly Step[], keyed: (i: number, step: Step) => boolean): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; i < cases; i += clients) {
        let caseId: string | undefined;
        for (const step of steps) {
          const result = await send(run, i, step, caseId, keyed(i, step));
          caseId ??= result.caseId as string;
        }
      }
    }),
  );
}

/** The crash: SIGKILL of the whole stack after `killAt` of the commands were answered, then a restart on the same data. */
export async function runCrash(options: { cases: number; clients: number; killAt: number; log?: (line: string) => void; keepData?: boolean }): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'banjian-chaos-'));
  const dynamoPort = await freePort();
  const stack = new StackProcess(await freePort(), dataDir, { DYNAMODB_PORT: String(dynamoPort) });
  const run: Run = { stack, token: await mintToken(devPool('sanmen', dataDir), { role: 'admin', user: 'chaos-terminal', hours: 2 }), device: '', sent: [], resends: 0 };
  const steps = ['submit', 'accept', 'complete'] as const;
  const total = options.cases * steps.length;
  let killed: Promise<void> | undefined;
  run.onAnswer = () => {
    if (killed || run.sent.filter((s) => s.status > 0).length < total * options.killAt) return;
    killed = (async () => {
      stack.kill();
      log(`kill -9 of the whole stack after ${run.sent.filter((s) => s.status > 0).length} of ${total} commands answered; starting it again on the same data`);
      await sleep(300);
      await stack.start();
      log('the stack is back');
    })();
  };
  const started = performance.now();
  try {
    log(`${options.cases} cases × submit, accept, complete (all with keys) from ${options.clients} clients; data in ${dataDir}`);
    await stack.start();
    await drive(run, options.cases, options.clients, steps, () => true);
    await killed;
    return await verify(run, `http://127.0.0.1:${dynamoPort}`, started);
  } finally {
    stack.kill();
    await sleep(300);
    if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The faults: a proxy between the handlers (and the projector) and DynamoDB Local, at `rates`, for the whole load. */
export async function runFaults(options: { cases: number; clients: number; rates: FaultRates; seed?: number; log?: (line: string) => void }): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'banjian-faults-'));
  let dynamo: DynamoLocal | undefined;
  let proxy: FaultProxy | undefined;
  let stack: StackProcess | undefined;
  const started = performance.now();
  try {
    dynamo = await startDynamoLocal();
    proxy = await startFaultProxy({ target: dynamo.endpoint, rates: { resetBefore: 0, resetAfter: 0, delay: 0 }, seed: options.seed ?? 1 });
    stack = new StackProcess(await freePort(), dataDir, { DYNAMODB_ENDPOINT: proxy.endpoint });
    const pool = devPool('sanmen', dataDir);
    const run: Run = { stack, token: await mintToken(pool, { role: 'admin', user: 'chaos-terminal', hours: 2 }), device: await mintToken(pool, { role: 'rating-device', user: 'rater-w03', windowId: 'W03', hours: 2 }), sent: [], resends: 0 };
    await stack.start();
    const { resetBefore, resetAfter, delay } = options.rates;
    log(`${options.cases} cases × submit, accept, complete and a review from ${options.clients} clients, through a proxy resetting ${resetBefore * 100}% before and ${resetAfter * 100}% after DynamoDB answers and delaying ${delay * 100}%; about half the commands without a key`);
    proxy.setRates(options.rates);
    // Keys on some commands and not on others: the ones without rely on the store finding its own writes.
    await drive(run, options.cases, options.clients, ['submit', 'accept', 'complete', 'review'], (i, step) => (step === 'review' ? false : step === 'accept' ? i % 3 === 0 : (i + (step === 'submit' ? 0 : 1)) % 2 === 0));
    const faults = { ...proxy.stats };
    // The projector catches up through the proxy, faults and all; the count is made straight from DynamoDB Local.
    return await verify(run, dynamo.endpoint, started, { faults });
  } finally {
    stack?.kill();
    await proxy?.close();
    await dynamo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

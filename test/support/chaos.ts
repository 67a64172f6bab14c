import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, localClient } from '../../functions/store/dynamo-client.ts';
import { devPool, mintToken } from '../../local/auth.ts';
import { freePort } from '../../local/dynamodb-local.ts';
import { repositoryRoot } from '../../local/server.ts';

/**
 * The crash experiment: the whole local stack (`npm start`'s own entrypoint, DynamoDB Local on disk)
 * on a fresh data folder; clients drive cases through submit, accept and complete with
 * Idempotency-Keys; the whole stack is killed with SIGKILL midway and started again on the same data;
 * the clients resend what went unanswered. Then: cases lost, events duplicated, whether every view
 * caught up.
 */
export interface ChaosOptions {
  cases: number;
  clients: number;
  /** The share of commands answered before the kill. */
  killAt: number;
  log?: (line: string) => void;
  keepData?: boolean;
}

export interface ChaosReport {
  commands: number;
  answered: number;
  resends: number;
  seconds: number;
  errorsLogged: number;
  lost: number;
  duplicated: number;
  /** Seconds after the last answer until every view agreed with the events; undefined if they never did (60 s). */
  caughtUpAfter: number | undefined;
  detail: string;
}

const DATE = '2026-11-02';
const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '压力测试', phone: '13900000000' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
type Step = 'submit' | 'accept' | 'complete';
const steps: Step[] = ['submit', 'accept', 'complete'];

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'banjian-chaos-'));
  const port = await freePort();
  const dynamoPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const token = mintToken(devPool('sanmen', dataDir), { role: 'admin', user: 'chaos-terminal', hours: 2 });
  let stack: ChildProcess | undefined;

  /** `npm start`'s entrypoint in a process group of its own (the server, the projector, the JVM), so one signal reaches all of it. */
  async function startStack(): Promise<void> {
    stack = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'local/start.ts'), '--data', dataDir, '--port', String(port), '--dev-clock', '--quiet'], {
      cwd: repositoryRoot,
      env: { ...process.env, DYNAMODB_PORT: String(dynamoPort), POWERTOOLS_LOG_LEVEL: 'ERROR' },
      detached: true,
      // The stack's own log (errors it logged while the kill hit) goes to the data folder, not the report.
      stdio: ['ignore', 'ignore', openSync(join(dataDir, 'stack.log'), 'a')],
    });
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/health`)).ok) return;
      } catch {
        // not up yet
      }
      await sleep(100);
    }
    throw new Error('the stack did not come up within 60 s');
  }
  const killStack = () => {
    if (stack?.pid && stack.exitCode === null) process.kill(-stack.pid, 'SIGKILL');
  };

  const total = options.cases * steps.length;
  let answered = 0;
  let resends = 0;
  let killed: Promise<void> | undefined;

  /** Sends one command until it gets an answer (a resend after a network error or a 5xx carries the same key). */
  async function command(i: number, step: Step, caseId: string | undefined): Promise<Record<string, unknown>> {
    const path = step === 'submit' ? '/cases' : `/cases/${caseId}/${step}`;
    const body = step === 'submit' ? MORTGAGE : step === 'complete' ? { decision: 'approved' } : {};
    const at = new Date(Date.parse(`${DATE}T09:00:00+08:00`) + i * 1000 + steps.indexOf(step) * 3_600_000).toISOString();
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `chaos-${i}-${step}`, 'x-dev-clock': at },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.status < 500) {
          const result = (await response.json()) as Record<string, unknown>;
          if (response.status >= 300) throw new Refused(`${step} of case ${i}: ${response.status} ${JSON.stringify(result)}`);
          return result;
        }
      } catch (error) {
        if (error instanceof Refused) throw error;
      }
      resends++;
      await sleep(Math.min(1000, 50 * (attempt + 1)));
    }
  }

  async function client(c: number, cases: Map<number, string>): Promise<void> {
    for (let i = c; i < options.cases; i += options.clients) {
      let caseId: string | undefined;
      for (const step of steps) {
        const result = await command(i, step, caseId);
        caseId ??= result.caseId as string;
        answered++;
        if (step === 'submit') cases.set(i, caseId);
        if (!killed && answered >= total * options.killAt) {
          killed = (async () => {
            killStack();
            log(`kill -9 of the whole stack after ${answered} of ${total} commands answered; starting it again on the same data`);
            await sleep(300);
            await startStack();
            log('the stack is back');
          })();
        }
      }
    }
  }

  const started = performance.now();
  try {
    log(`${options.cases} cases × submit, accept, complete from ${options.clients} clients; data in ${dataDir}`);
    await startStack();
    const cases = new Map<number, string>();
    await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c, cases)));
    await killed;

    // What the Events table holds, straight from DynamoDB Local.
    const db = documentClient(localClient(`http://127.0.0.1:${dynamoPort}`));
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new ScanCommand({ TableName: 'banjian-events', ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    db.destroy();
    const byStream = new Map<string, string[]>();
    for (const item of items) {
      const stream = String(item.stream);
      if (stream.startsWith('case#')) byStream.set(stream, [...(byStream.get(stream) ?? []), String(item.type)]);
    }
    // Every acknowledged case has every acknowledged step; no step twice, no case a resent submit made again.
    const lost = [...cases.values()].filter((id) => !['CaseSubmitted', 'CaseAccepted', 'CaseCompleted'].every((t) => (byStream.get(`case#${id}`) ?? []).includes(t))).length;
    const duplicated = [...byStream.values()].reduce((n, types) => n + types.length - new Set(types).size, 0) + Math.max(0, byStream.size - cases.size);
    const completed = [...byStream.values()].filter((types) => types.includes('CaseCompleted')).length;

    // Every view caught up: the day's figures and the window's backlog agree with the events, and nothing was parked.
    const get = async <T>(path: string) => (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    const viewsStarted = performance.now();
    let caughtUpAfter: number | undefined;
    let summary: { accepted?: number; completed?: number } = {};
    while (caughtUpAfter === undefined && performance.now() - viewsStarted < 60_000) {
      summary = await get<{ accepted: number; completed: number }>(`/stats/summary?from=${DATE}&to=${DATE}`);
      const window = (await get<{ id: string; counts: Record<string, number> }[]>('/windows')).find((w) => w.id === 'W03');
      const open = window ? Object.values(window.counts).reduce((a, b) => a + b, 0) : -1;
      const letters = await get<unknown[]>('/dead-letters');
      if (summary.accepted === byStream.size && summary.completed === completed && open === 0 && letters.length === 0) caughtUpAfter = (performance.now() - viewsStarted) / 1000;
      else await sleep(200);
    }
    return {
      commands: total,
      answered,
      resends,
      seconds: (performance.now() - started) / 1000,
      errorsLogged: (readFileSync(join(dataDir, 'stack.log'), 'utf8').match(/"level": "ERROR"/g) ?? []).length,
      lost,
      duplicated,
      caughtUpAfter,
      detail: `the day's figures say ${summary.accepted} accepted and ${summary.completed} completed; the events, ${byStream.size} and ${completed}`,
    };
  } finally {
    killStack();
    await sleep(300);
    if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

class Refused extends Error {}

import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy that puts a bad network between the handlers and DynamoDB: for a share of the requests
 * it resets the connection before forwarding (nothing happened), resets it after DynamoDB's answer has
 * arrived (the write committed, the caller never hears), or holds the answer back for a while. The
 * SDK resends after a reset, so this is exactly the case where a write must find its own earlier self.
 * Deterministic for a seed.
 */
export interface FaultRates {
  /** Reset before the request reaches DynamoDB. */
  resetBefore: number;
  /** Reset after DynamoDB answered: the request took effect, the caller never hears. */
  resetAfter: number;
  /** Hold the answer back for `delayMs`. */
  delay: number;
  delayMs?: readonly [number, number];
}

export interface FaultStats {
  requests: number;
  resetBefore: number;
  resetAfter: number;
  delayed: number;
}

export interface FaultProxy {
  endpoint: string;
  stats: FaultStats;
  /** Injects faults at these rates from now on (zeros: the proxy only forwards). */
  setRates(rates: FaultRates): void;
  /** Gives the next request of this DynamoDB operation (`PutItem`, `TransactWriteItems` …) this fault, whatever the rates. */
  failNext(operation: string, fault: 'before' | 'after'): void;
  /** Forgets faults given with `failNext` that no request has taken. */
  clearForced(): void;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: { target: string; rates: FaultRates; seed?: number; port?: number }): Promise<FaultProxy> {
  const target = new URL(options.target);
  const next = random(options.seed ?? 1);
  const stats: FaultStats = { requests: 0, resetBefore: 0, resetAfter: 0, delayed: 0 };
  let rates = options.rates;
  const forced = new Map<string, 'before' | 'after'>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    sockets.add(upstream);
    // One request at a time on a keep-alive connection: the fault chosen when it starts applies to its answer.
    let fault: 'none' | 'after' | 'delay' = 'none';
    let inFlight = false;
    let delayUntil = 0;
    const reset = (socket: Socket) => (socket.destroyed ? undefined : socket.resetAndDestroy());
    client.on('data', (chunk) => {
      if (!inFlight) {
        inFlight = true;
        stats.requests++;
        // The SDK names the operation in a header: `X-Amz-Target: DynamoDB_20120810.PutItem`.
        const operation = /x-amz-target:\s*DynamoDB_\d+\.(\w+)/i.exec(chunk.toString('latin1'))?.[1] ?? '';
        const force = forced.get(operation);
        if (force) forced.delete(operation);
        const { resetBefore, resetAfter, delay } = rates;
        const roll = force === 'before' ? -1 : force === 'after' ? resetBefore : next();
        if (roll < resetBefore) {
          stats.resetBefore++;
          reset(client);
          upstream.destroy();
          return;
        }
        fault = force === 'after' || roll < resetBefore + resetAfter ? 'after' : roll < resetBefore + resetAfter + delay ? 'delay' : 'none';
        if (fault === 'delay') {
          stats.delayed++;
          const [minDelay, maxDelay] = rates.delayMs ?? [300, 2000];
          delayUntil = Date.now() + minDelay + next() * (maxDelay - minDelay);
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      inFlight = false;
      if (fault === 'after') {
        stats.resetAfter++;
        fault = 'none';
        reset(client);
        upstream.destroy();
        return;
      }
      const wait = delayUntil - Date.now();
      if (wait > 0) {
        upstream.pause();
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
          upstream.resume();
        }, wait);
      } else if (!client.destroyed) client.write(chunk);
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    setRates: (next) => {
      rates = next;
    },
    failNext: (operation, fault) => void forced.set(operation, fault),
    clearForced: () => forced.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

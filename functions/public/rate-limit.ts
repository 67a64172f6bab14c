/**
 * A token bucket per client: `burst` lookups at once, refilled at `perMinute`. It lives in the
 * function's memory, so it limits what one Lambda instance (or the local server) sees; on AWS the
 * real limit is the WAF web ACL's rate-based rule on `/public/*` in front of the API (a client
 * spread over several warm instances gets a bucket in each). The map is bounded: the least recently
 * seen clients go first, and a bucket that has refilled is dropped as it is met (it is the same as
 * no bucket).
 */
export interface BucketSettings {
  perMinute: number;
  burst: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  /** How long an untouched bucket takes to fill up again. */
  private readonly refillMs: number;

  constructor(
    readonly settings: BucketSettings,
    private readonly options: { maxClients?: number; now?: () => number } = {},
  ) {
    if (settings.perMinute <= 0 || settings.burst < 1) throw new RangeError('a bucket needs a positive rate and a burst of at least one');
    this.perMs = settings.perMinute / 60_000;
    this.refillMs = settings.burst / this.perMs;
  }

  /** Takes one token of the client's bucket, or says how many seconds until there is one. */
  take(client: string): Take {
    const now = (this.options.now ?? Date.now)();
    this.sweep(now);
    const bucket = this.buckets.get(client);
    // A clock that went back (another instance's, a dev clock) refills nothing and takes nothing away.
    const tokens = bucket === undefined ? this.settings.burst : Math.min(this.settings.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    // Most recently seen last: Map keeps insertion order, so the first entries are the oldest.
    this.buckets.delete(client);
    if (tokens >= 1) {
      this.buckets.set(client, { tokens: tokens - 1, at: now });
      this.evict();
      return { allowed: true };
    }
    this.buckets.set(client, { tokens, at: now });
    this.evict();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  /** Clients with a bucket now (for tests and the bound). */
  get size(): number {
    return this.buckets.size;
  }

  /** Drops the oldest buckets that have filled up again: a few per call, so a call stays cheap. */
  private sweep(now: number): void {
    let checked = 0;
    for (const [client, bucket] of this.buckets) {
      if (checked++ >= 8 || now - bucket.at < this.refillMs) return;
      this.buckets.delete(client);
    }
  }

  private evict(): void {
    const max = this.options.maxClients ?? 10_000;
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= max) return;
      this.buckets.delete(client);
    }
  }
}

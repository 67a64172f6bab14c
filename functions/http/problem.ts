import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConcurrencyError, DomainError, InvalidInput, RuleViolation } from '../../domain/errors.ts';
import { ItemTooLarge } from '../store/dynamo-event-store.ts';
import { KeyReused, VersionMismatch } from '../commands/errors.ts';
import { HttpError, ServiceUnavailable } from './errors.ts';

/** RFC 9457 problem details, with every field error and the correlation id to quote to support. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  correlationId: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

const throttled = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'LimitExceededException']);

function isThrottle(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (throttled.has(error.name)) return true;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return reasons?.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded') ?? false;
}

const domainStatus: Record<DomainError['code']  , { status: number; title: string }> = {
  'invalid-input': { status: 422, title: 'Unprocessable input' },
  'not-found': { status: 404, title: 'Not found' },
  'illegal-transition': { status: 409, title: 'Not allowed in the current state' },
  'rule-violation': { status: 422, title: 'Business rule broken' },
  conflict: { status: 409, title: 'Concurrent change' },
};

/**
 * Maps any error to a problem response. Domain and edge errors are shown to the caller; anything
 * else is our fault: a generic 500 that names only the correlation id (the cause goes to the log).
 */
export function toProblem(error: unknown, correlationId: string): { problem: Problem; headers: Record<string, string>; internal: boolean } {
  let mapped = error;
  if (isThrottle(error)) mapped = new ServiceUnavailable('The database is busy; retry shortly', 1, { cause: error });
  if (mapped instanceof ItemTooLarge) {
    return { problem: { type: '/problems/payload-too-large', title: 'Request too large to store', status: 413, detail: mapped.message, correlationId }, headers: {}, internal: false };
  }
  if (mapped instanceof VersionMismatch) {
    return { problem: { type: `/problems/${mapped.code}`, title: 'Version mismatch', status: 412, detail: mapped.message, correlationId, expectedVersion: mapped.expectedVersion, currentVersion: mapped.currentVersion }, headers: {}, internal: false };
  }
  if (mapped instanceof KeyReused) {
    return { problem: { type: `/problems/${mapped.code}`, title: 'Idempotency key reused', status: 422, detail: mapped.message, correlationId }, headers: {}, internal: false };
  }
  if (mapped instanceof HttpError) {
    const problem: Problem = { type: `/problems/${mapped.code}`, title: mapped.title, status: mapped.status, detail: mapped.message, correlationId };
    if (mapped.extra.errors?.length) problem.errors = mapped.extra.errors;
    if (mapped.extra.details) Object.assign(problem, mapped.extra.details);
    return { problem, headers: mapped.extra.headers ?? {}, internal: false };
  }
  if (mapped instanceof DomainError) {
    const { status, title } = domainStatus[mapped.code] ?? { status: 422, title: 'Unprocessable' };
    const problem: Problem = { type: `/problems/${mapped.code}`, title, status, detail: mapped.message, correlationId };
    if (mapped instanceof InvalidInput) problem.errors = mapped.errors;
    if (mapped instanceof RuleViolation) Object.assign(problem, mapped.details);
    if (mapped instanceof ConcurrencyError) problem.expectedVersion = mapped.expectedVersion;
    return { problem, headers: {}, internal: false };
  }
  return {
    problem: { type: '/problems/internal', title: 'Internal error', status: 500, detail: 'Something went wrong on our side; quote the correlation id when reporting it', correlationId },
    headers: {},
    internal: true,
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', 'x-correlation-id': problem.correlationId, ...headers },
    body: JSON.stringify(problem),
  };
}

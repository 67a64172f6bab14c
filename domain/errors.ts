/**
 * The domain's error hierarchy. Each error has a literal `code`; the HTTP mapper in `functions/`
 * turns codes into statuses, so the domain never mentions HTTP.
 */
export interface FieldError {
  /** Where the problem is, as a JSON pointer-like path (`applicant.phone`). */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input is well-formed but names things that do not fit (a field-level problem). */
export class InvalidInput extends DomainError {
  readonly code = 'invalid-input' as const;
  constructor(
    message: string,
    readonly errors: FieldError[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The thing a command names does not exist. */
export class NotFound extends DomainError {
  readonly code = 'not-found' as const;
}

/** The command is not allowed in the case's current state (e.g. accepting a rejected case). */
export class IllegalTransition extends DomainError {
  readonly code = 'illegal-transition' as const;
}

/** Valid input that breaks a business rule (e.g. a one-time notice that leaves out a missing material). */
export class RuleViolation extends DomainError {
  readonly code = 'rule-violation' as const;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Someone else changed the stream first (optimistic concurrency). */
export class ConcurrencyError extends DomainError {
  readonly code = 'conflict' as const;
  constructor(
    message: string,
    readonly expectedVersion: number,
    readonly actualVersion?: number,
    options?: { cause?: unknown; transient?: boolean },
  ) {
    super(message, options);
    this.transient = options?.transient ?? false;
  }

  /** Another transaction was under way on the same item: nothing was decided, trying again may succeed. */
  readonly transient: boolean;
}

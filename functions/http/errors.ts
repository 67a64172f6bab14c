import type { FieldError } from '../../domain/errors.ts';

/**
 * Errors of the HTTP edge (not of the domain). Each knows its status and problem code, and its
 * message is meant for the caller.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    message: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; details?: Record<string, unknown> } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadRequest extends HttpError {
  constructor(message: string, errors: FieldError[] = []) {
    super(400, 'invalid-request', 'Invalid request', message, { errors });
  }
}

export class RouteNotFound extends HttpError {
  constructor(method: string, path: string) {
    super(404, 'no-such-route', 'No such route', `${method} ${path} is not part of this API`);
  }
}

export class PayloadTooLarge extends HttpError {
  constructor(limit: number) {
    super(413, 'payload-too-large', 'Request body too large', `request bodies are limited to ${limit} bytes`);
  }
}

export class UnsupportedMediaType extends HttpError {
  constructor(contentType: string) {
    super(415, 'unsupported-media-type', 'Unsupported media type', `send application/json, not ${contentType}`);
  }
}

export class ServiceUnavailable extends HttpError {
  constructor(message: string, retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(503, 'service-unavailable', 'Service busy', message, { headers: { 'retry-after': String(retryAfterSeconds) } }, options);
  }
}

/**
 * What the command handler refuses apart from the domain's rules: a command sent against a version
 * the stream has moved past (`If-Match`), and a key sent again for another request. The HTTP edge
 * maps them (412, 422); nothing here knows HTTP.
 */
export class VersionMismatch extends Error {
  readonly code = 'version-mismatch' as const;
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`If-Match names version ${expectedVersion}; it is at version ${currentVersion}`);
    this.name = 'VersionMismatch';
  }
}

export class KeyReused extends Error {
  readonly code = 'idempotency-key-reused' as const;
  constructor() {
    super('this Idempotency-Key was already used for a different request');
    this.name = 'KeyReused';
  }
}

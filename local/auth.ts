import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../domain/meta.ts';

/**
 * The local stand-in for the county's Cognito user pool: an RSA key kept in `.data/auth/`, ID
 * tokens shaped like Cognito's (groups, `custom:windowId`, `custom:siteId`), and the checks API
 * Gateway's JWT authorizer makes (signature, issuer, audience, expiry) before any handler runs.
 */
export interface LocalPool {
  issuer: string;
  audience: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function localPool(dir: string, countyKey: string): LocalPool {
  const privatePath = join(dir, 'signing-key.pem');
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(privatePath));
  return {
    // One pool per county, as on AWS: a token from another county's pool has another issuer.
    issuer: `https://cognito-idp.local/banjian-${countyKey}`,
    audience: `banjian-${countyKey}-terminals`,
    privateKey,
    publicKey: createPublicKey(privateKey),
  };
}

/** Where `npm start` keeps its data unless told otherwise (`--data`). */
export const defaultDataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.data');

/** The pool that `npm start`, `npm run token` and the simulator share: its keys live in `<data>/auth`. */
export const devPool = (countyKey: string, dataDir = defaultDataDir): LocalPool => localPool(join(dataDir, 'auth'), countyKey);

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** A stable, UUID-shaped account id for a username of this pool. */
function accountId(pool: LocalPool, username: string): string {
  const hex = createHash('sha256').update(`${pool.issuer}\n${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface TokenRequest {
  role: Role;
  user?: string;
  windowId?: string;
  siteId?: string;
  /** Lifetime; negative for an already expired token (tests). */
  hours?: number;
  now?: number;
}

export function mintToken(pool: LocalPool, request: TokenRequest): string {
  const iat = Math.floor((request.now ?? Date.now()) / 1000);
  const username = request.user ?? `${request.role}-${request.windowId ?? request.siteId ?? 'local'}`.toLowerCase();
  const claims: Record<string, unknown> = {
    // Like Cognito's: one immutable id per account, the same in every token the account gets.
    sub: accountId(pool, username),
    'cognito:username': username,
    'cognito:groups': [request.role],
    iss: pool.issuer,
    aud: pool.audience,
    token_use: 'id',
    auth_time: iat,
    iat,
    exp: iat + Math.round((request.hours ?? 8) * 3600),
    ...(request.windowId ? { 'custom:windowId': request.windowId } : {}),
    ...(request.siteId ? { 'custom:siteId': request.siteId } : {}),
  };
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'local' }));
  const body = b64url(JSON.stringify(claims));
  const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), pool.privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

export class TokenRejected extends Error {}

/** API Gateway's JWT authorizer checks, and its way of passing claims on (arrays as "[a b]", all strings). */
export function verifyToken(pool: LocalPool, authorization: string | undefined, now = Date.now()): Record<string, string> {
  const match = /^Bearer\s+([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(authorization?.trim() ?? '');
  if (!match) throw new TokenRejected('no bearer token');
  const [, head, body, signature] = match as unknown as [string, string, string, string];
  let header: { alg?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new TokenRejected('malformed token');
  }
  if (header.alg !== 'RS256') throw new TokenRejected('unsupported algorithm');
  if (!verify('RSA-SHA256', Buffer.from(`${head}.${body}`), pool.publicKey, Buffer.from(signature, 'base64url'))) throw new TokenRejected('bad signature');
  if (claims.iss !== pool.issuer) throw new TokenRejected('issued by another user pool');
  if (claims.aud !== pool.audience && claims.client_id !== pool.audience) throw new TokenRejected('not for this API');
  const seconds = Math.floor(now / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) throw new TokenRejected('expired');
  if (typeof claims.nbf === 'number' && claims.nbf > seconds) throw new TokenRejected('not yet valid');
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));
}

/** The county secret for local runs (sampling salt, roster seed): random once, kept in `.data/county-secret`. */
export function localSecret(dir: string): string {
  const path = join(dir, 'county-secret');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, randomUUID(), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}

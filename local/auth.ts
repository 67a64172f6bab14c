import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors, jwtVerify, SignJWT } from 'jose';
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
  /** A reviewer's department (`custom:departmentId`). */
  departmentId?: string;
  /** A marketplace account's binding (`custom:intermediaryId`, `custom:ownerId`). */
  intermediaryId?: string;
  ownerId?: string;
  /** The person's name and badge number (工号), as the county's pool keeps them (`name`, `custom:badgeNo`). */
  name?: string;
  badgeNo?: string;
  /** Lifetime; negative for an already expired token (tests). */
  hours?: number;
  now?: number;
}

/** An ID token of the pool, signed RS256 like Cognito's. */
export async function mintToken(pool: LocalPool, request: TokenRequest): Promise<string> {
  const iat = Math.floor((request.now ?? Date.now()) / 1000);
  const username = request.user ?? `${request.role}-${request.windowId ?? request.siteId ?? request.departmentId ?? request.intermediaryId ?? request.ownerId ?? 'local'}`.toLowerCase();
  return new SignJWT({
    'cognito:username': username,
    'cognito:groups': [request.role],
    token_use: 'id',
    auth_time: iat,
    ...(request.windowId ? { 'custom:windowId': request.windowId } : {}),
    ...(request.siteId ? { 'custom:siteId': request.siteId } : {}),
    ...(request.departmentId ? { 'custom:departmentId': request.departmentId } : {}),
    ...(request.intermediaryId ? { 'custom:intermediaryId': request.intermediaryId } : {}),
    ...(request.ownerId ? { 'custom:ownerId': request.ownerId } : {}),
    ...(request.name ? { name: request.name } : {}),
    ...(request.badgeNo ? { 'custom:badgeNo': request.badgeNo } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'local' })
    // Like Cognito's: one immutable id per account, the same in every token the account gets.
    .setSubject(accountId(pool, username))
    .setIssuer(pool.issuer)
    .setAudience(pool.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.round((request.hours ?? 8) * 3600))
    .sign(pool.privateKey);
}

export class TokenRejected extends Error {}

/** Why a token was refused, in the words the 401 gives. */
function rejection(error: unknown): TokenRejected {
  if (error instanceof errors.JWTExpired) return new TokenRejected('expired');
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TokenRejected('bad signature');
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return new TokenRejected('unsupported algorithm');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new TokenRejected('issued by another user pool');
    if (error.claim === 'nbf') return new TokenRejected('not yet valid');
    return new TokenRejected(`invalid ${error.claim} claim`);
  }
  return new TokenRejected('malformed token');
}

/** API Gateway's JWT authorizer checks, and its way of passing claims on (arrays as "[a b]", all strings). */
export async function verifyToken(pool: LocalPool, authorization: string | undefined, now = Date.now()): Promise<Record<string, string>> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw new TokenRejected('no bearer token');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(match[1], pool.publicKey, { algorithms: ['RS256'], issuer: pool.issuer, requiredClaims: ['exp'], currentDate: new Date(now), clockTolerance: 0 }));
  } catch (error) {
    throw rejection(error);
  }
  // The authorizer takes an ID token's `aud` or an access token's `client_id`.
  if (claims.aud !== pool.audience && claims.client_id !== pool.audience) throw new TokenRejected('not for this API');
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

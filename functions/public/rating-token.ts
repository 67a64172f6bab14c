import { timingSafeEqual } from 'node:crypto';
import type { County } from '../../domain/county.ts';
import type { Mac } from '../../domain/keyed.ts';
import { ratingLinkReviewPrefix } from '../../domain/reviews/levels.ts';

/**
 * The rating link's token (扫码/短信评价): it names a case and an expiry without showing either, and
 * only the county secret makes or reads one. Everything goes through the county's MAC (HMAC-SHA-256),
 * each use under its own label:
 *
 *   nonce      = MAC("rating-token/nonce#" caseId "#" expiry)[0..8)       synthetic, so one invitation has one token
 *   keystream  = MAC("rating-token/stream#" hex(nonce) "#" i) …           a PRF in counter mode
 *   ciphertext = (caseId as its 16 ULID bytes ‖ expiry as uint32 seconds) XOR keystream
 *   tag        = MAC("rating-token/tag#" hex(version ‖ nonce ‖ ciphertext))[0..12)
 *   token      = base64url(version ‖ nonce ‖ ciphertext ‖ tag)            41 bytes: 55 characters
 *
 * A changed byte anywhere fails the 96-bit tag (forged); opening also checks that the plaintext gives
 * back the nonce it came under (the synthetic-IV check).
 */

/** What a token names. */
export interface RatingLink {
  caseId: string;
  /** UTC instant, to the second. */
  expiresAt: string;
}

export type RatingTokenError = 'forged' | 'expired';

const VERSION = 1;
const NONCE_BYTES = 8;
const PLAIN_BYTES = 16 + 4;
const TAG_BYTES = 12;
const TOKEN_BYTES = 1 + NONCE_BYTES + PLAIN_BYTES + TAG_BYTES;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** A ULID's 128 bits, big-endian. */
function ulidBytes(id: string): Buffer {
  if (!ULID.test(id)) throw new RangeError(`not a case id: ${id}`);
  let value = 0n;
  for (const c of id) value = (value << 5n) | BigInt(CROCKFORD.indexOf(c));
  return Buffer.from(value.toString(16).padStart(32, '0'), 'hex');
}

function ulidOf(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = CROCKFORD[Number(value & 31n)]! + id;
    value >>= 5n;
  }
  return id;
}

const macBytes = (mac: Mac, message: string, length: number) => Buffer.from(mac(message), 'hex').subarray(0, length);
const nonceOf = (mac: Mac, caseId: string, seconds: number) => macBytes(mac, `rating-token/nonce#${caseId}#${seconds}`, NONCE_BYTES);
const tagOf = (mac: Mac, body: Buffer) => macBytes(mac, `rating-token/tag#${body.toString('hex')}`, TAG_BYTES);

function keystream(mac: Mac, nonce: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(Buffer.from(mac(`rating-token/stream#${nonce.toString('hex')}#${i}`), 'hex'));
  return Buffer.concat(blocks).subarray(0, length);
}

const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((byte, i) => byte ^ b[i]!));

function secondsOf(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  const seconds = Math.floor(ms / 1000);
  if (seconds < 0 || seconds > 0xffff_ffff) throw new RangeError(`expiry out of range: ${instant}`);
  return seconds;
}

/** The token for a case's rating link, valid until `expiresAt` (kept to the second). The same case and expiry always give the same token. */
export function issueRatingToken(mac: Mac, caseId: string, expiresAt: string): string {
  const seconds = secondsOf(expiresAt);
  const plain = Buffer.alloc(PLAIN_BYTES);
  ulidBytes(caseId).copy(plain, 0);
  plain.writeUInt32BE(seconds, 16);
  const nonce = nonceOf(mac, caseId, seconds);
  const body = Buffer.concat([Buffer.of(VERSION), nonce, xor(plain, keystream(mac, nonce, PLAIN_BYTES))]);
  return Buffer.concat([body, tagOf(mac, body)]).toString('base64url');
}

/** What a token names, or why it names nothing: made without the secret or changed (`forged`), or past its expiry at `now` (`expired`). */
export function openRatingToken(mac: Mac, token: string, now: string): RatingLink | RatingTokenError {
  const bytes = Buffer.from(token, 'base64url');
  // Only the canonical spelling of exactly our bytes is a token (Node's decoder skips what it cannot read).
  if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token || bytes[0] !== VERSION) return 'forged';
  const body = bytes.subarray(0, TOKEN_BYTES - TAG_BYTES);
  if (!timingSafeEqual(tagOf(mac, body), bytes.subarray(TOKEN_BYTES - TAG_BYTES))) return 'forged';
  const nonce = body.subarray(1, 1 + NONCE_BYTES);
  const plain = xor(body.subarray(1 + NONCE_BYTES), keystream(mac, nonce, PLAIN_BYTES));
  const caseId = ulidOf(plain.subarray(0, 16));
  const seconds = plain.readUInt32BE(16);
  if (!timingSafeEqual(nonceOf(mac, caseId, seconds), nonce)) return 'forged';
  const expiresAt = new Date(seconds * 1000).toISOString();
  return Date.parse(now) >= seconds * 1000 ? 'expired' : { caseId, expiresAt };
}

/** The review a link records: one per link, so a link rates once (its second use finds this id taken). */
export function ratingReviewId(mac: Mac, link: RatingLink): string {
  return `${ratingLinkReviewPrefix}${mac(`rating-token/review#${link.caseId}#${secondsOf(link.expiresAt)}`).slice(0, 24)}`;
}

const DAY_MS = 86_400_000;

/**
 * The rating invitation's link (the SMS's `${link}`): the county's public pages, valid for
 * `public.ratingLinkDays` days from the case's completion.
 */
export function ratingLink(county: Pick<County, 'public'>, mac: Mac, caseId: string, completedAt: string): string {
  const expiresAt = new Date(Date.parse(completedAt) + county.public.ratingLinkDays * DAY_MS).toISOString();
  return `${county.public.baseUrl.replace(/\/+$/, '')}/console/public/rate/${issueRatingToken(mac, caseId, expiresAt)}`;
}

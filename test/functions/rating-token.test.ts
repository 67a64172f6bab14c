import { describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { issueRatingToken, openRatingToken, ratingLink, ratingReviewId } from '../../functions/public/rating-token.ts';
import { macOf } from '../../functions/secret.ts';
import { testCounty } from '../support/builders.ts';

const mac = macOf('the-county-secret');
const caseId = '01KAZ3NDEKTSV4RRFFQ69G5FAV';
const expiresAt = '2026-12-13T07:00:00.000Z';
const before = '2026-12-13T06:59:59.999Z';

describe('the rating link’s token', () => {
  it('names the case and expiry it was made for, and is short enough for a text message', () => {
    const token = issueRatingToken(mac, caseId, expiresAt);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThanOrEqual(64);
    expect(openRatingToken(mac, token, before)).toEqual({ caseId, expiresAt });
  });

  it('is the same for the same case and expiry, and differs for another case, expiry or secret', () => {
    const token = issueRatingToken(mac, caseId, expiresAt);
    expect(issueRatingToken(mac, caseId, expiresAt)).toBe(token);
    const others = [issueRatingToken(mac, '01KAZ3NDEKTSV4RRFFQ69G5FAW', expiresAt), issueRatingToken(mac, caseId, '2026-12-13T07:00:01.000Z'), issueRatingToken(macOf('another-secret'), caseId, expiresAt)];
    for (const other of others) expect(other).not.toBe(token);
  });

  it('shows the case id in no form: not as text, not as its bytes', () => {
    const token = issueRatingToken(mac, caseId, expiresAt);
    const bytes = Buffer.from(token, 'base64url');
    expect(token).not.toContain(caseId.slice(0, 10));
    expect(bytes.toString('latin1')).not.toContain(caseId.slice(0, 6));
    // The ULID's 16 bytes: its timestamp part would sit in clear if the token were not encrypted.
    let value = 0n;
    for (const c of caseId) value = (value << 5n) | BigInt('0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c));
    const raw = Buffer.from(value.toString(16).padStart(32, '0'), 'hex');
    expect(bytes.includes(raw.subarray(0, 6))).toBe(false);
    expect(bytes.includes(raw.subarray(10, 16))).toBe(false);
  });

  it('is forged when any byte is changed, when it is cut or lengthened, or when another secret opens it', () => {
    const token = issueRatingToken(mac, caseId, expiresAt);
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x80]) {
        const changed = Buffer.from(bytes);
        changed[i]! ^= flip;
        expect(openRatingToken(mac, changed.toString('base64url'), before), `byte ${i} ^ ${flip}`).toBe('forged');
      }
    }
    expect(openRatingToken(mac, token.slice(0, -1), before)).toBe('forged');
    expect(openRatingToken(mac, `${token}A`, before)).toBe('forged');
    expect(openRatingToken(mac, Buffer.concat([bytes, Buffer.of(0)]).toString('base64url'), before)).toBe('forged');
    expect(openRatingToken(macOf('another-secret'), token, before)).toBe('forged');
    expect(openRatingToken(mac, 'A'.repeat(token.length), before)).toBe('forged');
  });

  it('is forged when spelt other than canonically (the decoder would take it)', () => {
    const token = issueRatingToken(mac, caseId, expiresAt);
    // The last character carries two padding bits: setting them decodes to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    const respelt = token.slice(0, -1) + alphabet[last | 1]!;
    if (respelt !== token) {
      expect(Buffer.from(respelt, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
      expect(openRatingToken(mac, respelt, before)).toBe('forged');
    }
    expect(openRatingToken(mac, `${token}=`, before)).toBe('forged');
  });

  it('is expired from its expiry on (and forged before expired)', () => {
    const token = issueRatingToken(mac, caseId, expiresAt);
    expect(openRatingToken(mac, token, expiresAt)).toBe('expired');
    expect(openRatingToken(mac, token, '2027-01-01T00:00:00Z')).toBe('expired');
    expect(openRatingToken(macOf('another-secret'), token, '2027-01-01T00:00:00Z')).toBe('forged');
  });

  it('keeps the expiry to the second', () => {
    const token = issueRatingToken(mac, caseId, '2026-12-13T07:00:00.789Z');
    expect(openRatingToken(mac, token, before)).toEqual({ caseId, expiresAt });
  });

  it('refuses to make a token for what is not a case id or an instant', () => {
    expect(() => issueRatingToken(mac, 'case-1', expiresAt)).toThrow(RangeError);
    expect(() => issueRatingToken(mac, '81KAZ3NDEKTSV4RRFFQ69G5FAV', expiresAt)).toThrow(RangeError);
    expect(() => issueRatingToken(mac, caseId, 'tomorrow')).toThrow(RangeError);
  });

  it('gives each link one review id, the same whenever the link is opened', () => {
    const link = { caseId, expiresAt };
    expect(ratingReviewId(mac, link)).toBe(ratingReviewId(mac, { ...link }));
    expect(ratingReviewId(mac, link)).toMatch(/^link-[0-9a-f]{24}$/);
    expect(ratingReviewId(mac, { caseId, expiresAt: '2026-12-14T07:00:00.000Z' })).not.toBe(ratingReviewId(mac, link));
  });
});

describe('the rating invitation’s link', () => {
  it('points at the county’s public rating page and lasts public.ratingLinkDays from completion', () => {
    const county = countySchema().parse({ ...testCounty, public: { baseUrl: 'https://banjian.example.gov.cn/', ratingLinkDays: 30 } });
    const link = ratingLink(county, mac, caseId, '2026-11-13T07:00:00.000Z');
    const prefix = 'https://banjian.example.gov.cn/console/public/rate/';
    expect(link.startsWith(prefix)).toBe(true);
    const token = link.slice(prefix.length);
    expect(openRatingToken(mac, token, '2026-12-13T06:59:59.000Z')).toEqual({ caseId, expiresAt: '2026-12-13T07:00:00.000Z' });
    expect(openRatingToken(mac, token, '2026-12-13T07:00:00.000Z')).toBe('expired');
  });
});

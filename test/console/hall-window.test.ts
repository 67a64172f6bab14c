import { describe, expect, it } from 'vitest';
import { phaseOf, ratingLevels, reviewIdFor, type ShownTicket } from '../../console/src/pages/window/display.ts';

const ticket = (status: ShownTicket['status'], at: string, caseIds: string[] = []): ShownTicket => ({ ticketId: '01KCTICKET00000000000000000', status, at, caseIds });
const now = Date.parse('2026-12-18T02:00:00.000Z');

describe('what a window display shows', () => {
  it('calls, then serves, then asks for a rating for two minutes after finish', () => {
    expect(phaseOf(null, now)).toBe('idle');
    expect(phaseOf(ticket('called', '2026-12-18T01:59:00.000Z'), now)).toBe('called');
    expect(phaseOf(ticket('serving', '2026-12-18T01:20:00.000Z'), now)).toBe('serving');
    expect(phaseOf(ticket('finished', '2026-12-18T01:58:30.000Z'), now)).toBe('rating');
    expect(phaseOf(ticket('finished', '2026-12-18T01:58:00.000Z'), now)).toBe('rating');
    expect(phaseOf(ticket('finished', '2026-12-18T01:57:59.000Z'), now)).toBe('idle');
  });

  it('waits for the next call when the visitor did not come or was sent elsewhere', () => {
    expect(phaseOf(ticket('no-show', '2026-12-18T01:59:30.000Z'), now)).toBe('idle');
    expect(phaseOf(ticket('transferred', '2026-12-18T01:59:30.000Z'), now)).toBe('idle');
  });

  it('offers the five levels of 好差评, best first', () => {
    expect(ratingLevels.map((l) => l.label)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  });

  it('gives each case of a visit its own rating id, the same on every resend', () => {
    const a = reviewIdFor('01KCTICKET00000000000000000', '01KCCASEA000000000000000000');
    expect(a).toBe(reviewIdFor('01KCTICKET00000000000000000', '01KCCASEA000000000000000000'));
    expect(a).not.toBe(reviewIdFor('01KCTICKET00000000000000000', '01KCCASEB000000000000000000'));
    expect(a).not.toBe(reviewIdFor('01KCTICKET00000000000000001', '01KCCASEA000000000000000000'));
    // The API takes 1–128 printable ASCII characters.
    expect(a).toMatch(/^[\x21-\x7e]{1,128}$/);
  });
});

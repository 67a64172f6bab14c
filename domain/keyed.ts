/**
 * A keyed MAC under the county secret (HMAC-SHA-256, as lowercase hex), handed in by the adapter so
 * that `domain/` stays pure. Everything salted goes through it — callback and archive samples, phone
 * keys, the roster's order and times — so none of it can be predicted or reversed without the secret,
 * and the same inputs always give the same answer (a rebuild or an auditor with the secret gets the
 * same sample).
 */
export type Mac = (message: string) => string;

/** A uniform 32-bit number from the MAC of a message. */
export const mac32 = (mac: Mac, message: string): number => Number.parseInt(mac(message).slice(0, 8), 16);

/** A uniform fraction in [0, 1) from the MAC of a message (52 bits). */
export const macUnit = (mac: Mac, message: string): number => Number.parseInt(mac(message).slice(0, 13), 16) / 2 ** 52;

/** Whether a case falls in the callback sample at this ratio. */
export function sampled(caseId: string, mac: Mac, ratio: number): boolean {
  return macUnit(mac, `callback-sample#${caseId}`) < ratio;
}

/** A stable keyed digest of a phone number (128 bits): lets an SMS reply find its case without a view holding the number. */
export function phoneKey(phone: string, mac: Mac): string {
  return mac(`phone#${phone.replace(/\D/g, '')}`).slice(0, 32);
}

/**
 * The six-digit query code printed on a case's receipt (查询码): with the case number it looks the case
 * up online when the applicant gave no phone. Keyed, so nobody can work it out from the case number.
 */
export function queryCode(caseId: string, mac: Mac): string {
  return String(mac32(mac, `query-code#${caseId}`) % 1_000_000).padStart(6, '0');
}

/** Sorts by a keyed order: each item's MAC is computed once, ties broken by the item's own key. */
export function macOrder<T>(items: readonly T[], mac: Mac, message: (item: T) => string, key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, h: mac32(mac, message(item)), k: key(item) }))
    .sort((a, b) => a.h - b.h || a.k.localeCompare(b.k))
    .map((x) => x.item);
}

/**
 * A deterministic, uniform hash (FNV-1a over UTF-16 code units, then the murmur3 finaliser), used
 * to sample cases for callbacks and to key phone numbers without storing them: the same input and
 * county salt always give the same answer, so a rebuild or an auditor gets the same sample.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A fraction in [0, 1) from a key and a salt. */
export function unitHash(key: string, salt: string): number {
  return hash32(`${salt}\u0000${key}`) / 4294967296;
}

/** Whether a case falls in the callback sample at this ratio. */
export function sampled(caseId: string, salt: string, ratio: number): boolean {
  return unitHash(caseId, salt) < ratio;
}

/** A stable, salted key for a phone number: lets an SMS reply find its case without a view holding the number. */
export function phoneKey(phone: string, salt: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${hash32(`${salt}\u0001${digits}`).toString(16).padStart(8, '0')}${hash32(`${digits}\u0002${salt}`).toString(16).padStart(8, '0')}`;
}

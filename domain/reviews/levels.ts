/** The five levels of the good/bad review system (好差评), best first. */
export const levels = ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'] as const;
export type Level = (typeof levels)[number];

/** Where a review came from. */
export const reviewChannels = ['window-device', 'sms', 'online', 'callback', 'hotline'] as const;
export type ReviewChannel = (typeof reviewChannels)[number];

/** The last two levels are bad reviews (差评). */
export const isBad = (level: Level) => level === 'dissatisfied' || level === 'very-dissatisfied';

/** Points for the average score (10/8/6/3/0). */
export const scoreOf: Record<Level, number> = { 'very-satisfied': 10, satisfied: 8, 'basically-satisfied': 6, dissatisfied: 3, 'very-dissatisfied': 0 };

/** The words on the rating invitation and what applicants type back. */
export const levelNames: Record<Level, string> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
};

const fullWidthDigits: Record<string, string> = { '１': '1', '２': '2', '３': '3', '４': '4', '５': '5' };

/**
 * Reads an SMS reply to the rating invitation: `1` (very satisfied) … `5` (very dissatisfied), or the
 * Chinese word; anything else is not a rating (it is kept as an unparsed reply).
 */
export function parseSmsReply(text: string): Level | undefined {
  const cleaned = text
    .trim()
    .replace(/[１-５]/g, (d) => fullWidthDigits[d] ?? d)
    .replace(/[。.!！\s]+$/u, '');
  if (/^[1-5]$/.test(cleaned)) return levels[Number(cleaned) - 1];
  // Longest names first: 非常不满意 contains 不满意, which contains 满意.
  const byLength = [...levels].sort((a, b) => levelNames[b].length - levelNames[a].length);
  return byLength.find((level) => cleaned === levelNames[level]);
}

/** Reviews made through the rating invitation's link carry ids with this prefix (one per link). */
export const ratingLinkReviewPrefix = 'link-';

/**
 * Whether a review answers the completion's rating invitation (短信评议): a reply to the SMS, or a
 * rating through the link it carried. One answer closes the invitation for the other way too.
 */
export const answersInvitation = (review: { channel: string; reviewId: string }): boolean => review.channel === 'sms' || review.reviewId.startsWith(ratingLinkReviewPrefix);

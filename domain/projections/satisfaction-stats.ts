import type { CaseEvent } from '../case/events.ts';
import type { CaseState, Review } from '../case/state.ts';
import { scoreOf } from '../reviews/levels.ts';
import type { LocalDate } from '../time.ts';
import { counterProjection, type Counters, type ViewKey } from './projection.ts';

/**
 * Satisfaction counters, one row per (date, window, receiving site, review channel): reviews by
 * level, bad reviews, score points, callback attempts and valid callbacks, unparsed SMS replies,
 * rectifications opened and closed. A voided or replaced review is taken back out of its own row.
 */
export const satisfactionPartition = (date: LocalDate) => `satisfaction#${date.slice(0, 7)}`;

export function satisfactionKey(date: LocalDate, windowId: string, siteId: string, channel: string): ViewKey {
  return { pk: satisfactionPartition(date), sk: `${date}#${windowId}#${siteId}#${channel}` };
}

export function satisfactionLabels(key: ViewKey) {
  const [date, windowId, siteId, channel] = key.sk.split('#') as [string, string, string, string];
  return { date, windowId, siteId, channel };
}

const reviewCounters = (review: Pick<Review, 'level' | 'bad'>, sign: 1 | -1): Counters => ({
  reviews: sign,
  bad: review.bad ? sign : 0,
  score: sign * scoreOf[review.level],
  [`level_${review.level}`]: sign,
});

interface Row {
  key: ViewKey;
  deltas: Counters;
}

function rows(event: CaseEvent, before: CaseState | undefined, after: CaseState): Row[] {
  // Each figure stays with the window it belongs to: a review's with the window reviewed, a rectification's with the rectification's.
  const at = (date: LocalDate, channel: string, windowId = after.windowId) => satisfactionKey(date, windowId, after.receivedSiteId, channel);
  switch (event.type) {
    case 'CaseReviewed': {
      const d = event.data;
      const result: Row[] = [{ key: at(d.reviewDate, d.channel), deltas: reviewCounters({ level: d.level, bad: d.bad }, 1) }];
      const replaced = d.replacesDefault === null ? undefined : before?.reviews.find((r) => r.reviewId === d.replacesDefault);
      if (replaced) result.push({ key: at(replaced.reviewDate, 'default', replaced.windowId), deltas: { ...reviewCounters(replaced, -1), replaced: 1 } });
      return result;
    }
    case 'DefaultReviewApplied':
      return [{ key: at(event.data.reviewDate, 'default'), deltas: reviewCounters({ level: event.data.level, bad: false }, 1) }];
    case 'RectificationRechecked': {
      if (event.data.result !== 'voided') return [];
      const reviewId = after.rectifications.find((r) => r.rectificationId === event.data.rectificationId)?.reviewId;
      const review = before?.reviews.find((r) => r.reviewId === reviewId);
      return review ? [{ key: at(review.reviewDate, review.channel, review.windowId), deltas: { ...reviewCounters(review, -1), voided: 1 } }] : [];
    }
    case 'CallbackAttempted':
      return [{ key: at(event.data.attemptDate, 'callback'), deltas: { callbackAttempts: 1, validCallbacks: event.data.outcome === 'reached' ? 1 : 0 } }];
    case 'SmsReplyReceived':
      return [{ key: at(event.data.receivedDate, 'sms'), deltas: { smsUnparsed: 1 } }];
    case 'RectificationOpened': {
      const review = after.reviews.find((r) => r.reviewId === event.data.reviewId);
      return [{ key: at(event.data.openedDate, review?.channel ?? 'window-device', review?.windowId), deltas: { rectificationsOpened: 1 } }];
    }
    case 'RectificationClosed': {
      const r = after.rectifications.find((x) => x.rectificationId === event.data.rectificationId);
      const review = after.reviews.find((x) => x.reviewId === r?.reviewId);
      return [{ key: at(event.data.closedDate, review?.channel ?? 'window-device', r?.windowId), deltas: { rectificationsClosed: 1 } }];
    }
    default:
      return [];
  }
}

export const satisfactionStats = counterProjection<CaseEvent, CaseState>({
  name: 'satisfaction-stats',
  canHandle: ['CaseReviewed', 'DefaultReviewApplied', 'RectificationRechecked', 'CallbackAttempted', 'SmsReplyReceived', 'RectificationOpened', 'RectificationClosed'],
  keys: ({ event, before, after }) => rows(event, before, after).map((r) => r.key),
  deltas: ({ event, before, after }, key) => rows(event, before, after).find((r) => r.key.sk === key.sk && r.key.pk === key.pk)?.deltas ?? {},
  labels: (key) => satisfactionLabels(key),
});

import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import { answersInvitation } from '../reviews/levels.ts';
import { documentProjection } from './projection.ts';

/**
 * Cases awaiting an SMS rating, by the salted key of the applicant's phone (never the number), so
 * that a reply finds the most recently completed case still waiting.
 */
export const smsPartition = (phoneKey: string) => `sms#${phoneKey}`;

export const smsAwaiting = documentProjection<CaseEvent, CaseState, { caseId: string; completedAt: string }>({
  name: 'sms-awaiting',
  canHandle: ['RatingInvitationDue', 'CaseReviewed'],
  keys: ({ event, after }) => {
    if (!after.sms || after.completedAt === null) return [];
    if (event.type === 'CaseReviewed' && !answersInvitation(event.data)) return [];
    return [{ pk: smsPartition(after.sms.phoneKey), sk: `${after.completedAt}#${after.caseId}` }];
  },
  evolve: ({ after }) => (after.sms && !after.sms.answered ? { caseId: after.caseId, completedAt: after.completedAt ?? '' } : undefined),
});

import { describe, expect, it } from 'vitest';
import type { RectificationView } from '../../../domain/projections/rectifications.ts';
import { submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, applicantSecrets, asText, callbackAttempt, caseHistory, rectification, rectifyAndClose, review } from './histories.ts';

const rectifications = (history: readonly StreamEvent[]) => givenEvents(history).then.docs('rectifications').map((d) => ({ pk: d.pk, sk: d.sk, doc: d.doc as RectificationView }));
const badReview = [submitted(), accept('2026-11-02'), review('2026-11-02', 'dissatisfied', 'R-1')];

describe('the rectifications (整改) of bad reviews', () => {
  it('lists a rectification opened by a bad review among the open ones, with its case', () => {
    expect(rectifications(caseHistory('case-1', badReview))).toEqual([
      {
        pk: 'rectifications#open',
        sk: '2026-11-02#case-1-R1',
        doc: {
          rectificationId: 'case-1-R1',
          reviewId: 'R-1',
          level: 'dissatisfied',
          windowId: 'W02',
          status: 'opened',
          openedDate: '2026-11-02',
          callbackDue: '2026-11-03',
          resolveDue: '2026-11-23',
          calledBackDate: null,
          finding: null,
          resolvedHow: null,
          resolvedDate: null,
          appealReason: null,
          recheck: null,
          recheckedDate: null,
          followUpSatisfied: null,
          closedDate: null,
          caseId: 'case-1',
          caseNo: '339999-20261102-00001',
          itemName: '建设工程规划许可',
        },
      },
    ]);
  });

  it('records the callback a bad review is owed when the applicant is reached', () => {
    const noAnswer = rectifications(caseHistory('case-1', [...badReview, callbackAttempt('2026-11-03', 'A-1', 'no-answer')]));
    expect(noAnswer[0]?.doc.calledBackDate).toBeNull();
    const reached = rectifications(caseHistory('case-1', [...badReview, callbackAttempt('2026-11-03', 'A-1', 'no-answer'), callbackAttempt('2026-11-03', 'A-2', 'reached', undefined, '15:00')]));
    expect(reached).toMatchObject([{ pk: 'rectifications#open', doc: { status: 'opened', calledBackDate: '2026-11-03' } }]);
  });

  it('follows each step while open: verified (核实), resolved (整改), followed up', () => {
    const steps = rectifyAndClose(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
    expect(rectifications(caseHistory('case-1', [...badReview, ...steps.slice(0, 1)]))).toMatchObject([{ pk: 'rectifications#open', doc: { status: 'verified', finding: 'confirmed' } }]);
    expect(rectifications(caseHistory('case-1', [...badReview, ...steps.slice(0, 2)]))).toMatchObject([{ pk: 'rectifications#open', doc: { status: 'resolved', resolvedHow: 'rectified', resolvedDate: '2026-11-04' } }]);
    expect(rectifications(caseHistory('case-1', [...badReview, ...steps.slice(0, 3)]))).toMatchObject([{ pk: 'rectifications#open', doc: { status: 'followed-up', followUpSatisfied: true } }]);
  });

  it('moves a closed rectification out of the open ones into the month it closed', () => {
    const closed = rectifications(caseHistory('case-1', [...badReview, ...rectifyAndClose(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'])]));
    expect(closed).toMatchObject([{ pk: 'rectifications#done#2026-11', sk: '2026-11-02#case-1-R1', doc: { status: 'closed', closedDate: '2026-11-06', caseId: 'case-1' } }]);
    expect(closed).toHaveLength(1);
  });

  it('files a rectification opened in one month and closed in the next under the month it closed', () => {
    const late = [submitted({ date: '2026-11-30' }), accept('2026-11-30'), review('2026-11-30', 'very-dissatisfied', 'R-1'), ...rectifyAndClose(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'])];
    expect(rectifications(caseHistory('case-1', late)).map((d) => [d.pk, d.sk, d.doc.status])).toEqual([['rectifications#done#2026-12', '2026-11-30#case-1-R1', 'closed']]);
  });

  it('finishes a rectification whose review is voided on appeal (申诉复核), and keeps an upheld one open at verification', () => {
    const appealed = [...badReview, rectification('AppealRectification', { reason: '恶意评价' }, '2026-11-03')];
    expect(rectifications(caseHistory('case-1', appealed))).toMatchObject([{ pk: 'rectifications#open', doc: { status: 'appealed', appealReason: '恶意评价' } }]);
    const voided = rectifications(caseHistory('case-1', [...appealed, rectification('RecheckRectification', { result: 'voided' }, '2026-11-04')]));
    expect(voided).toMatchObject([{ pk: 'rectifications#done#2026-11', doc: { status: 'voided', recheck: 'voided' } }]);
    expect(voided).toHaveLength(1);
    const upheld = rectifications(caseHistory('case-1', [...appealed, rectification('RecheckRectification', { result: 'upheld' }, '2026-11-04')]));
    expect(upheld).toMatchObject([{ pk: 'rectifications#open', doc: { status: 'verified', recheck: 'upheld' } }]);
  });

  it('files a voided rectification under the month its re-check voided it, not the month it opened', () => {
    const opened = [submitted(), accept('2026-11-30'), review('2026-11-30', 'dissatisfied', 'R-1'), rectification('AppealRectification', { reason: '恶意评价' }, '2026-11-30', '16:00')];
    const voided = rectifications(caseHistory('case-1', [...opened, rectification('RecheckRectification', { result: 'voided' }, '2026-12-02')]));
    expect(voided).toMatchObject([{ pk: 'rectifications#done#2026-12', doc: { status: 'voided', recheckedDate: '2026-12-02' } }]);
  });

  it('keeps two rectifications of one case apart: closing one leaves the other open', () => {
    const two = [...badReview, review('2026-11-02', 'very-dissatisfied', 'R-2', { time: '16:00' }), ...rectifyAndClose(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'], 'case-1-R2')];
    expect(rectifications(caseHistory('case-1', two)).map((d) => [d.pk, d.sk, d.doc.status, d.doc.reviewId])).toEqual([
      ['rectifications#done#2026-11', '2026-11-02#case-1-R2', 'closed', 'R-2'],
      ['rectifications#open', '2026-11-02#case-1-R1', 'opened', 'R-1'],
    ]);
  });

  it('has nothing for good reviews, and holds no personal data', () => {
    expect(rectifications(caseHistory('case-1', [submitted(), accept('2026-11-02'), review('2026-11-02', 'basically-satisfied', 'R-1')]))).toEqual([]);
    const docs = rectifications(caseHistory('case-1', badReview));
    for (const secret of [...applicantSecrets, '138****1234']) expect(asText(docs), secret).not.toContain(secret);
  });
});

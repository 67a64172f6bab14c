import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../domain/case/state.ts';
import { command, at, submitted } from '../../support/builders.ts';
import { givenEvents } from '../../support/views.ts';
import { accept, applicantSecrets, asText, caseHistory, complete, deliver, reject, requestMaterials, resume, review, supplyMaterials, suspend, transfer } from './histories.ts';

const queue = (history: Parameters<typeof givenEvents>[0]) => givenEvents(history).then.docs('window-queue');

describe('the window queue (窗口队列)', () => {
  it('holds a submitted case at its item’s window, ranked by nothing yet: no acceptance, no deadline', () => {
    expect(queue(caseHistory('case-1', [submitted()]))).toEqual([
      {
        pk: 'queue#W02',
        sk: 'case-1',
        index: {},
        doc: {
          caseId: 'case-1',
          caseNo: '339999-20261102-00001',
          windowId: 'W02',
          status: 'submitted',
          item: { code: 'COM-6', name: '建设工程规划许可', type: 'commitment', committedDays: 6 },
          channel: 'window',
          siteId: 'S-CENTER',
          receivedSiteId: 'S-CENTER',
          submittedAt: at('2026-11-02', '09:00'),
          acceptedDate: null,
          suspendedWorkingDays: 0,
          suspendedSince: null,
          deadline: null,
          missing: null,
        },
      },
    ]);
  });

  it('follows the one-time notice (一次性告知) and the materials supplied', () => {
    const noticed = caseHistory('case-1', [submitted({ materials: ['M1'] }), requestMaterials('2026-11-02', ['M2', 'M3'])]);
    expect(queue(noticed)[0]?.doc).toMatchObject({ status: 'awaiting-materials', missing: ['M2', 'M3'] });
    const supplied = caseHistory('case-1', [submitted({ materials: ['M1'] }), requestMaterials('2026-11-02', ['M2', 'M3']), supplyMaterials('2026-11-03', ['M2', 'M3'])]);
    expect(queue(supplied)[0]?.doc).toMatchObject({ status: 'submitted', missing: null });
  });

  it('carries the acceptance date and deadline once accepted (accepted Mon 11-02 + 6 working days: 11-10)', () => {
    const docs = queue(caseHistory('case-1', [submitted(), accept('2026-11-02')]));
    expect(docs.map((d) => [d.pk, d.sk])).toEqual([['queue#W02', 'case-1']]);
    expect(docs[0]?.doc).toMatchObject({ status: 'accepted', acceptedDate: '2026-11-02', deadline: '2026-11-10', suspendedWorkingDays: 0, suspendedSince: null });
  });

  it('shows a special procedure (特别程序) while it runs, and the stopped days once it ends', () => {
    const suspended = [submitted(), accept('2026-11-02'), suspend('2026-11-04')];
    expect(queue(caseHistory('case-1', suspended))[0]?.doc).toMatchObject({ status: 'suspended', suspendedSince: '2026-11-04', deadline: '2026-11-10' });
    // Stopped for the working days in (11-04, 11-09]: Thu, Fri, Mon = 3, so the deadline moves to 11-13.
    const resumed = caseHistory('case-1', [...suspended, resume('2026-11-09')]);
    expect(queue(resumed)[0]?.doc).toMatchObject({ status: 'accepted', suspendedSince: null, suspendedWorkingDays: 3, deadline: '2026-11-13' });
  });

  it('drops the case when it is completed, and does not bring it back on delivery', () => {
    const completed = caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-05')]);
    expect(queue(completed)).toEqual([]);
    expect(queue(caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-05'), deliver('2026-11-06')]))).toEqual([]);
  });

  it('drops a case that is not accepted (不予受理)', () => {
    expect(queue(caseHistory('case-1', [submitted({ materials: ['M1'] }), requestMaterials('2026-11-02', ['M2', 'M3']), reject('2026-11-03')]))).toEqual([]);
  });

  it('keeps reviews out of it: a rating does not rewrite the entry', () => {
    const history = caseHistory('case-1', [submitted(), accept('2026-11-02'), review('2026-11-02', 'very-dissatisfied', 'R-1')]);
    expect(history.map((e) => e.event.type)).toEqual(['CaseSubmitted', 'CaseAccepted', 'CaseReviewed', 'RectificationOpened']);
    expect(queue(history)).toEqual(queue(history.slice(0, 2)));
  });

  it('moves a transferred case (转办) from the old window’s queue to the new one’s', () => {
    const docs = queue(caseHistory('case-1', [submitted(), accept('2026-11-02'), transfer('2026-11-03', 'W01')]));
    expect(docs.map((d) => [d.pk, d.sk])).toEqual([['queue#W01', 'case-1']]);
    expect(docs[0]?.doc).toMatchObject({ windowId: 'W01', status: 'accepted', acceptedDate: '2026-11-02' });
  });

  it('moves a grassroots case forwarded up (上报) to the county window, keeping the site that received it', () => {
    const township = submitted({ channel: 'township', siteId: 'S-T1' });
    const atTownship = { ...township, data: { ...township.data, windowId: 'WT-1' } } as typeof township;
    const before = queue(caseHistory('case-1', [atTownship]));
    expect(before.map((d) => [d.pk, d.sk])).toEqual([['queue#WT-1', 'case-1']]);
    expect(before[0]?.doc).toMatchObject({ siteId: 'S-T1', receivedSiteId: 'S-T1', channel: 'township' });

    const history = caseHistory('case-1', [atTownship, transfer('2026-11-02', 'W02')]);
    expect(history.at(-1)?.event).toMatchObject({ type: 'CaseTransferred', data: { kind: 'forward' } });
    const after = queue(history);
    expect(after.map((d) => [d.pk, d.sk])).toEqual([['queue#W02', 'case-1']]);
    expect(after[0]?.doc).toMatchObject({ windowId: 'W02', siteId: 'S-CENTER', receivedSiteId: 'S-T1', channel: 'township' });
  });

  it('holds each window’s open cases side by side, and only those', () => {
    const history = [
      ...caseHistory('case-a', [submitted({ caseId: 'case-a' }), accept('2026-11-02')]),
      ...caseHistory('case-b', [submitted({ caseId: 'case-b', itemCode: 'IMM-1', materials: ['M1'] })]),
      ...caseHistory('case-c', [submitted({ caseId: 'case-c' }), accept('2026-11-02'), complete('2026-11-04')]),
      ...caseHistory('case-d', [submitted({ caseId: 'case-d', itemCode: 'UP-10', materials: ['M1'] }), accept('2026-11-03')]),
    ];
    expect(queue(history).map((d) => [d.pk, d.sk, (d.doc as { status: string }).status])).toEqual([
      ['queue#W01', 'case-b', 'submitted'],
      ['queue#W02', 'case-a', 'accepted'],
      ['queue#W02', 'case-d', 'accepted'],
    ]);
  });

  it('holds no personal data: no applicant, phone or identity number (and the state views keep is masked)', () => {
    const history = caseHistory('case-1', [submitted(), accept('2026-11-02'), suspend('2026-11-03')]);
    const docs = queue(history);
    expect(docs).toHaveLength(1);
    expect(Object.keys(docs[0]!.doc)).not.toContain('applicant');
    for (const secret of applicantSecrets) expect(asText(docs), secret).not.toContain(secret);
    // The state kept beside the views is redacted as the first event lands …
    expect((givenEvents(history.slice(0, 1)).then.state('case#case-1') as CaseState).applicant).toEqual({ name: '张三', phone: '138****1234', idNumber: '3310**********1234' });
    // … and stays masked the same way as later events land on it.
    const state = givenEvents(history).then.state('case#case-1') as CaseState;
    expect(state.applicant).toEqual({ name: '张三', phone: '138****1234', idNumber: '3310**********1234' });
  });

  it('queues a case at its own window, whichever window’s clerk recorded the step', () => {
    const history = caseHistory('case-1', [submitted(), command('AcceptCase', {}, at('2026-11-02', '10:00'), { windowId: 'W01' })]);
    expect(queue(history).map((d) => d.pk)).toEqual(['queue#W02']);
  });
});

import { describe, expect, it } from 'vitest';
import { attendanceAggregate, type AttendanceCommand } from '../../../domain/attendance/aggregate.ts';
import { siteInspectionAggregate, type RecordSiteInspection } from '../../../domain/site-inspection/aggregate.ts';
import { at, meta, submitted } from '../../support/builders.ts';
import { givenEvents } from '../../support/views.ts';
import { accept, callbackAttempt, caseHistory, complete, rectification, review, streamHistory, transfer } from './histories.ts';

const docs = (history: Parameters<typeof givenEvents>[0], projection: string) => givenEvents(history).then.docs(projection);
const asClerk = (id: string, windowId = 'W02') => ({ actor: { id, role: 'clerk' as const }, windowId });

describe('the assessment facts (考核)', () => {
  it('files a forward from a grassroots site under the month it was made, with the case’s receipt', () => {
    const history = caseHistory('case-1', [submitted({ channel: 'village', siteId: 'S-T1-V1', date: '2026-11-06' }), transfer('2026-11-10', 'W02')]);
    expect(docs(history, 'assessment-case')).toEqual([
      { pk: 'scorecard#2026-11', sk: 'site#S-T1-V1#forwarding#case-1#2', index: {}, doc: { kind: 'forwarding', siteId: 'S-T1-V1', receivedSiteId: 'S-T1-V1', caseNo: '339999-20261102-00001', submittedDate: '2026-11-06', date: '2026-11-10', ref: { stream: 'case#case-1', version: 2 } } },
    ]);
    // A transfer between the county's windows is no forward.
    expect(docs(caseHistory('case-1', [submitted(), transfer('2026-11-03', 'W01')]), 'assessment-case')).toEqual([]);
  });

  it('files a wrong number a callback found against the receiving site', () => {
    const history = caseHistory('case-1', [submitted({ channel: 'township', siteId: 'S-T1' }), accept('2026-11-02'), complete('2026-11-02'), callbackAttempt('2026-11-04', 'A1', 'no-answer'), callbackAttempt('2026-11-05', 'A2', 'wrong-number')]);
    expect(docs(history, 'assessment-case').map((d) => [d.sk, (d.doc as { date: string }).date])).toEqual([['site#S-T1#wrong-number#A2', '2026-11-05']]);
  });

  it('files a bad review’s rectification under the month it falls due, with when it was resolved, and drops it when voided', () => {
    const opened = [submitted(), accept('2026-11-02'), review('2026-11-20', 'dissatisfied', 'R-1')];
    const open = docs(caseHistory('case-1', opened), 'assessment-case');
    expect(open.map((d) => [d.pk, d.sk, (d.doc as { resolveDue: string }).resolveDue, (d.doc as { resolvedDate: string | null }).resolvedDate])).toEqual([['scorecard#2026-12', 'window#W02#rectification#case-1-R1', '2026-12-11', null]]);
    const resolved = docs(caseHistory('case-1', [...opened, rectification('VerifyRectification', { finding: 'confirmed' }, '2026-11-23'), rectification('ResolveRectification', { how: 'rectified', note: '已整改' }, '2026-12-14')]), 'assessment-case');
    expect(resolved.map((d) => [(d.doc as { resolvedDate: string }).resolvedDate, (d.doc as { ref: { version: number } }).ref.version])).toEqual([['2026-12-14', 6]]);
    const voided = caseHistory('case-1', [...opened, rectification('AppealRectification', { reason: '误评' }, '2026-11-23'), rectification('RecheckRectification', { result: 'voided' }, '2026-11-24')]);
    expect(docs(voided, 'assessment-case')).toEqual([]);
  });

  it('counts each worker’s completions, on time and late, and gives the case’s reviews and late completions to the worker who handled it', () => {
    const history = [
      ...caseHistory('case-1', [{ ...submitted(), meta: meta(at('2026-11-02', '09:00'), asClerk('clerk-a')) }, { ...accept('2026-11-02'), meta: meta(at('2026-11-02', '10:00'), asClerk('clerk-a')) }, { ...complete('2026-11-20'), meta: meta(at('2026-11-20', '15:00'), asClerk('clerk-b')) }, review('2026-11-20', 'very-dissatisfied', 'R-1')]),
      ...caseHistory('case-2', [{ ...submitted({ caseId: 'case-2' }), meta: meta(at('2026-11-02', '09:00'), asClerk('clerk-a')) }, { ...accept('2026-11-02'), meta: meta(at('2026-11-02', '10:00'), asClerk('clerk-a')) }, { ...complete('2026-11-03'), meta: meta(at('2026-11-03', '15:00'), asClerk('clerk-a')) }]),
    ];
    const { then } = givenEvents(history);
    expect(then.counters('staff-stats').map((r) => [r.sk, r.counters])).toEqual([
      ['clerk-a#W02', { completed: 1, onTime: 1 }],
      ['clerk-b#W02', { completed: 1, late: 1 }],
    ]);
    const charged = then.docs('scorecard-case').map((d) => [(d.doc as { kind: string }).kind, (d.doc as { staffIds: string[] }).staffIds]);
    expect(charged).toEqual([['bad-review', ['clerk-b']], ['late-completion', ['clerk-b']]]);
  });

  it('keeps a worker’s day at the terminal under its month, and an inspection under the scorecard’s', () => {
    const day: AttendanceCommand[] = [
      { type: 'SignIn', data: { staffId: 'clerk-a', windowId: 'W01', date: '2026-11-03', time: '08:25' }, meta: meta(at('2026-11-03', '08:25'), asClerk('clerk-a', 'W01')) },
      { type: 'SignOut', data: { staffId: 'clerk-a', windowId: 'W01', date: '2026-11-03', time: '17:01' }, meta: meta(at('2026-11-03', '17:01'), asClerk('clerk-a', 'W01')) },
    ];
    const attendance = docs(streamHistory(attendanceAggregate, '2026-11-03#clerk-a', day, undefined), 'attendance');
    expect(attendance.map((d) => [d.pk, d.sk, (d.doc as { records: unknown[] }).records])).toEqual([
      ['attendance#2026-11', 'clerk-a#2026-11-03', [{ kind: 'in', windowId: 'W01', time: '08:25', v: 1 }, { kind: 'out', windowId: 'W01', time: '17:01', v: 2 }]],
    ]);
    const items = { signage: true, hoursKept: false, staffPresent: true, agentOnDuty: true, catalogueDisplayed: true, ratingDeviceInUse: true };
    const inspect: RecordSiteInspection = { type: 'RecordSiteInspection', data: { siteId: 'S-T1', date: '2026-11-12', items, note: null, inspectorId: 'admin' }, meta: meta(at('2026-11-12', '15:00'), { actor: { id: 'admin', role: 'admin' }, windowId: null }) };
    expect(docs(streamHistory(siteInspectionAggregate, 'S-T1#2026-11-12', [inspect], undefined), 'assessment-site-inspection').map((d) => [d.pk, d.sk])).toEqual([['scorecard#2026-11', 'site#S-T1#site-inspection#2026-11-12']]);
  });
});

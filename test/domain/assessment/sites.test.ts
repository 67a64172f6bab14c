import { describe, expect, it } from 'vitest';
import { siteScorecards, type SiteFigures } from '../../../domain/assessment/sites.ts';
import type { ForwardingFact, SiteInspectionFact, WrongNumberFact } from '../../../domain/projections/assessment.ts';
import type { Deduction } from '../../../domain/scorecard/scorecard.ts';
import { testCalendar } from '../../support/builders.ts';
import { settings } from './fixtures.ts';

const county = {
  sites: [
    { id: 'S-C', name: '县行政服务中心', level: 'county' as const, parentId: null },
    { id: 'T1', name: '海游街道', level: 'township' as const, parentId: 'S-C' },
    { id: 'V1', name: '城西村代办点', level: 'village' as const, parentId: 'T1' },
    { id: 'T2', name: '健跳镇', level: 'township' as const, parentId: 'S-C' },
  ],
};
const ref = (stream: string, version: number) => ({ stream, version });
const forward = (siteId: string, submittedDate: string, date: string, caseId: string): ForwardingFact => ({ kind: 'forwarding', siteId, receivedSiteId: siteId, caseNo: `NO-${caseId}`, submittedDate, date, ref: ref(`case#${caseId}`, 3) });
const forwards = [forward('V1', '2026-11-02', '2026-11-03', 'F1'), forward('T1', '2026-11-06', '2026-11-10', 'F2'), forward('T2', '2026-11-02', '2026-11-02', 'F3')];
const deductions: Deduction[] = [
  { kind: 'bad-review', windowId: 'W01', date: '2026-11-09', detail: 'very-dissatisfied', ref: ref('case#B1', 6), siteId: 'V1', staffIds: [] },
  { kind: 'bad-review', windowId: 'W01', date: '2026-11-09', detail: 'dissatisfied', ref: ref('case#B2', 6), siteId: 'S-C', staffIds: [] },
];
const wrongNumbers: WrongNumberFact[] = [{ kind: 'wrong-number', siteId: 'T2', windowId: 'WT-T2', caseNo: 'NO-W1', date: '2026-11-16', ref: ref('case#W1', 7) }];
const items = { signage: true, hoursKept: true, staffPresent: true, agentOnDuty: true, catalogueDisplayed: true, ratingDeviceInUse: true };
const inspections: SiteInspectionFact[] = [
  { kind: 'site-inspection', siteId: 'T1', date: '2026-11-12', items: { ...items, hoursKept: false, ratingDeviceInUse: false }, note: '下午提前关门', inspectorId: 'admin', ref: ref('site-inspection#T1#2026-11-12', 1) },
  { kind: 'site-inspection', siteId: 'T2', date: '2026-11-13', items, note: null, inspectorId: 'admin', ref: ref('site-inspection#T2#2026-11-13', 1) },
];
const f = (x: Partial<SiteFigures>): SiteFigures => ({ submitted: 0, reviews: 0, bad: 0, callbackAttempts: 0, validCallbacks: 0, ...x });
const figures = new Map([['T1', f({ submitted: 60 })], ['V1', f({ submitted: 45, reviews: 10, bad: 1, callbackAttempts: 8, validCallbacks: 6 })], ['T2', f({ submitted: 20, reviews: 5, callbackAttempts: 4, validCallbacks: 2 })]]);
const calendar = testCalendar();
const input = { month: '2026-11', county, deductions, forwards, wrongNumbers, inspections, figures, workingDaysBetween: (a: string, b: string) => calendar.workingDaysBetween(a, b), rules: settings.sites };

/**
 * The hand-worked month. T1 with its village V1: 105 applications (+2); V1's forward the next working
 * day is on time, T1's took two working days (Friday to Tuesday, −2); a bad review of a case received at
 * V1 (−2); the inspection found the hours not kept (−2) and the rating device unused (−1): 100 − 7 + 2 = 95.
 * T2: 20 applications (no points on), a same-day forward, a wrong number recorded (−1): 99.
 */
describe('township center scorecards (乡镇便民服务中心考核)', () => {
  it('adds up the hand-worked month with the villages rolled up', () => {
    const sheet = siteScorecards({ ...input, level: 'township' });
    expect(sheet.sites.map((s) => [s.siteId, s.score, s.deducted, s.bonus, s.rank, s.tier])).toEqual([
      ['T2', 99, 1, 0, 1, '优秀'],
      ['T1', 95, 7, 2, 2, '优秀'],
    ]);
    const t1 = sheet.sites.find((s) => s.siteId === 'T1')!;
    expect([t1.sites, t1.submitted, t1.forwarded, t1.forwardedOnTime, t1.forwardingRate, t1.reviews, t1.badReviews, t1.satisfactionRate, t1.callbackReach, t1.inspections]).toEqual([['T1', 'V1'], 105, 2, 1, 0.5, 10, 1, 0.9, 0.75, 1]);
    expect(t1.deductions.map((d) => [d.date, d.kind, d.points, d.link])).toEqual([
      ['2026-11-09', 'bad-review', 2, '/cases/B1/events#v6'],
      ['2026-11-10', 'late-forwarding', 2, '/cases/F2/events#v3'],
      ['2026-11-12', 'inspection', 2, '/site-inspections/2026-11#T1-2026-11-12'],
      ['2026-11-12', 'inspection', 1, '/site-inspections/2026-11#T1-2026-11-12'],
    ]);
    expect(sheet.sites.find((s) => s.siteId === 'T2')!.deductions.map((d) => [d.kind, d.link])).toEqual([['wrong-number', '/cases/W1/events#v7']]);
  });

  it('scores each village point alone at level=village', () => {
    const sheet = siteScorecards({ ...input, level: 'village' });
    expect(sheet.sites.map((s) => [s.siteId, s.score, s.bonus, s.submitted, s.forwardingRate, s.deductions.map((d) => d.kind)])).toEqual([['V1', 99, 1, 45, 1, ['bad-review']]]);
  });
});

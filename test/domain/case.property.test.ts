import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { decide } from '../../domain/case/decide.ts';
import type { CaseEvent, CaseEventType } from '../../domain/case/events.ts';
import { evolve, type CaseState, type CaseStatus } from '../../domain/case/state.ts';
import { DomainError } from '../../domain/errors.ts';
import { addDays } from '../../domain/time.ts';
import { at, command, context, submitted, testCounty } from '../support/builders.ts';

/** The legal lifecycle, written independently of `decide`: status before → event → status after. */
const legal = {
  CaseSubmitted: { from: ['none'], to: 'submitted' },
  MaterialsRequested: { from: ['submitted'], to: 'awaiting-materials' },
  MaterialsSupplied: { from: ['awaiting-materials'], to: 'submitted' },
  CaseAccepted: { from: ['submitted'], to: 'accepted' },
  CaseRejected: { from: ['submitted', 'awaiting-materials'], to: 'rejected' },
  CaseSuspended: { from: ['accepted'], to: 'suspended' },
  CaseResumed: { from: ['suspended'], to: 'accepted' },
  CaseTransferred: { from: ['submitted', 'awaiting-materials', 'accepted', 'suspended'], to: 'same' },
  CaseCompleted: { from: ['accepted'], to: 'completed' },
  CaseDelivered: { from: ['completed'], to: 'delivered' },
  // Satisfaction events never move the case; ratings need an accepted case.
  ...Object.fromEntries(
    ['CaseReviewed', 'DefaultReviewApplied', 'RatingInvitationDue', 'SmsReplyReceived', 'CallbackAttempted', 'RectificationOpened', 'RectificationVerified', 'RectificationResolved', 'RectificationAppealed', 'RectificationRechecked', 'RectificationFollowedUp', 'RectificationClosed'].map((t) => [
      t,
      { from: t === 'RatingInvitationDue' ? ['completed'] : ['accepted', 'suspended', 'completed', 'delivered'], to: 'same' as const },
    ]),
  ),
} as unknown as Record<CaseEventType, { from: readonly (CaseStatus | 'none')[]; to: CaseStatus | 'same' }>;

const codes = ['M1', 'M2', 'M3'];
const step = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), missing: fc.subarray(codes, { minLength: 1 }) }),
  fc.record({ kind: fc.constant('supply' as const), materials: fc.subarray(codes, { minLength: 1 }) }),
  fc.constant({ kind: 'accept' as const }),
  fc.constant({ kind: 'reject' as const }),
  fc.constant({ kind: 'suspend' as const }),
  fc.constant({ kind: 'resume' as const }),
  fc.record({ kind: fc.constant('transfer' as const), windowId: fc.constantFrom('W01', 'W02', 'WT-1') }),
  fc.record({ kind: fc.constant('complete' as const), decision: fc.constantFrom('approved' as const, 'denied' as const, 'forwarded' as const) }),
  fc.constant({ kind: 'deliver' as const }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function toCommand(s: Step, now: string): CaseCommand {
  switch (s.kind) {
    case 'request':
      return command('RequestMaterials', { missing: s.missing }, now);
    case 'supply':
      return command('SupplyMaterials', { materials: s.materials }, now);
    case 'accept':
      return command('AcceptCase', {}, now);
    case 'reject':
      return command('RejectCase', { reason: '材料不符' }, now);
    case 'suspend':
      return command('SuspendCase', { procedure: 'inspection', reason: '现场勘查' }, now);
    case 'resume':
      return command('ResumeCase', {}, now);
    case 'transfer':
      return command('TransferCase', { windowId: s.windowId }, now);
    case 'complete':
      return command('CompleteCase', { decision: s.decision }, now);
    case 'deliver':
      return command('DeliverCase', { method: 'post' }, now);
  }
}

const scenario = fc.record({
  itemCode: fc.constantFrom(...testCounty.items.map((i) => i.code)),
  start: fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
  materials: fc.subarray(codes),
  steps: fc.array(fc.tuple(step, fc.integer({ min: 0, max: 9 })), { maxLength: 25 }),
});

describe('any sequence of commands', () => {
  it('yields only legal histories, with deadlines never before acceptance', () => {
    fc.assert(
      fc.property(scenario, ({ itemCode, start, materials, steps }) => {
        const item = testCounty.items.find((i) => i.code === itemCode)!;
        let date = start.toISOString().slice(0, 10);
        const first = submitted({ itemCode, date, materials: materials.filter((m) => item.materials.some((x) => x.code === m)) });
        let state: CaseState | undefined;
        const history: CaseEvent[] = [];
        for (const cmd of [first, ...steps.map(([s, gap], i) => toCommand(s, at((date = addDays(date, gap)), `1${i % 10}:00`)))]) {
          let events: CaseEvent[];
          try {
            events = decide(cmd, state, context);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          for (const event of events) {
            const rule = legal[event.type];
            expect(rule.from).toContain(state?.status ?? 'none');
            const after = evolve(state, event);
            expect(after.status).toBe(rule.to === 'same' ? state?.status : rule.to);
            expect(after.version).toBe((state?.version ?? 0) + 1);
            if (after.acceptedDate !== null && after.deadline !== null) expect(after.deadline >= after.acceptedDate).toBe(true);
            if (event.type === 'CaseCompleted') {
              expect(event.data.completedDate >= (state?.acceptedDate ?? '')).toBe(true);
              if (after.item.type === 'immediate') expect(event.data.early).toBeNull();
            }
            state = after;
            history.push(event);
          }
        }
        const notices = history.filter((e) => e.type === 'MaterialsRequested').length;
        const answers = history.filter((e) => e.type === 'MaterialsSupplied').length;
        expect(notices - answers).toBeGreaterThanOrEqual(0);
        expect(notices - answers).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

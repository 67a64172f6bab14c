import { describe, expect, it } from 'vitest';
import { commandStatuses } from '../../domain/case/decide.ts';
import { from } from '../../console/src/pages/clerk/case-actions.ts';

/** The console offers a step only in the states the case's decider takes it from: the two tables must not drift. */
describe('the clerk console’s steps', () => {
  it('start from exactly the states the case decider allows', () => {
    const commands = {
      'request-materials': 'RequestMaterials',
      'supply-materials': 'SupplyMaterials',
      accept: 'AcceptCase',
      reject: 'RejectCase',
      suspend: 'SuspendCase',
      resume: 'ResumeCase',
      transfer: 'TransferCase',
      complete: 'CompleteCase',
      deliver: 'DeliverCase',
    } as const;
    for (const [action, command] of Object.entries(commands) as [keyof typeof commands, (typeof commands)[keyof typeof commands]][]) {
      expect({ action, from: [...from[action]].sort() }).toEqual({ action, from: [...commandStatuses[command]].sort() });
    }
    expect(Object.keys(commands).sort()).toEqual(Object.keys(from).sort());
  });
});

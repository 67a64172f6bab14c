import type { Schemas } from '../../client/index.ts';

/** One department's task of a joint case as the API shows it: open, 5 working days, nothing answered; `patch` sets the rest. */
export const jointTask = (departmentId: string, patch: Partial<Schemas['JointReview']['tasks'][number]> = {}): Schemas['JointReview']['tasks'][number] => ({
  departmentId,
  windowId: 'W07',
  status: 'open',
  days: 5,
  inspects: true,
  materials: ['M1'],
  deadline: '2026-12-31',
  deadlineProvisional: false,
  stoppedWorkingDays: 0,
  clockStopped: false,
  answeredAt: null,
  answeredDate: null,
  items: [],
  note: null,
  ...patch,
});

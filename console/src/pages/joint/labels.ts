import type { Schemas } from '../../../../client/index.ts';

type Task = Schemas['JointReview']['tasks'][number];

/** A department task's status (联合审批), as the hall says it, with a tag colour. */
export const taskStatus: Record<Task['status'], { label: string; color: string }> = {
  open: { label: '审查中', color: 'processing' },
  passed: { label: '通过', color: 'success' },
  rectify: { label: '需整改', color: 'warning' },
  failed: { label: '不通过', color: 'error' },
  'deemed-consenting': { label: '缺席视为同意', color: 'cyan' },
  'deemed-approving': { label: '超时默许', color: 'purple' },
};

/** A department's opinion. */
export const opinionResults: Record<'pass' | 'rectify' | 'fail', string> = { pass: '通过', rectify: '需整改', fail: '不通过' };

/** Where the combined rectification list stands. */
export const rectificationStatus: Record<Schemas['JointRectification']['status'], string> = { none: '未出具', issued: '整改中（已出具整改通知）', completed: '整改完成' };

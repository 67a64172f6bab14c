import { filingsOf } from '../../domain/project/plan.ts';
import type { ProjectState } from '../../domain/project/types.ts';

/**
 * How many cases a step has been filed as: a counter taken in each filing case's own transaction on
 * the condition that it still equals the filings the project has recorded. Until the process
 * manager records a filing, a second one for the same step loses that race and is refused.
 */
export const stepFilingsCounter = (projectId: string, stepId: string) => `stepFilings#${projectId}#${stepId}`;
export const filingCount = (state: ProjectState, stepId: string) => filingsOf(state, stepId).length;

import type { CaseEvent } from '../case/events.ts';
import { lifecycleEventTypes } from '../case/events.ts';
import type { CaseState, CaseStatus } from '../case/state.ts';
import type { ProjectEvent, ProjectState } from '../project/types.ts';
import { projectEventTypes } from '../project/aggregate.ts';
import type { LocalDate } from '../time.ts';
import { documentProjection } from './projection.ts';

/**
 * Agency projects (代办项目) as the lists read them: one document per project, the project's whole
 * state (no personal data: an enterprise and its public credit code). The worklist, the list and the
 * agency figures read this partition; a project's own page folds its stream.
 */
export const PROJECTS_PARTITION = 'projects';
export const projectsView = documentProjection<ProjectEvent, ProjectState, ProjectState>({
  name: 'projects',
  canHandle: projectEventTypes,
  keys: ({ after }) => [{ pk: PROJECTS_PARTITION, sk: after.projectId }],
  evolve: ({ after }) => after,
});

/**
 * The cases filed for a project's steps, as they stand (status, deadline): a project's page and the
 * agent's worklist show each filed step's case without reading its stream.
 */
export const projectCasesPartition = (projectId: string) => `project-cases#${projectId}`;
export interface ProjectCase {
  caseId: string;
  caseNo: string;
  stepId: string;
  status: CaseStatus;
  deadline: LocalDate | null;
}
export const projectCases = documentProjection<CaseEvent, CaseState, ProjectCase>({
  name: 'project-cases',
  canHandle: lifecycleEventTypes,
  // States projected before projects existed have no `project` at all.
  keys: ({ after }) => (after.project ? [{ pk: projectCasesPartition(after.project.projectId), sk: after.caseId }] : []),
  evolve: ({ after }) => (after.project ? { caseId: after.caseId, caseNo: after.caseNo, stepId: after.project.stepId, status: after.status, deadline: after.deadline } : undefined),
});

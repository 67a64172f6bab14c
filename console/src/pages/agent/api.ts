import { api, ApiProblem, read, send, type SendOptions } from '../../api/client.ts';
import { isWorkingDay } from '../admin/calendar-model.ts';
import { weekdaysOnly, type AgentWorklist, type fileBody, type Project, type ProjectSummary } from './model.ts';

/** The agent pages' requests, through the typed client. */

export const readWorklist = (): Promise<AgentWorklist> => read(api().GET('/agents/me/worklist'));

export const readProjects = (status: 'open' | 'closed'): Promise<ProjectSummary[]> => read(api().GET('/projects', { params: { query: { status } } }));

export const readProject = (id: string): Promise<Project> => read(api().GET('/projects/{id}', { params: { path: { id } } }));

export const recordFollowUp = (id: string, body: { at: string; note: string; blockers?: string[] }, options?: SendOptions): Promise<Project> =>
  send((headers) => api().POST('/projects/{id}/follow-ups', { params: { path: { id } }, body, headers }), options);

export const fileStep = (body: ReturnType<typeof fileBody>, options?: SendOptions) => send((headers) => api().POST('/cases', { body, headers }), options);

/**
 * Whether a date is a working day by the county's calendar, for the years the chart spans. An agent
 * may not read the calendar everywhere: then Monday to Friday, which differs only on holidays.
 */
export async function workingDays(years: number[]): Promise<(date: string) => boolean> {
  try {
    const calendars = new Map((await Promise.all(years.map((year) => read(api().GET('/calendar/{year}', { params: { path: { year } } }))))).map((c) => [c.year, c]));
    return (date) => {
      const calendar = calendars.get(Number(date.slice(0, 4)));
      return calendar ? isWorkingDay(date, calendar, calendar) : weekdaysOnly(date);
    };
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 403 || error.status === 404)) return weekdaysOnly;
    throw error;
  }
}

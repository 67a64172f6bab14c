import type { paths } from '../../../../client/schema.d.ts';
import { api, read, send, type SendOptions } from '../../api/client.ts';
import { isWorkingDay } from '../admin/calendar-model.ts';
import type { Intermediary, MarketProject, MarketRules, MarketStats } from './model.ts';

/** The marketplace pages' requests (中介超市), through the typed client. */

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
const path = (id: string) => ({ params: { path: { id } } });

export const readRules = (): Promise<MarketRules> => read(api().GET('/market/service-types'));
export const readProjects = (): Promise<MarketProject[]> => read(api().GET('/market/projects'));
export const readProject = (id: string): Promise<MarketProject> => read(api().GET('/market/projects/{id}', path(id)));
export const readIntermediaries = (): Promise<Intermediary[]> => read(api().GET('/intermediaries'));
export const readIntermediary = (id: string): Promise<Intermediary> => read(api().GET('/intermediaries/{id}', path(id)));
export const readStats = (from: string, to: string): Promise<MarketStats> => read(api().GET('/stats/market', { params: { query: { from, to } } }));

export const register = (body: Body<'/intermediaries'>, options?: SendOptions) => send((headers) => api().POST('/intermediaries', { body, headers }), options);
export const approve = (id: string) => send((headers) => api().POST('/intermediaries/{id}/approve', { ...path(id), body: {}, headers }));
export const suspend = (id: string, body: Body<'/intermediaries/{id}/suspend'>) => send((headers) => api().POST('/intermediaries/{id}/suspend', { ...path(id), body, headers }));
export const reinstate = (id: string, body: Body<'/intermediaries/{id}/reinstate'>) => send((headers) => api().POST('/intermediaries/{id}/reinstate', { ...path(id), body, headers }));

export const draft = (body: Body<'/market/projects'>, options?: SendOptions) => send((headers) => api().POST('/market/projects', { body, headers }), options);
/** Publishes a draft, with a new deadline when its own has come too close. */
export const publish = (id: string, quoteDeadline?: string) => send((headers) => api().POST('/market/projects/{id}/publish', { ...path(id), body: quoteDeadline === undefined ? {} : { quoteDeadline }, headers }));
export const quote = (id: string, body: Body<'/market/projects/{id}/quotes'>, options?: SendOptions) => send((headers) => api().POST('/market/projects/{id}/quotes', { ...path(id), body, headers }), options);
export const select = (id: string, body: Body<'/market/projects/{id}/select'>) => send((headers) => api().POST('/market/projects/{id}/select', { ...path(id), body, headers }));
export const object = (id: string, body: Body<'/market/projects/{id}/objections'>) => send((headers) => api().POST('/market/projects/{id}/objections', { ...path(id), body, headers }));
export const resolve = (id: string, n: number, body: Body<'/market/projects/{id}/objections/{n}/resolve'>) =>
  send((headers) => api().POST('/market/projects/{id}/objections/{n}/resolve', { params: { path: { id, n } }, body, headers }));
export const contract = (id: string, body: Body<'/market/projects/{id}/contract'>) => send((headers) => api().POST('/market/projects/{id}/contract', { ...path(id), body, headers }));
export const complete = (id: string, body: Body<'/market/projects/{id}/complete'>) => send((headers) => api().POST('/market/projects/{id}/complete', { ...path(id), body, headers }));
export const evaluate = (id: string, body: Body<'/market/projects/{id}/evaluation'>) => send((headers) => api().POST('/market/projects/{id}/evaluation', { ...path(id), body, headers }));
export const sweep = () => send((headers) => api().POST('/market/deadlines', { body: {}, headers }));

/** Whether a date is a working day by the county's calendar (a deadline must be one), for these years; other years: Monday to Friday. */
export async function readWorkingDays(years: number[]): Promise<(date: string) => boolean> {
  const calendars = new Map((await Promise.all(years.map((year) => read(api().GET('/calendar/{year}', { params: { path: { year } } }))))).map((c) => [c.year, c]));
  return (date) => {
    const calendar = calendars.get(Number(date.slice(0, 4)));
    if (calendar) return isWorkingDay(date, calendar, calendar);
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  };
}

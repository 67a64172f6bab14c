import type { paths } from '../../../../client/schema.d.ts';
import { api, read, send, type SendOptions } from '../../api/client.ts';
import { saveFile } from '../../lib/download.ts';
import type { AttendanceDay, AttendanceMonth } from './attendance.ts';
import type { DepartmentSheet, InspectionBody, SheetKind, Site, SiteInspection, SiteLevel, SiteSheet, StaffSheet } from './model.ts';

/** The assessment pages' requests (考核、实地检查、请假、签到签退), through the typed client. */

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
const monthPath = (month: string) => ({ path: { month } });

export const readDepartments = (month: string): Promise<DepartmentSheet> => read(api().GET('/scorecards/{month}/departments', { params: monthPath(month) }));
export const readSites = (month: string, level: SiteLevel): Promise<SiteSheet> => read(api().GET('/scorecards/{month}/sites', { params: { ...monthPath(month), query: { level } } }));
/** A worker reads their own row, a director their window's, an administrator everyone's (or one window's). */
export const readStaff = (month: string, windowId?: string): Promise<StaffSheet> => read(api().GET('/staff-scores/{month}', { params: { ...monthPath(month), query: windowId ? { windowId } : {} } }));
export const readInspections = (month: string): Promise<SiteInspection[]> => read(api().GET('/site-inspections/{month}', { params: monthPath(month) })).then((r) => r.inspections);
export const readSiteList = (): Promise<Site[]> => read(api().GET('/sites'));
export const readAttendance = (staffId: string, month: string): Promise<AttendanceMonth> => read(api().GET('/staff/{id}/attendance/{month}', { params: { path: { id: staffId, month } } }));

/**
 * A sheet as the API's CSV for Excel, saved under a Chinese name. Read as bytes, not text: decoding
 * it would drop the byte-order mark Excel needs to read the Chinese right.
 */
export async function downloadSheet(sheet: SheetKind, month: string, options: { level?: SiteLevel; windowId?: string }, fileName: string): Promise<void> {
  const blob: Blob =
    sheet === 'departments'
      ? await read(api().GET('/scorecards/{month}/departments', { params: { ...monthPath(month), query: { format: 'csv' } }, parseAs: 'blob' }))
      : sheet === 'sites'
        ? await read(api().GET('/scorecards/{month}/sites', { params: { ...monthPath(month), query: { level: options.level ?? 'township', format: 'csv' } }, parseAs: 'blob' }))
        : await read(api().GET('/staff-scores/{month}', { params: { ...monthPath(month), query: { format: 'csv', ...(options.windowId ? { windowId: options.windowId } : {}) } }, parseAs: 'blob' }));
  saveFile(blob, fileName);
}

export const recordInspection = (body: InspectionBody): Promise<SiteInspection> => send((headers) => api().POST('/site-inspections', { body, headers }));
export const recordLeave = (staffId: string, body: Body<'/staff/{id}/leave'>): Promise<AttendanceDay> => send((headers) => api().POST('/staff/{id}/leave', { params: { path: { id: staffId } }, body, headers }));

/** 签到 / 签退 at the window's terminal; `options.key` keeps one key across presses until an answer comes. */
export const signAt = (windowId: string, step: 'in' | 'out', options?: SendOptions): Promise<AttendanceDay> =>
  send((headers) => api().POST(step === 'in' ? '/windows/{id}/sign-in' : '/windows/{id}/sign-out', { params: { path: { id: windowId } }, body: {}, headers }), options);

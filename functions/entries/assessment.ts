import { attendanceRoutes } from '../assessment/attendance.ts';
import { assessmentSheetRoutes } from '../assessment/sheets.ts';
import { siteInspectionRoutes } from '../assessment/site-inspections.ts';
import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';

/** Imports only the route lists of the features it serves (the route table would bring every feature into the bundle). */
export const handler = httpEntry('assessment', [...attendanceRoutes, ...siteInspectionRoutes, ...assessmentSheetRoutes], runtime);

import type { Route } from './route.ts';
import { caseCommandRoutes } from '../case/http.ts';
import { caseQueryRoutes } from '../case/queries.ts';
import { calendarRoutes } from '../calendar/http.ts';
import { catalogueRoutes } from '../catalogue/http.ts';
import { systemRoutes } from '../system/http.ts';
import { viewRoutes } from '../views/http.ts';
import { archiveRoutes } from '../archive-checks/http.ts';
import { rosterRoutes } from '../rosters/http.ts';
import { scorecardRoutes } from '../scorecards/http.ts';
import { attendanceRoutes } from '../assessment/attendance.ts';
import { assessmentSheetRoutes } from '../assessment/sheets.ts';
import { siteInspectionRoutes } from '../assessment/site-inspections.ts';
import { callbackRoutes } from '../callbacks/http.ts';
import { rectificationRoutes } from '../rectifications/http.ts';
import { reviewRoutes } from '../reviews/http.ts';
import { queueRoutes } from '../queue/http.ts';
import { jointRoutes } from '../joint/http.ts';
import { appointmentRoutes } from '../appointments/http.ts';
import { projectRoutes } from '../projects/http.ts';
import { publicRoutes } from '../public/http.ts';
import { marketRoutes } from '../market/http.ts';
import { marketPublicRoutes } from '../market/public.ts';
import { smsRoutes } from '../sms/http.ts';

/** The one table of routes: the CDK API, the local server, the dispatcher and the OpenAPI document read it. */
export const routes: readonly Route[] = [
  ...caseCommandRoutes,
  ...caseQueryRoutes,
  ...catalogueRoutes,
  ...viewRoutes,
  ...calendarRoutes,
  ...systemRoutes,
  ...reviewRoutes,
  ...callbackRoutes,
  ...rectificationRoutes,
  ...rosterRoutes,
  ...archiveRoutes,
  ...scorecardRoutes,
  ...attendanceRoutes,
  ...siteInspectionRoutes,
  ...assessmentSheetRoutes,
  ...queueRoutes,
  ...jointRoutes,
  ...appointmentRoutes,
  ...projectRoutes,
  ...marketRoutes,
  ...publicRoutes,
  ...marketPublicRoutes,
  ...smsRoutes,
];

export { routeKeyOf } from './route.ts';

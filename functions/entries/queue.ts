import { queueRoutes } from '../queue/http.ts';
import { appointmentRoutes } from '../appointments/http.ts';
import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';

/** Imports only the route lists of the features it serves (the route table would bring every feature into the bundle). */
export const handler = httpEntry('queue', [...queueRoutes, ...appointmentRoutes], runtime);

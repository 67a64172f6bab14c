import { marketPublicRoutes } from '../market/public.ts';
import { publicRoutes } from '../public/http.ts';
import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';

/** Imports only the route lists of the features it serves (the route table would bring every feature into the bundle). */
export const handler = httpEntry('public', [...publicRoutes, ...marketPublicRoutes], runtime);

import { marketRoutes } from '../market/http.ts';
import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';

/** Imports only the route lists of the features it serves (the route table would bring every feature into the bundle). */
export const handler = httpEntry('market', marketRoutes, runtime);

import { callbackRoutes } from '../callbacks/http.ts';
import { rectificationRoutes } from '../rectifications/http.ts';
import { reviewRoutes } from '../reviews/http.ts';
import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';

/** Imports only the route lists of the features it serves (the route table would bring every feature into the bundle). */
export const handler = httpEntry('reviews', [...callbackRoutes, ...rectificationRoutes, ...reviewRoutes], runtime);

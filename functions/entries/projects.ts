import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';

export const handler = httpEntry('projects', runtime);

import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { viewOperations } from '../views/operations.ts';

export const handler = httpEntry('views', viewOperations, runtime);

import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { systemOperations } from '../system/operations.ts';

export const handler = httpEntry('system', systemOperations, runtime);

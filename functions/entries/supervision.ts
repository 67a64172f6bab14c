import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { supervisionOperations } from '../supervision/operations.ts';

export const handler = httpEntry('supervision', supervisionOperations, runtime);

import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { caseQueryOperations } from '../case/operations.ts';

export const handler = httpEntry('case-queries', caseQueryOperations, runtime);

import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { caseCommandOperations } from '../case/operations.ts';

export const handler = httpEntry('case-commands', caseCommandOperations, runtime);

import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { satisfactionOperations } from '../satisfaction/operations.ts';

export const handler = httpEntry('satisfaction', satisfactionOperations, runtime);

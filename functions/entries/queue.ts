import { httpEntry } from '../http/http-handler.ts';
import { queueOperations } from '../queue/operations.ts';
import { runtime } from '../runtime.ts';

export const handler = httpEntry('queue', queueOperations, runtime);

import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { catalogueOperations } from '../catalogue/operations.ts';

export const handler = httpEntry('catalogue', catalogueOperations, runtime);

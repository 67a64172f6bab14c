import { httpEntry } from '../http/http-handler.ts';
import { runtime } from '../runtime.ts';
import { calendarOperations } from '../calendar/operations.ts';

export const handler = httpEntry('calendar', calendarOperations, runtime);

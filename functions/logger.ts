import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per process, independent of everything else that could fail at start. */
export const logger = new Logger({ serviceName: 'banjian' });

import { rebuild } from '../projections/rebuild.ts';
import { runtime } from '../runtime.ts';

/**
 * Admin-only: rebuild every view from the Events table. Not behind the API; an administrator
 * invokes it directly (`aws lambda invoke --function-name <stack>-Rebuild …`).
 */
export const handler = async () => {
  const rt = runtime('rebuild');
  return rebuild({ db: rt.db, tables: rt.tables, segments: 8 });
};

/**
 * `npm run token -- --role clerk --window W03`: prints a bearer token for the local server, signed
 * by the local key in `.data/auth/` as the county's Cognito pool would sign one.
 */
import './env.ts';
import { parseArgs } from 'node:util';
import { roles, type Role } from '../domain/meta.ts';
import { devPool, mintToken } from './auth.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    window: { type: 'string' },
    site: { type: 'string' },
    /** A reviewer's department (联合审批): `--role reviewer --department D-FIRE`. */
    department: { type: 'string' },
    /** A marketplace account's binding: `--role intermediary --intermediary <id>`, `--role owner --owner O-JTJ`. */
    intermediary: { type: 'string' },
    owner: { type: 'string' },
    user: { type: 'string' },
    /** The person's name and badge number (工号), as the county's pool keeps them: a window's display shows them. */
    name: { type: 'string' },
    badge: { type: 'string' },
    hours: { type: 'string', default: '8' },
    county: { type: 'string', default: process.env.COUNTY ?? 'sanmen' },
    data: { type: 'string' },
  },
});
if (!values.role || !(roles as readonly string[]).includes(values.role)) {
  console.error(`usage: npm run token -- --role ${roles.join('|')} [--window W03 | --site S-HY | --department D-FIRE | --intermediary <id> | --owner O-JTJ] [--user name] [--name 王丽 --badge 220101] [--hours 8] [--data dir]\n(clerks need a window or site, rating devices a window, reviewers a department)`);
  process.exit(1);
}
if (values.role === 'clerk' && !values.window && !values.site) {
  console.error('a clerk works at a window or a site: add --window W03 or --site S-HY');
  process.exit(1);
}
if (values.role === 'rating-device' && !values.window) {
  console.error('a rating device stands at one window: add --window W03');
  process.exit(1);
}
if (values.role === 'reviewer' && !values.department) {
  console.error('a reviewer answers for one department: add --department D-FIRE');
  process.exit(1);
}
const pool = devPool(values.county, values.data);
console.log(await mintToken(pool, { role: values.role as Role, windowId: values.window, siteId: values.site, departmentId: values.department, intermediaryId: values.intermediary, ownerId: values.owner, user: values.user, name: values.name, badgeNo: values.badge, hours: Number(values.hours) }));

import { named } from '../http/schemas.ts';
import * as z from 'zod/mini';
import { itemTypes, siteLevels, type Item } from '../../domain/county.ts';
import { NotFound } from '../../domain/errors.ts';
import { defineRoute } from '../http/route.ts';
import type { Runtime } from '../runtime.ts';

/** The county's item catalogue (事项目录), its departments with their windows, and its three-level sites (三级联动): county data, served as it is. */

const ItemView = named('Item', z.object({
  code: z.string(),
  name: z.string(),
  windowId: z.string(),
  departmentId: z.string(),
  type: z.enum(itemTypes),
  committedDays: z.int(),
  statutoryDays: z.int(),
  materials: z.array(z.object({ code: z.string(), name: z.string() })),
  joint: z
    .nullable(
      z.object({
        inspection: z.boolean(),
        departments: z.array(z.object({ departmentId: z.string(), days: z.int(), materials: z.array(z.string()), inspects: z.boolean(), windowId: z.optional(z.string()) })),
      }),
    )
    .check(z.meta({ description: 'a joint item’s departments, each with its working days, the materials it reviews, and whether it inspects' })),
}));
const DepartmentView = named('Department', z.object({ id: z.string(), name: z.string(), windows: z.array(z.object({ id: z.string(), name: z.string(), siteId: z.string() })) }));
const SiteView = named('Site', z.object({ id: z.string(), name: z.string(), level: z.enum(siteLevels), parentId: z.nullable(z.string()) }));

const itemView = (rt: Runtime, item: Item) => ({ ...item, departmentId: rt.county.departmentOf(item.windowId) ?? '', joint: item.joint ?? null });
const STAFF = ['clerk', 'director', 'callback', 'admin'] as const;
/** What a department's reviewer reads of the catalogue too: a joint item's materials, and the departments' names. */
const WITH_REVIEWERS = [...STAFF, 'reviewer'] as const;

export const catalogueRoutes = [
  defineRoute({
    method: 'GET',
    path: '/items',
    entry: 'catalogue',
    operationId: 'listItems',
    summary: 'The item catalogue (事项目录)',
    response: { status: 200, schema: z.array(ItemView) },
    access: STAFF,
    handle: (_request, rt) => ({ body: rt.county.county.items.map((item) => itemView(rt, item)) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/items/{code}',
    entry: 'catalogue',
    operationId: 'getItem',
    summary: 'One item',
    params: z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(64)) }),
    response: { status: 200, schema: ItemView },
    access: WITH_REVIEWERS,
    handle: (request, rt) => {
      const item = rt.county.item(request.params.code);
      if (!item) throw new NotFound(`no item ${request.params.code} in the catalogue`);
      return { body: itemView(rt, item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/sites',
    entry: 'catalogue',
    operationId: 'listSites',
    summary: 'County, township and village sites (三级联动)',
    response: { status: 200, schema: z.array(SiteView) },
    access: STAFF,
    handle: (_request, rt) => ({ body: rt.county.county.sites }),
  }),
  defineRoute({
    method: 'GET',
    path: '/departments',
    entry: 'catalogue',
    operationId: 'listDepartments',
    summary: 'The departments (部门) and their windows, by name: no reads, for pickers and reports',
    response: { status: 200, schema: z.array(DepartmentView) },
    access: WITH_REVIEWERS,
    handle: (_request, rt) => ({
      body: rt.county.county.departments.map((d) => ({ id: d.id, name: d.name, windows: rt.county.county.windows.filter((w) => w.departmentId === d.id).map((w) => ({ id: w.id, name: w.name, siteId: w.siteId })) })),
    }),
  }),
];

import type { z } from 'zod';
import { NotFound } from '../../domain/errors.ts';
import type { Item } from '../../domain/county.ts';
import type { Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import type { Runtime } from '../runtime.ts';

const itemView = (rt: Runtime, item: Item) => ({ ...item, departmentId: rt.county.departmentOf(item.windowId) ?? '' });

export const catalogueOperations: Record<string, Operation> = {
  listItems: (_request, rt) => ({ statusCode: 200, body: rt.county.county.items.map((item) => itemView(rt, item)) }),
  getItem: (request, rt) => {
    const { code } = request.params as z.infer<typeof s.ItemCodeParams>;
    const item = rt.county.item(code);
    if (!item) throw new NotFound(`no item ${code} in the catalogue`);
    return { statusCode: 200, body: itemView(rt, item) };
  },
  listSites: (_request, rt) => ({ statusCode: 200, body: rt.county.county.sites }),
};

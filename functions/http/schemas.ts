import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// The error messages of full zod (zod/mini carries none of its own: every issue would say only "Invalid input").
z.config(en());

/**
 * The schemas the API names: `components.schemas` in openapi.json, referenced with `$ref` wherever a route
 * answers with one, so a client generated from it has one `Case`, one `Problem`, one `Ticket` …
 */
export const apiSchemas = z.registry<{ id: string }>();
export function named<T extends z.ZodMiniType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

/**
 * The pieces of request and response shapes that several features share (ids, dates, ranges, the
 * problem document). Each feature's own shapes live beside its routes, in its `http.ts`.
 */

export const Id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'an id of letters, digits and "-"'));
export const CaseId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a case id (26 characters, Crockford base32)'));
export const LocalDateString = z.iso.date();
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const Nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);
export const EmptyBody = z.strictObject({});
export const WindowParams = z.strictObject({ id: Id });
export const DateParams = z.strictObject({ date: LocalDateString });
export const Month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM'));
export const MonthParams = z.strictObject({ month: Month });

/** An id the client gives a rating, an attempt or a message, so that sending it again records it once. */
export const ClientId = z.string().check(z.regex(/^[\x21-\x7e]{1,128}$/, '1–128 printable ASCII characters'));

/** The filters the statistics take: one window, department or site. */
export const StatsFilters = {
  windowId: z.optional(Id),
  departmentId: z.optional(Id),
  siteId: z.optional(Id),
};
const MAX_RANGE_DAYS = 3 * 366;
export const dateRange = <T extends { from: string; to: string }>(value: T, ctx: z.core.$RefinementCtx<T>) => {
  if (value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
  else if ((Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most three years at a time' });
};

/** The ticket queue's figures (the summary's queue part, and `/stats/queue`). */
export const QueueFigures = {
  issued: z.int(),
  called: z.int(),
  served: z.int(),
  noShows: z.int(),
  transfers: z.int(),
  averageWaitMinutes: z.nullable(z.number()),
  p90WaitMinutes: z.nullable(z.number()),
  averageServiceMinutes: z.nullable(z.number()),
  p90ServiceMinutes: z.nullable(z.number()),
};

/** An RFC 9457 problem document: every refusal and failure. */
export const Problem = named('Problem', z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  correlationId: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
}));

import { z } from 'zod';

/**
 * A county's own data: its windows, sites and item catalogue. This is configuration, never code:
 * one file per county deployment (`infra/counties/<county>.json`), validated by this schema.
 */

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'an id: letters, digits and "-", at most 40');
const localDate = z.iso.date();

/** Level of a service site in the three-level network (三级联动). */
export const siteLevels = ['county', 'township', 'village'] as const;
export type SiteLevel = (typeof siteLevels)[number];

/** Item types: immediate (即办件), commitment (承诺件), joint (联办件), report-up (上报件). */
export const itemTypes = ['immediate', 'commitment', 'joint', 'report-up'] as const;
export type ItemType = (typeof itemTypes)[number];

export const MaterialSchema = z.object({ code: id, name: z.string().min(1) });

/**
 * A joint item's departments (联办件: 联合验收, 联合测量): each reviews in parallel within its own
 * working days, from the materials it names; those that inspect meet at one joint site inspection.
 */
export const JointDepartmentSchema = z.object({
  departmentId: id,
  /** The department's fixed time limit, in working days from the day after acceptance. */
  days: z.number().int().min(1).max(60),
  /** The item's material codes this department reviews (one notice lists them all). */
  materials: z.array(z.string().min(1)).default([]),
  /** Takes part in the joint site inspection. */
  inspects: z.boolean(),
  /** The window that answers for the department in the hall (its scorecard takes the department's deductions); by default the department's own. */
  windowId: id.optional(),
});
export const JointSchema = z.object({
  departments: z.array(JointDepartmentSchema).min(2),
  /** Whether the item has one joint site inspection (联合踏勘/联合验收). */
  inspection: z.boolean(),
});
export type JointDepartment = z.infer<typeof JointDepartmentSchema>;

export const ItemSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/),
  name: z.string().min(1),
  windowId: id,
  type: z.enum(itemTypes),
  /** Committed time limit in working days (承诺时限); 0 for immediate items. */
  committedDays: z.number().int().min(0).max(365),
  /** Statutory time limit in working days (法定时限). */
  statutoryDays: z.number().int().min(0).max(365),
  materials: z.array(MaterialSchema),
  /** The departments of a joint item (required for, and only for, type "joint"). */
  joint: JointSchema.optional(),
});

export const DepartmentSchema = z.object({ id, name: z.string().min(1) });

export const SiteSchema = z.object({
  id,
  name: z.string().min(1),
  level: z.enum(siteLevels),
  parentId: id.nullable(),
});

export const WindowSchema = z.object({
  id,
  name: z.string().min(1),
  departmentId: id,
  siteId: id,
});

export const CountyCalendarSchema = z.object({
  /** Extra days off this county observes (e.g. a local one-off closure). */
  holidays: z.array(localDate).default([]),
  /** Weekend days this county works. */
  workdays: z.array(localDate).default([]),
});

export const ApiSettingsSchema = z.object({
  /** Browser origins allowed to call the API (the county's web console); none by default. */
  corsOrigins: z.array(z.url({ protocol: /^https?$/ })).default([]),
  /** Steady requests per second and burst for the whole stage. */
  throttle: z.object({ rate: z.number().int().min(1).max(10_000), burst: z.number().int().min(1).max(5_000) }).default({ rate: 200, burst: 400 }),
});

export const SatisfactionSettingsSchema = z.object({
  /** Share of completed cases sampled for a telephone callback (the seed county: about 10%). */
  callbackRatio: z.number().min(0).max(1).default(0.1),
  /** Attempts before an unreached case leaves the lists. */
  maxCallbackAttempts: z.number().int().min(1).max(10).default(3),
  /** Usernames of the callback staff on duty by default; a list is split evenly among them. */
  callbackStaff: z.array(z.string().min(1)).default([]),
  /** Days a first list looks back when there is no previous list. */
  firstListLookbackDays: z.number().int().min(1).max(31).default(7),
  /** Count "no review within N days" as a review of this level (some provinces: very satisfied after 7); off by default. */
  defaultReview: z.object({ afterDays: z.number().int().min(1).max(60), level: z.enum(['very-satisfied', 'satisfied', 'basically-satisfied']) }).nullable().default(null),
  /** Working days to call back after a bad review, and to rectify or explain it. */
  rectification: z.object({ callbackWorkingDays: z.number().int().min(1).max(10), resolveWorkingDays: z.number().int().min(1).max(60) }).default({ callbackWorkingDays: 1, resolveWorkingDays: 15 }),
});
export type SatisfactionSettings = z.infer<typeof SatisfactionSettingsSchema>;

export const PrivacySettingsSchema = z.object({
  /**
   * Days the whole phone numbers a callback needs (on a day's callback list, of an unmatched SMS
   * sender) are kept; after that only the masked number and the salted key remain.
   */
  contactRetentionDays: z.number().int().min(1).max(3650).default(90),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM');

export const SupervisionSettingsSchema = z.object({
  /** Window directors (窗口主任): their username and the window they lead. */
  directors: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), windowId: z.string().min(1) })).default([]),
  /** Other windows each director checks on video each working day. */
  checksPerDirector: z.number().int().min(1).max(5).default(2),
  hall: z.object({ opens: hhmm, closes: hhmm }).default({ opens: '08:30', closes: '17:00' }),
  /** Completed cases drawn per window for the monthly archive check. */
  archiveSamplePerWindow: z.number().int().min(1).max(50).default(5),
  scoring: z
    .object({
      base: z.number().default(100),
      /** Points off per failed video-check item, archive problem, bad review, late completion. */
      videoCheck: z.record(z.string(), z.number().min(0)).default({}),
      archiveProblem: z.number().min(0).default(1),
      badReview: z.number().min(0).default(2),
      lateCompletion: z.number().min(0).default(1),
      /** Points off the window that answers for a department that let a joint case's deadline pass (超时默许), or missed its joint inspection without reason (无故缺席). */
      jointDeemedApproval: z.number().min(0).default(2),
      jointUnjustifiedAbsence: z.number().min(0).default(2),
      /** Points on for a month without bad reviews, and for a month with every completion on time. */
      bonuses: z.object({ noBadReviews: z.number().min(0).default(1), allOnTime: z.number().min(0).default(1), max: z.number().min(0).default(5) }).default({ noBadReviews: 1, allOnTime: 1, max: 5 }),
      /** Score bands, highest first: the tier and the points it carries into the annual assessment. */
      tiers: z.array(z.object({ min: z.number(), name: z.string(), points: z.number() })).min(1).default([{ min: 0, name: '合格', points: 0 }]),
    })
    .default({ base: 100, videoCheck: {}, archiveProblem: 1, badReview: 2, lateCompletion: 1, jointDeemedApproval: 2, jointUnjustifiedAbsence: 2, bonuses: { noBadReviews: 1, allOnTime: 1, max: 5 }, tiers: [{ min: 0, name: '合格', points: 0 }] }),
});
export type SupervisionSettings = z.infer<typeof SupervisionSettingsSchema>;

export const QueueSettingsSchema = z.object({
  /** Ticket categories (their letter, e.g. A → A001), and the windows that serve each. */
  categories: z.array(z.object({ code: z.string().regex(/^[A-Z]$/, 'one capital letter'), name: z.string().min(1), windowIds: z.array(z.string().min(1)) })).default([]),
  /** Minutes after a call with no recall before a visitor may be marked a no-show. */
  noShowMinutes: z.number().int().min(1).max(60).default(5),
  /** The service time to assume before the day has served anyone (for wait estimates). */
  defaultServiceMinutes: z.number().min(1).max(120).default(8),
});
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

export const CountySchema = z
  .object({
    code: z.string().regex(/^\d{6}$/, 'a six-digit administrative division code'),
    key: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    timeZone: z.string().min(1),
    departments: z.array(DepartmentSchema).min(1),
    sites: z.array(SiteSchema).min(1),
    windows: z.array(WindowSchema).min(1),
    items: z.array(ItemSchema).min(1),
    calendar: CountyCalendarSchema.default({ holidays: [], workdays: [] }),
    api: ApiSettingsSchema.default({ corsOrigins: [], throttle: { rate: 200, burst: 400 } }),
    satisfaction: SatisfactionSettingsSchema.default(SatisfactionSettingsSchema.parse({})),
    supervision: SupervisionSettingsSchema.default(SupervisionSettingsSchema.parse({})),
    queue: QueueSettingsSchema.default(QueueSettingsSchema.parse({})),
    privacy: PrivacySettingsSchema.default(PrivacySettingsSchema.parse({})),
    /** Where alarm notifications go (an operator's address); optional. */
    alarmEmail: z.email().optional(),
  })
  .superRefine((county, ctx) => {
    const unique = (what: string, ids: string[]) => {
      const seen = new Set<string>();
      ids.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [what, index], message: `duplicate id ${value}` });
        seen.add(value);
      });
    };
    unique('departments', county.departments.map((d) => d.id));
    unique('sites', county.sites.map((s) => s.id));
    unique('windows', county.windows.map((w) => w.id));
    unique('items', county.items.map((i) => i.code));
    const departments = new Set(county.departments.map((d) => d.id));
    const sites = new Map(county.sites.map((s) => [s.id, s]));
    const windows = new Set(county.windows.map((w) => w.id));
    const windowedDepartments = new Set(county.windows.map((w) => w.departmentId));
    const jointIssues = (item: (typeof county.items)[number], index: number) => {
      const at = ['items', index, 'joint'];
      if (item.type !== 'joint' || item.joint === undefined) {
        if (item.type === 'joint') ctx.addIssue({ code: 'custom', path: at, message: 'a joint item names its departments (joint.departments)' });
        else if (item.joint !== undefined) ctx.addIssue({ code: 'custom', path: at, message: 'only a joint item has a joint block' });
        return;
      }
      const materials = new Set(item.materials.map((m) => m.code));
      unique(`items.${index}.joint.departments`, item.joint.departments.map((d) => d.departmentId));
      item.joint.departments.forEach((d, j) => {
        const here = [...at, 'departments', j];
        if (!departments.has(d.departmentId)) ctx.addIssue({ code: 'custom', path: [...here, 'departmentId'], message: `unknown department ${d.departmentId}` });
        else if (d.windowId === undefined && !windowedDepartments.has(d.departmentId)) {
          ctx.addIssue({ code: 'custom', path: [...here, 'windowId'], message: `department ${d.departmentId} has no window: name the window that answers for it` });
        }
        if (d.windowId !== undefined && !windows.has(d.windowId)) ctx.addIssue({ code: 'custom', path: [...here, 'windowId'], message: `unknown window ${d.windowId}` });
        if (d.days > item.committedDays) ctx.addIssue({ code: 'custom', path: [...here, 'days'], message: `${d.days} working days exceed the item's committed ${item.committedDays}` });
        d.materials.forEach((code, k) => {
          if (!materials.has(code)) ctx.addIssue({ code: 'custom', path: [...here, 'materials', k], message: `item ${item.code} lists no material ${code}` });
        });
        if (d.inspects && !item.joint!.inspection) ctx.addIssue({ code: 'custom', path: [...here, 'inspects'], message: 'the item has no joint inspection (joint.inspection is false)' });
      });
      if (item.joint.inspection && !item.joint.departments.some((d) => d.inspects)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'inspection'], message: 'a joint inspection needs at least one inspecting department' });
      }
    };
    if (county.sites.filter((s) => s.level === 'county').length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['sites'], message: 'exactly one site must have level "county"' });
    }
    county.sites.forEach((site, index) => {
      const parent = site.parentId === null ? undefined : sites.get(site.parentId);
      const expected = site.level === 'county' ? undefined : site.level === 'township' ? 'county' : 'township';
      if (expected === undefined ? site.parentId !== null : parent?.level !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['sites', index, 'parentId'],
          message: expected === undefined ? 'the county site has no parent' : `must name a ${expected} site`,
        });
      }
    });
    county.windows.forEach((window, index) => {
      if (!departments.has(window.departmentId)) {
        ctx.addIssue({ code: 'custom', path: ['windows', index, 'departmentId'], message: `unknown department ${window.departmentId}` });
      }
      const site = sites.get(window.siteId);
      if (site === undefined || site.level === 'village') {
        ctx.addIssue({ code: 'custom', path: ['windows', index, 'siteId'], message: `must name a county or township site` });
      }
    });
    county.items.forEach((item, index) => {
      if (!windows.has(item.windowId)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'windowId'], message: `unknown window ${item.windowId}` });
      }
      if ((item.type === 'immediate') !== (item.committedDays === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'committedDays'],
          message: 'immediate items have 0 committed days and only they do',
        });
      }
      if (item.committedDays > item.statutoryDays) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'committedDays'], message: 'committed days exceed statutory days' });
      }
      unique(`items.${index}.materials`, item.materials.map((m) => m.code));
      jointIssues(item, index);
    });
    county.supervision.directors.forEach((director, index) => {
      if (!windows.has(director.windowId)) ctx.addIssue({ code: 'custom', path: ['supervision', 'directors', index, 'windowId'], message: `unknown window ${director.windowId}` });
    });
    unique('supervision.directors', county.supervision.directors.map((d) => d.id));
    unique('queue.categories', county.queue.categories.map((c) => c.code));
    county.queue.categories.forEach((category, index) => {
      category.windowIds.forEach((windowId, j) => {
        if (!windows.has(windowId)) ctx.addIssue({ code: 'custom', path: ['queue', 'categories', index, 'windowIds', j], message: `unknown window ${windowId}` });
      });
    });
  });

export type County = z.infer<typeof CountySchema>;
export type Item = County['items'][number];
export type Window = County['windows'][number];
export type Site = County['sites'][number];

/** Constant-time lookups over a county's data, built once per county. */
export interface CountyIndex {
  county: County;
  item(code: string): Item | undefined;
  window(id: string): Window | undefined;
  site(id: string): Site | undefined;
  centerSite: Site;
  departmentOf(windowId: string): string | undefined;
  /** The window that answers for a department in the hall: its first window in the county file. */
  windowOfDepartment(departmentId: string): Window | undefined;
  department(id: string): County['departments'][number] | undefined;
}

export function indexCounty(county: County): CountyIndex {
  const items = new Map(county.items.map((i) => [i.code, i]));
  const windows = new Map(county.windows.map((w) => [w.id, w]));
  const sites = new Map(county.sites.map((s) => [s.id, s]));
  const departments = new Map(county.departments.map((d) => [d.id, d]));
  const centerSite = county.sites.find((s) => s.level === 'county');
  if (!centerSite) throw new Error('a county needs one county-level site');
  return {
    county,
    item: (code) => items.get(code),
    window: (id) => windows.get(id),
    site: (id) => sites.get(id),
    centerSite,
    departmentOf: (windowId) => windows.get(windowId)?.departmentId,
    windowOfDepartment: (departmentId) => county.windows.find((w) => w.departmentId === departmentId),
    department: (id) => departments.get(id),
  };
}

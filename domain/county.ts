import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * A county's own data: its windows, sites and item catalogue. This is configuration, never code:
 * one file per county deployment (`infra/counties/<county>.json`), validated by this schema.
 */

/** Level of a service site in the three-level network (三级联动). */
export const siteLevels = ['county', 'township', 'village'] as const;
export type SiteLevel = (typeof siteLevels)[number];

/** Item types: immediate (即办件), commitment (承诺件), joint (联办件), report-up (上报件). */
export const itemTypes = ['immediate', 'commitment', 'joint', 'report-up'] as const;
export type ItemType = (typeof itemTypes)[number];

/**
 * What a text message is about (the template it uses): a step of a case, an online application's
 * receipt, the rating invitation, or an appointment's confirmation, reminder and cancellation.
 */
export const smsKinds = [
  'materials-requested',
  'accepted',
  'rejected',
  'suspended',
  'resumed',
  'completed',
  'delivered',
  'online-received',
  'rating-invitation',
  'appointment-booked',
  'appointment-reminder',
  'appointment-cancelled',
] as const;
export type SmsKind = (typeof smsKinds)[number];

/**
 * The county file's schemas, built on first use (`countySchemas()`): the Lambda bundles carry the
 * county already validated at synth and never build them, so esbuild leaves them out.
 */
function buildCountySchemas() {
  // zod/mini carries no messages of its own: a bad county file must still say what is wrong (synth and `npm start` print them).
  z.config(en());

  const id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'an id: letters, digits and "-", at most 40'));
  const localDate = z.iso.date();
  const nonEmpty = z.string().check(z.minLength(1));
  /** Points on or off a window's score. */
  const points = z.number().check(z.gte(0));

  const MaterialSchema = z.object({ code: id, name: nonEmpty });

  /**
   * A joint item's departments (联办件: 联合验收, 联合测量): each reviews in parallel within its own
   * working days, from the materials it names; those that inspect meet at one joint site inspection.
   */
  const JointDepartmentSchema = z.object({
    departmentId: id,
    /** The department's fixed time limit, in working days from the day after acceptance. */
    days: z.int().check(z.gte(1), z.lte(60)),
    /** The item's material codes this department reviews (one notice lists them all). */
    materials: z._default(z.array(nonEmpty), []),
    /** Takes part in the joint site inspection. */
    inspects: z.boolean(),
    /** The window that answers for the department in the hall (its scorecard takes the department's deductions); by default the department's own. */
    windowId: z.optional(id),
  });
  const JointSchema = z.object({
    departments: z.array(JointDepartmentSchema).check(z.minLength(2)),
    /** Whether the item has one joint site inspection (联合踏勘/联合验收). */
    inspection: z.boolean(),
  });

  const ItemSchema = z.object({
    code: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/)),
    name: nonEmpty,
    windowId: id,
    type: z.enum(itemTypes),
    /** Committed time limit in working days (承诺时限); 0 for immediate items. */
    committedDays: z.int().check(z.gte(0), z.lte(365)),
    /** Statutory time limit in working days (法定时限). */
    statutoryDays: z.int().check(z.gte(0), z.lte(365)),
    materials: z.array(MaterialSchema),
    /** The departments of a joint item (required for, and only for, type "joint"). */
    joint: z.optional(JointSchema),
  });

  const DepartmentSchema = z.object({ id, name: nonEmpty });

  const SiteSchema = z.object({
    id,
    name: nonEmpty,
    level: z.enum(siteLevels),
    parentId: z.nullable(id),
  });

  const WindowSchema = z.object({
    id,
    name: nonEmpty,
    departmentId: id,
    siteId: id,
  });

  const CountyCalendarSchema = z.object({
    /** Extra days off this county observes (e.g. a local one-off closure). */
    holidays: z._default(z.array(localDate), []),
    /** Weekend days this county works. */
    workdays: z._default(z.array(localDate), []),
  });

  const ApiSettingsSchema = z.object({
    /** Browser origins allowed to call the API (the county's web console); none by default. */
    corsOrigins: z._default(z.array(z.url({ protocol: /^https?$/ })), []),
    /** Steady requests per second and burst for the whole stage. */
    throttle: z._default(z.object({ rate: z.int().check(z.gte(1), z.lte(10_000)), burst: z.int().check(z.gte(1), z.lte(5_000)) }), { rate: 200, burst: 400 }),
  });

  const SatisfactionSettingsSchema = z.object({
    /** Share of completed cases sampled for a telephone callback (the seed county: about 10%). */
    callbackRatio: z._default(z.number().check(z.gte(0), z.lte(1)), 0.1),
    /** Attempts before an unreached case leaves the lists. */
    maxCallbackAttempts: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
    /** Usernames of the callback staff on duty by default; a list is split evenly among them. */
    callbackStaff: z._default(z.array(nonEmpty), []),
    /** Days a first list looks back when there is no previous list. */
    firstListLookbackDays: z._default(z.int().check(z.gte(1), z.lte(31)), 7),
    /** Count "no review within N days" as a review of this level (some provinces: very satisfied after 7); off by default. */
    defaultReview: z._default(z.nullable(z.object({ afterDays: z.int().check(z.gte(1), z.lte(60)), level: z.enum(['very-satisfied', 'satisfied', 'basically-satisfied']) })), null),
    /** Working days to call back after a bad review, and to rectify or explain it. */
    rectification: z._default(z.object({ callbackWorkingDays: z.int().check(z.gte(1), z.lte(10)), resolveWorkingDays: z.int().check(z.gte(1), z.lte(60)) }), { callbackWorkingDays: 1, resolveWorkingDays: 15 }),
  });

  const PrivacySettingsSchema = z.object({
    /**
     * Days the whole phone numbers a callback needs (on a day's callback list, of an unmatched SMS
     * sender) are kept; after that only the masked number and the salted key remain.
     */
    contactRetentionDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 90),
  });

  const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM'));

  const SupervisionSettingsSchema = z.object({
    /** Window directors (窗口主任): their username and the window they lead. */
    directors: z._default(z.array(z.object({ id: nonEmpty, name: nonEmpty, windowId: nonEmpty })), []),
    /** Other windows each director checks on video each working day. */
    checksPerDirector: z._default(z.int().check(z.gte(1), z.lte(5)), 2),
    hall: z._default(z.object({ opens: hhmm, closes: hhmm }), { opens: '08:30', closes: '17:00' }),
    /** Completed cases drawn per window for the monthly archive check. */
    archiveSamplePerWindow: z._default(z.int().check(z.gte(1), z.lte(50)), 5),
    scoring: z._default(
      z.object({
        base: z._default(z.number(), 100),
        /** Points off per failed video-check item, archive problem, bad review, late completion. */
        videoCheck: z._default(z.record(z.string(), points), {}),
        archiveProblem: z._default(points, 1),
        badReview: z._default(points, 2),
        lateCompletion: z._default(points, 1),
        /** Points off the window that answers for a department that let a joint case's deadline pass (超时默许), or missed its joint inspection without reason (无故缺席). */
        jointDeemedApproval: z._default(points, 2),
        jointUnjustifiedAbsence: z._default(points, 2),
        /** Points on for a month without bad reviews, and for a month with every completion on time. */
        bonuses: z._default(z.object({ noBadReviews: z._default(points, 1), allOnTime: z._default(points, 1), max: z._default(points, 5) }), { noBadReviews: 1, allOnTime: 1, max: 5 }),
        /** Score bands, highest first: the tier and the points it carries into the annual assessment. */
        tiers: z._default(z.array(z.object({ min: z.number(), name: z.string(), points: z.number() })).check(z.minLength(1)), [{ min: 0, name: '合格', points: 0 }]),
      }),
      { base: 100, videoCheck: {}, archiveProblem: 1, badReview: 2, lateCompletion: 1, jointDeemedApproval: 2, jointUnjustifiedAbsence: 2, bonuses: { noBadReviews: 1, allOnTime: 1, max: 5 }, tiers: [{ min: 0, name: '合格', points: 0 }] },
    ),
  });

  /** Score bands, highest first: a band's name and what it carries (tier points, or an allowance in yuan). */
  const tiers = (fallback: { min: number; name: string; points: number }[]) => z._default(z.array(z.object({ min: z.number(), name: nonEmpty, points: z.number() })).check(z.minLength(1)), fallback);
  const defaultTiers = [{ min: 95, name: '优秀', points: 2 }, { min: 85, name: '良好', points: 1 }, { min: 70, name: '合格', points: 0 }, { min: 0, name: '不合格', points: -1 }];

  /**
   * Assessment beyond the windows (考核): departments apart from their windows (部门考核), township
   * service centers by their own rules (乡镇便民服务中心考核), and each window worker monthly, the score
   * tied to an allowance (个人考核与津补贴挂钩). Every number is the county's.
   */
  const AssessmentSettingsSchema = z.object({
    /** Sign-in at the terminal (签到签退): the grace for lateness, the lunch break, what counts as off post. */
    attendance: z._default(
      z.object({
        lateGraceMinutes: z._default(z.int().check(z.gte(0), z.lte(60)), 10),
        offPostMinutes: z._default(z.int().check(z.gte(1), z.lte(240)), 15),
        /** The break between the morning's and the afternoon's half days. */
        lunch: z._default(z.object({ from: hhmm, to: hhmm }), { from: '12:00', to: '13:30' }),
      }),
      { lateGraceMinutes: 10, offPostMinutes: 15, lunch: { from: '12:00', to: '13:30' } },
    ),
    /** A window worker's month (个人考核): points off each finding, and the allowance by score band. */
    staff: z._default(
      z.object({
        base: z._default(z.number(), 100),
        late: z._default(points, 1),
        missedSign: z._default(points, 2),
        absentHalfDay: z._default(points, 5),
        offPost: z._default(points, 3),
        earlyLeave: z._default(points, 1),
        lateCompletion: z._default(points, 1),
        badReview: z._default(points, 2),
        archiveProblem: z._default(points, 1),
        /** Points off a worker on duty per failed video-check item; items not named cost 1. */
        videoCheck: z._default(z.record(z.string(), points), {}),
        /** Allowance (津补贴) by score band, highest first: `points` is the yuan a month. */
        allowances: tiers([{ min: 95, name: '优秀', points: 30 }, { min: 85, name: '良好', points: 20 }, { min: 70, name: '合格', points: 10 }, { min: 0, name: '不合格', points: 0 }]),
      }),
      { base: 100, late: 1, missedSign: 2, absentHalfDay: 5, offPost: 3, earlyLeave: 1, lateCompletion: 1, badReview: 2, archiveProblem: 1, videoCheck: {}, allowances: [{ min: 95, name: '优秀', points: 30 }, { min: 85, name: '良好', points: 20 }, { min: 70, name: '合格', points: 10 }, { min: 0, name: '不合格', points: 0 }] },
    ),
    /** A department's month (部门考核), its own conduct rather than its window's. */
    departments: z._default(
      z.object({
        base: z._default(z.number(), 100),
        lateCompletion: z._default(points, 1),
        jointDeemedApproval: z._default(points, 2),
        jointUnjustifiedAbsence: z._default(points, 2),
        /** A bad review's rectification not resolved or explained by its deadline. */
        overdueRectification: z._default(points, 2),
        archiveProblem: z._default(points, 1),
        /** Points on for shortening statutory time limits (承诺时限压缩率), highest rate first. */
        shortening: z._default(z.array(z.object({ minRate: z.number().check(z.gte(0), z.lte(1)), points })), [{ minRate: 0.5, points: 3 }, { minRate: 0.3, points: 2 }, { minRate: 0.1, points: 1 }]),
        tiers: tiers(defaultTiers),
      }),
      { base: 100, lateCompletion: 1, jointDeemedApproval: 2, jointUnjustifiedAbsence: 2, overdueRectification: 2, archiveProblem: 1, shortening: [{ minRate: 0.5, points: 3 }, { minRate: 0.3, points: 2 }, { minRate: 0.1, points: 1 }], tiers: defaultTiers },
    ),
    /** A township center's month (乡镇便民服务中心考核), its villages rolled up. */
    sites: z._default(
      z.object({
        base: z._default(z.number(), 100),
        /** Working days after the day of receipt within which a case must be forwarded to the county. */
        forwardWithinWorkingDays: z._default(z.int().check(z.gte(0), z.lte(10)), 1),
        lateForwarding: z._default(points, 2),
        badReview: z._default(points, 2),
        /** A callback that found the number the site recorded wrong. */
        wrongNumber: z._default(points, 1),
        /** Points off per failed item of the center's on-site inspection. */
        inspection: z._default(z.record(z.string(), points), { signage: 1, hoursKept: 2, staffPresent: 3, agentOnDuty: 2, catalogueDisplayed: 1, ratingDeviceInUse: 1 }),
        /** Points on for applications taken in the month (villages included), highest first. */
        volume: z._default(z.array(z.object({ min: z.int().check(z.gte(1)), points })), [{ min: 100, points: 2 }, { min: 30, points: 1 }]),
        tiers: tiers(defaultTiers),
      }),
      { base: 100, forwardWithinWorkingDays: 1, lateForwarding: 2, badReview: 2, wrongNumber: 1, inspection: { signage: 1, hoursKept: 2, staffPresent: 3, agentOnDuty: 2, catalogueDisplayed: 1, ratingDeviceInUse: 1 }, volume: [{ min: 100, points: 2 }, { min: 30, points: 1 }], tiers: defaultTiers },
    ),
  });

  /** A window worker (窗口工作人员): the username they sign in with, their name, window and badge number (工号). */
  const StaffSchema = z.object({ id: nonEmpty, name: nonEmpty, windowId: id, badgeNo: z.string().check(z.regex(/^[A-Za-z0-9-]{1,20}$/, 'a badge number: letters, digits and "-", at most 20')) });

  const QueueSettingsSchema = z.object({
    /** Ticket categories (their letter, e.g. A → A001), and the windows that serve each. */
    categories: z._default(z.array(z.object({ code: z.string().check(z.regex(/^[A-Z]$/, 'one capital letter')), name: nonEmpty, windowIds: z.array(nonEmpty) })), []),
    /** Minutes after a call with no recall before a visitor may be marked a no-show. */
    noShowMinutes: z._default(z.int().check(z.gte(1), z.lte(60)), 5),
    /** The service time to assume before the day has served anyone (for wait estimates). */
    defaultServiceMinutes: z._default(z.number().check(z.gte(1), z.lte(120)), 8),
  });

  /**
   * A template as registered with the provider: its code there, the text (zh-CN) with `${name}`
   * placeholders, and the parameters in the order the provider takes them (Tencent's are positional).
   */
  const SmsTemplateSchema = z
    .object({ code: z.string().check(z.minLength(1), z.maxLength(64)), text: z.string().check(z.minLength(1), z.maxLength(500)), params: z._default(z.array(z.string().check(z.regex(/^[a-zA-Z]+$/))), []) })
    .check(z.superRefine((t, ctx) => {
      const used = [...t.text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]!);
      for (const name of used) if (!t.params.includes(name)) ctx.addIssue({ code: 'custom', path: ['params'], message: `the text uses \${${name}}: list it in params` });
      for (const name of t.params) if (!used.includes(name)) ctx.addIssue({ code: 'custom', path: ['params'], message: `${name} is not in the text` });
    }));

  const SmsSettingsSchema = z.object({
    /** Who sends: Alibaba Cloud SMS, Tencent Cloud SMS, or (locally) a sink writing `.data/sms/outbox.jsonl`. */
    provider: z._default(z.enum(['sink', 'aliyun', 'tencent']), 'sink'),
    /** The registered signature, without its brackets: 三门县行政服务中心 → 【三门县行政服务中心】. */
    signName: z._default(z.string().check(z.minLength(2), z.maxLength(30)), '行政服务中心'),
    /** Tencent's SmsSdkAppId. */
    appId: z.optional(nonEmpty),
    /** The provider's region (Tencent: ap-guangzhou; Alibaba: cn-hangzhou). */
    region: z.optional(nonEmpty),
    /** Nothing is sent between these county times; messages wait until the end. */
    quietHours: z._default(z.object({ from: hhmm, to: hhmm }), { from: '21:00', to: '08:00' }),
    /** Attempts at a transient failure before the message is dead-lettered. */
    maxAttempts: z._default(z.int().check(z.gte(1), z.lte(20)), 6),
    templates: z._default(z.partialRecord(z.enum(smsKinds), SmsTemplateSchema), {}),
  });

  /** The citizens' side: the public pages' address, the lookup's rate limit, the rating link's life. */
  const PublicSettingsSchema = z.object({
    /** Where citizens open the public pages (the rating link and lookups point here). */
    baseUrl: z._default(z.url({ protocol: /^https?$/ }), 'http://localhost:3000'),
    /** Progress lookups per client: a token bucket of this size, refilled at this rate per minute. */
    lookups: z._default(z.object({ perMinute: z.int().check(z.gte(1), z.lte(600)), burst: z.int().check(z.gte(1), z.lte(600)) }), { perMinute: 10, burst: 20 }),
    /** Days a rating link stays valid after it was sent. */
    ratingLinkDays: z._default(z.int().check(z.gte(1), z.lte(90)), 30),
  });

  /** Online appointments (在线预约): half-hour slots per ticket category on working days. */
  const AppointmentSettingsSchema = z.object({
    /** Slot start times (half-hours) on a working day. */
    slots: z._default(z.array(hhmm), ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']),
    /** Places per slot by category; by default the windows serving it × 30 minutes ÷ its average service time, rounded down. */
    capacity: z._default(z.record(z.string().check(z.regex(/^[A-Z]$/)), z.int().check(z.gte(0), z.lte(100))), {}),
    /** Working days ahead that can be booked (today counts as 0). */
    daysAhead: z._default(z.int().check(z.gte(1), z.lte(30)), 7),
    /** Minutes after its slot starts that a booking not checked in becomes a no-show. */
    noShowAfterMinutes: z._default(z.int().check(z.gte(1), z.lte(120)), 15),
    /** This many no-shows within `noShowWindowDays` block online booking for `blockDays`. */
    noShowLimit: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
    noShowWindowDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
    blockDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
    /** The reminder goes at this time the day before. */
    reminderAt: z._default(hhmm, '18:00'),
  });

  /** Agency projects (代理代办). */
  const AgencySettingsSchema = z.object({
    /** A step ready to file (or denied) and untouched this many working days is stalled (停滞). */
    stallAfterWorkingDays: z._default(z.int().check(z.gte(1), z.lte(60)), 5),
  });

  /** The intermediary-service marketplace (中介超市). */
  const MarketSettingsSchema = z.object({
    /** The kinds of intermediary service (and of qualification) the county's marketplace deals in. */
    serviceTypes: z._default(z.array(z.object({ code: id, name: nonEmpty })).check(z.minLength(1)), [
      { code: 'EIA', name: '环境影响评价' },
      { code: 'SAFETY', name: '安全评价' },
      { code: 'SURVEY', name: '测绘' },
      { code: 'COST', name: '工程造价咨询' },
      { code: 'SOIL', name: '水土保持方案编制' },
      { code: 'ENERGY', name: '节能评估' },
    ]),
    /** A competitive method (lowest price, draw, comprehensive) needs at least this many quotes, or the project fails (流标). */
    minQuotes: z._default(z.int().check(z.gte(1), z.lte(20)), 3),
    /** Working days between publication and the quote deadline, at the least (公告期). */
    minQuoteWorkingDays: z._default(z.int().check(z.gte(1), z.lte(60)), 3),
    /** Working days a result is publicised for objections (公示期). */
    publicityWorkingDays: z._default(z.int().check(z.gte(1), z.lte(30)), 5),
    /** Direct award (直接委托) only for a budget below this many yuan. */
    directAwardBelowYuan: z._default(z.int().check(z.gte(0)), 50_000),
    /** The trust score (信用评价, 0–100): where a newcomer starts, the half-life of an evaluation's weight, the floor to quote, the penalties. */
    trust: z._default(
      z.object({
        initial: z._default(z.number().check(z.gte(0), z.lte(100)), 80),
        halfLifeDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 180),
        floor: z._default(z.number().check(z.gte(0), z.lte(100)), 60),
        /** Points off for a year after each: an award withdrawn, an objection upheld against the award, a service completed late. */
        penalties: z._default(z.object({ withdrawn: z._default(points, 10), objectionUpheld: z._default(points, 10), lateCompletion: z._default(points, 5) }), { withdrawn: 10, objectionUpheld: 10, lateCompletion: 5 }),
        penaltyDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 365),
        /** An evaluation scoring below this (0–100) is a bad one; this many within `badWindowDays` suspend the intermediary for `suspensionDays`. */
        badBelow: z._default(z.number().check(z.gte(0), z.lte(100)), 60),
        suspendAfterBad: z._default(z.int().check(z.gte(1), z.lte(20)), 2),
        badWindowDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 365),
        suspensionDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 180),
      }),
      { initial: 80, halfLifeDays: 180, floor: 60, penalties: { withdrawn: 10, objectionUpheld: 10, lateCompletion: 5 }, penaltyDays: 365, badBelow: 60, suspendAfterBad: 2, badWindowDays: 365, suspensionDays: 180 },
    ),
  });

  const CountySchema = z
    .object({
      code: z.string().check(z.regex(/^\d{6}$/, 'a six-digit administrative division code')),
      key: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
      name: nonEmpty,
      timeZone: nonEmpty,
      departments: z.array(DepartmentSchema).check(z.minLength(1)),
      sites: z.array(SiteSchema).check(z.minLength(1)),
      windows: z.array(WindowSchema).check(z.minLength(1)),
      items: z.array(ItemSchema).check(z.minLength(1)),
      calendar: z._default(CountyCalendarSchema, { holidays: [], workdays: [] }),
      api: z._default(ApiSettingsSchema, { corsOrigins: [], throttle: { rate: 200, burst: 400 } }),
      satisfaction: z._default(SatisfactionSettingsSchema, SatisfactionSettingsSchema.parse({})),
      supervision: z._default(SupervisionSettingsSchema, SupervisionSettingsSchema.parse({})),
      queue: z._default(QueueSettingsSchema, QueueSettingsSchema.parse({})),
      privacy: z._default(PrivacySettingsSchema, PrivacySettingsSchema.parse({})),
      sms: z._default(SmsSettingsSchema, SmsSettingsSchema.parse({})),
      public: z._default(PublicSettingsSchema, PublicSettingsSchema.parse({})),
      appointments: z._default(AppointmentSettingsSchema, AppointmentSettingsSchema.parse({})),
      agency: z._default(AgencySettingsSchema, AgencySettingsSchema.parse({})),
      market: z._default(MarketSettingsSchema, MarketSettingsSchema.parse({})),
      /** The window workers, each scored monthly (个人考核). */
      staff: z._default(z.array(StaffSchema), []),
      assessment: z._default(AssessmentSettingsSchema, AssessmentSettingsSchema.parse({})),
      /** Where alarm notifications go (an operator's address); optional. */
      alarmEmail: z.optional(z.email()),
    })
    .check(z.superRefine((county, ctx) => {
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
      unique('market.serviceTypes', county.market.serviceTypes.map((t) => t.code));
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
      unique('staff', county.staff.map((p) => p.id));
      unique('staff.badgeNo', county.staff.map((p) => p.badgeNo));
      county.staff.forEach((person, index) => {
        if (!windows.has(person.windowId)) ctx.addIssue({ code: 'custom', path: ['staff', index, 'windowId'], message: `unknown window ${person.windowId}` });
      });
      const { lunch } = county.assessment.attendance;
      const { opens, closes } = county.supervision.hall;
      if (!(opens < lunch.from && lunch.from <= lunch.to && lunch.to < closes)) ctx.addIssue({ code: 'custom', path: ['assessment', 'attendance', 'lunch'], message: `the lunch break must fall within the hall's hours (${opens}–${closes})` });
      unique('queue.categories', county.queue.categories.map((c) => c.code));
      const categories = new Set(county.queue.categories.map((c) => c.code));
      for (const code of Object.keys(county.appointments.capacity)) {
        if (!categories.has(code)) ctx.addIssue({ code: 'custom', path: ['appointments', 'capacity', code], message: `no ticket category ${code}` });
      }
      if (county.sms.provider === 'tencent' && county.sms.appId === undefined) ctx.addIssue({ code: 'custom', path: ['sms', 'appId'], message: 'Tencent Cloud SMS needs the SmsSdkAppId' });
      county.queue.categories.forEach((category, index) => {
        category.windowIds.forEach((windowId, j) => {
          if (!windows.has(windowId)) ctx.addIssue({ code: 'custom', path: ['queue', 'categories', index, 'windowIds', j], message: `unknown window ${windowId}` });
        });
      });
    }));

  return { MaterialSchema, JointDepartmentSchema, JointSchema, ItemSchema, DepartmentSchema, SiteSchema, WindowSchema, CountyCalendarSchema, ApiSettingsSchema, SatisfactionSettingsSchema, PrivacySettingsSchema, SupervisionSettingsSchema, QueueSettingsSchema, SmsTemplateSchema, SmsSettingsSchema, PublicSettingsSchema, AppointmentSettingsSchema, AgencySettingsSchema, AssessmentSettingsSchema, StaffSchema, CountySchema };
}

type CountySchemas = ReturnType<typeof buildCountySchemas>;
let schemas: CountySchemas | undefined;
/** Every schema of the county file (the parts too, for tests), built once. */
export const countySchemas = (): CountySchemas => (schemas ??= buildCountySchemas());
/** The county file's schema (`infra/counties/<county>.json`). */
export const countySchema = () => countySchemas().CountySchema;

export type County = z.infer<CountySchemas['CountySchema']>;
export type Item = County['items'][number];
export type Window = County['windows'][number];
export type Site = County['sites'][number];

export type JointDepartment = z.infer<CountySchemas['JointDepartmentSchema']>;
export type SatisfactionSettings = z.infer<CountySchemas['SatisfactionSettingsSchema']>;
export type SupervisionSettings = z.infer<CountySchemas['SupervisionSettingsSchema']>;
export type QueueSettings = z.infer<CountySchemas['QueueSettingsSchema']>;
export type SmsTemplate = z.infer<CountySchemas['SmsTemplateSchema']>;
export type SmsSettings = z.infer<CountySchemas['SmsSettingsSchema']>;
export type AppointmentSettings = z.infer<CountySchemas['AppointmentSettingsSchema']>;
export type AgencySettings = z.infer<CountySchemas['AgencySettingsSchema']>;
export type AssessmentSettings = z.infer<CountySchemas['AssessmentSettingsSchema']>;
export type Staff = z.infer<CountySchemas['StaffSchema']>;
/** A score band: from `min` up, its name and what it carries. */
export type Band = AssessmentSettings['staff']['allowances'][number];

const template = (code: string, text: string): SmsTemplate => ({ code, text, params: [...new Set([...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]!))] });

/** Templates a county without its own registered ones starts from (the local sink sends anything). */
export const defaultSmsTemplates: Record<SmsKind, SmsTemplate> = {
  'materials-requested': template('BJ_MATERIALS', '您申请的${item}（办件号${caseNo}）材料不全，请补齐：${missing}。'),
  accepted: template('BJ_ACCEPTED', '您申请的${item}（办件号${caseNo}）已于${acceptedDate}受理，承诺${deadline}前办结，可凭办件号和手机号后四位查询进度。'),
  rejected: template('BJ_REJECTED', '您申请的${item}（办件号${caseNo}）不予受理，原因：${reason}。'),
  suspended: template('BJ_SUSPENDED', '您申请的${item}（办件号${caseNo}）进入${procedure}程序，期间不计入办理时限。'),
  resumed: template('BJ_RESUMED', '您申请的${item}（办件号${caseNo}）特别程序已结束，承诺${deadline}前办结。'),
  completed: template('BJ_COMPLETED', '您申请的${item}（办件号${caseNo}）已办结：${decision}。${collect}'),
  delivered: template('BJ_DELIVERED', '您申请的${item}（办件号${caseNo}）办理结果已${method}送达。'),
  'online-received': template('BJ_ONLINE', '您网上申请的${item}已收到，办件号${caseNo}，工作人员将尽快审核，可凭办件号和手机号后四位查询进度。'),
  'rating-invitation': template('BJ_RATING', '请对${item}（办件号${caseNo}）的服务评价：回复1非常满意、2满意、3基本满意、4不满意、5非常不满意，或点击${link}'),
  'appointment-booked': template('BJ_APPT_BOOKED', '您已预约${date} ${slot}${category}业务，预约码${code}。请在预约时间到大厅取号机输入预约码取号。'),
  'appointment-reminder': template('BJ_APPT_REMIND', '提醒：您预约了明天（${date}）${slot}的${category}业务，预约码${code}。'),
  'appointment-cancelled': template('BJ_APPT_CANCEL', '您${date} ${slot}的${category}业务预约已取消。'),
};

/** The template a county sends for a kind of message: its own, or the default. */
export const smsTemplate = (county: County, kind: SmsKind): SmsTemplate => county.sms.templates[kind] ?? defaultSmsTemplates[kind];

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

import * as z from 'zod/mini';
import { caseAssessmentFacts, siteInspectionFacts, type AssessmentFact, type SiteInspectionFact } from '../../domain/projections/assessment.ts';
import { scorecardPartition } from '../../domain/projections/supervision.ts';
import { siteInspectionAggregate, siteInspectionId, siteInspectionItems, type RecordSiteInspection } from '../../domain/site-inspection/aggregate.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { addDays } from '../../domain/time.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute } from '../http/route.ts';
import { Id, LocalDateString, MonthParams, named, Text } from '../http/schemas.ts';
import { todayAt } from '../runtime.ts';

/** The center's on-site inspections of township centers and village points (乡镇便民服务中心实地检查). */

const Items = z.strictObject(Object.fromEntries(siteInspectionItems.map((item) => [item, z.boolean()])) as Record<(typeof siteInspectionItems)[number], z.ZodMiniBoolean>);

const SiteInspection = named('SiteInspection', z.object({
  siteId: z.string(),
  date: LocalDateString,
  items: Items,
  note: z.nullable(z.string()),
  inspectorId: z.string(),
  /** The items found wanting. */
  failed: z.array(z.string()),
}));

const viewOf = (i: Pick<SiteInspectionFact, 'siteId' | 'date' | 'items' | 'note' | 'inspectorId'>) => ({ siteId: i.siteId, date: i.date, items: i.items, note: i.note, inspectorId: i.inspectorId, failed: siteInspectionItems.filter((item) => !i.items[item]) });

export const siteInspectionRoutes = [
  defineRoute({
    method: 'POST',
    path: '/site-inspections',
    entry: 'assessment',
    operationId: 'recordSiteInspection',
    summary: 'Record the center’s on-site inspection of a township center or village point (实地检查): one per site and day',
    body: z.strictObject({ siteId: Id, date: LocalDateString, items: Items, note: z.optional(Text(500)) }),
    response: { status: 201, schema: SiteInspection },
    command: true,
    access: ['director', 'admin'],
    handle: (request, rt) => {
      const { siteId, date, items, note } = request.body;
      const site = rt.county.site(siteId);
      if (!site || site.level === 'county') throw new InvalidInput('Inspections are of township centers and village points', [{ path: 'siteId', message: site ? `${siteId} is the county center` : `no site ${siteId}` }]);
      const today = todayAt(rt, request.now);
      if (date > today || date < addDays(today, -62)) throw new InvalidInput('An inspection is recorded on its day or within two months after', [{ path: 'date', message: `between ${addDays(today, -62)} and ${today}` }]);
      return commandReply(
        rt,
        request,
        {
          aggregate: siteInspectionAggregate,
          id: siteInspectionId(siteId, date),
          command: (): RecordSiteInspection => ({ type: 'RecordSiteInspection', data: { siteId, date, items, note: note ?? null, inspectorId: request.caller.actor.id }, meta: commandMeta(request, { windowId: null, siteId }) }),
          context: undefined,
        },
        (result) => ({ status: 201, body: viewOf(result.state!) }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/site-inspections/{month}',
    entry: 'assessment',
    operationId: 'getSiteInspections',
    summary: 'The month’s on-site inspections of grassroots sites, with the items found wanting',
    params: MonthParams,
    response: { status: 200, schema: named('SiteInspections', z.object({ month: z.string(), inspections: z.array(SiteInspection) })) },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const docs = await rt.views.docs<AssessmentFact>([siteInspectionFacts, caseAssessmentFacts], scorecardPartition(request.params.month), { from: 'site#' , to: 'site#\uffff' });
      const inspections = docs.map((d) => d.doc).filter((d): d is SiteInspectionFact => d.kind === 'site-inspection').map(viewOf).sort((a, b) => a.date.localeCompare(b.date) || a.siteId.localeCompare(b.siteId));
      return { body: { month: request.params.month, inspections } };
    },
  }),
];

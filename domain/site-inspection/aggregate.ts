import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/**
 * What the center checks on site at a township service center (乡镇便民服务中心实地检查): the signage
 * (标识标牌), the published hours kept (按时开放), the staff present (人员在岗), the agent on duty
 * (代办员在岗), the item catalogue displayed (事项目录公开), the rating device in use (评价器使用).
 */
export const siteInspectionItems = ['signage', 'hoursKept', 'staffPresent', 'agentOnDuty', 'catalogueDisplayed', 'ratingDeviceInUse'] as const;
export type SiteInspectionItem = (typeof siteInspectionItems)[number];

/** The center inspected a grassroots site on a day (乡镇便民服务中心实地检查). */
export type SiteInspected = {
  type: 'SiteInspected';
  data: { siteId: string; date: LocalDate; items: Record<SiteInspectionItem, boolean>; note: string | null; inspectorId: string };
  meta: EventMeta;
};
export type SiteInspectionEvent = SiteInspected;
export const siteInspectionEventTypes = allOf<SiteInspectionEvent['type']>({ SiteInspected: true });

/** Record an on-site inspection (记录实地检查). */
export type RecordSiteInspection = { type: 'RecordSiteInspection'; data: SiteInspected['data']; meta: CommandMeta };

export type SiteInspectionState = SiteInspected['data'] | undefined;

/** One inspection per site and day: a second is refused (a resend of the first is answered from the store). */
export const siteInspectionAggregate: Aggregate<RecordSiteInspection, SiteInspectionEvent, SiteInspectionState> = {
  name: 'site-inspection',
  streamPrefix: 'site-inspection#',
  eventTypes: siteInspectionEventTypes,
  initialState: () => undefined,
  evolve: (_state, event) => event.data,
  decide: (command, state) => {
    if (state !== undefined) throw new IllegalTransition(`site ${state.siteId} was inspected on ${state.date} already`);
    return [{ type: 'SiteInspected', data: command.data, meta: eventMetaOf(command.meta) }];
  },
};

export const siteInspectionId = (siteId: string, date: LocalDate) => `${siteId}#${date}`;

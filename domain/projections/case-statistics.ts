import { isLifecycleEvent, lifecycleEventTypes, type CaseEvent, type LifecycleEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import type { LocalDate } from '../time.ts';
import { counterProjection, type Counters, type ViewKey } from './projection.ts';

/**
 * The center's counters, one row per (business date, window, receiving site, channel). Every figure
 * a center reports (per window, department, site, county, period) is a sum of such rows, so one
 * counter update per event is all the projector writes.
 */
export const statsPartition = (date: LocalDate) => `stats#${date.slice(0, 7)}`;

export interface StatsRowLabels {
  date: LocalDate;
  windowId: string;
  siteId: string;
  channel: CaseState['channel'];
}

export function statsKey(labels: StatsRowLabels): ViewKey {
  return { pk: statsPartition(labels.date), sk: `${labels.date}#${labels.windowId}#${labels.siteId}#${labels.channel}` };
}

export function statsLabels(key: ViewKey): StatsRowLabels {
  const [date, windowId, siteId, channel] = key.sk.split('#') as [string, string, string, CaseState['channel']];
  return { date, windowId, siteId, channel };
}

/** The business date a lifecycle event counts on, or undefined when it is not counted (satisfaction has its own counters). */
function dateOf(event: LifecycleEvent): LocalDate | undefined {
  switch (event.type) {
    case 'CaseSubmitted':
      return event.data.submittedDate;
    case 'MaterialsRequested':
      return event.data.noticeDate;
    case 'CaseAccepted':
      return event.data.acceptedDate;
    case 'CaseRejected':
      return event.data.rejectedDate;
    case 'CaseSuspended':
      return event.data.suspendedDate;
    case 'CaseCompleted':
      return event.data.completedDate;
    case 'CaseDelivered':
      return event.data.deliveredDate;
    case 'CaseTransferred':
    case 'MaterialsSupplied':
    case 'CaseResumed':
      return undefined;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function deltasOf(event: CaseEvent, state: CaseState): Counters {
  switch (event.type) {
    case 'CaseSubmitted':
      return { submitted: 1 };
    case 'MaterialsRequested':
      return { materialsRequested: 1 };
    case 'CaseAccepted':
      return { accepted: 1 };
    case 'CaseRejected':
      return { rejected: 1 };
    case 'CaseSuspended':
      return { suspended: 1 };
    case 'CaseCompleted': {
      const commitment = state.item.type === 'commitment';
      return {
        completed: 1,
        onTime: event.data.onTime ? 1 : 0,
        late: event.data.onTime ? 0 : 1,
        // The early rate is over commitment items only (immediate items have no "early").
        commitmentCompleted: commitment ? 1 : 0,
        early: commitment && event.data.early === true ? 1 : 0,
        [event.data.decision]: 1,
      };
    }
    case 'CaseDelivered':
      return { delivered: 1 };
    default:
      return {};
  }
}

export const caseStatistics = counterProjection<CaseEvent, CaseState>({
  name: 'case-statistics',
  canHandle: lifecycleEventTypes,
  keys: ({ event, after }) => {
    const date = isLifecycleEvent(event) ? dateOf(event) : undefined;
    return date === undefined ? [] : [statsKey({ date, windowId: after.windowId, siteId: after.receivedSiteId, channel: after.channel })];
  },
  deltas: ({ event, after }) => deltasOf(event, after),
  labels: (key) => ({ ...statsLabels(key) }),
});

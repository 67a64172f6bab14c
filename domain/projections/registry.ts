import { caseAggregate } from '../case/aggregate.ts';
import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import { applicantView } from '../case/view.ts';
import type { Aggregate } from '../decider.ts';
import { caseStatistics } from './case-statistics.ts';
import type { Projection } from './projection.ts';
import { windowQueue } from './window-queue.ts';
import { jointDue, jointStatistics, jointTasks } from './joint.ts';
import { satisfactionStats } from './satisfaction-stats.ts';
import { completions } from './completions.ts';
import { caseNumbers } from './case-numbers.ts';
import { smsAwaiting } from './sms-awaiting.ts';
import { callbackAttempts } from './callback-attempts.ts';
import { rectifications } from './rectifications.ts';
import { callbackListIndex, callbackListView } from './callback-lists.ts';
import { archiveDeductions, archiveView, caseDeductions, rosterIndex, rosterView, videoCheckDeductions } from './supervision.ts';
import { rosterAggregate } from '../roster/aggregate.ts';
import { ticketAggregate } from '../ticket/aggregate.ts';
import { hallBoard, queueStats, ticketView, windowDisplay } from './ticket-views.ts';
import { archiveAggregate } from '../archive/aggregate.ts';
import { callbackListAggregate } from '../callback-list/aggregate.ts';
import { appointmentAggregate, redactSlot } from '../appointment/aggregate.ts';
import { appointmentMisses, appointmentsByCode, appointmentsDay } from './appointments.ts';
import { caseNotifier } from '../notifications/case.ts';
import { appointmentNotifier } from '../notifications/appointment.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { projectAggregate } from '../project/aggregate.ts';
import { projectCases, projectsView } from './projects.ts';
import { intermediaryStreams } from '../market/intermediary.ts';
import { marketStreams } from '../market/project.ts';
import { intermediariesView, marketView } from './market.ts';
import { attendanceAggregate } from '../attendance/aggregate.ts';
import { siteInspectionAggregate } from '../site-inspection/aggregate.ts';
import { attendanceView, caseAssessmentFacts, siteInspectionFacts, staffStats } from './assessment.ts';

/** An event-sourced aggregate whose streams the projector follows, with the projections it feeds. */
export interface AggregateProjections<E extends { type: string }, S> {
  name: string;
  /** Streams of this aggregate start with this prefix (`case#…`). */
  streamPrefix: string;
  /** Every event type its streams hold: anything else is unreadable. */
  eventTypes: readonly E['type'][];
  evolve(state: S | undefined, event: E): S;
  /** What of the state may be kept in the views (personal data masked); projections still see the whole event. */
  redact(state: S): S;
  projections: readonly Projection<E, S>[];
  /** What its events tell the applicant by SMS (短信), if anything. */
  notifier?: Notifier<E, S>;
}

/** An aggregate's streams, projected: its name, prefix, event types and evolve are the aggregate's own. */
function projected<E extends { type: string }, S>(aggregate: Pick<Aggregate<never, E, S | undefined, never>, 'name' | 'streamPrefix' | 'eventTypes' | 'evolve'>, redact: (state: S) => S, projections: readonly Projection<E, S>[], notifier?: Notifier<E, S>): AggregateProjections<E, S> {
  return {
    name: aggregate.name,
    streamPrefix: aggregate.streamPrefix,
    eventTypes: aggregate.eventTypes,
    evolve: (state, event) => {
      const next = aggregate.evolve(state, event);
      if (next === undefined) throw new Error(`${aggregate.name}: ${event.type} left no state`);
      return next;
    },
    redact,
    projections,
    ...(notifier ? { notifier } : {}),
  };
}

const asIs = <S>(state: S) => state;

// The registry: adding a projection is its file plus one entry in a list below.
export const aggregates: readonly AggregateProjections<{ type: string }, unknown>[] = [
  projected<CaseEvent, CaseState>(caseAggregate, (state) => ({ ...state, applicant: applicantView(state.applicant, { revealPhone: false }) }), [windowQueue, caseStatistics, satisfactionStats, completions, smsAwaiting, callbackAttempts, rectifications, caseDeductions, caseAssessmentFacts, staffStats, jointTasks, jointDue, jointStatistics, caseNumbers, projectCases], caseNotifier),
  // The callback list is the one view that keeps phone numbers whole (callback staff need them).
  projected(callbackListAggregate, asIs, [callbackListView, callbackListIndex]),
  projected(rosterAggregate, asIs, [rosterView, rosterIndex, videoCheckDeductions]),
  projected(archiveAggregate, asIs, [archiveView, archiveDeductions]),
  projected(ticketAggregate, asIs, [ticketView, hallBoard, queueStats, windowDisplay]),
  // Appointment slots: the views keep no names and masked numbers only.
  projected(appointmentAggregate, redactSlot, [appointmentsDay, appointmentsByCode, appointmentMisses], appointmentNotifier),
  // Agency projects: an enterprise's project, nothing personal.
  projected(projectAggregate, asIs, [projectsView]),
  // The marketplace: organisations, their certificates and contact (the routes show the contact to staff and owners only).
  projected(intermediaryStreams, asIs, [intermediariesView]),
  projected(marketStreams, asIs, [marketView]),
  // Assessment (考核): workers' days at the terminal, the center's inspections of grassroots sites.
  projected(attendanceAggregate, asIs, [attendanceView]),
  projected(siteInspectionAggregate, asIs, [siteInspectionFacts]),
];

export function aggregateOf(stream: string): AggregateProjections<{ type: string }, unknown> | undefined {
  return aggregates.find((a) => stream.startsWith(a.streamPrefix));
}

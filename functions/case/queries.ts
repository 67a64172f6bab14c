import { timelineEntry, caseView } from '../../domain/case/view.ts';
import { caseStream } from '../../domain/case/stream.ts';
import { revealsPhone } from '../auth/access.ts';
import { versioned } from '../http/command-reply.ts';
import { defineRoute } from '../http/route.ts';
import { messagesOf } from '../sms/outbox.ts';
import { smsEntry } from '../sms/schemas.ts';
import { CaseIdParams, CaseView, Timeline } from './schemas.ts';
import { readCase } from './steps.ts';

/** Reading a case: the case against today's calendar, and its timeline with the messages it sent. */

/** Staff, and the reviewers of the departments a joint case has tasks for. */
const READERS = ['clerk', 'director', 'callback', 'admin', 'reviewer'] as const;

export const caseQueryRoutes = [
  defineRoute({
    method: 'GET',
    path: '/cases/{id}',
    entry: 'case-queries',
    operationId: 'getCase',
    summary: 'A case, with its deadline against today’s calendar',
    params: CaseIdParams,
    response: { status: 200, schema: CaseView },
    access: READERS,
    handle: async (request, rt) => {
      const [{ state }, calendar] = await Promise.all([readCase(rt, request.params.id, request), rt.calendars.calendar()]);
      return versioned(caseView(state, calendar, { revealPhone: revealsPhone(request.caller) }), state.version);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/cases/{id}/events',
    entry: 'case-queries',
    operationId: 'getCaseEvents',
    summary: 'A case’s timeline: who did what, where and when',
    params: CaseIdParams,
    response: { status: 200, schema: Timeline },
    access: READERS,
    handle: async (request, rt) => {
      const { events, state } = await readCase(rt, request.params.id, request);
      const privacy = { revealPhone: revealsPhone(request.caller) };
      const messages = await messagesOf(rt.db, rt.tables.views, caseStream(state.caseId));
      return versioned({ caseId: state.caseId, caseNo: state.caseNo, events: events.map((e) => timelineEntry(e.event, e.version, privacy)), messages: messages.map(smsEntry) }, state.version);
    },
  }),
];

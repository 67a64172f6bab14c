import { liveQuotes, standingSelection } from '../../domain/market/project.ts';
import type { MarketProjectState, SelectionEvidence } from '../../domain/market/types.ts';
import { defineRoute } from '../http/route.ts';
import { bucketsOf, TooManyRequests } from '../public/http.ts';
import type { Runtime } from '../runtime.ts';
import { allMarketProjects } from './read.ts';
import { PublicMarketProject, PublicMarketQuery } from './schemas.ts';
import * as z from 'zod/mini';

/**
 * The marketplace's public notices (中介超市公告与结果公示), without sign-in: announcements, results
 * under publicity and concluded awards, with every quote's amount and the savings once the deadline
 * has passed, and a random draw's evidence. Organisations only: no contact, no person, no objection's
 * text, nothing sealed.
 */

const concluded = new Set(['awarded', 'contracted', 'completed', 'evaluated']);
const publicStatus = (p: MarketProjectState): 'published' | 'publicised' | 'concluded' | null =>
  p.status === 'published' ? 'published' : p.status === 'publicised' ? 'publicised' : concluded.has(p.status) ? 'concluded' : null;

/** The evidence with names beside the ids (a draw's candidates stay ids too: they are what is sorted and drawn from). */
function publicEvidence(evidence: SelectionEvidence, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const name = (id: string) => names.get(id) ?? id;
  switch (evidence.method) {
    case 'random-draw':
      return { ...evidence, candidateNames: evidence.candidates.map(name) };
    case 'lowest-price':
      return { ...evidence, ranking: evidence.ranking.map(({ intermediaryId, ...r }) => ({ intermediaryName: name(intermediaryId), ...r })) };
    case 'comprehensive':
      return { ...evidence, scores: evidence.scores.map(({ intermediaryId, ...s }) => ({ intermediaryName: name(intermediaryId), ...s })) };
    case 'direct':
      return { ...evidence };
  }
}

function publicNotice(rt: Runtime, p: MarketProjectState, status: 'published' | 'publicised' | 'concluded') {
  const winner = standingSelection(p);
  const names = new Map(p.quotes.map((q) => [q.intermediaryId, q.intermediaryName]));
  const live = liveQuotes(p);
  return {
    projectNo: p.projectNo,
    title: p.title,
    ownerName: p.ownerName,
    serviceType: p.serviceType,
    serviceTypeName: rt.county.county.market.serviceTypes.find((t) => t.code === p.serviceType)?.name ?? p.serviceType,
    budget: p.budget,
    method: p.method,
    qualification: p.qualification,
    quoteDeadline: p.quoteDeadline,
    quotesCloseAt: p.quotesCloseAt!,
    servicePeriodDays: p.servicePeriodDays,
    publishedDate: p.publishedDate!,
    drawCommitment: p.drawCommitment,
    status,
    result:
      status === 'published' || !winner
        ? null
        : {
            intermediaryName: winner.intermediaryName,
            amount: winner.amount,
            savings: p.budget - winner.amount,
            selectedDate: winner.selectedDate,
            publicity: { from: p.publicity?.from ?? winner.selectedDate, until: p.publicity?.until ?? p.awardedDate ?? winner.selectedDate },
            quotes: live.sort((a, b) => a.amount - b.amount || a.quoteNo - b.quoteNo).map((q) => ({ intermediaryName: q.intermediaryName, amount: q.amount })),
            evidence: publicEvidence(winner.evidence, names),
          },
  };
}

export const marketPublicRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/market/projects',
    entry: 'public',
    operationId: 'listPublicMarketProjects',
    summary: 'The marketplace’s announcements and results (中介超市公告/结果公示), newest first: amounts only after the deadline, savings and a draw’s evidence with the result; rate limited per client',
    query: PublicMarketQuery,
    response: { status: 200, schema: z.array(PublicMarketProject) },
    access: 'public',
    handle: async (request, rt) => {
      const take = bucketsOf(rt, 'market').take(request.sourceIp);
      if (!take.allowed) throw new TooManyRequests(take.retryAfterSeconds);
      const wanted = request.query.status;
      const rows = (await allMarketProjects(rt))
        .map((p) => ({ p, status: publicStatus(p) }))
        .filter((r): r is { p: MarketProjectState; status: 'published' | 'publicised' | 'concluded' } => r.status !== null && (wanted === undefined || r.status === wanted))
        .sort((a, b) => b.p.projectNo.localeCompare(a.p.projectNo))
        .map(({ p, status }) => publicNotice(rt, p, status));
      return { body: rows };
    },
  }),
];

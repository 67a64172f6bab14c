import { closableAt, marketAggregate } from '../../domain/market/project.ts';
import type { MarketCommand } from '../../domain/market/types.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { handleCommand } from '../commands/handle.ts';
import type { Runtime } from '../runtime.ts';
import { allMarketProjects, marketContext, noMarketProject } from './read.ts';

export interface MarketSweep {
  considered: number;
  closed: { projectNo: string; failed: boolean }[];
  ended: string[];
}

/**
 * The marketplace's daily timer: quoting closes on every published project whose deadline has passed
 * (流标 when too few quoted), and the publicity period ends on every publicised one whose last day is
 * over and that has no objection waiting. Each project is one command on its own stream, decided
 * against its current state, so a project selected meanwhile is left alone and a second run — or two
 * at once — records nothing twice. Quoting closes a minute after the deadline at the earliest
 * (`CLOSE_GRACE_MS`): a quote taken before the deadline and still being written lands first.
 */
export async function sweepMarket(rt: Runtime, now: string, meta: (projectId: string) => CommandMeta): Promise<MarketSweep> {
  const due = (await allMarketProjects(rt)).filter(
    (p) => (p.status === 'published' && Date.parse(closableAt(p.quotesCloseAt!)) <= Date.parse(now)) || (p.status === 'publicised' && Date.parse(p.publicity!.endsAt) <= Date.parse(now)),
  );
  const context = await marketContext(rt, now);
  const result: MarketSweep = { considered: due.length, closed: [], ended: [] };
  for (const p of due) {
    const command: MarketCommand = p.status === 'published' ? { type: 'CloseQuoting', data: {}, meta: meta(p.projectId) } : { type: 'EndPublicity', data: {}, meta: meta(p.projectId) };
    const outcome = await handleCommand(rt.events, { aggregate: marketAggregate, id: p.projectId, mustExist: noMarketProject(p.projectId), command: () => command, context, contended: true }, (r) => r);
    if (outcome.replayed) continue;
    const types = outcome.result.events.map((e) => e.type);
    if (types.includes('QuotingClosed')) result.closed.push({ projectNo: p.projectNo, failed: types.includes('MarketProjectFailed') });
    if (types.includes('PublicityEnded')) result.ended.push(p.projectNo);
  }
  return result;
}

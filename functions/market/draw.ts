import { createHash, createHmac } from 'node:crypto';
import { drawMessage } from '../../domain/market/project.ts';
import type { MarketProjectState } from '../../domain/market/types.ts';
import { countyMac } from '../secret.ts';

/**
 * The random draw anyone can check (随机抽取): each project has its own draw key, the HMAC of its id
 * under the county secret. The announcement publishes the key's SHA-256 (its commitment) before any
 * quote; the result reveals the key, the message (`<projectId>|<quoteDeadline>|<round>`) and the
 * HMAC-SHA-256 of the message under the key, whose value modulo the number of qualified quotes picks
 * the winner among them sorted by id. Nobody without the county secret can predict the draw, and
 * anyone can check it afterwards: hash the key against the commitment, recompute the HMAC, take it
 * modulo the count. The county secret itself never leaves functions/secret.ts.
 */
export async function drawKey(projectId: string): Promise<string> {
  return (await countyMac())(`market-draw#${projectId}`);
}

export const commitmentOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export const drawDigest = (key: string, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('hex');

/** The key and digest of a project's next draw round (the decider picks the winner from them). */
export async function drawFor(state: Pick<MarketProjectState, 'projectId' | 'quoteDeadline' | 'selections'>): Promise<{ key: string; digest: string }> {
  const key = await drawKey(state.projectId);
  return { key, digest: drawDigest(key, drawMessage(state.projectId, state.quoteDeadline, state.selections.length + 1)) };
}

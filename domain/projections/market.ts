import { intermediaryEventTypes } from '../market/intermediary.ts';
import { marketEventTypes } from '../market/project.ts';
import type { IntermediaryEvent, IntermediaryState, MarketEvent, MarketProjectState } from '../market/types.ts';
import { documentProjection } from './projection.ts';

/**
 * The marketplace (中介超市) as its lists read it: one document per project and one per intermediary,
 * each the whole state, in one partition each (a county publishes tens of projects a year and has tens
 * of intermediaries). Quotes are in the project documents: only the routes decide who sees an amount
 * when (sealed until the deadline). Trust scores are worked out when read, from these documents.
 */
export const MARKET_PARTITION = 'market';
export const marketView = documentProjection<MarketEvent, MarketProjectState, MarketProjectState>({
  name: 'market',
  canHandle: marketEventTypes,
  keys: ({ after }) => [{ pk: MARKET_PARTITION, sk: after.projectId }],
  evolve: ({ after }) => after,
});

export const INTERMEDIARIES_PARTITION = 'intermediaries';
export const intermediariesView = documentProjection<IntermediaryEvent, IntermediaryState, IntermediaryState>({
  name: 'intermediaries',
  canHandle: intermediaryEventTypes,
  keys: ({ after }) => [{ pk: INTERMEDIARIES_PARTITION, sk: after.intermediaryId }],
  evolve: ({ after }) => after,
});

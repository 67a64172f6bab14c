import { Projector } from '../projections/projector.ts';
import { streamHandler } from '../projections/stream-handler.ts';
import { runtime } from '../runtime.ts';

let projector: Projector | undefined;

/** The live projector also queues the text messages the events ask for (a rebuild's does not). */
export const handler = streamHandler(() => {
  if (projector) return projector;
  const rt = runtime('projector');
  return (projector = new Projector(rt.views, Date.now, { county: rt.county }));
});

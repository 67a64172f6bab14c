import { Projector } from '../projections/projector.ts';
import { streamHandler } from '../projections/stream-handler.ts';
import { ProjectProcess } from '../projects/process-manager.ts';
import { runtime } from '../runtime.ts';

let projector: Projector | undefined;

/** The live projector also queues the text messages the events ask for, and runs the process managers (a rebuild's does neither). */
export const handler = streamHandler(() => {
  if (projector) return projector;
  const rt = runtime('projector');
  return (projector = new Projector(rt.views, Date.now, { county: rt.county, reactors: [new ProjectProcess(rt.events, rt.county)] }));
});

import { Projector } from '../projections/projector.ts';
import { streamHandler } from '../projections/stream-handler.ts';
import { runtime } from '../runtime.ts';

let projector: Projector | undefined;

export const handler = streamHandler(() => (projector ??= new Projector(runtime('projector').views)));

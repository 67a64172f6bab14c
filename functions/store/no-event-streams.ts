/**
 * Stands in for `@smithy/core/event-streams` in the bundles (see infra/bundling.ts). The SDK's
 * protocol layer imports it only for operations with event-stream members; neither DynamoDB nor
 * Secrets Manager has any, so the real module (about 15 KB minified) would be dead weight in every
 * function. Reaching this is a bug in that reasoning, and says so.
 */
const unsupported = (): never => {
  throw new Error('event streams are not bundled in Banjian functions (infra/bundling.ts)');
};

export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}

export const eventStreamSerdeProvider = unsupported;

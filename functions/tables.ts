/**
 * The two tables' keys, in one place: the CDK stacks, the local runtime and the adapters all read
 * them from here.
 */
export const eventsTable = {
  logicalName: 'Events',
  partitionKey: 'stream',
  sortKey: 'version',
  /** Idempotency records and kept contacts expire; events never do. */
  ttlAttribute: 'expiresAt',
} as const;

export const viewsTable = {
  logicalName: 'Views',
  partitionKey: 'pk',
  sortKey: 'sk',
  /**
   * Which streams the projector touched, by day and time: a rebuild catches up from it after it
   * switches generations. Sparse: only per-stream state documents carry its keys.
   */
  touchedIndex: { name: 'touched', partitionKey: 'touchedPk', sortKey: 'touchedSk', include: ['version'] },
} as const;

export interface TableNames {
  events: string;
  views: string;
}

/**
 * The store's own records in the Events table, beside the aggregates' streams (each aggregate names
 * its streams: `streamOf(caseAggregate, id)`). Only aggregate streams carry domain events.
 */
export const streams = {
  idempotency: (key: string) => `idem#${key}`,
  sequence: (name: string) => `seq#${name}`,
  /** Whole phone numbers kept for a while beside the events that list them (see functions/privacy/contacts.ts). */
  contacts: (scope: string) => `contacts#${scope}`,
} as const;

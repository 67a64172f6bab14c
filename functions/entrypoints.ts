/**
 * Every Lambda entrypoint, once: the CDK stack makes one function of each, the local server
 * imports the same files. `tables` says what each may do to which table (least privilege).
 */
export type TableAccess = 'read' | 'write';

export interface Entrypoint {
  /** Path of the module (relative to the repository root) that exports `handler`. */
  file: string;
  kind: 'http' | 'stream' | 'timer';
  description: string;
  tables: { events?: TableAccess; views?: TableAccess };
}

export const entrypoints = {
  'case-commands': {
    file: 'functions/entries/case-commands.ts',
    kind: 'http',
    description: 'Case commands: submit, notice, accept, reject, suspend, resume, transfer, complete, deliver',
    tables: { events: 'write' },
  },
  'case-queries': {
    file: 'functions/entries/case-queries.ts',
    kind: 'http',
    description: 'A case and its timeline, read from its stream',
    tables: { events: 'read' },
  },
  catalogue: {
    file: 'functions/entries/catalogue.ts',
    kind: 'http',
    description: "The county's items, windows and sites",
    tables: {},
  },
  calendar: {
    file: 'functions/entries/calendar.ts',
    kind: 'http',
    description: 'The working-day calendar and its amendments',
    tables: { events: 'write' },
  },
  system: {
    file: 'functions/entries/system.ts',
    kind: 'http',
    description: 'Health check and the OpenAPI document',
    tables: {},
  },
} as const satisfies Record<string, Entrypoint>;

export type EntryName = keyof typeof entrypoints;

export * from './case-number.ts';
export * from './commands.ts';
export * from './deadline.ts';
export * from './decide.ts';
export * from './events.ts';
export * from './state.ts';
export * from './view.ts';

import { defineConfig } from 'vitest/config';
import { consoleDefine, shared } from './vitest.config.ts';

/** `npm run test:fast`: the pure domain and the unit tests, no Java and no DynamoDB Local. */
export default defineConfig({
  define: consoleDefine,
  test: {
    ...shared,
    include: ['test/domain/**/*.test.ts', 'test/functions/**/*.test.ts', 'test/console/**/*.test.ts', 'test/console/**/*.test.tsx'],
    // Pure tests: sharing the imported modules between files (rather than importing the SDK and zod
    // afresh for each) takes the lane from about 50 s to 20 s here. `npm test` keeps every file isolated.
    isolate: false,
  },
});

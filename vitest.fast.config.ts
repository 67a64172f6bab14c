import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

/** `npm run test:fast`: the pure domain and the unit tests, no Java and no DynamoDB Local. */
export default defineConfig({
  test: {
    ...shared,
    include: ['test/domain/**/*.test.ts', 'test/functions/**/*.test.ts'],
  },
});

import { defineConfig } from 'vitest/config';

/** What every test run shares: the SDK quiet on Node 20, a host far from Beijing (dates must not depend on it), no logs. */
export const shared = {
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TZ: 'America/Los_Angeles', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/** `npm test`: everything, with one DynamoDB Local for the run. */
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
  },
});

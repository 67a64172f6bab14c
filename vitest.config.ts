import { defineConfig } from 'vitest/config';

/** What every test run shares: the SDK quiet on Node 20, a host far from Beijing (dates must not depend on it), no logs, no metric lines. */
export const shared = {
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TZ: 'America/Los_Angeles', POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/** The console's build-time constant: its tests run the local build's code (the development sign-in exists). */
export const consoleDefine = { __LOCAL_SIGN_IN__: 'true' };

/** `npm test`: everything, with one DynamoDB Local for the run. */
export default defineConfig({
  define: consoleDefine,
  test: {
    ...shared,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
  },
});

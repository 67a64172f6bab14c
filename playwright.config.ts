import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (`apt-get install chromium`): Playwright's own browser download cannot reach its host here. */
function systemChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No chromium on PATH: `apt-get install -y chromium fonts-noto-cjk` (.ci/run does it when missing)');
  }
}

/**
 * The console in a real browser, against `npm start` on an in-memory database with the dev clock
 * (started once by the global setup). `npm test` runs these after the vitest suite.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  // Each scenario takes its own working day, so they may run side by side; more than two workers only slows them on two cores.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // The evening sweep in joint-window.spec.ts deems every joint department silent before 2026-12-30, the
  // reviewers' scenario's too: that one finishes first; every other scenario runs beside both.
  projects: [
    { name: 'console', testIgnore: /joint(-window)?\.spec\.ts/ },
    { name: 'joint-reviewers', testMatch: /joint\.spec\.ts/ },
    { name: 'joint-window', testMatch: /joint-window\.spec\.ts/, dependencies: ['joint-reviewers'] },
  ],
  use: {
    launchOptions: { executablePath: systemChromium() },
    locale: 'zh-CN',
    // Far from the county: the pages must show the county's dates, not the browser's.
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The `npm start` the global setup started. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through `npx playwright test`');
  return url;
}

/**
 * Signs in on the development sign-in page as one of the local accounts, with the simulated clock
 * starting at `clock` (each scenario takes its own working day, so scenarios never share a day's numbers).
 */
export async function signInOnPage(page: Page, user: string, clock: string): Promise<void> {
  await page.goto(`${baseUrl()}/console/sign-in`);
  await page.getByLabel('模拟时间').fill(clock);
  await page.locator(`[data-user="${user}"]`).click();
  await expect(page.getByTestId('who')).toContainText(user);
}

/**
 * What `signInOnPage` leaves in the tab (the local pool's token and the simulated clock), put there
 * directly: the scenarios that are not about signing in skip the sign-in page and start at their own.
 */
export async function signIn(page: Page, user: string, clock: string): Promise<void> {
  const token = await tokenFor(user);
  await page.goto(`${baseUrl()}/health`);
  await page.evaluate(`sessionStorage.clear(); sessionStorage.setItem('banjian.session', ${JSON.stringify(token)}); sessionStorage.setItem('banjian.devClock', JSON.stringify({ base: ${Date.parse(clock)}, setAt: Date.now() }));`);
  await page.goto(`${baseUrl()}/console/`);
  await expect(page.getByTestId('who')).toContainText(user);
}

/** The page's simulated "now" (the clock set at sign-in, running on): for API calls that must fall between the page's steps. */
export async function pageNow(page: Page): Promise<string> {
  const clock = JSON.parse(String(await page.evaluate('sessionStorage.getItem("banjian.devClock")'))) as { base: number; setAt: number };
  return new Date(clock.base + (Date.now() - clock.setAt)).toISOString();
}

/** A token of the local pool for one of the local accounts (for setting the scene through the API). */
const tokens = new Map<string, string>();

export async function tokenFor(user: string): Promise<string> {
  // Tokens of the local pool last eight hours: one per account for the whole run.
  const known = tokens.get(user);
  if (known) return known;
  const response = await fetch(`${baseUrl()}/console/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  if (!response.ok) throw new Error(`token for ${user}: HTTP ${response.status}`);
  const token = ((await response.json()) as { token: string }).token;
  tokens.set(user, token);
  return token;
}

/** Calls the API as `user` at the simulated instant `at`; fails the test on any non-2xx answer. */
export async function call<T = unknown>(user: string, at: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenFor(user)}`, 'x-dev-clock': at, 'idempotency-key': randomUUID(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Saves a full-page screenshot under test-results/screens/ (git-ignored). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

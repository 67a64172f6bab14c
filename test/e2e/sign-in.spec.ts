import { expect, test } from '@playwright/test';
import { baseUrl, shot, signInOnPage } from './support.ts';

test('every role signs in from the local page, lands on its own page, and signing out leaves nothing in the browser', async ({ page }) => {
  // The server sends the console's AWS Content-Security-Policy: nothing on these pages may break it.
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto(`${baseUrl()}/console/`);
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await expect(page.getByText('本地开发登录')).toBeVisible();
  await shot(page, 'sign-in');
  for (const [user, home] of [['clerk-w03', '/console/clerk'], ['cb-li', '/console/callbacks'], ['dir-w01', '/console/director'], ['admin', '/console/admin']] as const) {
    await signInOnPage(page, user, '2026-12-07T09:00:00+08:00');
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/console\/sign-in/);
    expect(await page.evaluate('sessionStorage.length + localStorage.length')).toBe(0);
  }
  expect(violations).toEqual([]);
});

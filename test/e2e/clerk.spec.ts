import { expect, test } from '@playwright/test';
import { call, pageNow, shot, signIn } from './support.ts';

// This file's days: 2026-12-08 (a case from registration to completion) and 2026-12-09 (calling tickets).

test('a clerk registers a case with a missing material by keyboard, issues the one-time notice, takes the materials, accepts and completes it', async ({ page }) => {
  await signIn(page, 'clerk-w03', '2026-12-08T09:00:00+08:00');
  await shot(page, 'clerk-desk');

  // Registration, with the keyboard alone: Alt+G, the item by name, the checklist, the applicant, Enter.
  await page.keyboard.press('Alt+KeyG');
  await expect(page).toHaveURL(/\/clerk\/register$/);
  await expect(page.getByLabel('办理事项（按名称或编码查找）')).toBeFocused();
  await page.keyboard.type('存量房买卖');
  await page.keyboard.press('Enter');
  await expect(page.getByText('申请材料（勾选申请人已提交的，共 5 项）')).toBeVisible();
  for (const material of ['不动产登记申请书', '申请人身份证明', '不动产权证书', '存量房买卖合同']) {
    await page.getByRole('checkbox', { name: material }).focus();
    await page.keyboard.press('Space');
  }
  await page.getByLabel('申请人（姓名或单位联系人）').focus();
  await page.keyboard.type('周晓梅');
  await page.getByLabel('联系电话').focus();
  await page.keyboard.type('1380000');
  await page.keyboard.press('Enter');
  // A bad phone number is refused next to its field, in Chinese, and nothing is registered.
  await expect(page.getByText('手机号码或座机号码格式不正确')).toBeVisible();
  await page.keyboard.type('1234');
  await shot(page, 'clerk-register');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/cases\/[0-9A-Z]{26}$/);
  await expect(page.getByTestId('case-status')).toHaveText('已收件');
  await expect(page.getByText('尚缺 1 项：完税凭证')).toBeVisible();
  // The whole phone number is not for a clerk's screen.
  await expect(page.getByText('138****1234')).toBeVisible();
  const caseId = page.url().split('/').pop()!;

  // Only what the state allows: no acceptance while a material is missing.
  const toolbar = page.getByRole('toolbar', { name: '可办理的操作' });
  await expect(toolbar.getByRole('button')).toHaveText(['一次性告知', '转办', '不予受理']);

  await toolbar.getByRole('button', { name: '一次性告知', exact: true }).click();
  const notice = page.getByRole('dialog');
  await expect(notice.getByRole('checkbox', { name: '完税凭证' })).toBeChecked();
  await notice.getByRole('button', { name: '确认一次性告知' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待补正');

  await toolbar.getByRole('button', { name: '补正材料', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认补正材料' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已收件');

  await toolbar.getByRole('button', { name: '受理', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认受理' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
  await expect(page.getByText('办结期限')).toBeVisible();

  // Someone else moves the case on meanwhile: the clerk's next step gets 412, a warning and a fresh page.
  await call('clerk-w03', await pageNow(page), 'POST', `/cases/${caseId}/suspend`, { procedure: 'inspection', reason: '现场核查' });
  await call('clerk-w03', await pageNow(page), 'POST', `/cases/${caseId}/resume`, {});
  await toolbar.getByRole('button', { name: '办结', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认办结' }).click();
  await expect(page.getByText('其他人刚刚修改了此办件')).toBeVisible();
  await expect(page.getByText('特别程序结束')).toBeVisible();

  await toolbar.getByRole('button', { name: '办结', exact: true }).click();
  await page.getByRole('dialog').getByRole('radio', { name: '准予许可' }).check();
  await page.getByRole('dialog').getByRole('button', { name: '确认办结' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已办结');
  await expect(toolbar.getByRole('button')).toHaveText(['送达']);
  for (const step of ['收件登记', '一次性告知', '补正材料', '受理', '特别程序开始', '办结']) await expect(page.getByText(step, { exact: true }).first()).toBeVisible();
  await shot(page, 'clerk-case');

  const stored = await call<{ status: string; decision: string; materials: string[] }>('dir-w03', '2026-12-08T11:00:00+08:00', 'GET', `/cases/${caseId}`);
  expect(stored).toMatchObject({ status: 'completed', decision: 'approved' });
  expect(stored.materials).toHaveLength(5);
});

test('two windows call the same queue at once and nobody is called twice', async ({ browser }) => {
  const day = '2026-12-09';
  // Window W04 helps W03 with category C (不动产登记) today; six visitors take tickets.
  await call('clerk-w04', `${day}T08:20:00+08:00`, 'PUT', '/windows/W04/categories', { categories: ['C', 'D'] });
  // The window's backlog has work in it too: one accepted case, one waiting for materials.
  const register = (at: string, materials: string[]) =>
    call<{ caseId: string }>('clerk-w03', at, 'POST', '/cases', { itemCode: '331022-BDCDJ-001', applicant: { name: '陈国平', phone: '13912345678' }, channel: 'window', siteId: 'S-CENTER', materials });
  const full = await register(`${day}T08:05:00+08:00`, ['M1', 'M2', 'M3', 'M4', 'M5']);
  await call('clerk-w03', `${day}T08:06:00+08:00`, 'POST', `/cases/${full.caseId}/accept`, {});
  const short = await register(`${day}T08:10:00+08:00`, ['M1', 'M2', 'M3']);
  await call('clerk-w03', `${day}T08:11:00+08:00`, 'POST', `/cases/${short.caseId}/request-materials`, { missing: ['M4', 'M5'] });
  const issued: string[] = [];
  for (let i = 0; i < 6; i++) issued.push((await call<{ number: string }>('admin', `${day}T08:3${i}:00+08:00`, 'POST', '/tickets', { category: 'C', source: 'kiosk' })).number);

  const desks = await Promise.all(
    ['clerk-w03', 'clerk-w04'].map(async (user) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, user, `${day}T09:00:00+08:00`);
      return { user, context, page };
    }),
  );
  const called: string[] = [];
  for (let round = 0; round < 3; round++) {
    // Both press 叫号 together.
    await Promise.all(desks.map((d) => d.page.getByRole('button', { name: '叫号（Alt+N）' }).click()));
    for (const d of desks) {
      await expect(d.page.getByTestId('ticket-status')).toHaveText('已叫号');
      if (round === 0 && d.user === 'clerk-w03') {
        await shot(d.page, 'clerk-calling');
        // The terminal restarts mid-call: the desk picks the called ticket up from the server.
        const before = await d.page.locator('.ant-statistic').filter({ hasText: '当前号码' }).locator('.ant-statistic-content-value').innerText();
        await d.page.evaluate('sessionStorage.removeItem("banjian.ticket.W03")');
        await d.page.reload();
        await expect(d.page.locator('.ant-statistic').filter({ hasText: '当前号码' }).locator('.ant-statistic-content-value')).toHaveText(before);
        await expect(d.page.getByTestId('ticket-status')).toHaveText('已叫号');
      }
      const number = (await d.page.locator('.ant-statistic').filter({ hasText: '当前号码' }).locator('.ant-statistic-content-value').innerText()).trim();
      expect(number).not.toBe('—');
      called.push(number);
      await d.page.keyboard.press('Alt+KeyS');
      await expect(d.page.getByTestId('ticket-status')).toHaveText('办理中');
      await d.page.keyboard.press('Alt+KeyE');
      await expect(d.page.getByText('空闲')).toBeVisible();
    }
  }
  expect(new Set(called).size).toBe(called.length);
  expect([...called].sort()).toEqual([...issued].sort());
  // Nobody left: the next call says so.
  await desks[0]!.page.getByRole('button', { name: '叫号（Alt+N）' }).click();
  await expect(desks[0]!.page.getByText('当前没有等候的群众')).toBeVisible();
  for (const d of desks) await d.context.close();
});

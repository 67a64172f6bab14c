import { expect, test, type Page } from '@playwright/test';
import { call, shot, signIn } from './support.ts';

/** The administrator's scenario takes Tuesday 2026-12-15, and amends 2027 (2026's working days are other scenarios' ground). */
const DAY = '2026-12-15';
const CLOCK = `${DAY}T08:30:00+08:00`;

interface CalendarYear {
  source: string;
  holidays: string[];
  workdays: string[];
}
interface Roster {
  absent: string[];
  entries: { directorId: string; windowId: string; at: string }[];
}

const day = (page: Page, date: string) => page.locator(`[data-date="${date}"]`);

test('an administrator amends 2027 on the month grid with the mouse and the keyboard, saves it, and it sticks after a reload', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, 'admin', CLOCK);
  await expect(page).toHaveURL(/\/console\/admin$/);
  await expect(page.getByRole('tab', { name: '节假日安排', selected: true })).toBeVisible();

  await page.getByRole('radiogroup', { name: '年份' }).getByText('2027 年').click();
  await expect(page).toHaveURL(/year=2027/);
  await expect(page.getByText('暂定', { exact: true })).toBeVisible();
  // Monday 1 March and Tuesday 2 March become holidays, Saturday 6 March a worked day.
  await expect(day(page, '2027-03-01')).toHaveAttribute('data-kind', 'workday');
  await expect(day(page, '2027-03-06')).toHaveAttribute('data-kind', 'weekend');
  await day(page, '2027-03-01').click();
  await expect(day(page, '2027-03-01')).toHaveAttribute('data-kind', 'holiday');
  await expect(day(page, '2027-03-01')).toHaveAttribute('aria-label', /节假日（原为工作日，未保存）/);
  await expect(day(page, '2027-03-01')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(day(page, '2027-03-02')).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(day(page, '2027-03-06')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(day(page, '2027-03-06')).toHaveAttribute('data-kind', 'worked');
  const pending = page.getByRole('list', { name: '待保存的修改' });
  await expect(pending.getByRole('listitem')).toHaveCount(3);
  await expect(pending.getByRole('listitem').last()).toContainText('3月6日周末休息→调休上班');
  await expect(page.getByText('待保存的修改（3）')).toBeVisible();
  await shot(page, 'admin-calendar-draft');

  await page.getByRole('button', { name: '保存修改' }).click();
  const dialog = page.getByRole('dialog', { name: '保存 2027 年的节假日安排？' });
  await expect(dialog.getByText('共 3 处修改')).toBeVisible();
  await dialog.getByLabel('调整依据（可选）').fill('县政府通知：3月1日至2日放假，3月6日（星期六）上班');
  await dialog.getByRole('button', { name: '确认保存' }).click();
  await expect(page.getByText('2027 年节假日安排已保存')).toBeVisible();
  await expect(page.getByText('已人工调整')).toBeVisible();
  await expect(page.getByText('待保存的修改（0）')).toBeVisible();

  const saved = await call<CalendarYear>('admin', CLOCK, 'GET', '/calendar/2027');
  expect(saved.source).toBe('amended');
  expect(saved.holidays).toEqual(expect.arrayContaining(['2027-03-01', '2027-03-02', '2027-01-01']));
  expect(saved.workdays).toContain('2027-03-06');

  await page.reload();
  await expect(page.getByText('已人工调整')).toBeVisible();
  await expect(day(page, '2027-03-01')).toHaveAttribute('data-kind', 'holiday');
  await expect(day(page, '2027-03-02')).toHaveAttribute('data-kind', 'holiday');
  await expect(day(page, '2027-03-06')).toHaveAttribute('data-kind', 'worked');
  await expect(page.locator('.cal-changed[data-date]')).toHaveCount(0);
  await shot(page, 'admin-calendar-saved');
});

test('an administrator publishes the day’s roster with a director away, after confirming, and then the callback list', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, 'admin', CLOCK);
  await page.getByRole('tab', { name: '手工发布' }).click();
  await expect(page.getByLabel('日期').first()).toHaveValue(DAY);
  await expect(page.getByText('2026年12月15日的排班尚未发布')).toBeVisible();

  await page.getByLabel('请假的主任').click();
  await page.getByLabel('请假的主任').fill('李静');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '发布排班' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '发布2026年12月15日的督查排班？' });
  await expect(confirm.getByText(/请假：李静（W02）/)).toBeVisible();
  await shot(page, 'admin-roster-confirm');
  await confirm.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText('2026年12月15日的督查排班：已发布')).toBeVisible();
  const table = page.getByRole('table', { name: '督查排班' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText('请假：李静（W02）', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '登记请假并改派' })).toBeDisabled();

  const roster = await call<Roster>('admin', CLOCK, 'GET', `/rosters/${DAY}`);
  expect(roster.absent).toEqual(['dir-w02']);
  expect(roster.entries.length).toBeGreaterThan(0);
  expect(roster.entries.some((e) => e.directorId === 'dir-w02')).toBe(false);

  // Two of the three callback staff are on duty today; Enter in the field asks to publish.
  await page.getByLabel('当班回访人员').fill('cb-li，cb-wang');
  await page.getByLabel('当班回访人员').press('Enter');
  await page.getByRole('dialog').filter({ hasText: '发布2026年12月15日的回访名单？' }).getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText(/2026年12月15日的回访名单(已发布|早已发布)/)).toBeVisible();
  await expect(page.getByText('名单条数')).toBeVisible();
  await expect(page.getByText(/^cb-li \d+ 条，cb-wang \d+ 条/)).toBeVisible();
  await expect(page.getByRole('button', { name: '发布回访名单' })).toBeDisabled();
  await shot(page, 'admin-published');
});

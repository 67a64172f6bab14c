import { expect, test } from '@playwright/test';
import { call, shot, signIn } from './support.ts';

/** The director's scenario takes Monday 2026-12-14: its roster is published here, as the 07:00 timer would. */
const DAY = '2026-12-14';

interface Roster {
  entries: { directorId: string; windowId: string; at: string; status: 'upcoming' | 'due' | 'checked' | 'missed'; checkId: string | null }[];
}

test('a director files a video check when it falls due, with a failed item, and the roster shows it checked', async ({ page }) => {
  // About 20 s on an idle machine; more room for a busy one (several browsers and servers on two cores).
  test.setTimeout(150_000);
  const roster = await call<Roster>('admin', `${DAY}T07:30:00+08:00`, 'POST', `/rosters/${DAY}`, {});
  // The roster's times come from the county secret: take the earliest check of the day, and its director.
  const first = [...roster.entries].sort((a, b) => a.at.localeCompare(b.at))[0]!;
  const director = first.directorId;
  const theirs = roster.entries.filter((e) => e.directorId === director);
  expect(theirs.length).toBeGreaterThan(0);
  // Two minutes into the check's time: it is due, and the director's later checks are still to come.
  const clock = new Date(Date.parse(`${DAY}T${first.at}:00+08:00`) + 2 * 60_000).toISOString();
  const nowHHMM = new Date(Date.parse(clock) + 8 * 3_600_000).toISOString().slice(11, 16);

  await signIn(page, director, clock);
  await expect(page).toHaveURL(/\/console\/director$/);
  const row = page.locator(`li[data-window="${first.windowId}"]`);
  await expect(row.getByText('待督查')).toBeVisible();
  for (const later of theirs.filter((e) => e.at > nowHHMM)) {
    await expect(page.locator(`li[data-window="${later.windowId}"]`).getByText('未到时间')).toBeVisible();
    await expect(page.locator(`li[data-window="${later.windowId}"]`).getByRole('button')).toHaveCount(0);
  }
  await shot(page, 'director-checks-due');

  await row.getByRole('button', { name: /^督查 / }).click();
  const form = page.getByRole('form', { name: '视频督查记录' });
  await expect(form).toBeVisible();
  const time = form.getByLabel('督查时间（时:分）');
  await expect(time).toBeFocused();
  await expect(time).toHaveValue(nowHHMM);
  // A time later than now is refused beside the field, in Chinese.
  await time.fill('23:59');
  await form.getByRole('button', { name: '提交督查记录' }).click();
  await expect(form.getByText(/督查时间不能晚于现在/)).toBeVisible();
  await time.fill(nowHHMM);

  await form.getByRole('checkbox', { name: '未玩手机' }).uncheck();
  await expect(form.getByText('不符合 1 项：')).toBeVisible();
  await expect(form.getByText('玩手机', { exact: true })).toBeVisible();
  await form.getByLabel('情况说明').fill('窗口人员低头玩手机约 3 分钟');
  await form.getByLabel('录像证据编号').fill('3号摄像头回放');
  await shot(page, 'director-video-check-form');
  // Enter in a field submits the form.
  await form.getByLabel('录像证据编号').press('Enter');

  await expect(page.getByText(/的督查记录已提交/)).toBeVisible();
  await expect(row.getByText('已督查')).toBeVisible();
  await expect(page.getByText('本次提交的督查记录')).toBeVisible();
  await shot(page, 'director-check-filed');

  // The API has it: the roster entry is checked, with the items as ticked.
  const after = await call<Roster>('admin', clock, 'GET', `/rosters/${DAY}?director=${director}`);
  const entry = after.entries.find((e) => e.windowId === first.windowId)!;
  expect(entry.status).toBe('checked');
  expect(entry.checkId).toBeTruthy();

  // And it is still checked after a reload: it came from the API, not from the page's memory.
  await page.reload();
  await expect(page.locator(`li[data-window="${first.windowId}"]`).getByText('已督查')).toBeVisible();
  await expect(page.locator(`li[data-window="${first.windowId}"]`).getByRole('button', { name: /^督查 / })).toHaveCount(0);
});

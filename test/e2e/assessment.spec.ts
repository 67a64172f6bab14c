import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { call, shot, signIn } from './support.ts';

// This file's days: Tuesday 2026-11-10 (张伟 of W02 signs in late at one terminal, is told so at another,
// signs out in the evening) and Wednesday 2026-11-11 (an inspection, a leave, the three sheets, 我的考核).
// No other scenario signs in at a terminal, so November's attendance is this file's alone. The three
// tests are one story, in order.
test.describe.configure({ mode: 'serial' });

const DAY = '2026-11-10';
const NEXT = '2026-11-11';
const MONTH = '2026-11';
const CLERK = 'clerk-w02'; // 张伟, W02
const COLLEAGUE = 'clerk-w02-2'; // 沈超, W02
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

interface StaffScores {
  allowanceTotal: number;
  staff: { staffId: string; name: string; score: number; allowance: number; deductions: { kind: string; detail: string; points: number }[] }[];
}

/** Types a date into an antd date picker (its panel turns to that month) and picks the day. */
async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await page.locator(`.ant-picker-dropdown td[title="${date}"]`).click();
}

/** Picks an option of an antd select by typing part of it. */
async function choose(page: Page, label: string, text: string) {
  await page.getByLabel(label).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a window worker signs in late at the terminal, a second terminal is told they already have, and signs out in the evening', async ({ browser }) => {
  // About 25 s on an idle machine.
  test.setTimeout(150_000);
  const terminals = await Promise.all([browser.newContext(), browser.newContext()]);
  const [a, b] = await Promise.all(terminals.map((c) => c.newPage())) as [Page, Page];
  // The second terminal first: the first one's clock (running on from 08:36) is the one that signs in.
  await signIn(b, CLERK, at(DAY, '08:36'));
  await signIn(a, CLERK, at(DAY, '08:36'));
  const barA = a.getByRole('region', { name: '签到签退' });
  const barB = b.getByRole('region', { name: '签到签退' });
  await expect(barA.getByTestId('duty-state')).toHaveText('未签到');
  await expect(barB.getByTestId('duty-state')).toHaveText('未签到');
  await shot(a, 'assessment-terminal-before');

  await barA.getByRole('button', { name: '签到', exact: true }).click();
  await expect(barA.getByTestId('duty-state')).toHaveText('已签到 08:36 · W02');
  await expect(barA.getByRole('button', { name: '签退', exact: true })).toBeVisible();
  await shot(a, 'assessment-terminal-signed-in');

  // The other terminal still shows the morning as it was: its 签到 is refused (409), said in Chinese, and the state follows.
  await barB.getByRole('button', { name: '签到', exact: true }).click();
  await expect(b.getByText('您已于 08:36 在 W02 窗口签到，无需重复签到')).toBeVisible();
  await expect(barB.getByTestId('duty-state')).toHaveText('已签到 08:36 · W02');
  await shot(b, 'assessment-terminal-refused');

  // The evening: the desk opens signed in, and signs out.
  await signIn(a, CLERK, at(DAY, '17:05'));
  await expect(barA.getByTestId('duty-state')).toHaveText('已签到 08:36 · W02');
  await barA.getByRole('button', { name: '签退', exact: true }).click();
  await expect(barA.getByTestId('duty-state')).toHaveText('已签退 17:05');
  await Promise.all(terminals.map((c) => c.close()));

  // The day as the API keeps it: six minutes late (within the grace: a late, not an absent half day).
  const month = await call<{ days: { date: string; records: { kind: string; time: string }[]; findings: { kind: string; detail: string }[] }[] }>(CLERK, at(NEXT, '08:00'), 'GET', `/staff/${CLERK}/attendance/${MONTH}`);
  expect(month.days).toHaveLength(1);
  expect(month.days[0]).toMatchObject({ date: DAY, records: [{ kind: 'in', time: '08:36' }, { kind: 'out', time: '17:05' }], findings: [{ kind: 'late', detail: '上午签到 08:36，迟到 6 分钟' }] });
});

test('an administrator records a site inspection and a leave, reads the three sheets with the late sign-in traced to its day, and downloads a sheet as CSV', async ({ page }) => {
  // About 35 s on an idle machine; more room for a busy one (several browsers and servers on two cores).
  test.setTimeout(300_000);
  const departments = await call<unknown[]>('admin', at(NEXT, '09:00'), 'GET', '/departments');
  await signIn(page, 'admin', at(NEXT, '09:00'));
  await page.getByRole('navigation', { name: '页面' }).getByRole('button', { name: '考核', exact: true }).click();
  await expect(page).toHaveURL(/\/console\/assessment$/);

  // 部门考核: every department, ranked, with its tier.
  const departmentSheet = page.getByRole('table', { name: '部门考核' });
  await expect(departmentSheet.locator('tbody > tr')).toHaveCount(departments.length);
  await expect(page.getByRole('region', { name: '部门考核' })).toContainText('2026年11月部门考核');
  await shot(page, 'assessment-departments');

  // 实地检查: 海游街道's center today, its hours not kept.
  await page.getByRole('tab', { name: '实地检查' }).click();
  const form = page.getByRole('form', { name: '实地检查登记' });
  await choose(page, '检查站点', '海游街道便民');
  await expect(form.getByLabel('检查日期')).toHaveValue(NEXT);
  await form.getByRole('checkbox', { name: '按时开放' }).uncheck();
  await expect(form.getByText('不符合 1 项：')).toBeVisible();
  await form.getByLabel('情况说明').fill('09:00 仍未开门，群众在门外等候');
  await shot(page, 'assessment-inspection-form');
  await form.getByRole('button', { name: '提交检查记录' }).click();
  await expect(page.getByText(`已登记 海游街道便民服务中心 ${NEXT} 的实地检查，不符合 1 项`)).toBeVisible();
  const inspections = page.getByRole('table', { name: '本月实地检查' });
  await expect(inspections.locator(`tr[data-site="S-HY"][data-date="${NEXT}"]`)).toContainText('未按时开放');
  // One inspection per site and day: a second is refused, in Chinese.
  await choose(page, '检查站点', '海游街道便民');
  await form.getByRole('button', { name: '提交检查记录' }).click();
  await expect(form.getByRole('alert')).toHaveText(`海游街道便民服务中心 在 ${NEXT} 已登记过实地检查，每个站点每天只登记一次`);
  await shot(page, 'assessment-inspections');

  // 乡镇考核: the failed item costs 海游街道 its points, traced to the inspection.
  await page.getByRole('tab', { name: '乡镇考核' }).click();
  const sites = page.getByRole('region', { name: '乡镇考核' });
  const hy = sites.locator('tr[data-site="S-HY"]');
  await expect(async () => {
    await sites.getByRole('button', { name: '刷新' }).click();
    await expect(hy.getByRole('button', { name: '展开扣分明细：海游街道' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await hy.getByRole('button', { name: '展开扣分明细：海游街道' }).click();
  const hyDeductions = page.getByRole('table', { name: '扣分明细：海游街道' });
  await expect(hyDeductions).toContainText('实地检查');
  await expect(hyDeductions).toContainText('S-HY 未按时开放');
  await expect(hyDeductions).toContainText('−2');
  await expect(hyDeductions).toContainText(`${NEXT} 实地检查（S-HY）`);
  await shot(page, 'assessment-sites');
  await sites.getByText('村级', { exact: true }).click();
  await expect(page).toHaveURL(/level=village/);
  await expect(sites.locator('tr[data-site="S-HY-V01"]')).toContainText('海游街道城西村代办点');

  // 个人考核: everyone, the late sign-in on 张伟's row, traced to his day at the terminal.
  await page.getByRole('tab', { name: '个人考核' }).click();
  const staff = page.getByRole('region', { name: '个人考核' });
  const everyone = await call<StaffScores>('admin', at(NEXT, '09:30'), 'GET', `/staff-scores/${MONTH}`);
  await expect(staff.locator('tbody > tr[data-staff]')).toHaveCount(everyone.staff.length);
  await expect(staff.getByTestId('allowance-total')).toContainText(`${everyone.allowanceTotal.toLocaleString('zh-CN')} 元`);
  const zhang = staff.locator(`tr[data-staff="${CLERK}"]`);
  await expect(zhang).toContainText('张伟');
  await expect(zhang).toContainText('99');
  await zhang.getByRole('button', { name: '展开扣分明细：张伟' }).click();
  const late = page.getByRole('table', { name: '扣分明细：张伟' });
  await expect(late).toContainText('迟到');
  await expect(late).toContainText('上午签到 08:36，迟到 6 分钟');
  await expect(late).toContainText('−1');
  await shot(page, 'assessment-staff');
  await late.getByRole('button', { name: `${DAY} 考勤记录` }).click();
  const drawer = page.getByRole('dialog', { name: /考勤记录 · 张伟/ });
  await expect(drawer.locator(`tr[data-date="${DAY}"]`)).toContainText('08:36 签到（W02）');
  await expect(drawer.locator(`tr[data-date="${DAY}"]`)).toContainText('17:05 签退（W02）');
  await shot(page, 'assessment-attendance');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 沈超 had no record on Tuesday: two absent half days, until his afternoon's leave is recorded.
  const shen = staff.locator(`tr[data-staff="${COLLEAGUE}"]`);
  await expect(shen).toContainText('90');
  await staff.getByRole('button', { name: '请假登记' }).click();
  const leave = page.getByRole('dialog', { name: '请假登记' });
  await choose(page, '工作人员', '沈超');
  await pickDate(page, '请假日期', DAY);
  await leave.getByText('下午', { exact: true }).click();
  await leave.getByLabel('请假事由').fill('病假（医院证明已交）');
  await shot(page, 'assessment-leave');
  await leave.getByRole('button', { name: '登记请假' }).click();
  await expect(page.getByText('已登记 沈超 2026年11月10日下午请假')).toBeVisible();
  await expect(async () => {
    await staff.getByRole('button', { name: '刷新' }).click();
    await expect(shen).toContainText('95', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // One window's workers, and their sheet as the API's CSV for Excel.
  await choose(page, '窗口', 'W02');
  await expect(page).toHaveURL(/window=W02/);
  await expect(staff.locator('tbody > tr[data-staff]')).toHaveCount(2);
  const w02 = await call<StaffScores>('admin', at(NEXT, '09:40'), 'GET', `/staff-scores/${MONTH}?windowId=W02`);
  await expect(staff.getByTestId('allowance-total')).toContainText(`${w02.allowanceTotal} 元`);
  const [csv] = await Promise.all([page.waitForEvent('download'), staff.getByRole('button', { name: '导出 CSV：个人考核' }).click()]);
  expect(csv.suggestedFilename()).toBe(`个人考核-${MONTH}-W02.csv`);
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toMatch(/^排名,工号,姓名,窗口编号/);
  expect(lines.find((l) => l.includes('张伟'))).toContain(`${DAY} 迟到 上午签到 08:36，迟到 6 分钟 -1`);
  expect(lines.at(-1)).toContain(`合计`);
});

test('a window worker’s 我的考核 shows their own row only: the score, the allowance, the late sign-in and their days', async ({ page }) => {
  const mine = await call<StaffScores>(CLERK, at(NEXT, '12:00'), 'GET', `/staff-scores/${MONTH}`);
  expect(mine.staff.map((s) => s.staffId)).toEqual([CLERK]);
  await signIn(page, CLERK, at(NEXT, '12:00'));
  await page.getByRole('navigation', { name: '页面' }).getByRole('button', { name: '我的考核' }).click();
  await expect(page).toHaveURL(/\/console\/my-assessment$/);
  const card = page.getByRole('region', { name: '我的考核' });
  await expect(card).toContainText('2026年11月个人考核 · 张伟（工号 220201）');
  await expect(card.getByTestId('my-score')).toContainText('99');
  await expect(card.getByTestId('my-score')).toContainText(`${mine.staff[0]!.allowance} 元`);
  const deductions = page.getByRole('table', { name: '扣分明细：张伟' });
  await expect(deductions).toContainText('上午签到 08:36，迟到 6 分钟');
  const tuesday = page.getByRole('table', { name: '考勤记录' }).locator(`tr[data-date="${DAY}"]`);
  await expect(tuesday).toContainText('08:36 签到（W02）');
  await expect(tuesday).toContainText('迟到');
  // Nobody else's name on the page.
  await expect(page.getByText('沈超')).toHaveCount(0);
  await shot(page, 'assessment-mine');
});

test('a window director’s 个人考核 is their window’s workers, with the leave form for them', async ({ page }) => {
  await signIn(page, 'dir-w02', at(NEXT, '14:00'));
  await page.goto(`${new URL(page.url()).origin}/console/assessment?tab=staff`);
  const staff = page.getByRole('region', { name: '个人考核' });
  await expect(staff.locator('tbody > tr[data-staff]')).toHaveCount(2);
  await expect(staff.locator(`tr[data-staff="${CLERK}"]`)).toContainText('张伟');
  await expect(staff.locator(`tr[data-staff="${COLLEAGUE}"]`)).toContainText('沈超');
  // No window to pick: the director's own is named.
  await expect(staff.getByLabel('窗口', { exact: true })).toHaveCount(0);
  await expect(staff).toContainText('W02 市场监管窗口（商事登记）');
  await staff.getByRole('button', { name: '请假登记' }).click();
  await page.getByLabel('工作人员').click();
  await expect(page.locator('.ant-select-item-option')).toHaveText(['张伟（220201 · W02）', '沈超（220202 · W02）']);
  await page.keyboard.press('Escape');
  await shot(page, 'assessment-director-staff');
});

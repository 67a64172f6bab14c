import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, call, shot, signIn, tokenFor } from './support.ts';

// This file's days: Mon 2026-12-21 (a completion acceptance accepted, its inspection appointed), Tue 12-22 (the
// inspection held, fire asks for rectification), Wed 12-23 (archives pass; other departments look on).

const ITEM = '331022-LHSP-002';
const county = JSON.parse(readFileSync('infra/counties/sanmen.json', 'utf8')) as { items: { code: string; materials: { code: string }[] }[] };
const materials = county.items.find((i) => i.code === ITEM)!.materials.map((m) => m.code);
const at = (date: string, time: string) => `2026-12-${date}T${time}:00+08:00`;

interface JointCase {
  caseId: string;
  caseNo: string;
  joint: { tasks: { departmentId: string; status: string; items: { text: string }[]; deadline: string }[] } | null;
}

/** The inbox row of our case (other scenarios may have joint cases of their own in the same database). */
const rowOf = (page: Page, caseNo: string) => page.locator(`tr[data-case-no="${caseNo}"]`);

test('departments review a joint completion acceptance: fire asks for two rectifications, archives pass, nobody answers for another department', async ({ page }) => {
  // About 100 s here on a busy machine (six sign-ins, each page reading the case afresh): room for two workers side by side.
  test.setTimeout(240_000);
  // The scene, through the API: the joint window (W16) registers the application with all 30 materials,
  // accepts it and appoints the joint inspection for Tuesday morning.
  const submitted = await call<JointCase>('clerk-w16', at('21', '09:00'), 'POST', '/cases', {
    itemCode: ITEM,
    channel: 'window',
    materials,
    applicant: { name: '郑海明', organization: '三门县海润建设有限公司' },
  });
  const { caseId, caseNo } = submitted;
  const accepted = await call<JointCase>('clerk-w16', at('21', '09:10'), 'POST', `/cases/${caseId}/accept`, {});
  expect(accepted.joint?.tasks.map((t) => t.departmentId)).toEqual(['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND', 'D-ARCH', 'D-QS']);
  await call('clerk-w16', at('21', '09:20'), 'POST', `/cases/${caseId}/joint/inspection`, { at: at('22', '09:30'), place: '海游街道工业园区项目现场' });

  // Monday afternoon, fire's reviewer: the case is in the inbox, but fire inspects, and the inspection is tomorrow.
  await signIn(page, 'reviewer-d-fire', at('21', '14:00'));
  await expect(page).toHaveURL(/\/console\/joint$/);
  await expect(page.getByRole('heading', { name: /联合审批/ })).toContainText('三门县消防救援大队');
  const row = rowOf(page, caseNo);
  await expect(row).toContainText('建设工程竣工联合验收');
  await expect(row).toContainText('三门县海润建设有限公司');
  await expect(row).toContainText('2026年12月28日');
  await expect(row).toContainText('待举行');
  await expect(row).toContainText('审查中');
  await shot(page, 'joint-inbox-before-inspection');
  await row.getByRole('link', { name: caseNo }).click();
  await expect(page).toHaveURL(new RegExp(`/console/joint/cases/${caseId}$`));
  await expect(page.getByTestId('opinion-blocked')).toContainText('联合验收尚未举行');
  await expect(page.getByRole('form', { name: '出具意见' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '本部门审查的材料' })).toContainText('消防设施检测报告');
  await shot(page, 'joint-case-before-inspection');

  // Tuesday: the inspection is held; civil air defence stays away without reason (deemed consenting), land excused.
  await call('clerk-w16', at('22', '11:30'), 'POST', `/cases/${caseId}/joint/inspection/held`, {
    present: ['D-NR', 'D-FIRE', 'D-QS'],
    absent: [
      { departmentId: 'D-CAD', justified: false },
      { departmentId: 'D-LAND', justified: true, reason: '同日另有执法任务，次日补看现场' },
    ],
  });

  await signIn(page, 'reviewer-d-fire', at('22', '14:00'));
  await expect(rowOf(page, caseNo)).toContainText('已举行');
  await rowOf(page, caseNo).click();
  const form = page.getByRole('form', { name: '出具意见' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('radio', { name: '通过', exact: true })).toBeFocused();
  // The keyboard picks the result: the arrow moves from 通过 to 需整改.
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: '需整改' })).toBeChecked();
  // Asking for a rectification without saying what is refused beside the field, before anything is sent.
  await form.getByRole('button', { name: '提交意见' }).click();
  await expect(form.getByText('请填写整改内容，或删除此项')).toBeVisible();
  await form.getByLabel('整改内容第 1 项').fill('疏散指示标志不连续');
  await form.getByRole('button', { name: '＋ 添加一项' }).click();
  await expect(form.getByLabel('整改内容第 2 项')).toBeFocused();
  await page.keyboard.type('消防水泵接合器未标识');
  await form.getByLabel('备注（可选）').fill('整改后通知复查');
  await shot(page, 'joint-opinion-form');
  await form.getByLabel('整改内容第 2 项').press('Enter');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('确认提交意见：需整改？');
  await expect(confirm).toContainText('消防水泵接合器未标识');
  await confirm.getByRole('button', { name: '确认提交' }).click();

  await expect(page.getByText('三门县消防救援大队的意见已提交：需整改')).toBeVisible();
  await expect(page.getByTestId('own-task-status')).toHaveText('需整改');
  await expect(page.locator('tr[data-department="D-FIRE"]')).toContainText('需整改');
  await expect(page.locator('tr[data-department="D-FIRE"]')).toContainText('疏散指示标志不连续');
  await expect(page.locator('tr[data-department="D-CAD"]')).toContainText('缺席视为同意');
  await expect(page.getByTestId('opinion-blocked')).toContainText('等待牵头窗口出具一次性整改通知');
  await expect(form).toHaveCount(0);
  const list = page.getByRole('region', { name: '一次性整改清单' });
  await expect(list).toContainText('待出具（下一份整改通知）');
  await expect(list).toContainText('消防水泵接合器未标识');
  await expect(page.getByRole('region', { name: '联合验收' })).toContainText('无正当理由，视为同意');
  await expect(page.getByRole('region', { name: '联合验收' })).toContainText('同日另有执法任务');
  await shot(page, 'joint-case-rectify');
  // The API has it, and a reload shows it: it came from the case, not from the page's memory.
  const afterFire = await call<JointCase>('reviewer-d-fire', at('22', '14:30'), 'GET', `/cases/${caseId}`);
  expect(afterFire.joint?.tasks.find((t) => t.departmentId === 'D-FIRE')).toMatchObject({ status: 'rectify', items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }] });
  await page.reload();
  await expect(page.getByTestId('own-task-status')).toHaveText('需整改');
  // Back in the inbox, the case has left 待审查 for 需整改.
  await page.getByRole('button', { name: '返回待办' }).click();
  await expect(rowOf(page, caseNo)).toHaveCount(0);
  await page.getByRole('tab', { name: /需整改/ }).click();
  await expect(rowOf(page, caseNo)).toContainText('需整改');

  // Wednesday, archives (which does not inspect): it passes.
  await signIn(page, 'reviewer-d-arch', at('23', '10:00'));
  await rowOf(page, caseNo).click();
  await expect(page.getByRole('region', { name: '本部门意见' })).toContainText('三门县城市建设档案馆');
  await page.getByRole('form', { name: '出具意见' }).getByText('通过', { exact: true }).click();
  await page.getByRole('button', { name: '提交意见' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByTestId('own-task-status')).toHaveText('通过');
  await expect(page.getByTestId('opinion-blocked')).toContainText('本部门已答复（通过，2026年12月23日）');
  await expect(page.locator('tr[data-department="D-ARCH"]')).toContainText('2026年12月23日');
  await shot(page, 'joint-case-passed');

  // Planning's reviewer sees the case and may answer for planning only: asking for fire's view changes nothing,
  // and the API refuses an opinion for fire.
  await signIn(page, 'reviewer-d-nr', at('23', '11:00'));
  await page.goto(`${baseUrl()}/console/joint/cases/${caseId}?department=D-FIRE`);
  const own = page.getByRole('region', { name: '本部门意见' });
  await expect(own).toContainText('三门县自然资源和规划局');
  await expect(own).not.toContainText('消防');
  await expect(own.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('form', { name: '出具意见' })).toBeVisible();
  await expect(page.locator('tr[data-department="D-FIRE"]')).toContainText('需整改');
  const refused = await fetch(`${baseUrl()}/cases/${caseId}/joint/opinions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor('reviewer-d-nr')}`, 'content-type': 'application/json', 'x-dev-clock': at('23', '11:05') },
    body: JSON.stringify({ departmentId: 'D-FIRE', result: 'pass' }),
  });
  expect(refused.status).toBe(403);
  const unchanged = await call<JointCase>('admin', at('23', '11:06'), 'GET', `/cases/${caseId}`);
  expect(unchanged.joint?.tasks.find((t) => t.departmentId === 'D-FIRE')?.status).toBe('rectify');

  // A department without a task in the case cannot open it at all.
  await signIn(page, 'reviewer-d-hc', at('23', '11:10'));
  await page.goto(`${baseUrl()}/console/joint/cases/${caseId}`);
  await expect(page.getByText('此办件没有本部门的联合审查任务，无法查看。')).toBeVisible();

  // An administrator picks the department: fire's 需整改 tab holds the case.
  await signIn(page, 'admin', at('23', '11:20'));
  await page.goto(`${baseUrl()}/console/joint`);
  // The department by typing part of its name, and Enter.
  await page.getByLabel('审查部门').click();
  await page.keyboard.type('消防');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /联合审批/ })).toContainText('三门县消防救援大队');
  await page.getByRole('tab', { name: /需整改/ }).click();
  await expect(page).toHaveURL(/department=D-FIRE&status=rectify/);
  await expect(rowOf(page, caseNo)).toContainText('需整改');
  await shot(page, 'joint-inbox-admin');
});

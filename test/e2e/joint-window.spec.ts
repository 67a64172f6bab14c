import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, call, shot, signIn } from './support.ts';

// This file's days: 2026-12-24 (accepted, inspection appointed), 2026-12-25 (inspection held, opinions,
// the combined list), 2026-12-28 (rectified), 2026-12-29 (the evening sweep), 2026-12-30 (completed).

const ITEM = '331022-LHSP-002';
const county = JSON.parse(readFileSync('infra/counties/sanmen.json', 'utf8')) as { items: { code: string; materials: { code: string }[] }[] };
const materials = county.items.find((i) => i.code === ITEM)!.materials.map((m) => m.code);
const at = (day: string, time: string) => `2026-12-${day}T${time}:00+08:00`;

/** The case page at the lead window (W16), at a simulated instant. */
async function openCase(page: Page, caseId: string, clock: string) {
  await signIn(page, 'clerk-w16', clock);
  await page.goto(`${baseUrl()}/console/cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toBeVisible();
}

const opinion = (department: string, caseId: string, when: string, body: Record<string, unknown>) =>
  call(`reviewer-${department.toLowerCase()}`, when, 'POST', `/cases/${caseId}/joint/opinions`, { departmentId: department, ...body });

test('the lead window takes a joint completion acceptance from acceptance to approval', async ({ page }) => {
  // Five simulated days, a sign-in for each, six screenshots: a long scenario on a busy two-core machine.
  test.setTimeout(240_000);
  const { caseId, caseNo } = await call<{ caseId: string; caseNo: string }>('clerk-w16', at('24', '09:00'), 'POST', '/cases', {
    itemCode: ITEM,
    channel: 'window',
    materials,
    applicant: { name: '三门县海润建设有限公司' },
  });

  // Thursday 12-24: the clerk accepts; six departments start reviewing at once.
  await openCase(page, caseId, at('24', '09:05'));
  const toolbar = page.getByRole('toolbar', { name: '可办理的操作' });
  await toolbar.getByRole('button', { name: '受理', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认受理' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
  const summary = page.getByTestId('joint-summary');
  await expect(summary).toHaveText('6个部门：6审查中；串联需28个工作日');
  // A joint case is completed in its panel, by the departments' answers: not from the page's toolbar.
  await expect(toolbar.getByRole('button')).toHaveText(['特别程序开始', '转办']);
  const row = (department: string) => page.locator(`tr[data-department="${department}"]`);
  await expect(row('D-FIRE')).toContainText('三门县消防救援大队');
  await expect(row('D-FIRE')).toContainText('2026年12月31日');
  await expect(row('D-ARCH')).toContainText('2026年12月29日');

  const joint = page.getByRole('toolbar', { name: '联合审批操作' });
  await expect(joint.getByRole('button', { name: '安排联合验收' })).toBeEnabled();
  await expect(joint.getByRole('button', { name: '记录联合验收' })).toBeDisabled();
  await expect(joint.getByRole('button', { name: '办结（准予许可）' })).toBeDisabled();
  await expect(joint.getByRole('button', { name: '办结（不予许可）' })).toBeDisabled();
  await expect(page.getByTestId('joint-waiting')).toContainText('三门县城市建设档案馆（审查中）');

  // The appointment, by keyboard: the date (a working day), the time, the place, Enter.
  await joint.getByRole('button', { name: '安排联合验收' }).click();
  const appoint = page.getByRole('dialog');
  await expect(appoint.getByLabel('验收日期')).toBeFocused();
  // Saturday is not offered: the API would refuse it.
  await page.keyboard.type('2026-12-26');
  await page.keyboard.press('Enter');
  await expect(appoint.getByLabel('验收日期')).not.toHaveValue('2026-12-26');
  await appoint.getByLabel('验收日期').fill('2026-12-25');
  await page.keyboard.press('Enter');
  await expect(appoint.getByLabel('验收日期')).toHaveValue('2026-12-25');
  await appoint.getByLabel('时间').focus();
  await page.keyboard.type('09:30');
  await page.keyboard.press('Enter');
  await appoint.getByLabel('验收地点').focus();
  await page.keyboard.type('海游街道工业园区项目现场');
  await shot(page, 'joint-window-appoint');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const inspection = page.getByTestId('joint-inspection');
  await expect(inspection).toContainText('2026-12-25 09:30');
  await expect(inspection).toContainText('海游街道工业园区项目现场');
  await expect(page.getByText('安排联合验收', { exact: true }).last()).toBeVisible();
  // It may be moved until it is held (the form opens on the appointment as it stands); recording waits for the day.
  await expect(joint.getByRole('button', { name: '记录联合验收' })).toBeDisabled();
  await joint.getByRole('button', { name: '改期联合验收' }).click();
  const move = page.getByRole('dialog');
  await expect(move.getByLabel('验收地点')).toHaveValue('海游街道工业园区项目现场');
  await move.getByLabel('时间').focus();
  await page.keyboard.type('10:00');
  await page.keyboard.press('Enter');
  await move.getByRole('button', { name: '确认改期联合验收' }).click();
  await expect(inspection).toContainText('2026-12-25 10:00');

  // Friday 12-25, after the inspection: 人防 stayed away without reason, which counts as consent.
  await openCase(page, caseId, at('25', '11:30'));
  await joint.getByRole('button', { name: '记录联合验收' }).click();
  const record = page.getByRole('dialog');
  const cad = record.locator('.ant-form-item').filter({ hasText: '三门县人民防空办公室' });
  await cad.getByRole('radio', { name: '缺席（无正当理由，视为同意）' }).check();
  await expect(record.getByText('无正当理由缺席的部门视为同意')).toBeVisible();
  await shot(page, 'joint-window-record');
  await record.getByRole('button', { name: '确认记录联合验收' }).click();
  await expect(page.getByTestId('joint-status-D-CAD')).toHaveText('缺席视为同意');
  await expect(inspection).toContainText('三门县人民防空办公室：无正当理由，视为同意');
  await expect(page.getByTestId('joint-status-D-FIRE')).toHaveText('审查中');

  // The departments answer from their own pages.
  await opinion('D-NR', caseId, at('25', '13:30'), { result: 'pass' });
  await opinion('D-LAND', caseId, at('25', '13:40'), { result: 'pass' });
  await opinion('D-FIRE', caseId, at('25', '14:00'), { result: 'rectify', items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }] });
  await opinion('D-QS', caseId, at('25', '14:30'), { result: 'rectify', items: [{ text: '三层楼梯栏杆高度不足1.05米' }] });

  await openCase(page, caseId, at('25', '15:00'));
  await expect(summary).toHaveText('6个部门：2通过 · 1缺席视为同意 · 2需整改 · 1审查中；串联需28个工作日');
  await expect(row('D-FIRE')).toContainText('疏散指示标志不连续');
  await expect(row('D-NR')).toContainText('2026年12月25日');
  // Approval is not to be had yet, and the page says who it waits for.
  const approve = joint.getByRole('button', { name: '办结（准予许可）' });
  await expect(approve).toBeDisabled();
  await expect(page.getByTestId('joint-waiting')).toHaveText(
    '办结（准予许可）暂不可办理：尚待 三门县消防救援大队（需整改，待出具整改通知）、三门县城市建设档案馆（审查中）、三门县建设工程质量安全监督站（需整改，待出具整改通知）',
  );
  // The API refuses it the same way (its reason is what the panel says in Chinese when a step races a change).
  await expect(call('clerk-w16', at('25', '15:01'), 'POST', `/cases/${caseId}/complete`, { decision: 'approved' })).rejects.toThrow(/HTTP 409 .*waiting for D-FIRE \(rectify\), D-ARCH \(open\), D-QS \(rectify\)/);
  await approve.hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText('尚待以下部门：三门县消防救援大队');
  await shot(page, 'joint-window-opinions');

  // One notice with every department's items.
  await joint.getByRole('button', { name: '出具整改通知（第1轮）' }).click();
  const notice = page.getByRole('dialog');
  await expect(notice).toContainText('以下 2 个部门的 3 项整改意见合并为一份整改通知');
  await expect(notice).toContainText('三层楼梯栏杆高度不足1.05米');
  await shot(page, 'joint-window-notice');
  await notice.getByRole('button', { name: '确认出具整改通知（第1轮）' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const rectification = page.getByTestId('joint-rectification');
  await expect(rectification).toContainText('第1轮');
  await expect(rectification).toContainText('整改中（已出具整改通知）');
  await expect(row('D-FIRE')).toContainText('计时暂停');
  await expect(row('D-QS')).toContainText('计时暂停');
  await expect(row('D-NR')).not.toContainText('计时暂停');
  // While the list is with the applicant the clocks already stand still: no special procedure.
  await expect(toolbar.getByRole('button')).toHaveText(['转办']);
  await expect(joint.getByRole('button', { name: '整改完成' })).toBeEnabled();

  // Monday 12-28: the applicant has rectified; fire and quality review again, their clocks moved on by one working day.
  await openCase(page, caseId, at('28', '10:00'));
  await joint.getByRole('button', { name: '整改完成' }).click();
  await expect(page.getByRole('dialog')).toContainText('三门县消防救援大队、三门县建设工程质量安全监督站恢复审查计时');
  await page.getByRole('dialog').getByRole('button', { name: '确认整改完成' }).click();
  await expect(page.getByTestId('joint-status-D-FIRE')).toHaveText('审查中');
  await expect(rectification).toContainText('2026年12月28日整改完成，暂停计时1个工作日');
  await expect(row('D-FIRE')).toContainText('整改停计1个工作日');
  await expect(row('D-FIRE')).not.toContainText('计时暂停');

  await opinion('D-FIRE', caseId, at('28', '14:00'), { result: 'pass' });
  await opinion('D-QS', caseId, at('28', '15:00'), { result: 'pass' });
  // Tuesday 12-29 after closing: the evening sweep finds the archive silent past its deadline (12-29) → deemed approving.
  const sweep = await call<{ deemed: { caseId: string; departmentId: string }[] }>('admin', at('29', '17:30'), 'POST', '/joint/deadlines/2026-12-30', {});
  expect(sweep.deemed.filter((d) => d.caseId === caseId)).toEqual([expect.objectContaining({ departmentId: 'D-ARCH' })]);

  // Wednesday 12-30: everyone agreed one way or another; the case is approved.
  await openCase(page, caseId, at('30', '09:00'));
  await expect(page.getByTestId('joint-status-D-ARCH')).toHaveText('超时默许');
  await expect(summary).toHaveText('6个部门：4通过 · 1缺席视为同意 · 1超时默许；串联需28个工作日');
  await expect(page.getByTestId('joint-used')).toHaveText('并联已用：4个工作日');
  await expect(joint.getByRole('button', { name: '办结（不予许可）' })).toBeDisabled();
  await expect(approve).toBeEnabled();
  await shot(page, 'joint-window-settled');
  await approve.click();
  await page.getByRole('dialog').getByLabel('办结说明（可选）').fill('联合验收合格');
  await page.getByRole('dialog').getByRole('button', { name: '确认办结（准予许可）' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已办结');
  await expect(page.getByRole('toolbar', { name: '联合审批操作' })).toHaveCount(0);
  await expect(page.getByTestId('joint-used')).toHaveText('并联用时：4个工作日');
  for (const step of ['联合审查启动', '安排联合验收', '无故缺席，视为同意', '出具整改通知（一次性）', '整改完成，复查', '超时默许']) await expect(page.getByText(step, { exact: true }).first()).toBeVisible();
  await shot(page, 'joint-window-completed');

  const stored = await call<{ status: string; decision: string; caseNo: string }>('dir-w05', at('30', '10:00'), 'GET', `/cases/${caseId}`);
  expect(stored).toMatchObject({ status: 'completed', decision: 'approved', caseNo });

  // A director reads the same panel, without the lead window's steps.
  await signIn(page, 'dir-w05', at('30', '10:05'));
  await page.goto(`${baseUrl()}/console/cases/${caseId}`);
  await expect(page.getByTestId('joint-summary')).toHaveText('6个部门：4通过 · 1缺席视为同意 · 1超时默许；串联需28个工作日');
  await expect(page.getByRole('toolbar', { name: '联合审批操作' })).toHaveCount(0);
});

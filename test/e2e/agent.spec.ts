import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { call, shot, signIn } from './support.ts';

// This file's day: Wednesday 2026-12-02. An administrator registers an enterprise's project at 海游街道 and assigns
// it to the street's agent; the agent plans four permits (备案 first, then land planning and the environmental
// assessment side by side, then the construction permit), files 备案, which window W14 accepts and approves.

const DAY = '2026-12-02';
const at = (time: string) => `${DAY}T${time}:00+08:00`;
const AGENT = 'agent-s-hy';
const county = JSON.parse(readFileSync('infra/counties/sanmen.json', 'utf8')) as { items: { code: string; materials: { code: string }[] }[] };
const materialsOf = (code: string) => county.items.find((i) => i.code === code)!.materials.map((m) => m.code);

interface Project {
  projectId: string;
  projectNo: string;
  agentId: string | null;
  status: string;
  steps: { stepId: string; state: string; blocking: boolean; critical: boolean; case: { caseNo: string } | null }[];
  filings: { stepId: string; caseId: string; caseNo: string; outcome: string | null }[];
  followUps: { note: string; blockers: string[]; by: string }[];
}
interface Case {
  caseId: string;
  caseNo: string;
  channel: string;
  status: string;
  applicant: { name: string; organization?: string };
  project?: { projectId: string; stepId: string };
}

test('an agent works a project: the worklist has the next steps, the plan shows the permit done and where it is stuck, a follow-up is recorded and a ready step filed', async ({ page }) => {
  test.setTimeout(180_000);
  // The scene, through the API.
  const registered = await call<Project>('admin', at('08:40'), 'POST', '/projects', {
    name: '年产20万套智能家居生产线项目',
    enterprise: { name: '三门县海创智能家居有限公司', creditCode: '91331022MA2K7H3B2G' },
    investment: 18500,
    siteId: 'S-HY',
  });
  const { projectId, projectNo } = registered;
  await call('admin', at('08:42'), 'POST', `/projects/${projectId}/agent`, { agentId: AGENT });
  const planned = await call<Project>(AGENT, at('08:50'), 'PUT', `/projects/${projectId}/plan`, {
    steps: [
      { stepId: 'S1', itemCode: '331022-FG-001' },
      { stepId: 'S2', itemCode: '331022-ZRZY-002', after: ['S1'] },
      { stepId: 'S3', itemCode: '331022-STHJ-001', after: ['S1'], targetDate: '2026-12-08' },
      { stepId: 'S4', itemCode: '331022-ZJ-001', after: ['S2', 'S3'] },
    ],
  });
  expect(planned.agentId).toBe(AGENT);
  expect(planned.steps.map((s) => [s.stepId, s.state])).toEqual([
    ['S1', 'ready'],
    ['S2', 'waiting'],
    ['S3', 'waiting'],
    ['S4', 'waiting'],
  ]);
  // 备案 filed by the agent, accepted and approved at once by the development and reform window (W14).
  const filed = await call<Case>(AGENT, at('09:00'), 'POST', '/cases', {
    itemCode: '331022-FG-001',
    channel: 'agent',
    projectId,
    stepId: 'S1',
    applicant: { name: '三门县海创智能家居有限公司', organization: '三门县海创智能家居有限公司', phone: '13857612345' },
    materials: materialsOf('331022-FG-001'),
  });
  await call('clerk-w14', at('09:20'), 'POST', `/cases/${filed.caseId}/accept`, {});
  await call('clerk-w14', at('09:25'), 'POST', `/cases/${filed.caseId}/complete`, { decision: 'approved' });
  // The project learns of the case's outcome from its events, a moment later.
  await expect
    .poll(async () => (await call<Project>(AGENT, at('09:30'), 'GET', `/projects/${projectId}`)).steps.map((s) => s.state), { timeout: 30_000 })
    .toEqual(['done', 'ready', 'ready', 'waiting']);

  // The agent's morning: the worklist has the two steps 备案 opened, the environmental assessment first (its target is near).
  await signIn(page, AGENT, at('10:00'));
  await expect(page).toHaveURL(/\/console\/agent$/);
  await expect(page.getByRole('heading', { name: /代办工作台/ })).toContainText('2026年12月2日');
  const todo = page.getByRole('region', { name: '待办事项' });
  const rows = todo.locator(`tr[data-project="${projectNo}"]`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-step', 'S3');
  await expect(rows.nth(0).getByTestId('kind')).toHaveText('目标临近');
  await expect(rows.nth(0)).toContainText('建设项目环境影响报告表审批');
  await expect(rows.nth(0)).toContainText('关键路径');
  await expect(rows.nth(0)).toContainText('预计2026年12月16日完成（晚于目标）');
  await expect(rows.nth(1)).toHaveAttribute('data-step', 'S2');
  await expect(rows.nth(1).getByTestId('kind')).toHaveText('可申报');
  await expect(rows.nth(1)).toContainText('前置事项已完成，可以申报');
  const card = page.getByRole('region', { name: '我的代办项目' }).locator(`li[data-project="${projectNo}"]`);
  await expect(card).toContainText('年产20万套智能家居生产线项目');
  await expect(card.getByTestId('progress')).toHaveText('1/4');
  await expect(card.getByTestId('expected-finish')).toContainText('预计');
  await shot(page, 'agent-worklist');

  // The project: 备案 done, the two parallel steps ready, the environmental assessment the step everything waits on.
  await card.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/console/agent/projects/${projectId}$`));
  await expect(page.getByTestId('project-status')).toHaveText('代办中');
  await expect(page.getByText('91331022MA2K7H3B2G')).toBeVisible();
  await expect(page.getByText('18,500 万元')).toBeVisible();
  const chart = page.getByRole('figure', { name: '代办计划时间轴' });
  const bar = (stepId: string) => chart.locator(`[data-step="${stepId}"]`);
  await expect(bar('S1')).toHaveAttribute('data-state', 'done');
  await expect(bar('S1').getByTestId('step-state')).toHaveText('已办结');
  await expect(bar('S1').locator('[data-bar="case"][data-outcome="approved"]')).toBeVisible();
  await expect(bar('S4').locator('[data-bar="expected"]')).toBeVisible();
  await expect(bar('S2').getByTestId('step-state')).toHaveText('可申报');
  await expect(bar('S3').getByTestId('step-state')).toHaveText('可申报');
  await expect(bar('S3').getByTestId('blocking-step')).toHaveText('当前卡点');
  await expect(bar('S3')).toHaveAttribute('data-critical', 'true');
  await expect(bar('S2')).toHaveAttribute('data-critical', 'false');
  await expect(bar('S4').getByTestId('step-state')).toHaveText('待前置');
  await expect(chart.locator('[data-testid="blocking-step"]')).toHaveCount(1);
  await shot(page, 'agent-project');

  // A follow-up after a call with the enterprise.
  const form = page.getByRole('form', { name: '记录跟进' });
  await form.getByLabel('跟进情况').fill('电话联系企业负责人，环评报告表正在编制，预计下周一送审。');
  await form.getByLabel('卡点问题').fill('环评报告表未编制完成');
  await form.getByLabel('卡点问题').press('Enter');
  await form.getByRole('button', { name: '记录跟进' }).click();
  await expect(page.getByText('跟进已记录')).toBeVisible();
  const followUps = page.getByRole('region', { name: '跟进记录' });
  await expect(followUps).toContainText('环评报告表正在编制');
  await expect(followUps).toContainText('环评报告表未编制完成');
  await expect(followUps).toContainText(AGENT);

  // Land planning (S2) filed from the page: it becomes 已申报, with its case.
  const steps = page.getByRole('region', { name: '审批事项' });
  await steps.getByRole('button', { name: /申报 S2/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('三门县海创智能家居有限公司');
  await dialog.getByRole('button', { name: '确认申报' }).click();
  await expect(dialog.getByText('请填写联系电话')).toBeVisible();
  await dialog.getByLabel('企业联系电话').fill('13857612345');
  await expect(dialog.getByText('请填写联系电话')).toHaveCount(0);
  await page.locator('.ant-modal').screenshot({ path: 'test-results/screens/agent-file-step.png' });
  await dialog.getByRole('button', { name: '确认申报' }).click();
  await expect(page.getByText(/已申报：S2 建设项目用地规划许可证核发，办件编号/)).toBeVisible();
  await expect(steps.locator('tr[data-step="S2"]').getByTestId('step-state')).toHaveText('已申报', { timeout: 20_000 });
  await expect(bar('S2').getByTestId('step-state')).toHaveText('已申报');
  await expect(bar('S2').locator('[data-bar="case"][data-outcome="open"]')).toBeVisible();
  await expect(steps.locator('tr[data-step="S2"]')).toContainText('已收件');
  await expect(steps.getByRole('button', { name: /申报 S2/ })).toHaveCount(0);
  await expect(steps.getByRole('button', { name: /申报 S3/ })).toBeVisible();
  await shot(page, 'agent-project-filed');

  // The API has it all: the case on the agent channel for the project's step, the follow-up.
  const after = await call<Project>(AGENT, at('10:30'), 'GET', `/projects/${projectId}`);
  const s2 = after.filings.find((f) => f.stepId === 'S2')!;
  const kase = await call<Case>('admin', at('10:30'), 'GET', `/cases/${s2.caseId}`);
  expect(kase).toMatchObject({ channel: 'agent', status: 'submitted', applicant: { organization: '三门县海创智能家居有限公司' }, project: { projectId, stepId: 'S2' } });
  expect(after.followUps).toMatchObject([{ note: '电话联系企业负责人，环评报告表正在编制，预计下周一送审。', blockers: ['环评报告表未编制完成'], by: AGENT }]);

  // Closed, the project is read-only: no filing, no follow-up form.
  await call(AGENT, at('10:40'), 'POST', `/projects/${projectId}/close`, { note: '企业暂缓建设' });
  await page.reload();
  await expect(page.getByTestId('project-status')).toHaveText('已结案');
  await expect(page.getByText('项目已于2026年12月2日结案，只能查看。')).toBeVisible();
  await expect(page.getByRole('form', { name: '记录跟进' })).toHaveCount(0);
  await expect(steps.getByRole('button', { name: /申报/ })).toHaveCount(0);
  await shot(page, 'agent-project-closed');
});

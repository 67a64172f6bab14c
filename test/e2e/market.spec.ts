import { expect, test, type Page } from '@playwright/test';
import { baseUrl, call, shot, signIn } from './support.ts';

// This file's days: 2027-01-11 to 2027-01-26, which no other scenario uses. 华夏 registers in the console and an
// administrator approves it (大地 and 中测 registered and were approved through the API); 县交通运输局 drafts and
// publishes a lowest-price environmental assessment (budget 200,000 元, quotes until Friday 1/15 17:00); the three
// quote sealed, 华夏 replacing its quote; after the deadline the owner selects, the result is publicised, the timer
// ends the publicity period, the owner records the contract, the service and its evaluation, and 华夏's trust score
// moves from 80 to 87.5.

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
const HUAXIA = 'zj-huaxia';
const DADI = 'zj-dadi';
const ZHONGCE = 'zj-zhongce';
const OWNER = 'o-jtj';
const TITLE = '沿海公路改建工程环境影响评价';

interface Project {
  projectId: string;
  projectNo: string;
  status: string;
  sealed: boolean;
  quoteCount: number | null;
  quotes: { intermediaryId: string; amount: number }[];
}

const registration = (name: string, creditCode: string, certificateNo: string) => ({
  name,
  creditCode,
  serviceTypes: ['EIA'],
  qualifications: [{ type: 'EIA', grade: 'B', certificateNo, expires: '2028-06-30' }],
  contact: { name: '王工', phone: '13857600001' },
});

/** Types a date into an antd date picker (its panel turns to that month) and picks the day (Enter would submit the form). */
async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await page.locator(`.ant-picker-dropdown td[title="${date}"]`).click();
}

test('the marketplace: an intermediary registers and is approved, an owner publishes, quotes stay sealed until the deadline, the lowest price wins, the evaluation moves the trust score', async ({ page }) => {
  test.setTimeout(240_000);
  // Two intermediaries already in the marketplace, through the API.
  await call(DADI, at('2027-01-11', '08:00'), 'POST', '/intermediaries', registration('大地测绘有限公司', '91331022MA2DD2B25G', 'HP-DD-0002'));
  await call(ZHONGCE, at('2027-01-11', '08:00'), 'POST', '/intermediaries', registration('中测环境科技有限公司', '91331022MA2JC3C32A', 'HP-ZC-0003'));
  await call('admin', at('2027-01-11', '08:05'), 'POST', '/intermediaries/ZJ-DADI/approve', {});
  await call('admin', at('2027-01-11', '08:05'), 'POST', '/intermediaries/ZJ-ZHONGCE/approve', {});

  // 华夏 signs in for the first time: its id is not registered yet, so the page is the registration form.
  await signIn(page, HUAXIA, at('2027-01-11', '08:30'));
  await expect(page).toHaveURL(/\/console\/intermediary$/);
  const form = page.getByRole('form', { name: '入驻登记' });
  await expect(page.getByText('中介机构入驻登记 · ZJ-HUAXIA')).toBeVisible();
  await form.getByLabel('机构名称').fill('华夏工程咨询有限公司');
  await form.getByLabel('统一社会信用代码').fill('91331022MA2HX1A109');
  await form.getByLabel('联系人').fill('李明');
  await form.getByLabel('联系电话').fill('13857612345');
  await form.getByLabel('服务类型').click();
  await page.locator('.ant-select-item-option', { hasText: '环境影响评价' }).click();
  await page.keyboard.press('Escape');
  const certificate = form.getByRole('group', { name: '环境影响评价资质证书' });
  await certificate.getByText('乙级').click();
  await certificate.getByLabel('证书编号').fill('HP-HX-0001');
  await pickDate(page, '有效期至', '2028-06-30');
  await shot(page, 'market-register');
  await form.getByRole('button', { name: '提交入驻申请' }).click();
  await expect(page.getByText('入驻申请已提交，等待管理员审核')).toBeVisible();
  await expect(page.getByTestId('intermediary-status')).toHaveText('待审核');
  await expect(page.getByTestId('barred')).toContainText('入驻申请尚未审核通过');

  // The administrator approves it.
  await signIn(page, 'admin', at('2027-01-11', '08:50'));
  await page.goto(`${baseUrl()}/console/market`);
  const row = page.getByRole('region', { name: '中介机构' }).locator('tr[data-intermediary="ZJ-HUAXIA"]');
  await expect(row.getByTestId('status')).toHaveText('待审核');
  await expect(row.getByTestId('trust')).toContainText('80');
  await row.getByRole('button', { name: '审核通过 华夏工程咨询有限公司' }).click();
  await page.getByRole('button', { name: '通过', exact: true }).click();
  await expect(row.getByTestId('status')).toHaveText('已入驻');
  await shot(page, 'market-admin-intermediaries');

  // The owner drafts the need and publishes it.
  await signIn(page, OWNER, at('2027-01-11', '09:30'));
  await expect(page).toHaveURL(/\/console\/owner$/);
  await page.getByRole('button', { name: '新建项目' }).click();
  const draft = page.getByRole('form', { name: '编制需求' });
  await draft.getByLabel('项目名称').fill(TITLE);
  await draft.getByLabel('业主单位').fill('三门县交通运输局');
  await draft.getByLabel('服务类型').click();
  await page.locator('.ant-select-item-option', { hasText: '环境影响评价' }).click();
  await draft.getByText('乙级及以上').click();
  await draft.getByLabel('预算（最高限价，元）').fill('200000');
  await pickDate(page, '报价截止日', '2027-01-15');
  await draft.getByLabel('服务期限（天）').fill('60');
  await shot(page, 'market-owner-draft');
  await draft.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/console\/owner\/projects\/[0-9A-Z]{26}$/);
  const projectId = page.url().split('/').pop()!;
  await expect(page.getByTestId('project-status')).toHaveText('草稿');
  await page.getByRole('button', { name: '发布公告' }).click();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByTestId('project-status')).toHaveText('公告中');
  await expect(page.getByTestId('sealed')).toContainText('报价密封至 2027-01-15 17:00');
  const { projectNo } = await call<Project>(OWNER, at('2027-01-11', '09:40'), 'GET', `/market/projects/${projectId}`);

  // 华夏 quotes from its desk, then lowers its quote before the deadline.
  await signIn(page, HUAXIA, at('2027-01-12', '10:00'));
  const open = page.getByRole('region', { name: '报价中的项目' }).locator(`tr[data-project="${projectNo}"]`);
  await open.getByRole('button', { name: `报价 ${TITLE}` }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('报价金额（元）').fill('250000');
  await dialog.getByRole('button', { name: '提交报价' }).click();
  await expect(dialog.getByText('报价不能超过预算 200,000 元')).toBeVisible();
  await dialog.getByLabel('报价金额（元）').fill('168000');
  await dialog.getByLabel('服务期限（天）').fill('45');
  await dialog.getByRole('button', { name: '提交报价' }).click();
  await expect(open.getByTestId('own-quote')).toHaveText('168,000 元');
  await open.getByRole('button', { name: `修改报价 ${TITLE}` }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('当前报价168,000 元');
  await dialog.getByLabel('报价金额（元）').fill('165000');
  await dialog.getByRole('button', { name: '提交新报价' }).click();
  await expect(open.getByTestId('own-quote')).toHaveText('165,000 元');
  await expect(page.getByRole('region', { name: '我的报价与结果' }).locator(`tr[data-project="${projectNo}"]`).getByTestId('quote-result')).toHaveText('已报价（密封中）');
  await shot(page, 'market-intermediary-desk');

  // 大地 quotes on the project's page: it sees its own quote, never 华夏's amount or how many quoted.
  await signIn(page, DADI, at('2027-01-12', '10:30'));
  await page.goto(`${baseUrl()}/console/intermediary/projects/${projectId}`);
  await expect(page.getByTestId('sealed')).toContainText('本机构只能看到自己的报价');
  await page.getByRole('region', { name: '本机构报价' }).getByRole('button', { name: '报价' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('报价金额（元）').fill('172000');
  await dialog.getByRole('button', { name: '提交报价' }).click();
  await expect(page.getByTestId('own-quote')).toContainText('当前报价 172,000 元');
  await expect(page.getByText(/165,000/)).toHaveCount(0);
  await expect(page.getByText(/168,000/)).toHaveCount(0);
  await shot(page, 'market-intermediary-project-sealed');
  const seenByDadi = await call<Project>(DADI, at('2027-01-12', '10:40'), 'GET', `/market/projects/${projectId}`);
  expect(seenByDadi).toMatchObject({ sealed: true, quoteCount: null, quotes: [{ intermediaryId: 'ZJ-DADI', amount: 172000 }] });
  await call(ZHONGCE, at('2027-01-13', '15:00'), 'POST', `/market/projects/${projectId}/quotes`, { amount: 180000, servicePeriodDays: 50 });

  // Before the deadline the owner sees no amount and cannot select.
  await signIn(page, OWNER, at('2027-01-15', '16:00'));
  await page.goto(`${baseUrl()}/console/owner/projects/${projectId}`);
  await expect(page.getByTestId('sealed')).toContainText('任何人（包括业主和管理员）都看不到报价金额和报价家数');
  await expect(page.getByText(/165,000|172,000|180,000/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /确定中选机构/ })).toHaveCount(0);

  // Monday after the deadline: every quote, cheapest first; the owner selects by lowest price.
  await signIn(page, OWNER, at('2027-01-18', '09:00'));
  await page.goto(`${baseUrl()}/console/owner/projects/${projectId}`);
  const quotes = page.getByRole('region', { name: '报价' });
  await expect(quotes.locator('tr[data-intermediary]')).toHaveCount(3);
  await expect(quotes.getByTestId('amount')).toHaveText(['165,000 元', '172,000 元', '180,000 元']);
  await page.getByRole('button', { name: '按最低价确定中选机构' }).click();
  await expect(page.getByText('已确定中选机构，结果进入公示')).toBeVisible();
  await expect(page.getByTestId('project-status')).toHaveText('结果公示中');
  const result = page.getByRole('region', { name: '选取结果' });
  await expect(result.getByTestId('winner')).toHaveText('华夏工程咨询有限公司');
  await expect(result.getByTestId('award')).toHaveText('165,000 元');
  await expect(result.getByTestId('savings')).toHaveText('35,000 元（17.5%）');
  await expect(result.getByRole('table', { name: '最低价排序' }).locator('tbody tr').first()).toContainText('华夏工程咨询有限公司');
  await expect(page.getByTestId('publicity')).toContainText('公示期 2027年1月18日 至 2027年1月25日');
  await expect(quotes.locator('tr[data-intermediary="ZJ-HUAXIA"]')).toContainText('中选');
  await shot(page, 'market-owner-selected');

  // The intermediaries see the result; 大地 lost.
  await signIn(page, DADI, at('2027-01-18', '09:30'));
  await expect(page.getByRole('region', { name: '我的报价与结果' }).locator(`tr[data-project="${projectNo}"]`).getByTestId('quote-result')).toHaveText('未中选');
  await signIn(page, HUAXIA, at('2027-01-18', '09:40'));
  const mine = page.getByRole('region', { name: '我的报价与结果' }).locator(`tr[data-project="${projectNo}"]`);
  await expect(mine.getByTestId('quote-result')).toHaveText('中选');
  await expect(mine).toContainText('共 3 家报价');
  await expect(page.getByTestId('trust-score')).toHaveText('80');

  // After the publicity period the administrator runs the timer: the award is final; the month's figures have it.
  await signIn(page, 'admin', at('2027-01-26', '09:00'));
  await page.goto(`${baseUrl()}/console/market?tab=stats`);
  await page.getByRole('button', { name: '运行截止检查' }).click();
  await expect(page.getByText(/公示期满成交 1 个/)).toBeVisible();
  const stats = page.getByRole('region', { name: '中介超市统计' });
  await expect(stats).toContainText('35,000 元（17.5%）');
  await expect(stats).toContainText('165,000 元');
  await shot(page, 'market-admin-stats');

  // The owner records the contract and the service, and evaluates 华夏.
  await signIn(page, OWNER, at('2027-01-26', '09:30'));
  await page.goto(`${baseUrl()}/console/owner/projects/${projectId}`);
  await expect(page.getByTestId('project-status')).toHaveText('已成交');
  await page.getByRole('form', { name: '签订合同' }).getByLabel('合同编号').fill('SMJT-2027-HP-008');
  await page.getByRole('button', { name: '登记合同' }).click();
  await expect(page.getByTestId('project-status')).toHaveText('已签合同');
  await page.getByRole('button', { name: '登记服务完成' }).click();
  await expect(page.getByTestId('project-status')).toHaveText('服务完成');
  const evaluation = page.getByRole('form', { name: '服务评价' });
  for (const [label, mark] of [['服务质量', 5], ['服务时效', 5], ['服务态度', 4], ['收费规范', 5]] as const) {
    await evaluation.locator('.ant-form-item', { hasText: label }).getByText(`${mark} 分`, { exact: true }).click();
  }
  await expect(page.getByTestId('evaluation-preview')).toContainText('综合得分 95');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByTestId('project-status')).toHaveText('已评价');
  await expect(page.getByTestId('evaluation')).toContainText('综合 95 分');
  await shot(page, 'market-owner-evaluated');

  // 华夏's trust score: the starting 80 and one evaluation of 95, weighted alike.
  await signIn(page, HUAXIA, at('2027-01-26', '10:00'));
  await expect(page.getByTestId('trust-score')).toHaveText('87.5');
  const trust = page.getByRole('region', { name: '信用评价' });
  await expect(trust.locator('tr[data-kind="evaluation"]')).toContainText(projectNo);
  await expect(trust.locator('tr[data-kind="evaluation"]')).toContainText('95 分');
  await shot(page, 'market-intermediary-trust');
});

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { call, pageNow, shot, signIn } from './support.ts';

/**
 * The dashboard (数据看板) on Wednesday and Thursday 2026-12-16/17: window W09 (卫生健康) takes four
 * clinic and hygiene filings, completes three, hears from two applicants (one dissatisfied) and serves
 * two tickets. A director opens December: every card shows what the stats routes answer for the
 * same period (other scenarios write other December days meanwhile, so the page is compared with
 * the API, read before and after it, never with fixed totals); W09 alone on these two days is ours
 * to the last case. Then a chart as PNG, the windows' table as CSV, and the one-page A4 report.
 */

const WED = '2026-12-16';
const THU = '2026-12-17';
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

interface Created {
  caseId: string;
}

async function scene(): Promise<void> {
  const register = (day: string, time: string, itemCode: string) =>
    call<Created>('clerk-w09', at(day, time), 'POST', '/cases', { itemCode, applicant: { name: '林晓红', phone: '13905760916' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4'] });
  // Three clinic filings (诊所备案, on the spot) on Wednesday morning; two are done before noon.
  const clinics: Created[] = [];
  for (const time of ['09:00', '09:10', '09:20']) clinics.push(await register(WED, time, '331022-WJ-002'));
  await Promise.all(clinics.map((c, i) => call('clerk-w09', at(WED, `09:3${i}`), 'POST', `/cases/${c.caseId}/accept`, {})));
  await Promise.all(clinics.slice(0, 2).map((c, i) => call('clerk-w09', at(WED, `10:1${i}`), 'POST', `/cases/${c.caseId}/complete`, { decision: 'approved' })));
  // One applicant is satisfied, the other is not (a bad review: a rectification opens).
  await call('admin', at(WED, '15:00'), 'POST', `/cases/${clinics[0]!.caseId}/reviews`, { level: 'satisfied', channel: 'hotline' });
  await call('admin', at(WED, '15:10'), 'POST', `/cases/${clinics[1]!.caseId}/reviews`, { level: 'dissatisfied', channel: 'hotline', text: '材料要求没有一次说清楚' });
  // A hygiene permit (公共场所卫生许可, 5 working days promised) taken and completed on Thursday: early.
  const permit = await register(THU, '09:00', '331022-WJ-001');
  await call('clerk-w09', at(THU, '09:05'), 'POST', `/cases/${permit.caseId}/accept`, {});
  await call('clerk-w09', at(THU, '11:00'), 'POST', `/cases/${permit.caseId}/complete`, { decision: 'approved' });
  // Two tickets of 卫生健康 (J) on Wednesday, called and served at W09.
  for (const [issued, called, finished] of [['08:40', '08:50', '09:05'], ['08:45', '09:06', '09:25']] as const) {
    await call('admin', at(WED, issued), 'POST', '/tickets', { category: 'J', source: 'kiosk' });
    const ticket = await call<{ ticketId: string }>('clerk-w09', at(WED, called), 'POST', '/windows/W09/call-next', {});
    await call('clerk-w09', at(WED, called), 'POST', `/tickets/${ticket.ticketId}/start`, {});
    await call('clerk-w09', at(WED, finished), 'POST', `/tickets/${ticket.ticketId}/finish`, {});
  }
}

interface Summary {
  accepted: number;
  completed: number;
  completedPerWorkingDay: number | null;
  onTimeRate: number | null;
  earlyRate: number | null;
  grassroots: number;
  online: number;
}
interface Satisfaction {
  satisfactionRate: number | null;
  callbackAttempts: number;
  validCallbacks: number;
  badReviews: number;
  rectifications: { open: number; overdue: number; closed: number };
}
interface Queue {
  issued: number;
  served: number;
  averageWaitMinutes: number | null;
  p90WaitMinutes: number | null;
}

// Written here as the dashboard must write them (an independent check of its formatting).
const count = (n: number) => n.toLocaleString('zh-CN');
const oneDecimal = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** What the stats routes answer for a period (and scope), as the cards must show it. */
async function expectedCards(clock: string, from: string, to: string, scope = ''): Promise<Record<string, string>> {
  const query = `from=${from}&to=${to}${scope}`;
  const [s, sat, q] = await Promise.all([
    call<Summary>('dir-w09', clock, 'GET', `/stats/summary?${query}`),
    call<Satisfaction>('dir-w09', clock, 'GET', `/stats/satisfaction?${query}`),
    call<Queue>('dir-w09', clock, 'GET', `/stats/queue?from=${from}&to=${to}${scope.startsWith('&windowId') ? scope : ''}`),
  ]);
  return {
    accepted: count(s.accepted),
    completed: count(s.completed),
    completedPerWorkingDay: oneDecimal(s.completedPerWorkingDay),
    onTimeRate: rate(s.onTimeRate),
    earlyRate: rate(s.earlyRate),
    satisfactionRate: rate(sat.satisfactionRate),
    grassroots: count(s.grassroots),
    online: count(s.online),
    callbacks: `${count(sat.callbackAttempts)} / ${count(sat.validCallbacks)}`,
    badReviews: count(sat.badReviews),
    badReviewsNote: `整改：在办 ${sat.rectifications.open} · 超期 ${sat.rectifications.overdue} · 本期办结 ${sat.rectifications.closed}`,
    // A window's card counts the tickets it served (tickets are taken for a category, not a window).
    ...(scope.startsWith('&windowId') ? { queueServed: count(q.served) } : { queueIssued: count(q.issued) }),
    averageWait: oneDecimal(q.averageWaitMinutes),
  };
}

async function shownCards(page: Page, queueKey: string): Promise<Record<string, string>> {
  const keys = ['accepted', 'completed', 'completedPerWorkingDay', 'onTimeRate', 'earlyRate', 'satisfactionRate', 'grassroots', 'online', 'callbacks', 'badReviews', queueKey, 'averageWait'];
  const shown: Record<string, string> = {};
  for (const key of keys) shown[key] = (await page.getByTestId(`card-${key}`).getByTestId('value').textContent()) ?? '';
  shown.badReviewsNote = (await page.getByTestId('card-badReviews').getByTestId('note').textContent()) ?? '';
  return shown;
}

/**
 * The cards equal the API's figures. Other scenarios may write December data while this runs: the
 * API is read before and after the page loads, and the comparison only counts when both agree.
 */
async function expectCardsAsApi(page: Page, from: string, to: string, scope = ''): Promise<void> {
  await expect(async () => {
    const clock = await pageNow(page);
    const before = await expectedCards(clock, from, to, scope);
    await page.reload();
    await expect(page.getByTestId('card-accepted')).toBeVisible();
    const shown = await shownCards(page, scope.startsWith('&windowId') ? 'queueServed' : 'queueIssued');
    const after = await expectedCards(clock, from, to, scope);
    expect(after).toEqual(before);
    expect(shown).toEqual(before);
  }).toPass({ timeout: 60_000 });
}

test('a director reads December on the dashboard: the figures of the stats routes, a chart as PNG, the table as CSV, the report on one A4 page', async ({ page }) => {
  test.setTimeout(180_000);
  await scene();
  await signIn(page, 'dir-w09', at(THU, '16:00'));

  // December as a chosen range, by link: the period comes from the address.
  await page.goto(`${new URL(page.url()).origin}/console/dashboard?period=custom&from=2026-12-01&to=2026-12-31`);
  await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
  await expect(page.getByTestId('dashboard-period')).toHaveText('2026年12月 · 全中心 · 对比上一时段（2026年11月）');
  await expectCardsAsApi(page, '2026-12-01', '2026-12-31');
  // Each card beside the previous period's figure (November, as whole months compare with whole months).
  const november = await call<Summary>('dir-w09', await pageNow(page), 'GET', '/stats/summary?from=2026-11-01&to=2026-11-30');
  await expect(page.getByTestId('card-accepted').getByTestId('previous')).toHaveText(`上一时段 ${count(november.accepted)}`);
  await expect(page.getByTestId('card-onTimeRate').getByTestId('previous')).toHaveText(`上一时段 ${rate(november.onTimeRate)}`);
  // Every chart is drawn (the scorecard too), each with its download button.
  for (const title of ['每个工作日办结件数与按时办结率', '满意率（按月）', '收件渠道与站点层级', '各类业务等候与办理时长', '窗口按时办结率排名', '窗口满意率排名', '2026年12月窗口绩效考核']) {
    await expect(page.getByRole('img', { name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: `下载图片：${title}` })).toBeVisible();
  }
  await page.waitForTimeout(800); // ECharts' entry animation, for the screenshot
  await shot(page, 'dashboard');

  // A chart as a PNG named in Chinese with the period.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载图片：每个工作日办结件数与按时办结率' }).click()]);
  expect(png.suggestedFilename()).toBe('每个工作日办结件数与按时办结率-2026年12月.png');
  const image = readFileSync(await png.path());
  expect([...image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(image.length).toBeGreaterThan(10_000);

  // The print report: the console's frame gone, one A4 page, the center's name and the period in the title.
  await page.emulateMedia({ media: 'print' });
  const report = page.getByRole('article', { name: '打印报告' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('三门县行政审批服务中心 2026年12月 工作数据报告');
  await expect(report).toContainText('共受理办件');
  await expect(report).toContainText('按时办结率');
  await expect(report).toContainText('满意率');
  await expect(report).toContainText('电话回访');
  await expect(page.getByRole('heading', { name: '数据看板' })).toBeHidden();
  await expect(page.getByTestId('who')).toBeHidden();
  // The screenshot at the paper's width (A4 at 96 dpi), as the page prints.
  await page.setViewportSize({ width: 794, height: 1123 });
  await shot(page, 'dashboard-print');
  await page.setViewportSize({ width: 1440, height: 900 });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // Window W09 on Wednesday and Thursday: ours alone, to the last case. The scope picked on the page goes into the address.
  await page.goto(`${new URL(page.url()).origin}/console/dashboard?period=custom&from=${WED}&to=${THU}`);
  await page.getByLabel('统计范围').click();
  await page.keyboard.type('W09');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/scope=window%3AW09/);
  await expect(page.getByTestId('dashboard-period')).toHaveText('2026年12月16日至17日 · 窗口 W09 卫生健康窗口 · 对比上一时段（2026年12月14日至15日）');
  await expectCardsAsApi(page, WED, THU, '&windowId=W09');
  await expect(page.getByTestId('card-accepted').getByTestId('value')).toHaveText('4');
  await expect(page.getByTestId('card-completed').getByTestId('value')).toHaveText('3');
  await expect(page.getByTestId('card-onTimeRate').getByTestId('value')).toHaveText('100.0%');
  await expect(page.getByTestId('card-earlyRate').getByTestId('value')).toHaveText('100.0%');
  await expect(page.getByTestId('card-satisfactionRate').getByTestId('value')).toHaveText('50.0%');
  await expect(page.getByTestId('card-badReviews').getByTestId('value')).toHaveText('1');
  await expect(page.getByTestId('card-queueServed').getByTestId('value')).toHaveText('2');
  await expect(page.getByRole('img', { name: '各类业务等候与办理时长' })).toBeVisible();

  // The windows' table as CSV for Excel: a byte-order mark, the header, W09's line and the total.
  const table = page.getByRole('region', { name: '各窗口办件与评价情况' });
  await expect(table.locator('tr[data-window="W09"]')).toContainText('卫生健康窗口');
  const [csv] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: '导出 CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('各窗口办件与评价情况-窗口 W09 卫生健康窗口-2026年12月16日至17日.csv');
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('窗口编号,窗口名称,所属部门,收件,受理,不予受理,办结,按时办结,提前办结,超期办结,按时办结率,提前办结率,评价数,差评数,满意率');
  expect(lines[1]).toMatch(/^W09,卫生健康窗口,[^,]+,4,4,0,3,3,1,0,100\.0%,100\.0%,2,1,50\.0%$/);
  expect(lines[2]).toMatch(/^,合计,,4,4,0,3,3,1,0,100\.0%,100\.0%,2,1,50\.0%$/);
});

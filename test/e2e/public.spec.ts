import { expect, test, type Page } from '@playwright/test';
import { baseUrl, call, shot } from './support.ts';

/**
 * The citizens' pages on a phone (360 px wide, touch), without signing in. This file's days: Thursday
 * 2026-12-03 (a case looked up and rated; an appointment booked for Friday 2026-12-04 and cancelled).
 */

const THU = '2026-12-03';
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

interface Created {
  caseId: string;
  caseNo: string;
}

/** A food business licence (食品经营许可, W19, 5 working days) with the applicant's mobile number. */
async function acceptedCase(phone: string, submitted: string, accepted: string): Promise<Created> {
  const created = await call<Created>('clerk-w19', at(THU, submitted), 'POST', '/cases', { itemCode: '331022-SCJG-007', applicant: { name: '林海燕', phone }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] });
  await call('clerk-w19', at(THU, accepted), 'POST', `/cases/${created.caseId}/accept`, {});
  return created;
}

/** Opens a public page as a citizen's phone would: no session, only the simulated clock of this scenario's day. */
async function openAsCitizen(page: Page, path: string, clock: string): Promise<void> {
  await page.goto(`${baseUrl()}/health`);
  await page.evaluate(`sessionStorage.clear(); sessionStorage.setItem('banjian.devClock', JSON.stringify({ base: ${Date.parse(clock)}, setAt: Date.now() }));`);
  await page.goto(`${baseUrl()}/console${path}`);
}

/** Nothing wider than the phone: no sideways scrolling at 360 px. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(360);
}

test('a citizen looks a case up by its number and the phone’s last four digits', async ({ page }) => {
  const created = await acceptedCase('13957601234', '09:00', '09:05');
  await openAsCitizen(page, `/public/progress?caseNo=${created.caseNo}`, at(THU, '11:00'));
  await expect(page.getByRole('heading', { name: '办件进度查询' })).toBeVisible();
  await expect(page.getByText('三门县行政审批服务中心')).toBeVisible();
  // No staff console here: no sign-in, no menu.
  await expect(page.getByTestId('who')).toHaveCount(0);
  await expect(page.getByLabel('办件号')).toHaveValue(created.caseNo);

  // A wrong code reads exactly as an unknown case.
  await page.getByLabel('查询码').fill('9999');
  await page.getByRole('button', { name: '查询' }).tap();
  await expect(page.getByRole('alert')).toHaveText('未找到该办件，请核对办件号和查询码');

  await page.getByLabel('查询码').fill('1234');
  await page.getByRole('button', { name: '查询' }).tap();
  const result = page.getByTestId('progress-result');
  await expect(result).toContainText('食品经营许可');
  await expect(result).toContainText('办理中');
  await expect(result).toContainText(`办件号 ${created.caseNo}`);
  await expect(result).toContainText('2026年12月3日');
  const steps = page.locator('.pub-timeline li');
  await expect(steps.first()).toContainText('收件');
  await expect(steps.nth(1)).toContainText('受理');
  // Nobody's name or number on a public page.
  await expect(page.locator('body')).not.toContainText('林海燕');
  await expect(page.locator('body')).not.toContainText('1395760');
  await expectNoSidewaysScroll(page);
  await shot(page, 'public-progress');
});

test('a citizen books a slot for tomorrow, sees the code, and cancels it', async ({ page }) => {
  await openAsCitizen(page, '/public/appointments', at(THU, '10:00'));
  await expect(page.getByRole('heading', { name: '在线预约' })).toBeVisible();
  await page.getByRole('group', { name: '业务' }).getByRole('button', { name: '市场监管（商事登记）' }).tap();
  await page.getByRole('group', { name: '日期' }).getByRole('button', { name: /^12月4日 周五 余 \d+ 个$/ }).tap();
  const slots = page.getByRole('group', { name: '时段' });
  const first = slots.getByRole('button').first();
  await expect(first).toHaveAccessibleName(/^09:00 余 \d+ 个$/);
  await first.tap();
  await page.getByLabel('姓名').fill('郑小雨');
  await page.getByLabel('手机号码').fill('13957605678');
  await expect(page.getByTestId('booking-summary')).toHaveText('预约：2026年12月4日 09:00–09:30');
  await expectNoSidewaysScroll(page);
  await shot(page, 'public-appointment-form');
  await page.getByRole('button', { name: '提交预约' }).tap();

  const booking = page.getByTestId('booking');
  await expect(booking).toContainText('预约成功');
  const code = (await page.getByTestId('booking-code').textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(booking).toContainText('2026年12月4日');
  await expect(booking).toContainText('09:00–09:30');
  await expect(booking).toContainText('到大厅取号机输入预约码取号');
  await expectNoSidewaysScroll(page);
  await shot(page, 'public-appointment');

  // The place is taken: one fewer left in that slot.
  const id = (await page.getByTestId('booking-id').textContent())!.trim();
  expect(id).toBe('B-20261204-0900-1');
  const after = await fetch(`${baseUrl()}/public/appointments/slots?category=B&date=2026-12-04`, { headers: { 'x-dev-clock': at(THU, '10:05') } }).then((r) => r.json() as Promise<{ slots: { slot: string; capacity: number; remaining: number }[] }>);
  const nine = after.slots.find((s) => s.slot === '09:00')!;
  expect(nine.remaining).toBe(nine.capacity - 1);

  await booking.getByRole('button', { name: '取消预约' }).tap();
  await page.getByRole('dialog').getByRole('button', { name: '取消预约' }).tap();
  await expect(booking).toContainText('预约已取消');
  const freed = await fetch(`${baseUrl()}/public/appointments/slots?category=B&date=2026-12-04`, { headers: { 'x-dev-clock': at(THU, '10:06') } }).then((r) => r.json() as Promise<{ slots: { slot: string; capacity: number; remaining: number }[] }>);
  expect(freed.slots.find((s) => s.slot === '09:00')!.remaining).toBe(nine.capacity);

  // From the form: a wrong code reads as an unknown booking; the right one again is answered as done (cancelling is idempotent).
  const form = page.getByRole('region', { name: '取消预约' });
  await form.getByLabel('预约编号').fill(id);
  await form.getByLabel('预约码').fill(code === '000000' ? '111111' : '000000');
  await form.getByRole('button', { name: '取消预约' }).tap();
  await expect(form.getByRole('alert')).toHaveText('未找到该预约，请核对预约编号和预约码');
  await form.getByLabel('预约码').fill(code);
  await form.getByRole('button', { name: '取消预约' }).tap();
  await expect(form.getByRole('alert')).toHaveText('预约已取消');
  await expectNoSidewaysScroll(page);
});

test('a citizen rates a completed case from the link in the invitation SMS, once', async ({ page }) => {
  const created = await acceptedCase('13957609876', '09:30', '09:35');
  await call('clerk-w19', at(THU, '14:00'), 'POST', `/cases/${created.caseId}/complete`, { decision: 'approved' });

  // The invitation reaches the outbox through the projector; the sender sends what is due (it runs each minute).
  let link: string | undefined;
  await expect(async () => {
    await call('admin', at(THU, '14:05'), 'POST', '/sms/dispatch', {});
    const outbox = await call<{ messages: { kind: string; text: string | null }[] }>('admin', at(THU, '14:05'), 'GET', `/sms/outbox?date=${THU}`);
    const texts = outbox.messages.filter((m) => m.kind === 'rating-invitation' && m.text?.includes(created.caseNo)).map((m) => m.text!);
    link = /\/console\/public\/rate\/[A-Za-z0-9_-]+/.exec(texts.join('\n'))?.[0];
    expect(link).toBeDefined();
  }).toPass({ timeout: 20_000 });

  const path = link!.replace(/^\/console/, '');
  // A forged link. (An expired one is not tried here: a request from a month later would move the
  // local server's timers, which follow the latest X-Dev-Clock seen, past every other scenario's day.)
  await openAsCitizen(page, `${path.slice(0, -4)}${path.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`, at(THU, '14:30'));
  await expect(page.getByText('链接无效')).toBeVisible();

  await openAsCitizen(page, path, at(THU, '15:00'));
  await expect(page.getByRole('heading', { name: '服务评价' })).toBeVisible();
  await expect(page.getByText('食品经营许可')).toBeVisible();
  await expect(page.getByText('2026年12月3日').first()).toBeVisible();
  const levels = page.getByRole('radiogroup', { name: '满意程度' }).getByRole('radio');
  await expect(levels).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  // Big enough for a thumb.
  for (const box of await Promise.all((await levels.all()).map((l) => l.boundingBox()))) expect(box!.height).toBeGreaterThanOrEqual(44);
  await page.getByRole('radio', { name: '非常满意' }).tap();
  await page.getByLabel('意见建议').fill('窗口工作人员很耐心，一次就办好了');
  await expectNoSidewaysScroll(page);
  await shot(page, 'public-rate');
  await page.getByRole('button', { name: '提交评价' }).tap();
  await expect(page.getByText('感谢您的评价')).toBeVisible();

  // The link rates once.
  await page.reload();
  await expect(page.getByText('您已评价过此办件')).toBeVisible();
});

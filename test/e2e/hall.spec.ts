import { expect, test, type Page } from '@playwright/test';
import { baseUrl, call, pageNow, shot, tokenFor } from './support.ts';

// This file's day: 2026-12-18, a simulated morning in the hall. The scenarios share the day's board
// (every call shows on every hall screen), so they run one after another.
test.describe.configure({ mode: 'serial' });

const day = '2026-12-18';
const at = (hhmm: string) => `${day}T${hhmm}:00+08:00`;

interface Spoken {
  text: string;
  lang: string;
  rate: number;
  start: number;
  end: number | null;
  /** Whether another utterance was still being spoken when this one was handed over. */
  overlapped: boolean;
}

/**
 * Before any page script: a speechSynthesis with one voice (zh-CN unless told) that records each utterance (and
 * ends it 300 ms later, as a short sentence would), and an AudioContext that records the chime's
 * tones. With `audioNeedsGesture`, the AudioContext stays suspended until the page has had a click,
 * as Chrome's autoplay rule holds it.
 */
function stubSpeech({ audioNeedsGesture, voiceLang = 'zh-CN' }: { audioNeedsGesture: boolean; voiceLang?: string }) {
  /** The parts of the browser's SpeechSynthesisUtterance the stub reads and calls (the e2e types have no DOM). */
  interface Utterance {
    text: string;
    lang: string;
    rate: number;
    onend: ((event: Event) => void) | null;
    onerror: ((event: Event & { error: string }) => void) | null;
  }
  const w = globalThis as unknown as { __spoken: Spoken[]; __chimes: { at: number; frequency: number }[]; addEventListener(type: 'click', listener: () => void, capture: boolean): void };
  w.__spoken = [];
  w.__chimes = [];
  // Playwright's evaluate() counts as a user gesture in Chromium: a real click on the page is what unlocks this stub's audio.
  let clicked = false;
  w.addEventListener('click', () => (clicked = true), true);
  let current: { u: Utterance; timer: ReturnType<typeof setTimeout>; entry: Spoken } | undefined;
  const voice = { lang: voiceLang, name: `测试语音 ${voiceLang}`, default: true, localService: true, voiceURI: `test-${voiceLang}` };
  const synth = {
    get speaking() {
      return current !== undefined;
    },
    pending: false,
    paused: false,
    getVoices: () => [voice],
    speak(u: Utterance) {
      const entry: Spoken = { text: u.text, lang: u.lang, rate: u.rate, start: Date.now(), end: null, overlapped: current !== undefined };
      w.__spoken.push(entry);
      const timer = setTimeout(() => {
        current = undefined;
        entry.end = Date.now();
        u.onend?.(new Event('end'));
      }, 300);
      current = { u, timer, entry };
    },
    cancel() {
      if (!current) return;
      const { u, timer, entry } = current;
      clearTimeout(timer);
      current = undefined;
      entry.end = Date.now();
      u.onerror?.(Object.assign(new Event('error'), { error: 'interrupted' }));
    },
    pause: () => undefined,
    resume: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(globalThis, 'speechSynthesis', { value: synth, configurable: true });

  class StubAudioContext {
    state = audioNeedsGesture ? 'suspended' : 'running';
    destination = {};
    get currentTime() {
      return performance.now() / 1000;
    }
    resume() {
      if (clicked) this.state = 'running';
      return this.state === 'running' ? Promise.resolve() : new Promise<void>(() => undefined);
    }
    createOscillator() {
      let frequency = 0;
      return {
        type: 'sine',
        frequency: { setValueAtTime: (value: number) => (frequency = value) },
        connect: () => undefined,
        start: () => w.__chimes.push({ at: Date.now(), frequency }),
        stop: () => undefined,
      };
    }
    createGain() {
      return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined };
    }
  }
  Object.defineProperty(globalThis, 'AudioContext', { value: StubAudioContext, configurable: true });
}

/**
 * Opens a full-screen page (no console frame, so no "who is signed in" header to wait for) as a
 * local account, with the simulated clock starting at `clock`: what `signIn` leaves in the tab.
 */
async function openAs(page: Page, user: string, clock: string, path: string): Promise<void> {
  const token = await tokenFor(user);
  await page.goto(`${baseUrl()}/health`);
  await page.evaluate(`sessionStorage.clear(); sessionStorage.setItem('banjian.session', ${JSON.stringify(token)}); sessionStorage.setItem('banjian.devClock', JSON.stringify({ base: ${Date.parse(clock)}, setAt: Date.now() }));`);
  await page.goto(`${baseUrl()}/console${path}`);
}

const spoken = (page: Page) => page.evaluate(() => (globalThis as unknown as { __spoken: Spoken[] }).__spoken);
const chimes = (page: Page) => page.evaluate(() => (globalThis as unknown as { __chimes: { at: number; frequency: number }[] }).__chimes);
/** The announcements in the order said, a repeat of the same call counted once. */
const announcements = (list: Spoken[]) => list.map((s) => s.text).filter((text, i, all) => text !== all[i - 1]);

interface Called {
  ticketId: string;
  number: string;
}

/**
 * Records in the page, as it happens, each change of the board on screen (the latest call and the
 * list before it) with the wall-clock instant: a call's delay is measured from the API's answer to
 * the moment it was drawn, not to when a test's polling happened to look.
 */
async function watchBoard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __board: { at: number; latest: string; main: string }[]; document: { querySelector(s: string): { textContent: string | null } | null } };
    g.__board = [];
    const main = g.document.querySelector('.hall-main');
    const note = () => g.__board.push({ at: Date.now(), latest: g.document.querySelector('[data-testid="latest-call"]')?.textContent ?? '', main: main?.textContent ?? '' });
    note();
    const Observer = (globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(node: unknown, options: object): void } }).MutationObserver;
    new Observer(note).observe(main, { subtree: true, childList: true, characterData: true });
  });
}

/** How long after `since` the board first showed `text` (all of them, when several: in the latest call, or anywhere on the board). */
async function drawnAfter(page: Page, since: number, text: string | string[], where: 'latest' | 'main' = 'latest'): Promise<number> {
  const texts = typeof text === 'string' ? [text] : text;
  await expect
    .poll(async () => {
      const board = await page.evaluate(() => (globalThis as unknown as { __board: { at: number; latest: string; main: string }[] }).__board);
      const seen = board.find((b) => b.at >= since && texts.every((t) => b[where].includes(t)));
      return seen ? seen.at - since : undefined;
    }, { timeout: 5000, intervals: [50] })
    .toBeDefined();
  const board = await page.evaluate(() => (globalThis as unknown as { __board: { at: number; latest: string; main: string }[] }).__board);
  return board.find((b) => b.at >= since && texts.every((t) => b[where].includes(t)))!.at - since;
}

test('a morning in the hall: each call on the screen within two seconds, said in order, never two at once', async ({ page }) => {
  // Visitors take tickets from the kiosk from 08:30; window 4 calls one before the screen is on.
  const tickets: Record<string, string[]> = {};
  const plan = ['C', 'C', 'B', 'D', 'C', 'B', 'D', 'C', 'A', 'E', 'F', 'Q', 'C', 'E', 'Q', 'K', 'D', 'Z', 'B', 'C'];
  for (const [i, category] of plan.entries()) {
    const issued = await call<{ number: string }>('kiosk', at(`08:${String(30 + i).padStart(2, '0')}`), 'POST', '/tickets', { category, source: 'kiosk' });
    (tickets[category] ??= []).push(issued.number);
  }
  const early = await call<Called>('clerk-w04', at('08:58'), 'POST', '/windows/W04/call-next', {});

  await page.addInitScript(stubSpeech, { audioNeedsGesture: false });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAs(page, 'hall-screen', '2026-12-18T01:00:00Z', '/hall');
  await expect(page).toHaveURL(/\/console\/hall$/);
  await expect(page.getByRole('heading', { name: '三门县行政审批服务中心' })).toBeVisible();
  await expect(page.getByTestId('clock')).toContainText('12月18日');
  await expect(page.getByTestId('clock')).toContainText(/09:0\d:\d\d/);
  const latest = page.getByTestId('latest-call');
  const recent = page.getByTestId('recent-calls');
  // The call made before the screen came on is shown, not said.
  await expect(latest).toContainText(early.number);
  await expect(latest).toContainText('4号窗口');
  await watchBoard(page);
  await expect(page.getByTestId('voice-state')).toHaveText('语音播报：已开启');
  await expect(page.getByRole('button', { name: '点击开始播报' })).toHaveCount(0);

  const times: number[] = [];
  // Window 3 calls.
  const c1 = await call<Called>('clerk-w03', await pageNow(page), 'POST', '/windows/W03/call-next', {});
  let answered = Date.now();
  times.push(await drawnAfter(page, answered, c1.number));
  await expect(latest).toContainText('3号窗口');
  await expect(latest).toContainText('不动产登记');
  await expect(recent).toContainText(early.number);

  // Windows 2 and 4 call right after each other.
  const b1 = await call<Called>('clerk-w02', await pageNow(page), 'POST', '/windows/W02/call-next', {});
  const answeredB = Date.now();
  const d2 = await call<Called>('clerk-w04', await pageNow(page), 'POST', '/windows/W04/call-next', {});
  answered = Date.now();
  times.push(await drawnAfter(page, answeredB, b1.number, 'main'), await drawnAfter(page, answered, d2.number));
  await expect(recent).toContainText(b1.number);
  await expect(recent).toContainText('2号窗口');

  // Window 3's visitor has not come up: the clerk calls again.
  await page.waitForTimeout(1500);
  await call('clerk-w03', await pageNow(page), 'POST', `/tickets/${c1.ticketId}/recall`, {});
  answered = Date.now();
  times.push(await drawnAfter(page, answered, ['再次呼叫', c1.number]));
  await expect(latest).toContainText('再次呼叫');
  await expect(recent.getByText('重呼')).toHaveCount(0);
  expect(times.every((ms) => ms < 2000), `drawn after ${times.join(', ')} ms`).toBe(true);

  // Window 1 calls later in the morning.
  await page.waitForTimeout(1000);
  const a1 = await call<Called>('clerk-w01', await pageNow(page), 'POST', '/windows/W01/call-next', {});
  answered = Date.now();
  expect(await drawnAfter(page, answered, a1.number)).toBeLessThan(2000);
  await expect(latest).toContainText('1号窗口');
  await expect(recent.getByText('重呼')).toHaveCount(1);

  // Every call and the recall were said, in the order called, one at a time, a chime before each.
  const expected = [
    `请 C一号 到 三号窗口 办理`,
    `请 B一号 到 二号窗口 办理`,
    `请 D二号 到 四号窗口 办理`,
    `再次呼叫 C一号，请到 三号窗口 办理`,
    `请 A一号 到 一号窗口 办理`,
  ];
  expect([c1.number, b1.number, d2.number, a1.number]).toEqual(['C001', 'B001', 'D002', 'A001']);
  await expect.poll(async () => announcements(await spoken(page)), { timeout: 10_000 }).toEqual(expected);
  await page.waitForTimeout(1500);
  const said = await spoken(page);
  expect(announcements(said)).toEqual(expected);
  expect(said.filter((s) => s.overlapped)).toEqual([]);
  for (const [i, s] of said.entries()) {
    expect(s.lang).toBe('zh-CN');
    expect(s.rate).toBeCloseTo(0.9);
    // The next starts only after the previous ended.
    if (i > 0) expect(s.start).toBeGreaterThanOrEqual(said[i - 1]!.end!);
  }
  // No call was said more than twice; the one called before the screen came on was not said at all.
  for (const text of expected) expect(said.filter((s) => s.text === text).length).toBeLessThanOrEqual(2);
  expect(said.some((s) => s.text.includes('D一号'))).toBe(false);
  // A ding-dong (high, then low) before each announcement.
  const rung = await chimes(page);
  expect(rung.map((c) => c.frequency)).toEqual(expected.flatMap(() => [784, 659]));
  const firsts = said.filter((s, i) => s.text !== said[i - 1]?.text);
  for (const [i, s] of firsts.entries()) {
    const ding = rung[i * 2]!;
    expect(s.start - ding.at).toBeGreaterThanOrEqual(700);
    expect(s.start - ding.at).toBeLessThan(2000);
  }

  // Each category's waiting count as the API has it (the screen reads it again after each call).
  const waiting = await call<{ categories: { code: string; name: string; waiting: number }[] }>('hall-screen', await pageNow(page), 'GET', '/hall/waiting');
  expect(waiting.categories.length).toBeGreaterThan(10);
  for (const c of waiting.categories.filter((c) => ['A', 'B', 'C', 'D', 'Q'].includes(c.code))) {
    await expect(page.locator(`[data-category="${c.code}"]`)).toContainText(`等候 ${c.waiting} 人`);
    await expect(page.locator(`[data-category="${c.code}"]`)).toContainText(c.name);
  }
  expect(waiting.categories.find((c) => c.code === 'C')?.waiting).toBe(tickets.C!.length - 1);

  // The mute switch, by keyboard: a call while muted is shown but not said.
  const mute = page.getByRole('button', { name: '静音' });
  await mute.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '取消静音' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('voice-state')).toHaveText('语音播报：已静音');
  const e1 = await call<Called>('clerk-w05', await pageNow(page), 'POST', '/windows/W05/call-next', {});
  await expect(latest).toContainText(e1.number);
  await page.waitForTimeout(1500);
  expect((await spoken(page)).some((s) => s.text.includes('E一号'))).toBe(false);
  await page.keyboard.press('Alt+KeyM');
  await expect(page.getByTestId('voice-state')).toHaveText('语音播报：已开启');

  // The picture for the README: the highlight of the latest call over, no focus ring on the switch.
  await page.getByRole('button', { name: '静音' }).blur();
  await page.waitForTimeout(2000);
  await shot(page, 'hall-screen');
});

test('the hall screen rides out a network drop: the last board stays, it retries quietly and catches up without a reload', async ({ page }) => {
  await page.addInitScript(stubSpeech, { audioNeedsGesture: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAs(page, 'hall-screen', '2026-12-18T01:30:00Z', '/hall');
  for (let i = 0; i < 2; i++) await call('kiosk', await pageNow(page), 'POST', '/tickets', { category: 'F', source: 'kiosk' });
  const latest = page.getByTestId('latest-call');
  await expect(latest).toBeVisible();
  const before = (await latest.innerText()).trim();

  // Audio waits for a click here: the button says so, and speech goes on meanwhile.
  const start = page.getByRole('button', { name: '点击开始播报' });
  await expect(start).toBeVisible();

  // The network goes: the board stays as it was, with a small mark and no popup.
  let blocked = 0;
  await page.route('**/hall/board', async (route) => {
    blocked++;
    await route.abort('internetdisconnected');
  });
  await expect(page.getByText('连接中断，正在重试')).toBeVisible();
  const called = await call<Called>('clerk-w06', await pageNow(page), 'POST', '/windows/W06/call-next', {});
  await page.waitForTimeout(4000);
  expect(blocked).toBeGreaterThan(1);
  // Retrying with backoff: far fewer than one request a second.
  expect(blocked).toBeLessThan(6);
  expect((await latest.innerText()).trim()).toBe(before);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Back: the call made meanwhile appears and is said, without a reload.
  await page.unroute('**/hall/board');
  await expect(latest).toContainText(called.number, { timeout: 10_000 });
  await expect(latest).toContainText('6号窗口');
  await expect(page.getByText('连接中断，正在重试')).toHaveCount(0);
  await expect.poll(async () => (await spoken(page)).map((s) => s.text)).toContain('请 F一号 到 六号窗口 办理');
  // Said without its chime while audio waited for a click.
  expect(await chimes(page)).toEqual([]);

  // A click lets the chime ring: the button goes.
  await start.click();
  await expect(start).toHaveCount(0);
  const next = await call<Called>('clerk-w06', await pageNow(page), 'POST', '/windows/W06/call-next', {});
  await expect(latest).toContainText(next.number, { timeout: 2000 });
  await expect.poll(async () => (await chimes(page)).map((c) => c.frequency)).toEqual([784, 659]);

  // The session ends (signed out in another tab): the screen goes to sign-in and comes back here after it.
  await page.evaluate('sessionStorage.removeItem("banjian.session")');
  await expect(page).toHaveURL(/\/console\/sign-in\?expired=1&next=%2Fhall$/);
});

test('a window’s display shows the visitor and the clerk, then takes the visitor’s rating of the case', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openAs(page, 'device-w03', '2026-12-18T02:00:00Z', '/window/W03');
  await expect(page.getByTestId('window-number')).toHaveText('3号窗口');
  await expect(page.getByText('不动产登记', { exact: true })).toBeVisible();
  const when = await pageNow(page);

  // The clerk's name and badge number, as the county's accounts hold them.
  const claims = JSON.parse(Buffer.from((await tokenFor('clerk-w03')).split('.')[1]!, 'base64url').toString()) as { name: string; 'custom:badgeNo': string };
  expect(claims.name).toBeTruthy();

  // A visitor takes a ticket; window 3 calls it.
  await call('kiosk', when, 'POST', '/tickets', { category: 'C', source: 'kiosk' });
  const ticket = await call<Called>('clerk-w03', await pageNow(page), 'POST', '/windows/W03/call-next', {});
  const shown = page.getByTestId('ticket');
  await expect(shown).toContainText('请');
  await expect(shown).toContainText(ticket.number);
  await expect(page.getByTestId('clerk')).toContainText(`工作人员：${claims.name}`);
  await expect(page.getByTestId('clerk')).toContainText(`工号：${claims['custom:badgeNo']}`);
  await shot(page, 'window-display');

  // Served: the clerk registers and accepts the visitor's application, then finishes the visit with it.
  await call('clerk-w03', await pageNow(page), 'POST', `/tickets/${ticket.ticketId}/start`, {});
  await expect(shown).toContainText('正在办理');
  const registered = await call<{ caseId: string }>('clerk-w03', await pageNow(page), 'POST', '/cases', {
    itemCode: '331022-BDCDJ-001',
    applicant: { name: '林美华', phone: '13867612345' },
    channel: 'window',
    siteId: 'S-CENTER',
    materials: ['M1', 'M2', 'M3', 'M4', 'M5'],
  });
  await call('clerk-w03', await pageNow(page), 'POST', `/cases/${registered.caseId}/accept`, {});
  await call('clerk-w03', await pageNow(page), 'POST', `/tickets/${ticket.ticketId}/finish`, { caseIds: [registered.caseId] });

  // The rating prompt, five big buttons.
  const rating = page.getByTestId('rating');
  await expect(rating).toContainText('请您对本次服务进行评价');
  await expect(rating.getByRole('button')).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  await shot(page, 'window-display-rating');
  await rating.getByRole('button', { name: '满意', exact: true }).click();
  await expect(page.getByText('感谢您的评价')).toBeVisible();

  // The case holds the visitor's rating from the window's device, once.
  const timeline = await call<{ events: { type: string; data: Record<string, unknown>; actor: { id: string; role: string } }[] }>('dir-w03', await pageNow(page), 'GET', `/cases/${registered.caseId}/events`);
  const reviews = timeline.events.filter((e) => e.type === 'CaseReviewed');
  expect(reviews).toHaveLength(1);
  expect(reviews[0]!.data).toMatchObject({ level: 'satisfied', channel: 'window-device' });
  expect(reviews[0]!.actor).toMatchObject({ id: 'device-w03', role: 'rating-device' });
  await context.close();
});

test('a hall PC without a Mandarin voice says so once and goes on showing calls in silence', async ({ page }) => {
  await page.addInitScript(stubSpeech, { audioNeedsGesture: false, voiceLang: 'en-US' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAs(page, 'hall-screen', '2026-12-18T02:30:00Z', '/hall');
  await expect(page.getByText('本机没有中文语音，叫号不播报')).toBeVisible();
  await expect(page.getByTestId('voice-state')).toHaveText('语音播报：本机无中文语音');
  await call('kiosk', await pageNow(page), 'POST', '/tickets', { category: 'K', source: 'kiosk' });
  const called = await call<Called>('clerk-w10', await pageNow(page), 'POST', '/windows/W10/call-next', {});
  await expect(page.getByTestId('latest-call')).toContainText(called.number);
  await expect(page.getByTestId('latest-call')).toContainText('10号窗口');
  await page.waitForTimeout(1500);
  expect(await spoken(page)).toEqual([]);
  expect(await chimes(page)).toEqual([]);
  await expect(page.getByRole('button', { name: '点击开始播报' })).toHaveCount(0);
});

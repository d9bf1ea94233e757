import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, LANDSCAPE, openApp, PORTRAIT, screenshot, startHost, type RunningHost } from './harness';

/** The kiosk's screens in real Chromium against a real browser host (demo site, reader off). */
const SERVICES = ['guides', 'library', 'transparency', 'legalAid', 'mediation', 'reconsideration', 'legislativeOpinion', 'progress', 'evaluation'] as const;
const SCREEN_OF: Record<(typeof SERVICES)[number], string> = {
  guides: 'guides',
  library: 'library',
  transparency: 'transparency',
  legalAid: 'intake',
  mediation: 'intake',
  reconsideration: 'intake',
  legislativeOpinion: 'intake',
  progress: 'progress',
  evaluation: 'evaluation',
};

async function atHome(page: Page): Promise<void> {
  await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
}

async function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

describe('kiosk screens', () => {
  let host: RunningHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startHost();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('reaches every service from home in one tap, with Home, Back and the language switch on each screen', async () => {
    const page = await openApp(browser, host);
    await atHome(page);
    for (const service of SERVICES) {
      await page.getByTestId(`tile-${service}`).click();
      await expect.poll(() => page.locator('main.kiosk-main').getAttribute('data-screen')).toBe(SCREEN_OF[service]);
      if (SCREEN_OF[service] === 'intake') await page.getByTestId(`intake-${service}`).waitFor();
      expect(await page.getByTestId('nav-home').isVisible()).toBe(true);
      expect(await page.getByTestId('nav-back').isEnabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'English' }).count()).toBe(1);
      // Touch targets: Home and Back are at least 64 px tall.
      const box = await page.getByTestId('nav-back').boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(64);
      await page.getByTestId('nav-back').click();
      await atHome(page);
    }
    await page.context().close();
  });

  it('opens a service guide with its take-away QR code (portrait and landscape screenshots)', async () => {
    for (const [name, viewport] of [
      ['landscape', LANDSCAPE],
      ['portrait', PORTRAIT],
    ] as const) {
      const page = await openApp(browser, host, viewport);
      await atHome(page);
      await screenshot(page, `kiosk-home-${name}`);
      await page.getByTestId('tile-guides').click();
      const first = page.locator('[data-testid^="guide-"]').first();
      await first.waitFor({ timeout: 15_000 });
      await first.click();
      await page.getByTestId('qr-code').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('.prose').count()).toBeGreaterThan(0);
      expect(await page.locator('.guide__take-away').innerText()).toContain('扫码带走');
      await screenshot(page, `kiosk-guide-${name}`);
      // Leaving a service through Home offers 「评价本次服务」.
      await page.getByTestId('nav-home').click();
      await page.getByTestId('rate-prompt').waitFor();
      await page.getByRole('button', { name: '评价本次服务' }).click();
      await expect.poll(() => page.locator('[role="radio"][aria-checked="true"]').innerText()).toBe('办事指南');
      await page.context().close();
    }
  });

  it('shows the office transparency page from site config', async () => {
    const page = await openApp(browser, host);
    await atHome(page);
    await page.getByTestId('tile-transparency').click();
    await expect.poll(() => page.getByTestId('supervision').innerText()).toContain('12348');
    const text = await page.locator('main').innerText();
    expect(text).toContain('王所长');
    expect(text).toContain('法律援助申请办理流程');
    expect(text).toContain('周一至周五');
    await screenshot(page, 'kiosk-transparency-landscape');
    await page.context().close();
  });

  it('elder mode enlarges text and switching language works on any screen', async () => {
    const page = await openApp(browser, host);
    await atHome(page);
    const before = await fontSize(page, '.tile__title');
    const bodyBefore = await fontSize(page, '.kiosk-main');
    expect(bodyBefore).toBeGreaterThanOrEqual(24);
    await page.getByTestId('elder-toggle').click();
    await expect.poll(() => fontSize(page, '.kiosk-main')).toBeGreaterThan(bodyBefore * 1.2);
    expect(await fontSize(page, '.tile__title')).toBeGreaterThan(before);
    expect(await fontSize(page, '.home__title')).toBeGreaterThan(bodyBefore * 1.5);
    await screenshot(page, 'kiosk-home-elder-landscape');
    await page.getByTestId('tile-progress').click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('Check progress');
    // Elder mode stays on while moving between screens.
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('办理进度查询');
    await page.context().close();
  });

  it('looks up progress politely and submits an anonymous evaluation', async () => {
    const page = await openApp(browser, host);
    await atHome(page);
    await page.getByTestId('tile-progress').click();
    await page.locator('#progress-receipt').fill('01k7-250114-0003-m');
    expect(await page.locator('#progress-receipt').inputValue()).toBe('01K7-250114-0003-M');
    await page.getByTestId('progress-lookup').click();
    // Either "not found" or a polite error sentence; never a crash or a raw code.
    await expect.poll(async () => (await page.getByTestId('progress-none').count()) + (await page.locator('.screen-status--error').count()), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('main').innerText()).not.toMatch(/unknown_method|undefined/);

    await page.getByTestId('nav-home').click();
    await page.getByTestId('tile-evaluation').click();
    expect(await page.getByTestId('evaluation-submit').isDisabled()).toBe(true);
    await page.getByRole('radio', { name: '法律法规查询' }).click();
    await page.getByTestId('score-5').click();
    await page.getByRole('button', { name: '讲得清楚' }).click();
    await page.getByTestId('evaluation-submit').click();
    await expect.poll(async () => (await page.getByTestId('evaluation-thanks').count()) + (await page.locator('.form-error').count()), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('main').innerText()).not.toMatch(/unknown_method|undefined/);
    await page.context().close();
  });

  it('opens the staff PIN pad after five quick taps on the office name', async () => {
    const page = await openApp(browser, host);
    await atHome(page);
    for (let i = 0; i < 5; i += 1) await page.getByTestId('office-mark').click();
    await page.getByTestId('pin-dialog').waitFor();
    for (const key of ['1', '2', '3', '4']) await page.locator(`.pin-pad__key[data-key="${key}"]`).click();
    expect(await page.getByTestId('pin-display').innerText()).toBe('●●●●');
    await page.getByTestId('pin-submit').click();
    // Without a configured PIN (or the method) the refusal is a sentence, and the pad stays.
    await expect.poll(async () => (await page.locator('[data-testid="pin-dialog"] .form-error').count()) + (await page.getByTestId('maintenance').count()), { timeout: 10_000 }).toBe(1);
    await page.context().close();
  });
});

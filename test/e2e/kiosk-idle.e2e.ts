import { hashPin } from '../../electron/core/intake/kiosk-maintenance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoSite, launchChromium, openApp, screenshot, startHost, type RunningHost } from './harness';

/**
 * Privacy: a resident who walks away must leave nothing behind. With `?idle=3&countdown=2` (demo
 * sites only) the kiosk asks 「还在使用吗？」 after 3 s and wipes the session 2 s later.
 */
describe('kiosk idle reset', () => {
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

  it('wipes a half-typed field, elder mode and language, and returns to the attract screen', async () => {
    const page = await openApp(browser, host);
    await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
    await page.goto(`${host.url}?idle=3&countdown=2`);
    await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });

    await page.getByTestId('elder-toggle').click();
    await page.getByTestId('tile-library').click();
    await page.locator('#library-q').fill('赡养');
    // Half-typed pinyin waiting in the candidate bar too.
    await page.locator('[data-testid="onscreen-keyboard"] [data-skbtn="f"]').click();
    expect(await page.getByTestId('pinyin-buffer').innerText()).toBe('f');
    await page.getByRole('button', { name: 'English' }).click();

    await page.getByTestId('idle-dialog').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('idle-dialog').innerText()).toContain('Are you still there?');
    await screenshot(page, 'kiosk-idle-countdown-landscape');
    await page.getByTestId('kiosk-attract').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('body').innerText()).toContain('轻触屏幕开始');
    await screenshot(page, 'kiosk-attract-landscape');

    await page.getByTestId('kiosk-attract').click();
    await page.locator('[data-testid="kiosk-home"]').waitFor();
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('tile-library').click();
    expect(await page.locator('#library-q').inputValue()).toBe('');
    expect(await page.getByTestId('onscreen-keyboard').count()).toBe(0);
    await page.context().close();
  });

  it('a touch during the countdown keeps the session', async () => {
    const page = await openApp(browser, host);
    await page.goto(`${host.url}?idle=2&countdown=5`);
    await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('tile-library').click();
    await page.locator('#library-q').fill('继承');
    await page.getByTestId('idle-dialog').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: '继续使用' }).click();
    await expect.poll(() => page.getByTestId('idle-dialog').count()).toBe(0);
    expect(await page.locator('#library-q').inputValue()).toBe('继承');
    await page.context().close();
  });

  it('ignores ?idle= on a production (non-demo) site', async () => {
    const prodHost = await startHost({ site: demoSite({ devices: { idcard: { port: 'off' } }, demo: false, maintenancePinHash: hashPin('135790') }) });
    try {
      const page = await openApp(browser, prodHost);
      await page.goto(`${prodHost.url}?idle=1&countdown=1`);
      await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(3500);
      expect(await page.getByTestId('idle-dialog').count()).toBe(0);
      expect(await page.getByTestId('kiosk-attract').count()).toBe(0);
      await page.context().close();
    } finally {
      await prodHost.stop();
    }
  });
});

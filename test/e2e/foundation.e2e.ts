import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, screenshot, startHost, type RunningHost } from './harness';

describe('foundation: browser host + kiosk shell in Chromium', () => {
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

  it('renders the kiosk home in zh-CN, switches to English, and saves a screenshot', async () => {
    const page = await openApp(browser, host);
    await expect.poll(() => page.locator('[data-testid="kiosk-home"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('body').innerText()).toContain('示范镇司法所');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The launch token became an HttpOnly cookie and left the address bar.
    expect(page.url()).not.toContain('token');
    await screenshot(page, 'foundation-kiosk-home-zh');
    await page.getByRole('button', { name: 'English' }).first().click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('Demo Township Judicial Office');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'foundation-kiosk-home-en');
  });

  it('refuses API calls without the launch token', async () => {
    const response = await fetch(`${host.url}api/systemInfo`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    const page = await (await browser.newContext()).newPage();
    const status = (await page.goto(host.url))?.status();
    expect(status).toBe(401);
  });
});

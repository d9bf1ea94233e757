import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, LANDSCAPE, openApp, PORTRAIT, screenshot, startHost, type RunningHost } from './harness';

/** Taps keys on the docked on-screen keyboard (simple-keyboard renders data-skbtn on each key). */
async function tapKeys(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.locator(`[data-testid="onscreen-keyboard"] [data-skbtn="${key}"]`).click();
}

/** Taps a candidate in the bar, paging forward with ▶ until it shows up. */
async function pickCandidate(page: Page, text: string): Promise<void> {
  const bar = page.getByTestId('candidate-bar');
  for (let pageNo = 0; pageNo < 10; pageNo += 1) {
    const candidate = bar.locator('.kb-candidate', { hasText: new RegExp(`^${text}$`) });
    if ((await candidate.count()) > 0) {
      await candidate.first().click();
      return;
    }
    await bar.getByRole('button', { name: '下一页候选字' }).click();
  }
  throw new Error(`candidate ${text} not offered`);
}

describe('kiosk on-screen keyboard', () => {
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

  for (const [name, viewport] of [
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const) {
    it(`enters 法律援助 by pinyin and candidate taps (${name})`, async () => {
      const page = await openApp(browser, host, viewport);
      await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('tile-library').click();
      const field = page.locator('#library-q');
      await field.click();
      const keyboard = page.getByTestId('onscreen-keyboard');
      await keyboard.waitFor();
      // The field never asks for the system keyboard.
      expect(await field.getAttribute('inputmode')).toBe('none');
      expect(await keyboard.getAttribute('data-mode')).toBe('pinyin');

      await tapKeys(page, 'fa');
      expect(await page.getByTestId('pinyin-buffer').innerText()).toBe('fa');
      await screenshot(page, `kiosk-keyboard-pinyin-${name}`);
      await pickCandidate(page, '法');
      await tapKeys(page, 'lv');
      await pickCandidate(page, '律');
      await tapKeys(page, 'yuan');
      await pickCandidate(page, '援');
      await tapKeys(page, 'zhu');
      await pickCandidate(page, '助');
      expect(await field.inputValue()).toBe('法律援助');
      // Focus stayed in the field the whole time.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-q');

      // Backspace removes one character; ABC mode types letters straight in.
      await page.locator('[data-testid="onscreen-keyboard"] [data-skbtn="{bksp}"]').click();
      expect(await field.inputValue()).toBe('法律援');
      await page.locator('[data-testid="onscreen-keyboard"] [data-skbtn="{mode}"]').click();
      expect(await keyboard.getAttribute('data-mode')).toBe('abc');
      await tapKeys(page, 'ok');
      expect(await field.inputValue()).toBe('法律援ok');

      await keyboard.getByRole('button', { name: '完成' }).click();
      await expect.poll(() => keyboard.count()).toBe(0);
      await page.context().close();
    });
  }

  it('a hardware keyboard still types into the field (staff, tests)', async () => {
    const page = await openApp(browser, host);
    await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('tile-library').click();
    await page.locator('#library-q').fill('赡养');
    await page.locator('#library-q').pressSequentially('老人');
    expect(await page.locator('#library-q').inputValue()).toBe('赡养老人');
    await page.context().close();
  });

  it('opens an ABC keyboard for receipt numbers', async () => {
    const page = await openApp(browser, host, PORTRAIT);
    await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('tile-progress').click();
    await page.locator('#progress-receipt').click();
    const keyboard = page.getByTestId('onscreen-keyboard');
    await keyboard.waitFor();
    expect(await keyboard.getAttribute('data-mode')).toBe('abc');
    await tapKeys(page, '01k7');
    expect(await page.locator('#progress-receipt').inputValue()).toBe('01K7');
    await screenshot(page, 'kiosk-keyboard-abc-portrait');
    await page.context().close();
  });
});

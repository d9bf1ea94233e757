import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, LANDSCAPE, openApp, PORTRAIT, screenshot, startHost, type RunningHost } from './harness';

// The seed documents sit in shared/ beside the checkout (CI lays a copy there).
const SEEDS = [resolve(import.meta.dirname, '../../../shared/seeds'), '/work/shared/seeds'].find((dir) => existsSync(dir)) ?? '../shared/seeds';
const PHRASE = '司法行政服务站';

async function searchFor(page: Page, q: string): Promise<void> {
  await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('tile-library').click();
  await page.locator('#library-q').fill(q);
  await page.getByTestId('library-search').click();
  await page.getByTestId('library-results').waitFor({ timeout: 15_000 });
}

describe('kiosk law library', () => {
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

  it('finds a phrase from seed 003 and opens the document at the matching paragraph, with its version date', async () => {
    const seed = readdirSync(SEEDS).find((f) => f.startsWith('003_'));
    expect(seed).toBeDefined();
    expect(readFileSync(join(SEEDS, seed!), 'utf8')).toContain(PHRASE);

    const page = await openApp(browser, host);
    await searchFor(page, PHRASE);
    const hit = page.getByTestId('library-hit').filter({ hasText: '十三五' }).first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().innerText()).toContain(PHRASE.slice(0, 2));
    await screenshot(page, 'kiosk-library-results-landscape');
    await hit.click();
    const focus = page.getByTestId('doc-focus');
    await focus.waitFor({ timeout: 15_000 });
    expect(await focus.innerText()).toContain(PHRASE);
    expect(await page.getByTestId('version-date').innerText()).toMatch(/版本日期：\d{4}-\d{2}-\d{2}/);
    // Opened scrolled to the hit: the focus paragraph is inside the visible part of the screen.
    const inView = await focus.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const main = document.querySelector('main.kiosk-main')!.getBoundingClientRect();
      return r.top >= main.top - 1 && r.top < main.bottom;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'kiosk-library-document-landscape');
    // Back returns to the same results.
    await page.getByTestId('nav-back').click();
    await page.getByTestId('library-results').waitFor();
    expect(await page.locator('#library-q').inputValue()).toBe(PHRASE);
    await page.context().close();
  });

  it('a one-character query returns results; kind chips filter them', async () => {
    for (const [name, viewport] of [
      ['landscape', LANDSCAPE],
      ['portrait', PORTRAIT],
    ] as const) {
      const page = await openApp(browser, host, viewport);
      await searchFor(page, '法');
      await expect.poll(() => page.getByTestId('library-hit').count()).toBeGreaterThan(0);
      await screenshot(page, `kiosk-library-one-char-${name}`);
      await page.getByTestId('kind-case').click();
      await expect.poll(async () => {
        const badges = await page.locator('[data-testid="library-hit"] .kind-badge').allInnerTexts();
        return badges.length > 0 && badges.every((b) => b === '典型案例');
      }).toBe(true);
      await page.context().close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoSite, freePort, launchChromium, openApp, screenshot, startHost, type RunningHost } from './harness';
import { signIn } from './desk-flows';
import { FIXTURES } from '../../native-bridges/idcard/fixtures';

/** Staff register a walk-in at the desk: the same form engine, one page, keyboard first. */

describe('walk-in interview at the desk (Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startHost({ site: demoSite({ role: 'desk', devices: { idcard: { port: 'off' } }, hub: { listenHost: '127.0.0.1', listenPort: await freePort() } }) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('a mediation walk-in is entered on one page with Enter moving on, reviewed and given a receipt', async () => {
    const page = await openApp(browser, host, { width: 1600, height: 1000 });
    await page.getByTestId('desk-signin').waitFor({ timeout: 15_000 });
    await page.locator('input[name="username"]').fill('li');
    await page.locator('input[name="password"]').fill('Demo-2026!');
    await page.locator('input[name="password"]').press('Enter');
    await page.getByTestId('desk-frame').waitFor({ timeout: 15_000 });
    await page.getByTestId('nav-walkin').click();
    await page.getByTestId('walkin-form-mediation').click();

    await page.getByTestId('intake-consent').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '我已阅读并同意' }).click();

    // Every group on one page; no card prompt at the desk.
    for (const group of ['applicant', 'parties', 'dispute', 'schedule', 'confirm']) await page.getByTestId(`intake-group-${group}`).waitFor();
    expect(await page.getByTestId('intake-card-prompt').count()).toBe(0);

    // Enter moves from one field to the next.
    await page.getByLabel('姓名', { exact: true }).fill('张三');
    await page.getByLabel('姓名', { exact: true }).press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-applicantIdNumber');
    await page.keyboard.type('11010519491231002X');
    await page.getByLabel('联系电话', { exact: true }).fill('13800138000');

    const party = page.getByTestId('repeat-otherParties-1');
    await party.getByLabel('姓名或单位名称', { exact: true }).fill('王五');
    await party.getByRole('radio', { name: '邻居' }).click();
    await page.getByRole('radio', { name: '邻里' }).click();
    await page.getByLabel('纠纷经过', { exact: true }).fill('邻居在我家门口堆放杂物，多次协商未果。');
    await page.getByLabel('您希望怎样解决（调解请求）', { exact: true }).fill('请对方清理杂物。');

    // Checking before the consent is ticked marks what is missing, in place.
    await page.getByRole('button', { name: '下一步：核对信息' }).click();
    await expect.poll(() => page.locator('[data-question="consentMediation"]').innerText()).toContain('需要您同意后才能继续');
    await screenshot(page, 'intake-desk-walkin');
    await page.getByRole('checkbox', { name: /我自愿申请人民调解/ }).click();
    await page.getByRole('button', { name: '下一步：核对信息' }).click();

    await page.getByTestId('intake-review').waitFor();
    expect(await page.getByTestId('intake-review').innerText()).toContain('邻里');
    await page.getByRole('button', { name: '确认无误，提交' }).click();
    await page.getByTestId('intake-receipt').waitFor({ timeout: 15_000 });
    expect((await page.getByTestId('intake-receipt-no').innerText()).trim().length).toBeGreaterThan(4);
    await screenshot(page, 'intake-desk-receipt');
    await page.getByRole('button', { name: '完成，登记下一位' }).click();
    await page.getByTestId('walkin-page').waitFor();
  });

  it('a walk-in registered by ID card: the counter reader fills the applicant, masked', async () => {
    const carded = await startHost({ site: demoSite({ role: 'desk', devices: { idcard: { port: 'simulated' } }, hub: { listenHost: '127.0.0.1', listenPort: await freePort() } }) });
    try {
      const page = await openApp(browser, carded, { width: 1600, height: 1000 });
      await signIn(page, 'li');
      await page.getByTestId('desk-frame').waitFor({ timeout: 15_000 });
      await page.getByTestId('nav-walkin').click();
      await page.getByTestId('walkin-form-legal-aid').click();
      await page.getByRole('button', { name: '我已阅读并同意' }).click();
      await page.getByTestId('walkin-demo-card').click();
      await expect.poll(() => page.getByTestId('walkin-reader').innerText(), { timeout: 15_000 }).toContain('已读取身份证');
      const card = FIXTURES.resident.fields;
      await expect.poll(() => page.getByLabel('姓名', { exact: true }).inputValue(), { timeout: 15_000 }).toBe(`${card.name[0]}**`);
      expect(await page.getByLabel('公民身份号码', { exact: true }).inputValue()).toBe(`${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(-4)}`);
      await screenshot(page, 'desk-walkin-by-card');
    } finally {
      await carded.stop();
    }
  });
});

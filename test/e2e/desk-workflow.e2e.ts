import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoSite, freePort, launchChromium, openApp, screenshot, startHost, type RunningHost } from './harness';
import { DEMO_PASSWORD as PASSWORD, signIn } from './desk-flows';
import { legalAidAnswers, mediationAnswers } from '../integration/fixtures/intake-data';

/**
 * The front desk in a real Chromium: sign-in and the account lock, the inbox with keyboard
 * navigation, reveal (audited), accept -> resolve, the audit trail and its verifier, the
 * dashboard, the lock screen, and role-based navigation.
 */
const VIEWPORT = { width: 1600, height: 1000 };

describe('front desk (Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  const receipts: { mediation: string; mediation2: string; legalAid: string } = { mediation: '', mediation2: '', legalAid: '' };

  beforeAll(async () => {
    host = await startHost({ site: demoSite({ role: 'desk', devices: { idcard: { port: 'off' } }, hub: { listenHost: '127.0.0.1', listenPort: await freePort() } }) });
    browser = await launchChromium();
    const signedIn = await host.call<{ session: string }>('staffSignIn', { username: 'li', password: PASSWORD });
    expect(signedIn.ok).toBe(true);
    const session = signedIn.result!.session;
    const submit = async (formId: string, answers: Record<string, unknown>): Promise<string> => {
      const result = await host.call<{ receiptNo: string }>('walkinSubmit', { formId, answers }, session);
      if (!result.ok) throw new Error(`walkinSubmit ${formId}: ${JSON.stringify(result.error)}`);
      return result.result!.receiptNo;
    };
    receipts.legalAid = await submit('legal-aid', legalAidAnswers());
    receipts.mediation = await submit('mediation', mediationAnswers());
    receipts.mediation2 = await submit('mediation', mediationAnswers({ applicantName: '赵六' }));
    // Kiosk evaluations arrive through the hub; a few rows written straight into the desk's
    // database stand in for them so the dashboard has satisfaction figures to draw.
    const db = new Database(join(host.dataDir, 'sifa.db'));
    try {
      const insert = db.prepare("INSERT INTO hub_evaluations (id, kiosk_id, service, score, tags, created_at, received_at) VALUES (?, 'kiosk-e2e', 'mediation', ?, '[]', ?, ?)");
      const at = new Date().toISOString();
      [5, 5, 4, 3, 5].forEach((score, i) => insert.run(`eval-${i}`, score, at, at));
    } finally {
      db.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('says so after a wrong password, and locks the account after 5 (with the minutes)', async () => {
    const page = await openApp(browser, host, VIEWPORT);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn(page, 'chen', `wrong-${attempt}`);
      await expect.poll(() => page.getByTestId('signin-error').innerText()).toContain('用户名或密码错误');
    }
    await signIn(page, 'chen', 'wrong-5');
    await expect.poll(() => page.getByTestId('signin-error').innerText()).toContain('账户已锁定，请 5 分钟后再试');
    await signIn(page, 'chen', PASSWORD);
    await expect.poll(() => page.getByTestId('signin-error').innerText()).toContain('5 分钟');
    expect(await page.getByTestId('desk-frame').count()).toBe(0);
    await screenshot(page, 'desk-signin-locked');
    await page.context().close();
  });

  it('inbox -> item -> reveal -> accept -> resolve, then the audit trail shows it and verifies', async () => {
    const page = await openApp(browser, host, VIEWPORT);
    await signIn(page, 'wang');
    await page.getByTestId('desk-frame').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('desk-user').innerText()).toContain('王所长');
    // A director sees every page but account management.
    for (const nav of ['inbox', 'walkin', 'dashboard', 'kiosks', 'audit']) expect(await page.getByTestId(`nav-${nav}`).count()).toBe(1);
    expect(await page.getByTestId('nav-staff').count()).toBe(0);

    const table = page.getByTestId('inbox-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
    const text = await table.innerText();
    for (const receipt of Object.values(receipts)) expect(text).toContain(receipt);
    expect(text).toContain('李**');
    expect(text).not.toContain('李秀兰');
    await screenshot(page, 'desk-inbox');

    // Keyboard: focus the table, walk down to the first mediation, open it with Enter.
    const receiptsInOrder = await table.locator('tbody tr td:first-child').allInnerTexts();
    const target = receiptsInOrder.findIndex((r) => r.trim() === receipts.mediation);
    expect(target).toBeGreaterThanOrEqual(0);
    await table.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
    expect(await table.locator('tbody tr[aria-selected="true"] td:first-child').innerText()).toBe(receipts.mediation);
    await page.keyboard.press('Enter');

    const item = page.getByTestId('inbox-item');
    await item.waitFor();
    await expect.poll(() => item.innerText()).toContain(receipts.mediation);
    const answers = page.getByTestId('answers');
    await expect.poll(() => answers.innerText()).toContain('李**');
    expect(await answers.innerText()).not.toContain('李秀兰');
    await page.getByTestId('reveal').click();
    await expect.poll(() => answers.innerText()).toContain('李秀兰');
    expect(await item.innerText()).toContain('已记入审计日志');
    await screenshot(page, 'desk-item');

    await page.getByTestId('act-accept').click();
    await page.getByTestId('action-dialog').waitFor();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('已受理');
    await page.getByTestId('act-resolve').click();
    await page.getByTestId('action-dialog').waitFor();
    await page.getByRole('radio', { name: '达成调解协议' }).check();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('已办结');
    expect(await page.getByTestId('act-resolve').count()).toBe(0);
    // Revealed data stays on screen while the item is open and is gone after leaving it.
    expect(await answers.innerText()).toContain('李秀兰');
    await screenshot(page, 'desk-item-resolved');

    await page.keyboard.press('Escape');
    await expect.poll(() => table.innerText()).toContain('已办结');
    await table.locator('tbody tr', { hasText: receipts.mediation }).dblclick();
    await item.waitFor();
    await expect.poll(() => answers.innerText()).toContain('李**');
    expect(await answers.innerText()).not.toContain('李秀兰');
    await page.keyboard.press('Escape');

    // The audit trail names the reveal and both status changes, and the chain verifies.
    await page.getByTestId('nav-audit').click();
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    expect(await audit.locator('tr[data-action="personal.reveal"]').count()).toBe(1);
    expect(await audit.locator('tr[data-action="submission.status"]').count()).toBe(2);
    const auditText = await audit.innerText();
    expect(auditText).toContain('查看个人信息');
    expect(auditText).toContain('办理状态变更');
    expect(auditText).toContain('wang（王所长）');
    expect(auditText).not.toContain('李秀兰');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').innerText()).toMatch(/完整性校验通过：\d+ 条记录均未被改动/);
    await screenshot(page, 'desk-audit');

    // Dashboard: three walk-ins this week, one resolved mediation with an agreement.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-page').waitFor();
    await expect.poll(() => page.getByTestId('kpi-total').innerText(), { timeout: 15_000 }).toContain('3');
    expect(await page.getByTestId('kpi-mediation').innerText()).toContain('100%');
    await expect.poll(() => page.getByTestId('kpi-satisfaction').innerText()).toContain('4.40');
    await expect.poll(() => page.locator('.desk-chart canvas').count()).toBe(3);
    // chart.js draws on its next frame once loaded.
    await page.waitForFunction(() => [...document.querySelectorAll('.desk-chart canvas')].every((c) => (c as HTMLCanvasElement).width > 0));
    await page.waitForTimeout(300);
    await screenshot(page, 'desk-dashboard');

    // Lock screen: covers everything, unlocks with the password.
    await page.keyboard.press('Control+l');
    await page.getByTestId('desk-lock').waitFor();
    // Nothing of the desk shows through the lock screen.
    expect(await page.getByTestId('desk-lock').innerText()).not.toContain('调解成功率');
    await screenshot(page, 'desk-lock');
    await page.getByTestId('desk-lock').locator('input[name="password"]').fill('not-it-at-all');
    await page.getByTestId('desk-lock').locator('input[name="password"]').press('Enter');
    await expect.poll(() => page.getByTestId('desk-lock').innerText()).toContain('用户名或密码错误');
    await page.getByTestId('desk-lock').locator('input[name="password"]').fill(PASSWORD);
    await page.getByTestId('desk-lock').locator('input[name="password"]').press('Enter');
    await expect.poll(() => page.getByTestId('desk-lock').count()).toBe(0);
    await page.getByTestId('dashboard-page').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByTestId('desk-signin').waitFor();
    await page.context().close();
  });

  it('an administrator sees the system pages but no inbox, and manages accounts', async () => {
    const page = await openApp(browser, host, VIEWPORT);
    await signIn(page, 'zhao');
    await page.getByTestId('desk-frame').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('nav-inbox').count()).toBe(0);
    expect(await page.getByTestId('nav-walkin').count()).toBe(0);
    for (const nav of ['dashboard', 'kiosks', 'audit', 'staff']) expect(await page.getByTestId(`nav-${nav}`).count()).toBe(1);
    await page.getByTestId('nav-staff').click();
    const staff = page.getByTestId('staff-page');
    await expect.poll(() => staff.innerText()).toContain('陈助理');
    // chen was locked by the first test.
    await expect.poll(() => staff.locator('tr', { hasText: '陈助理' }).innerText()).toContain('已锁定');
    await page.getByTestId('nav-kiosks').click();
    await page.getByRole('button', { name: '生成配对码' }).click();
    await expect.poll(() => page.getByTestId('pairing-code').innerText()).toMatch(/\d/);
    await screenshot(page, 'desk-kiosks');
    await page.context().close();
  });
});

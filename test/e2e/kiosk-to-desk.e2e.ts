import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoSite, freePort, launchChromium, openApp, screenshot, startHost, type RunningHost } from './harness';
import { completeLegalAid, completeMediation } from './kiosk-flows';
import { DEMO_PASSWORD, signIn } from './desk-flows';

interface InboxRow {
  id: string;
  receiptNo: string;
  formId: string;
  source: string;
  status: string;
  applicantMasked: string;
}

/**
 * Two browser hosts with their own data dirs, as in an office: the lobby kiosk and the front desk
 * (the LAN hub). A resident applies at the kiosk; the desk receives it exactly once, staff work
 * it in the desk UI, and the resident sees the outcome in the kiosk's progress lookup.
 */
describe('kiosk -> desk hub -> kiosk progress lookup (two hosts, Chromium)', () => {
  let desk: RunningHost;
  let kiosk: RunningHost;
  let browser: Browser;
  let session = '';
  let maintenanceToken = '';

  beforeAll(async () => {
    const hubPort = await freePort();
    desk = await startHost({ site: demoSite({ role: 'desk', devices: { idcard: { port: 'off' } }, hub: { listenHost: '127.0.0.1', listenPort: hubPort } }) });
    kiosk = await startHost({ site: demoSite({ devices: { idcard: { port: 'off' } }, hub: { url: `http://127.0.0.1:${hubPort}`, listenHost: '127.0.0.1', listenPort: 0 } }) });
    browser = await launchChromium();

    // Pairing, as staff do it once per kiosk: a one-time code from the desk, entered on the kiosk.
    const signedIn = await desk.call<{ session: string }>('staffSignIn', { username: 'wang', password: DEMO_PASSWORD });
    session = signedIn.result!.session;
    const code = await desk.call<{ code: string }>('pairingCodeCreate', {}, session);
    const unlocked = await kiosk.call<{ token: string }>('kioskMaintenanceUnlock', { pin: '246810' });
    maintenanceToken = unlocked.result!.token;
    expect(await kiosk.call('kioskPair', { token: maintenanceToken, code: code.result!.code })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await desk?.stop();
  });

  it('a legal-aid application and a mediation request reach the desk once each, and the outcome comes back', async () => {
    const page = await openApp(browser, kiosk);
    await page.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    const legalAid = await completeLegalAid(page, '张三');
    const mediation = await completeMediation(page, '李四');

    await kiosk.call('kioskSyncNow', { token: maintenanceToken });
    const listed = async () => (await desk.call<{ rows: InboxRow[]; total: number }>('inboxList', { limit: 50, offset: 0 }, session)).result!;
    await expect.poll(async () => (await listed()).total, { timeout: 20_000 }).toBe(2);
    const { rows } = await listed();
    const byReceipt = new Map(rows.map((r) => [r.receiptNo, r]));
    expect(byReceipt.get(legalAid)).toMatchObject({ formId: 'legal-aid', source: 'kiosk', status: 'received', applicantMasked: '张*' });
    expect(byReceipt.get(mediation)).toMatchObject({ formId: 'mediation', source: 'kiosk', status: 'received', applicantMasked: '李*' });

    const item = await desk.call<{ answers: Record<string, unknown> }>('inboxGet', { id: byReceipt.get(legalAid)!.id }, session);
    expect(item.result!.answers).toMatchObject({ matterType: 'labour', specialSituation: 'abuseVictim' });
    expect(JSON.stringify(item.result!.answers)).not.toContain('11010519491231002X');

    // A second sync sends nothing new: exactly once.
    await kiosk.call('kioskSyncNow', { token: maintenanceToken });
    expect((await listed()).total).toBe(2);

    // Staff accept and resolve the mediation in the desk UI.
    const deskPage = await openApp(browser, desk, { width: 1600, height: 1000 });
    await signIn(deskPage, 'wang');
    const table = deskPage.getByTestId('inbox-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    await table.locator('tbody tr', { hasText: mediation }).dblclick();
    await deskPage.getByTestId('inbox-item').waitFor();
    await deskPage.getByTestId('act-accept').click();
    await deskPage.getByTestId('action-confirm').click();
    await expect.poll(() => deskPage.getByTestId('history').innerText()).toContain('已受理');
    await deskPage.getByTestId('act-resolve').click();
    await deskPage.getByRole('radio', { name: '达成调解协议' }).check();
    await deskPage.getByTestId('action-confirm').click();
    await expect.poll(() => deskPage.getByTestId('history').innerText()).toContain('已办结');
    await screenshot(deskPage, 'kiosk-to-desk-desk-item');

    // The resident looks it up at the kiosk.
    await kiosk.call('kioskSyncNow', { token: maintenanceToken });
    await page.getByTestId('tile-progress').click();
    const lookUp = async (receipt: string) => {
      await page.getByLabel('回执号', { exact: true }).fill(receipt);
      await page.getByTestId('progress-lookup').click();
      return page.getByTestId('progress-results').innerText();
    };
    await expect.poll(() => lookUp(mediation), { timeout: 20_000 }).toContain('已办结');
    expect(await page.getByTestId('progress-results').innerText()).toContain('调解成功');
    await screenshot(page, 'kiosk-to-desk-progress');
    // The screen shows the last answer until the new one arrives: poll, as for the first lookup.
    await expect.poll(() => lookUp(legalAid), { timeout: 20_000 }).toContain('已接收');
  });
});

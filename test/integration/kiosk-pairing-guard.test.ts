import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { hashPin } from '../../electron/core/intake/kiosk-maintenance';
import { siteFor } from './fixtures/intake-data';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const ctx = { role: 'kiosk' as const, clientId: 't' };

describe('kiosk maintenance: the PIN and the hub come from the site config', () => {
  it('uses the site PIN, not the demo PIN, and refuses to pair with a hub other than the configured one', async () => {
    const site = { ...siteFor('kiosk', { url: 'http://127.0.0.1:9' }), demo: false, maintenancePinHash: hashPin('135790') };
    core = await createCore({ site, dataDir: mkdtempSync(join(tmpdir(), 'sifa-pin-')), host: 'browser', log: silentLogger() });
    expect(await core.dispatch(ctx, 'kioskMaintenanceUnlock', { pin: '246810' })).toMatchObject({ ok: false });
    const unlocked = await core.dispatch(ctx, 'kioskMaintenanceUnlock', { pin: '135790' });
    expect(unlocked.ok).toBe(true);
    const token = (unlocked as { result: { token: string } }).result.token;
    const elsewhere = await core.dispatch(ctx, 'kioskPair', { token, code: 'ABC123', hubUrl: 'http://192.0.2.10:8787' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'hubUrl', key: 'validation.hubFixed' }] } });
  });
});

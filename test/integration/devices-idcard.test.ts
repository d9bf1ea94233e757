import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createCore, type Core } from '../../electron/core/app-core';
import { createLogger, type LoggerHandle } from '../../electron/core/log/logger';
import { loadSiteFile, DEMO_SITE_FILE } from '../../kiosk-config/load-site';
import type { CoreEvent } from '../../electron/core/api/events';
import { FIXTURES } from '../../native-bridges/idcard/fixtures';
import { createIdCardReader } from '../../native-bridges/idcard';

let running: Array<{ core: Core; logger: LoggerHandle }> = [];
afterEach(async () => {
  for (const r of running) {
    await r.core.close();
    await r.logger.close();
  }
  running = [];
});

async function kioskWithSimulatedReader() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sifa-dev-'));
  const base = loadSiteFile(DEMO_SITE_FILE);
  const site = { ...base, devices: { idcard: { ...base.devices.idcard, port: 'simulated', pollIntervalMs: 100 } } };
  const logger = createLogger(dataDir);
  const core = await createCore({ site, dataDir, host: 'browser', log: logger.log });
  running.push({ core, logger });
  const events: CoreEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  return { core, events, dataDir, logger };
}

const ctx = { role: 'kiosk' as const, clientId: 'test-window' };

function socatChildren(): string {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), 'socat'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

describe('devices domain: the ID card reader through the core API, over a real PTY', () => {
  it('opens the reader soon after start-up, with no screen watching, so the status line is true from the start', async () => {
    const { core, events } = await kioskWithSimulatedReader();
    expect(await core.dispatch(ctx, 'idcardState', {})).toMatchObject({ ok: true, result: { state: 'disconnected', watching: false } });
    await expect.poll(async () => (await core.dispatch(ctx, 'idcardState', {})) as unknown, { timeout: 10_000 }).toMatchObject({ ok: true, result: { state: 'connected', watching: false } });
    // Connected, but not polling for cards while nobody needs one.
    expect(events.filter((e) => e.name === 'device.status').map((e) => (e as CoreEvent<'device.status'>).payload.state)).not.toContain('searching');
  });

  it('reads a demo card placed on the simulated reader and reports its removal, without logging who it was', async () => {
    const { core, events, dataDir, logger } = await kioskWithSimulatedReader();
    const watch = await core.dispatch(ctx, 'idcardWatch', { active: true });
    expect(watch).toMatchObject({ ok: true, result: { simulated: true, watching: true } });
    expect(await core.dispatch(ctx, 'idcardPlaceDemoCard', { fixture: 'resident' })).toMatchObject({ ok: true });
    await expect.poll(() => events.find((e) => e.name === 'idcard.card'), { timeout: 10_000 }).toBeDefined();
    const card = events.find((e) => e.name === 'idcard.card') as CoreEvent<'idcard.card'>;
    const fixture = FIXTURES.resident;
    expect(card.payload.identity.idNumberValid).toBe(true);
    expect(card.payload.identity.cardType).toBe('resident');
    expect(card.payload.identity.name.length).toBeGreaterThan(0);
    expect(events.some((e) => e.name === 'device.status')).toBe(true);

    expect(await core.dispatch(ctx, 'idcardRemoveDemoCard', {})).toMatchObject({ ok: true });
    await expect.poll(() => events.some((e) => e.name === 'idcard.removed'), { timeout: 10_000 }).toBe(true);

    logger.log.flush();
    await new Promise((r) => setTimeout(r, 100));
    const logs = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('');
    expect(logs).toContain('idcard.read');
    expect(logs).not.toContain(card.payload.identity.idNumber);
    expect(logs).not.toContain(card.payload.identity.name);
    expect(JSON.stringify(fixture)).toContain(card.payload.identity.idNumber);
  });

  it('stops polling when nobody watches and leaves no simulator process behind on close', async () => {
    const { core } = await kioskWithSimulatedReader();
    await core.dispatch(ctx, 'idcardWatch', { active: true });
    expect(socatChildren()).not.toBe('');
    expect(await core.dispatch(ctx, 'idcardWatch', { active: false })).toMatchObject({ ok: true, result: { watching: false } });
    await running.pop()!.core.close();
    await expect.poll(() => socatChildren(), { timeout: 5000 }).toBe('');
  });

  it('starts one simulator however many callers open the reader at once, and stops it on close', async () => {
    const reader = createIdCardReader({ device: 'simulated', pollIntervalMs: 100 });
    await Promise.all([reader.open(), reader.start(), reader.open()]);
    expect(socatChildren().trim().split('\n')).toHaveLength(1);
    await reader.close();
    await expect.poll(() => socatChildren(), { timeout: 5000 }).toBe('');
  });

  it('refuses demo cards when the reader is not simulated, and reports off when switched off', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-dev-'));
    const base = loadSiteFile(DEMO_SITE_FILE);
    const logger = createLogger(dataDir);
    const core = await createCore({ site: { ...base, devices: { idcard: { ...base.devices.idcard, port: 'off' } } }, dataDir, host: 'browser', log: logger.log });
    running.push({ core, logger });
    expect(await core.dispatch(ctx, 'idcardPlaceDemoCard', {})).toMatchObject({ ok: false, error: { code: 'device_unavailable' } });
    expect(await core.dispatch(ctx, 'idcardWatch', { active: true })).toMatchObject({ ok: true, result: { state: 'off' } });
  });
});

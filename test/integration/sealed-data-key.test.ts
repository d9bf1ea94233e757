import { describe, expect, it } from 'vitest';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrappedKeyProvider, type KeyWrapper } from '../../electron/core/crypto/wrapped-key-provider';
import { FileKeyProvider } from '../../electron/core/crypto/key-provider';
import { safeStorageWrapper } from '../../electron/main-wiring';
import { createCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { APPLICANT_ID, legalAidAnswers, siteFor } from './fixtures/intake-data';

/** Stands in for the OS keystore: AES-256-GCM under a key that never touches the data folder. */
function osKeystore(): KeyWrapper & { calls: number } {
  const osKey = randomBytes(32);
  const store = {
    calls: 0,
    available: () => true,
    wrap(plain: Buffer) {
      store.calls += 1;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    unwrap(sealed: Buffer) {
      const d = createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
    },
  };
  return store;
}

describe('data key sealed by the OS (Electron host)', () => {
  it('keeps only a sealed key in the data folder, and the same key across restarts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-key-'));
    const os = osKeystore();
    const key = new WrappedKeyProvider(dataDir, os).dataKey();
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['data.key.sealed']);
    expect(readFileSync(join(dataDir, 'keys', 'data.key.sealed')).includes(key)).toBe(false);
    expect(new WrappedKeyProvider(dataDir, os).dataKey().equals(key)).toBe(true);
  });

  it('seals a plain key left by the browser host and removes the plain copy, keeping the data readable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-key-'));
    const site = siteFor('kiosk', { url: 'http://127.0.0.1:9' });
    const first = await createCore({ site, dataDir, host: 'browser', log: silentLogger() });
    const submitted = await first.dispatch({ role: 'kiosk', clientId: 't' }, 'intakeSubmit', { formId: 'legal-aid', answers: legalAidAnswers() });
    expect(submitted.ok).toBe(true);
    await first.close();
    const plainKey = new FileKeyProvider(dataDir).dataKey();

    const os = osKeystore();
    const second = await createCore({ site, dataDir, host: 'electron', log: silentLogger(), keys: new WrappedKeyProvider(dataDir, os) });
    const byId = await second.dispatch({ role: 'kiosk', clientId: 't' }, 'progressLookupByIdNumber', { idNumber: APPLICANT_ID });
    await second.close();
    expect(byId).toMatchObject({ ok: true, result: [{ formId: 'legal-aid' }] });
    expect(existsSync(join(dataDir, 'keys', 'data.key'))).toBe(false);
    expect(new WrappedKeyProvider(dataDir, os).dataKey().equals(plainKey)).toBe(true);
  });

  it('falls back to the 0600 key file where the OS cannot seal, and says so', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-key-'));
    const reasons: string[] = [];
    new WrappedKeyProvider(dataDir, { ...osKeystore(), available: () => false }, (r) => reasons.push(r)).dataKey();
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['data.key']);
    expect(reasons).toHaveLength(1);
  });

  it('adapts Electron safeStorage (strings) to bytes', () => {
    const sealedStrings = new Map<string, string>();
    const wrapper = safeStorageWrapper({
      isEncryptionAvailable: () => true,
      encryptString: (text) => {
        const handle = Buffer.from(`sealed-${sealedStrings.size}`);
        sealedStrings.set(handle.toString(), text);
        return handle;
      },
      decryptString: (sealed) => sealedStrings.get(sealed.toString()) ?? '',
    });
    const bytes = randomBytes(32);
    expect(wrapper.unwrap(wrapper.wrap(bytes)).equals(bytes)).toBe(true);
  });
});

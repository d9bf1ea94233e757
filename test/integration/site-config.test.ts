import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSiteFile, SiteConfigError, DEMO_SITE_FILE } from '../../kiosk-config/load-site';

const REPO = resolve(import.meta.dirname, '../..');
const demo = JSON.parse(readFileSync(DEMO_SITE_FILE, 'utf8')) as Record<string, unknown>;

function writeSite(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sifa-site-')), 'site.json');
  writeFileSync(file, content);
  return file;
}

function startHost(siteFile: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron/browser-host/main.ts'), '--site', siteFile, '--data-dir', mkdtempSync(join(tmpdir(), 'sifa-data-'))], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
}

describe('site config validation at start-up', () => {
  it('the demo office config is valid and is the default', () => {
    const site = loadSiteFile(DEMO_SITE_FILE);
    expect(site.role).toBe('kiosk');
    expect(site.defaultLanguage).toBe('zh-CN');
  });

  it('"idleTimeoutSeconds": "abc" stops start-up naming the file and the field, in zh-CN and en, without a stack trace', () => {
    const file = writeSite(JSON.stringify({ ...demo, idleTimeoutSeconds: 'abc' }));
    const run = startHost(file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('idleTimeoutSeconds');
    expect(run.stderr).toContain('"abc"');
    expect(run.stderr).toContain('站点配置有误');
    expect(run.stderr).toContain('Site configuration is invalid');
    expect(run.stderr).toContain('expected number');
    expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('names nested fields, unknown fields and missing fields', () => {
    const bad = structuredClone(demo) as { devices: { idcard: { baudRate: unknown } }; office: Record<string, unknown>; colour?: string };
    bad.devices.idcard.baudRate = -5;
    delete bad.office.phone;
    bad.colour = 'red';
    const file = writeSite(JSON.stringify(bad));
    try {
      loadSiteFile(file);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(SiteConfigError);
      const fields = (error as SiteConfigError).problems.map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['devices.idcard.baudRate', 'office.phone', 'colour']));
      const phone = (error as SiteConfigError).problems.find((p) => p.field === 'office.phone');
      expect(phone?.found).toBe('nothing (missing)');
    }
  });

  it('a kiosk that is not a demo must have its own maintenance PIN hash', () => {
    const file = writeSite(JSON.stringify({ ...demo, demo: false }));
    try {
      loadSiteFile(file);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect((error as SiteConfigError).problems.map((p) => p.field)).toEqual(['maintenancePinHash']);
    }
    const withPin = writeSite(JSON.stringify({ ...demo, demo: false, maintenancePinHash: 'scrypt$16384$8$1$I-WdtFbgMFfpouN_PpK0EQ$E6c5V9TZ6cseNntc-MMw6HFgz5NVAHBWxnSACnZMWqM' }));
    expect(loadSiteFile(withPin).maintenancePinHash).toMatch(/^scrypt\$/);
  });

  it('a file that is not JSON is named with the parser message', () => {
    const file = writeSite('{ "role": "kiosk", ');
    const run = startHost(file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('valid JSON');
  });

  it('a missing file is reported, not crashed on', () => {
    const run = startHost('/nonexistent/dir/site.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/nonexistent/dir/site.json');
    expect(run.stderr).toContain('ENOENT');
  });

  it('an unknown role on the command line is refused before anything starts', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron/browser-host/main.ts'), '--role', 'lobby'], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--role');
    expect(run.stderr).toContain('lobby');
  });
});

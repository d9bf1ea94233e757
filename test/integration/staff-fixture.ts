import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../e2e/harness';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { siteSchema, type SiteConfig } from '../../kiosk-config/site-schema';
import { createCore, type Core } from '../../electron/core/app-core';
import { createLogger, silentLogger, type LoggerHandle } from '../../electron/core/log/logger';
import type { Envelope } from '../../electron/core/api/dispatch';

/** A real desk core on a temp data dir, for the staff / audit / permission tests. */
export const REPO = resolve(import.meta.dirname, '../..');
export const DEMO_PASSWORD = 'Demo-2026!';
export const DEMO_USERS = { director: 'wang', staff: 'li', assistant: 'chen', admin: 'zhao' } as const;

export async function deskSite(overrides: Record<string, unknown> = {}): Promise<SiteConfig> {
  const raw = JSON.parse(readFileSync(join(REPO, 'kiosk-config/sites/demo-office.json'), 'utf8')) as Record<string, unknown>;
  return siteSchema.parse({
    ...raw,
    role: 'desk',
    devices: { idcard: { port: 'off' } },
    hub: { listenHost: '127.0.0.1', listenPort: await freePort() },
    ...overrides,
  });
}

export interface DeskCore {
  core: Core;
  dataDir: string;
  /** What the core printed to stderr while starting (the first-run admin password). */
  startOutput: string;
  clock: { now: Date };
  call<T = unknown>(method: string, input?: unknown, session?: string): Promise<Envelope<T>>;
  signIn(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startDeskCore(options: { site?: Record<string, unknown>; dataDir?: string; now?: Date; logFile?: boolean } = {}): Promise<DeskCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sifa-staff-'));
  const clock = { now: options.now ?? new Date() };
  const site = await deskSite(options.site);
  let startOutput = '';
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    startOutput += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  const logger: LoggerHandle | undefined = options.logFile ? createLogger(dataDir) : undefined;
  let core: Core;
  try {
    core = await createCore({ site, dataDir, host: 'browser', log: logger?.log ?? silentLogger(), now: () => clock.now });
  } finally {
    process.stderr.write = write;
  }
  const call = async <T,>(method: string, input: unknown = {}, session?: string): Promise<Envelope<T>> =>
    (await core.dispatch({ role: 'desk', clientId: 'test', sessionToken: session }, method, input)) as Envelope<T>;
  return {
    core,
    dataDir,
    startOutput,
    clock,
    call,
    async signIn(username, password = DEMO_PASSWORD) {
      const result = await call<{ session: string }>('staffSignIn', { username, password });
      if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.error.code}`);
      return result.result.session;
    },
    async close() {
      await core.close();
      await logger?.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

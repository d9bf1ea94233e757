import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { disableFeaturesSwitch, UNUSED_BROWSER_FEATURES } from '../../scripts/chromium-flags';

/** Real processes and a real Chromium: what the e2e suite stands on. */
export const REPO = resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = join(REPO, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The features playwright-core (1.65) disables itself. Chromium keeps only the last
 * --disable-features switch, so ours must repeat them; chromium-flags.e2e.ts fails when this list
 * no longer covers what the installed Playwright passes.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Flags that let Chromium run as root on a closed network (see the machine notes), without the
 * browser-UI features `npm start` also turns off (scripts/chromium-flags.ts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  disableFeaturesSwitch(PLAYWRIGHT_DISABLED_FEATURES, UNUSED_BROWSER_FEATURES),
];

export interface RunningHost {
  role: string;
  url: string;
  launchUrl: string;
  token: string;
  dataDir: string;
  siteFile: string;
  process: ChildProcess;
  /** Calls an API method with the bearer token, as a script would. */
  call<T = unknown>(method: string, input?: unknown, session?: string): Promise<{ ok: boolean; result?: T; error?: { code: string; issues?: unknown[] } }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function demoSite(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const site = JSON.parse(readFileSync(join(REPO, 'kiosk-config/sites/demo-office.json'), 'utf8')) as Record<string, unknown>;
  return { ...site, ...overrides };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `sifa-${prefix}-`));
}

/**
 * Starts the browser host as a child process and waits for its ready line: from source through
 * tsx (tests) or, with `bundled`, the production bundle dist/host/browser-host.mjs that
 * `npm start` runs (benchmarks).
 */
export async function startHost(options: { site?: Record<string, unknown>; dataDir?: string; port?: number; env?: NodeJS.ProcessEnv; bundled?: boolean } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? tempDir('data');
  mkdirSync(dataDir, { recursive: true });
  const siteFile = join(dataDir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(options.site ?? demoSite({ devices: { idcard: { port: 'off' } } }), null, 2));
  const entry = options.bundled ? [join(REPO, 'dist/host/browser-host.mjs')] : ['--import', 'tsx', join(REPO, 'electron/browser-host/main.ts')];
  const child = spawn(process.execPath, [...entry, '--site', siteFile, '--data-dir', dataDir, '--port', String(options.port ?? 0)], {
    cwd: REPO,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = await new Promise<{ url: string; launchUrl: string; token: string; role: string }>((resolveReady, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s: ${stderr}`)), 30_000);
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolveReady(JSON.parse(line) as { url: string; launchUrl: string; token: string; role: string });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${String(code)}: ${stderr}`));
    });
  });
  return {
    ...ready,
    dataDir,
    siteFile,
    process: child,
    async call(method, input = {}, session) {
      const response = await fetch(`${ready.url}api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ready.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ input, session }),
      });
      return (await response.json()) as never;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill(signal);
      await exited;
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

/** Opens the app of a running host in a fresh context (its own cookie jar) and waits for it to render. */
export async function openApp(browser: Browser, host: RunningHost, viewport = LANDSCAPE): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  await page.goto(host.launchUrl);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** A port that was free a moment ago, for a hub whose URL a kiosk must know before it starts. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

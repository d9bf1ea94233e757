/**
 * `npm start`: runs the app for the site given (default: the demo office, kiosk role, simulated
 * reader). Electron when its binary is installed; otherwise the browser host in Chromium's app
 * mode; otherwise the URL is printed. Says in one line which host runs and why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { disableFeaturesSwitch, UNUSED_BROWSER_FEATURES } from './chromium-flags';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function newestMtime(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) newest = Math.max(newest, newestMtime(join(path, entry.name)));
  return newest;
}

function newerThan(output: string, sources: string[]): boolean {
  return existsSync(output) && sources.every((dir) => !existsSync(dir) || statSync(output).mtimeMs >= newestMtime(dir));
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Builds the UI and the Node bundles when their sources or dependencies changed, so a fresh clone just works. */
function ensureBuilt(): void {
  // npm rewrites node_modules/.package-lock.json on every install: new dependencies mean a new build.
  const shared = [join(root, 'electron'), join(root, 'kiosk-config'), join(root, 'native-bridges'), join(root, 'node_modules/.package-lock.json')];
  if (!newerThan(join(root, 'dist/renderer/index.html'), [join(root, 'renderer'), ...shared])) {
    console.log('正在构建界面… / Building the UI…');
    run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  }
  if (!newerThan(join(root, 'dist/host/browser-host.mjs'), shared) || !newerThan(join(root, 'dist-electron/main.cjs'), shared)) {
    run(['--import', 'tsx', join(root, 'scripts/build-node.ts')]);
  }
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

ensureBuilt();

const electron = electronBinary();
if (electron) {
  console.log('宿主：Electron（已安装 Electron 程序）/ Host: Electron (the Electron binary is installed)');
  const child = spawn(electron, [join(root, 'dist-electron/main.cjs'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('宿主：浏览器宿主（本机未安装 Electron 程序，无法下载）/ Host: browser host (the Electron binary is not installed here)');
  const host = spawn(process.execPath, [join(root, 'dist/host/browser-host.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: host.stdout });
  lines.once('line', (line) => {
    const ready = JSON.parse(line) as { role: string; launchUrl: string; dataDir: string };
    const chromium = findChromium();
    const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    if (!chromium || !hasDisplay || args.includes('--no-open')) {
      const why = !chromium ? '未找到 Chromium / Chromium not found' : !hasDisplay ? '没有图形显示 / no display' : '--no-open';
      console.log(`请在浏览器中打开（${why}）/ Open in a browser: ${ready.launchUrl}`);
      return;
    }
    const profile = join(ready.dataDir, 'chromium-profile');
    mkdirSync(profile, { recursive: true });
    const flags = [`--app=${ready.launchUrl}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', disableFeaturesSwitch(UNUSED_BROWSER_FEATURES)];
    if (ready.role === 'kiosk') flags.push('--kiosk');
    if (process.getuid?.() === 0) flags.push('--no-sandbox');
    console.log(`在 Chromium 中打开 / Opening in Chromium: ${ready.launchUrl}`);
    const browser = spawn(chromium, flags, { stdio: 'ignore' });
    browser.on('exit', () => host.kill('SIGTERM'));
  });
  host.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => host.kill(signal));
}

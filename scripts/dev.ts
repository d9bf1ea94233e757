/**
 * `npm run dev`: the browser host plus Vite's watch build, so renderer edits show on reload.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const vite = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--watch', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const host = spawn(process.execPath, ['--import', 'tsx', '--watch', join(root, 'electron/browser-host/main.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    vite.kill(signal);
    host.kill(signal);
    process.exit(0);
  });
}

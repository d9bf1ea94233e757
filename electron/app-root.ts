import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds package.json, kiosk-config/ and dist/. Found by walking up from this
 * file so it is right both from source (tsx) and from the bundled dist-electron/main.cjs.
 */
function findAppRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'kiosk-config'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the application folder (package.json + kiosk-config/)');
    dir = parent;
  }
}

export const APP_ROOT = findAppRoot();
export const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');

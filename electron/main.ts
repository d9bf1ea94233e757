import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ElectronLike } from './electron-shape';
import { safeStorageWrapper, wireMain } from './main-wiring';
import { WrappedKeyProvider } from './core/crypto/wrapped-key-provider';
import { launchCore, parseLaunchArgs, LaunchError } from './startup';
import { SiteConfigError } from '../kiosk-config/load-site';
import { RENDERER_DIR } from './app-root';

// Thin on purpose: the wiring (and its tests) live in main-wiring.ts.
const electron = createRequire(import.meta.url)('electron') as ElectronLike;
const options = parseLaunchArgs(process.argv.slice(electron.app.isPackaged ? 1 : 2));

wireMain(electron, {
  launch: () =>
    launchCore(options, 'electron', electron.app.getPath('userData'), (dataDir, log) =>
      new WrappedKeyProvider(dataDir, safeStorageWrapper(electron.safeStorage), (reason) => log.warn({ event: 'keys.unsealed_fallback' }, reason)),
    ),
  rendererIndex: join(RENDERER_DIR, 'index.html'),
  preloadPath: join(import.meta.dirname, 'preload.cjs'),
  describeFailure: (error) =>
    error instanceof SiteConfigError || error instanceof LaunchError
      ? { message: error.message, exitCode: 2 }
      : { message: `启动失败：${(error as Error).message}\nStart-up failed: ${(error as Error).message}`, exitCode: 1 },
});

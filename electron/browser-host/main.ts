import { launchCore, parseLaunchArgs, reportLaunchFailure } from '../startup';
import { startBrowserHost } from './browser-host';
import { RENDERER_DIR } from '../app-root';

/**
 * Entry of the browser host: `node --import tsx electron/browser-host/main.ts [--site F]
 * [--role R] [--data-dir D] [--port N]`. Prints one JSON line with the launch URL on stdout
 * (scripts and tests read it), then serves until SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const options = parseLaunchArgs(process.argv.slice(2));
  const launched = await launchCore(options, 'browser');
  const host = await startBrowserHost({
    core: launched.core,
    rendererDir: RENDERER_DIR,
    port: options.port,
    log: launched.logger.log,
  });
  process.stdout.write(`${JSON.stringify({ ready: true, role: launched.site.role, url: host.url, launchUrl: host.launchUrl, token: host.token, dataDir: launched.dataDir })}\n`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await launched.core.close();
    await launched.logger.close();
    launched.releaseDataDir();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.exit(reportLaunchFailure(error));
});

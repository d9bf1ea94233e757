/**
 * Foundation benchmarks:
 * - cold start: spawn of the browser host process (the production bundle `npm start` runs) ->
 *   kiosk's first screen interactive in headless Chromium; median of 5. Each run gets a copy of a
 *   data dir from an earlier run (a kiosk that has been used before: the law library is already
 *   indexed); the process, its caches and the page are new. Chromium itself is already running.
 *   Nothing else runs in the timed window: the bench only waits for the page.
 * - initial JS for the kiosk route: gzip size of every script the page loaded until its first
 *   screen was interactive, taken in a sixth, untimed run (reading response bodies over the
 *   DevTools protocol and compressing them at level 9 is work of the bench, and on a 2-core machine
 *   it competed with the page it was timing).
 */
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cpSync } from 'node:fs';
import { demoSite, launchChromium, REPO, startHost, tempDir } from '../e2e/harness';
import { report, summarize } from './report';

const FIRST_SCREEN = '[data-testid="kiosk-home"], [data-testid="kiosk-attract"]';

export default async function startupBench(): Promise<void> {
  spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/build-node.ts'), '--host-only'], { cwd: REPO, stdio: 'inherit' });
  const site = demoSite({ devices: { idcard: { port: 'off' } } });
  // One earlier run leaves the data a used kiosk has (schema, keys, the indexed law library).
  const template = tempDir('warm');
  const first = await startHost({ site, dataDir: template, bundled: true });
  await first.call('librarySearch', { q: '法律援助' });
  await first.stop();
  const browser = await launchChromium();
  const times: number[] = [];
  const hostReady: number[] = [];
  let scriptBytes = 0;
  try {
    for (let run = 0; run < 6; run += 1) {
      const measureScripts = run === 5;
      const dataDir = tempDir('cold');
      cpSync(template, dataDir, { recursive: true });
      const started = performance.now();
      const host = await startHost({ site, dataDir, bundled: true });
      if (!measureScripts) hostReady.push(performance.now() - started);
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      if (measureScripts) {
        page.on('response', (response) => {
          if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
        });
      }
      await page.goto(host.launchUrl);
      await page.locator(FIRST_SCREEN).first().waitFor({ state: 'visible', timeout: 30_000 });
      // Interactive: the main thread answers (a task scheduled now runs) after first render.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
      if (measureScripts) scriptBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      else times.push(performance.now() - started);
      await context.close();
      await host.stop();
    }
  } finally {
    await browser.close();
  }
  const { p50 } = summarize(times);
  const ready = summarize(hostReady).p50;
  console.log(`[bench] info  of which: host process ready (listening) ${(ready / 1000).toFixed(3)} s, page load + first render ${((p50 - ready) / 1000).toFixed(3)} s`);
  report({ name: 'cold start: host spawn -> kiosk first screen interactive (median of 5)', value: p50 / 1000, unit: 's', target: '<= 1.5', pass: p50 <= 1500 });
  report({ name: 'initial JS for the kiosk route (gzip)', value: scriptBytes / 1024, unit: 'KB', target: '<= 250', pass: scriptBytes <= 250 * 1024 });
}

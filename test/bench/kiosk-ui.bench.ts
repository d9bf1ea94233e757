import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openApp, REPO, startHost } from '../e2e/harness';
import { report, summarize } from './report';

/**
 * Kiosk responsiveness: from a tap on a home tile to the next screen painted, in headless
 * Chromium against a real browser host. Measured inside the page: performance.now() at the tap,
 * then the first frame after React swapped the screen (requestAnimationFrame + a message so the
 * sample ends after that frame is painted). Needs a built renderer (npx vite build).
 */
const TILES = ['guides', 'library', 'transparency', 'progress', 'evaluation', 'legalAid', 'mediation', 'reconsideration', 'legislativeOpinion'];
const TAPS = 36;

// Runs in the page. Kept as source text: the bench runs under tsx, whose helpers do not exist there.
const TAP_TO_PAINT = `async (testId) => {
  const el = document.querySelector('[data-testid="tile-' + testId + '"]');
  if (!el) throw new Error('no tile ' + testId);
  performance.mark('tap');
  const start = performance.now();
  el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
  el.click();
  await new Promise((resolve) => {
    const check = () => {
      const screen = document.querySelector('main.kiosk-main')?.getAttribute('data-screen');
      if (screen && screen !== 'home') {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
      } else requestAnimationFrame(check);
    };
    check();
  });
  performance.measure('tap-to-paint', 'tap');
  return performance.now() - start;
}`;

export default async function kioskUiBench(): Promise<void> {
  if (!existsSync(join(REPO, 'dist/renderer/index.html'))) {
    console.log('[bench] kiosk-ui skipped: build the renderer first (npx vite build)');
    return;
  }
  const host = await startHost();
  const browser = await launchChromium();
  try {
    const page = await openApp(browser, host);
    await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 20_000 });
    // Warm-up: visit each tile once so lazy chunks are cached, as on a kiosk that has run a while.
    for (const tile of TILES) {
      await page.getByTestId(`tile-${tile}`).click();
      await page.waitForFunction(() => document.querySelector('main.kiosk-main')?.getAttribute('data-screen') !== 'home');
      await page.getByTestId('nav-home').click();
      await page.locator('[data-testid="kiosk-home"]').waitFor();
    }
    const samples: number[] = [];
    for (let i = 0; i < TAPS; i += 1) {
      const tile = TILES[i % TILES.length]!;
      const ms = (await page.evaluate(`(${TAP_TO_PAINT})(${JSON.stringify(tile)})`)) as number;
      samples.push(ms);
      if (process.env.BENCH_VERBOSE) console.log(tile, ms.toFixed(1));
      await page.getByTestId('nav-home').click();
      await page.locator('[data-testid="kiosk-home"]').waitFor();
    }
    const { p50, p95 } = summarize(samples);
    report({ name: 'kiosk tap on home tile -> next screen painted p50', value: p50, unit: 'ms', target: 'info', pass: true });
    report({ name: 'kiosk tap on home tile -> next screen painted p95', value: p95, unit: 'ms', target: '<= 100', pass: p95 <= 100 });
  } finally {
    await browser.close();
    await host.stop();
  }
}

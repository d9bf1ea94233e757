import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';
import { UNUSED_BROWSER_FEATURES } from '../../scripts/chromium-flags';

/** The command line the browser process really got (what Chromium parses, after Playwright's defaults). */
async function browserCommandLine(args: string[]): Promise<string[]> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args, headless: true });
  try {
    const pid = server.process().pid;
    if (pid === undefined) throw new Error('Chromium did not start');
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } finally {
    await server.close();
  }
}

const disabledFeatures = (commandLine: string[]): string[][] =>
  commandLine.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','));

describe('Chromium flags of the test harness', () => {
  it('turn the unused browser UI off without dropping a feature Playwright disables itself', async () => {
    // Chromium keeps only the last --disable-features switch; the harness must repeat Playwright's list.
    const [playwrightOwn] = disabledFeatures(await browserCommandLine(['--no-sandbox']));
    expect(playwrightOwn?.length).toBeGreaterThan(0);
    const switches = disabledFeatures(await browserCommandLine(CHROMIUM_ARGS));
    const effective = switches.at(-1) ?? [];
    expect(effective).toEqual(expect.arrayContaining([...playwrightOwn!, ...UNUSED_BROWSER_FEATURES]));
  });
});

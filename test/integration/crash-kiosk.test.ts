import { describe, expect, it } from 'vitest';
import { killPlan, runCrashHarness } from './fixtures/crash-harness';

describe('kill -9 of a kiosk process', () => {
  it('varies the kill point systematically across phases', () => {
    const markers = new Set(Array.from({ length: 8 }, (_, i) => killPlan(i, () => 0).marker));
    expect(markers).toEqual(new Set(['ready', 'receipt', 'sync-start']));
  });

  it('loses and duplicates nothing over 50 kills and restarts', { timeout: 360_000 }, async () => {
    const report = await runCrashHarness(50);
    console.log(`[crash] ${JSON.stringify(report)}`);
    expect(report.printed).toBeGreaterThan(50);
    expect(report.printedNotDurable).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.atDesk).toBe(report.committedAtKiosk);
    expect(report.integrityKiosk).toBe('ok');
    expect(report.integrityDesk).toBe('ok');
  });
});

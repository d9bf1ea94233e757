import type { Page } from 'playwright-core';

/** The demo office's staff accounts share this password (demo sites only). */
export const DEMO_PASSWORD = 'Demo-2026!';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('desk-signin').waitFor({ timeout: 15_000 });
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
}

/**
 * Retry schedule of the kiosk's sync loop: exponential with "equal jitter" (half fixed, half
 * random), capped, so a roomful of kiosks coming back after a hub outage does not hit it in
 * lockstep, and a kiosk never waits more than the cap once the hub is back.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 60_000 };

/** Delay before retry number `attempt` (1 = first retry); `random` in [0, 1). */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^30 is far past any cap; keeps the arithmetic finite.
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}

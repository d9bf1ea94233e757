/**
 * Idle timing for the privacy reset. A demo site accepts `?idle=<s>&countdown=<s>` in the URL so
 * tests and demonstrations do not wait 90 s; a production site ignores them.
 */
export interface IdleTiming {
  timeoutMs: number;
  countdownSeconds: number;
}

export function idleTiming(info: { idleTimeoutSeconds: number; idleCountdownSeconds: number; demo: boolean }, search: string): IdleTiming {
  const timing = { timeoutMs: info.idleTimeoutSeconds * 1000, countdownSeconds: info.idleCountdownSeconds };
  if (!info.demo) return timing;
  const params = new URLSearchParams(search);
  const idle = Number(params.get('idle'));
  const countdown = Number(params.get('countdown'));
  if (Number.isFinite(idle) && idle >= 1 && idle <= 3600) timing.timeoutMs = idle * 1000;
  if (Number.isFinite(countdown) && countdown >= 1 && countdown <= 120) timing.countdownSeconds = Math.round(countdown);
  return timing;
}

/**
 * Sign-in rules as pure functions of the stored state and the clock: 5 wrong passwords in a row
 * lock the account for 5 minutes; a password is at least 8 characters and not the user name.
 */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 5;
export const MIN_PASSWORD_LENGTH = 8;
/** A staff session lasts one working day; the screen lock covers shorter absences. */
export const SESSION_HOURS = 12;

export type LockState = { locked: false } | { locked: true; minutes: number; until: string };

export function lockState(lockedUntil: string | null, now: Date): LockState {
  if (!lockedUntil) return { locked: false };
  const remainingMs = Date.parse(lockedUntil) - now.getTime();
  if (!(remainingMs > 0)) return { locked: false };
  return { locked: true, minutes: Math.max(1, Math.ceil(remainingMs / 60_000)), until: lockedUntil };
}

/** State after one more wrong password; the counter restarts once the lock is set. */
export function afterFailedAttempt(failedAttempts: number, now: Date): { failedAttempts: number; lockedUntil: string | null } {
  const attempts = failedAttempts + 1;
  if (attempts >= MAX_FAILED_ATTEMPTS) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
  return { failedAttempts: attempts, lockedUntil: null };
}

export type PasswordProblem = 'too_short' | 'same_as_username' | null;

export function passwordProblem(password: string, username: string): PasswordProblem {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'same_as_username';
  return null;
}

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../api/api-error';

/** scrypt hash of the demo PIN 246810 (format: scrypt$N$r$p$salt$hash, base64url). */
export const DEMO_MAINTENANCE_PIN_HASH = 'scrypt$16384$8$1$n5J81pBHKb5yFc_dypvL4A$SGG0X8PZn6oSZa68GNgRpuOldRG2VCehiFt7f7Q58_8';

const TOKEN_TTL_MS = 15 * 60_000;
const FAILURE_LIMIT = 5;
const LOCK_MS = 5 * 60_000;

export function hashPin(pin: string, salt = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPin(pin: string, encoded: string): boolean {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) throw new Error('unknown PIN hash format');
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/**
 * The staff-only maintenance panel of a kiosk (hidden gesture + PIN): short-lived tokens after
 * a correct PIN; five wrong PINs lock the panel for five minutes.
 */
export class KioskMaintenance {
  private readonly tokens = new Map<string, number>();
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly pinHash: string,
    private readonly now: () => Date,
  ) {}

  unlock(pin: string): { token: string; expiresAt: string } {
    const nowMs = this.now().getTime();
    if (nowMs < this.lockedUntil) {
      throw new ApiError('rate_limited', 'maintenance PIN locked after repeated failures', { params: { retryAfterSeconds: Math.ceil((this.lockedUntil - nowMs) / 1000) } });
    }
    if (!verifyPin(pin, this.pinHash)) {
      this.failures += 1;
      if (this.failures >= FAILURE_LIMIT) {
        this.failures = 0;
        this.lockedUntil = nowMs + LOCK_MS;
      }
      throw new ApiError('unauthenticated', 'wrong maintenance PIN', { params: { reason: 'wrong_pin' } });
    }
    this.failures = 0;
    for (const [t, exp] of this.tokens) if (exp <= nowMs) this.tokens.delete(t);
    const token = randomBytes(24).toString('base64url');
    const expires = nowMs + TOKEN_TTL_MS;
    this.tokens.set(token, expires);
    return { token, expiresAt: new Date(expires).toISOString() };
  }

  check(token: string): void {
    const exp = this.tokens.get(token);
    if (exp === undefined || exp <= this.now().getTime()) {
      this.tokens.delete(token);
      throw new ApiError('unauthenticated', 'maintenance token missing or expired', { params: { reason: 'maintenance_token' } });
    }
  }
}

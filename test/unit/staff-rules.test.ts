import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { afterFailedAttempt, lockState, passwordProblem } from '../../electron/core/staff/staff-rules';
import { siteSchema } from '../../kiosk-config/site-schema';
import { DEMO_SITE_FILE } from '../../kiosk-config/load-site';
import { hashPassword, randomPassword, verifyPassword } from '../../electron/core/staff/password-hash';

describe('staff sign-in rules', () => {
  const now = new Date('2026-03-02T08:00:00Z');

  it('locks on the fifth consecutive failure for five minutes', () => {
    let state = { failedAttempts: 0, lockedUntil: null as string | null };
    for (let i = 1; i <= 4; i += 1) {
      state = afterFailedAttempt(state.failedAttempts, now);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
    }
    state = afterFailedAttempt(state.failedAttempts, now);
    expect(state).toEqual({ failedAttempts: 0, lockedUntil: '2026-03-02T08:05:00.000Z' });
    expect(lockState(state.lockedUntil, now)).toMatchObject({ locked: true, minutes: 5 });
    expect(lockState(state.lockedUntil, new Date('2026-03-02T08:04:30Z'))).toMatchObject({ locked: true, minutes: 1 });
    expect(lockState(state.lockedUntil, new Date('2026-03-02T08:05:00Z'))).toEqual({ locked: false });
    expect(lockState(null, now)).toEqual({ locked: false });
  });

  it('wants 8+ characters that are not the user name', () => {
    expect(passwordProblem('1234567', 'li')).toBe('too_short');
    expect(passwordProblem('密码密码密码密码', 'li')).toBeNull();
    expect(passwordProblem('Zhangsan', 'zhangsan')).toBe('same_as_username');
    expect(passwordProblem('Demo-2026!', 'wang')).toBeNull();
  });

  it('takes deskLockAfterSeconds from the site config, 300 by default, 30..3600 allowed', () => {
    const demo = JSON.parse(readFileSync(DEMO_SITE_FILE, 'utf8')) as Record<string, unknown>;
    expect(siteSchema.parse(demo).deskLockAfterSeconds).toBe(300);
    expect(siteSchema.parse({ ...demo, deskLockAfterSeconds: 600 }).deskLockAfterSeconds).toBe(600);
    expect(siteSchema.safeParse({ ...demo, deskLockAfterSeconds: 'soon' }).success).toBe(false);
    expect(siteSchema.safeParse({ ...demo, deskLockAfterSeconds: 5 }).success).toBe(false);
  });
});

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Demo-2026!');
    const b = await hashPassword('Demo-2026!');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Demo-2026!', a)).toBe(true);
    expect(await verifyPassword('Demo-2026?', a)).toBe(false);
    expect(await verifyPassword('Demo-2026!', 'garbage')).toBe(false);
  });

  it('makes readable one-time passwords', () => {
    const password = randomPassword();
    expect(password).toHaveLength(14);
    expect(password).not.toMatch(/[01lIO]/);
  });
});

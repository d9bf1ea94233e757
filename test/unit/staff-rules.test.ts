import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, deskLockAfterSeconds, lockState, passwordProblem } from '../../electron/core/staff/staff-rules';
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

  it('reads deskLockAfterSeconds with a default of 300', () => {
    expect(deskLockAfterSeconds({})).toBe(300);
    expect(deskLockAfterSeconds({ deskLockAfterSeconds: 600 })).toBe(600);
    expect(deskLockAfterSeconds({ deskLockAfterSeconds: 'soon' })).toBe(300);
    expect(deskLockAfterSeconds({ deskLockAfterSeconds: 5 })).toBe(300);
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

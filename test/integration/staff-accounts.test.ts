import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DEMO_PASSWORD, DEMO_USERS, removeDir, startDeskCore, type DeskCore } from './staff-fixture';
import type { StaffIdentity } from '../../electron/core/api/dispatch';

interface AuditRow {
  id: number;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

describe('staff accounts on a real desk core', () => {
  let desk: DeskCore;

  beforeEach(async () => {
    desk = await startDeskCore({ now: new Date('2026-03-02T01:00:00Z') });
  });
  afterEach(async () => {
    await desk.close();
    removeDir(desk.dataDir);
  });

  const auditRows = async (session: string): Promise<AuditRow[]> => {
    const listed = await desk.call<{ rows: AuditRow[] }>('auditList', { limit: 500, offset: 0 }, session);
    if (!listed.ok) throw new Error(listed.error.code);
    return listed.result.rows;
  };

  it('prints the first-run admin password once, bilingually, and forces a change before anything else', async () => {
    const printed = desk.startOutput;
    const match = /一次性密码：(\S+)/.exec(printed);
    expect(match).not.toBeNull();
    expect(printed).toContain('one-time password');
    const password = match![1]!;
    expect(printed.split(password).length - 1).toBe(2); // the Chinese and the English line, nothing else
    const signedIn = await desk.call<{ session: string; user: StaffIdentity; lockAfterSeconds: number }>('staffSignIn', { username: 'admin', password });
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    expect(signedIn.result.user.mustChangePassword).toBe(true);
    expect(signedIn.result.lockAfterSeconds).toBe(300);
    const session = signedIn.result.session;

    const refused = await desk.call('staffList', {}, session);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'permission_denied', params: { reason: 'must_change_password' } });

    const tooShort = await desk.call('staffChangePassword', { current: password, next: 'short' }, session);
    expect(tooShort.ok ? null : tooShort.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'next', key: 'validation.tooShort' }] });
    const sameAsName = await desk.call('staffChangePassword', { current: password, next: 'ADMIN' }, session);
    expect(sameAsName.ok).toBe(false);
    const sameAsName8 = await desk.call('staffChangePassword', { current: password, next: 'admin   ' }, session);
    expect(sameAsName8.ok ? null : sameAsName8.error).toMatchObject({ code: 'invalid_input', issues: [{ key: 'desk.password.sameAsUsername' }] });
    const wrongCurrent = await desk.call('staffChangePassword', { current: 'nope-nope', next: 'Better-Pass-1' }, session);
    expect(wrongCurrent.ok ? null : wrongCurrent.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'current', key: 'desk.password.currentWrong' }] });

    const changed = await desk.call<{ user: StaffIdentity }>('staffChangePassword', { current: password, next: 'Better-Pass-1' }, session);
    expect(changed.ok && changed.result.user.mustChangePassword).toBe(false);
    const list = await desk.call<Array<{ username: string }>>('staffList', {}, session);
    expect(list.ok && list.result.map((u) => u.username).sort()).toEqual(['admin', 'chen', 'li', 'wang', 'zhao']);
    // The one-time password no longer works.
    expect((await desk.call('staffSignIn', { username: 'admin', password })).ok).toBe(false);
    expect((await desk.call('staffSignIn', { username: 'admin', password: 'Better-Pass-1' })).ok).toBe(true);
  });

  it('never writes the one-time password to the log file and prints it only on the first start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sifa-staff-log-'));
    try {
      const first = await startDeskCore({ dataDir, logFile: true });
      const password = /一次性密码：(\S+)/.exec(first.startOutput)?.[1] ?? '';
      expect(password).not.toBe('');
      await first.close();
      const second = await startDeskCore({ dataDir, logFile: true });
      expect(second.startOutput).not.toContain('一次性密码');
      expect((await second.call('staffSignIn', { username: 'admin', password })).ok).toBe(true);
      await second.close();
      const log = readFileSync(join(dataDir, 'logs', 'app.log'), 'utf8');
      expect(log).toContain('staff.admin_created');
      expect(log).not.toContain(password);
    } finally {
      removeDir(dataDir);
    }
  });

  it('stores only scrypt hashes with per-user salts and hashed session tokens', async () => {
    const session = await desk.signIn(DEMO_USERS.staff);
    const db = new Database(join(desk.dataDir, 'sifa.db'), { readonly: true });
    try {
      const hashes = db.prepare('SELECT password_hash AS h FROM staff_users').all() as Array<{ h: string }>;
      expect(hashes.every((r) => r.h.startsWith('scrypt$') && !r.h.includes(DEMO_PASSWORD))).toBe(true);
      const salts = new Set(hashes.map((r) => r.h.split('$')[4]));
      expect(salts.size).toBe(hashes.length);
      const tokens = db.prepare('SELECT token_hash FROM staff_sessions').all() as Array<{ token_hash: string }>;
      expect(tokens).toHaveLength(1);
      expect(tokens[0]!.token_hash).not.toBe(session);
      expect(tokens[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      db.close();
    }
  });

  it('signs in, tells who is signed in, signs out, and expires sessions after 12 hours', async () => {
    const session = await desk.signIn(DEMO_USERS.director);
    const me = await desk.call<{ user: StaffIdentity }>('staffMe', {}, session);
    expect(me.ok && me.result.user).toMatchObject({ username: 'wang', role: 'director', displayName: '王所长', mustChangePassword: false });
    expect((await desk.call('staffSignOut', {}, session)).ok).toBe(true);
    expect((await desk.call('staffMe', {}, session)).ok ? null : 'refused').toBe('refused');

    const second = await desk.signIn(DEMO_USERS.director);
    desk.clock.now = new Date(desk.clock.now.getTime() + 12 * 3_600_000 + 1000);
    const expired = await desk.call('staffMe', {}, second);
    expect(expired.ok ? null : expired.error.code).toBe('unauthenticated');
  });

  it('locks after 5 wrong passwords, refuses the right one while locked, unlocks after 5 minutes, and audits it all', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await desk.call('staffSignIn', { username: 'li', password: `wrong-${attempt}` });
      expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'unauthenticated', params: { reason: 'bad_credentials' } });
    }
    const fifth = await desk.call('staffSignIn', { username: 'li', password: 'wrong-5' });
    expect(fifth.ok ? null : fifth.error).toMatchObject({ code: 'locked', params: { minutes: 5 } });
    const sixth = await desk.call('staffSignIn', { username: 'li', password: DEMO_PASSWORD });
    expect(sixth.ok ? null : sixth.error).toMatchObject({ code: 'locked', params: { minutes: 5 } });

    desk.clock.now = new Date(desk.clock.now.getTime() + 3 * 60_000);
    const stillLocked = await desk.call('staffSignIn', { username: 'li', password: DEMO_PASSWORD });
    expect(stillLocked.ok ? null : stillLocked.error).toMatchObject({ code: 'locked', params: { minutes: 2 } });

    desk.clock.now = new Date(desk.clock.now.getTime() + 2 * 60_000);
    const session = await desk.signIn('li');
    expect(session).toBeTruthy();

    // The counter restarted: one wrong password after the lock does not lock again.
    const oneWrong = await desk.call('staffSignIn', { username: 'li', password: 'wrong-again' });
    expect(oneWrong.ok ? null : oneWrong.error.code).toBe('unauthenticated');

    const director = await desk.signIn(DEMO_USERS.director);
    const me = await desk.call<{ user: StaffIdentity }>('staffMe', {}, session);
    const liId = me.ok ? me.result.user.userId : '';
    const rows = (await auditRows(director)).filter((r) => r.actor === liId).reverse();
    const actions = rows.map((r) => r.action);
    expect(actions.slice(0, 6)).toEqual(['staff.sign_in_failed', 'staff.sign_in_failed', 'staff.sign_in_failed', 'staff.sign_in_failed', 'staff.sign_in_failed', 'staff.locked']);
    expect(actions).toContain('staff.sign_in');
    expect(rows.filter((r) => r.action === 'staff.sign_in_failed' && r.detail?.reason === 'locked')).toHaveLength(2);
    // No password ever lands in the trail.
    expect(JSON.stringify(await auditRows(director))).not.toContain('wrong-');
  });

  it('answers unknown users like wrong passwords without recording what was typed', async () => {
    const result = await desk.call('staffSignIn', { username: 'nobody', password: 'Secret-typed-here' });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'unauthenticated', params: { reason: 'bad_credentials' } });
    const director = await desk.signIn(DEMO_USERS.director);
    const rows = await auditRows(director);
    const failed = rows.find((r) => r.action === 'staff.sign_in_failed');
    expect(failed).toMatchObject({ actor: 'unknown', detail: { reason: 'unknown_user' } });
    expect(JSON.stringify(rows)).not.toMatch(/nobody|Secret-typed-here/);
  });

  it('the lock screen re-checks the password and counts wrong ones towards the account lock', async () => {
    const session = await desk.signIn(DEMO_USERS.staff);
    expect((await desk.call('staffUnlock', { password: DEMO_PASSWORD }, session)).ok).toBe(true);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await desk.call('staffUnlock', { password: 'bad-bad-bad' }, session);
      expect(wrong.ok ? null : wrong.error.code).toBe('unauthenticated');
    }
    const locked = await desk.call('staffUnlock', { password: 'bad-bad-bad' }, session);
    expect(locked.ok ? null : locked.error.code).toBe('locked');
    // The session ended with the lock.
    expect((await desk.call('staffMe', {}, session)).ok).toBe(false);
  });

  it('a wrong current password at password change counts towards the lock, as at sign-in', async () => {
    const session = await desk.signIn(DEMO_USERS.staff);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await desk.call('staffChangePassword', { current: 'guess-guess', next: 'Another-2026!' }, session);
      expect(wrong.ok ? null : wrong.error.issues?.[0]?.key).toBe('desk.password.currentWrong');
    }
    const locked = await desk.call('staffChangePassword', { current: 'guess-guess', next: 'Another-2026!' }, session);
    expect(locked.ok ? null : locked.error.code).toBe('locked');
    expect((await desk.call('staffMe', {}, session)).ok).toBe(false);
    expect((await desk.call('staffSignIn', { username: DEMO_USERS.staff, password: DEMO_PASSWORD })).ok).toBe(false);
  });

  it('lets an admin create, re-role, disable and reset accounts, and refuses to disable or demote itself', async () => {
    const admin = await desk.signIn(DEMO_USERS.admin);
    const created = await desk.call<{ userId: string; mustChangePassword: boolean; role: string }>(
      'staffCreate',
      { username: 'zhou', displayName: '周调解员', role: 'assistant', password: 'First-Pass-1' },
      admin,
    );
    expect(created.ok && created.result).toMatchObject({ role: 'assistant', mustChangePassword: true });
    if (!created.ok) return;
    const userId = created.result.userId;
    const duplicate = await desk.call('staffCreate', { username: 'ZHOU', displayName: 'x', role: 'staff', password: 'First-Pass-1' }, admin);
    expect(duplicate.ok ? null : duplicate.error.code).toBe('conflict');
    const weak = await desk.call('staffCreate', { username: 'wu', displayName: '吴', role: 'staff', password: 'short' }, admin);
    expect(weak.ok ? null : weak.error.code).toBe('invalid_input');

    const zhou = await desk.signIn('zhou', 'First-Pass-1');
    expect((await desk.call('staffChangePassword', { current: 'First-Pass-1', next: 'Zhou-Own-Pass' }, zhou)).ok).toBe(true);

    const promoted = await desk.call<{ role: string }>('staffUpdate', { userId, role: 'staff' }, admin);
    expect(promoted.ok && promoted.result.role).toBe('staff');
    // Role changes end the colleague's open sessions so the new rights apply at once.
    expect((await desk.call('staffMe', {}, zhou)).ok).toBe(false);

    const zhou2 = await desk.signIn('zhou', 'Zhou-Own-Pass');
    const disabled = await desk.call<{ disabled: boolean }>('staffUpdate', { userId, disabled: true }, admin);
    expect(disabled.ok && disabled.result.disabled).toBe(true);
    expect((await desk.call('staffMe', {}, zhou2)).ok).toBe(false);
    const refused = await desk.call('staffSignIn', { username: 'zhou', password: 'Zhou-Own-Pass' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'permission_denied', params: { reason: 'disabled' } });

    const reset = await desk.call<{ mustChangePassword: boolean }>('staffUpdate', { userId, disabled: false, resetPassword: 'Reset-Pass-9' }, admin);
    expect(reset.ok && reset.result.mustChangePassword).toBe(true);
    expect((await desk.call('staffSignIn', { username: 'zhou', password: 'Reset-Pass-9' })).ok).toBe(true);

    const meResult = await desk.call<{ user: StaffIdentity }>('staffMe', {}, admin);
    const adminId = meResult.ok ? meResult.result.user.userId : '';
    const self = await desk.call('staffUpdate', { userId: adminId, disabled: true }, admin);
    expect(self.ok ? null : self.error).toMatchObject({ code: 'conflict', params: { reason: 'self' } });

    const missing = await desk.call('staffUpdate', { userId: 'no-such-id', role: 'staff' }, admin);
    expect(missing.ok ? null : missing.error.code).toBe('not_found');

    const rows = await auditRows(admin);
    expect(rows.filter((r) => r.action === 'staff.created')).toHaveLength(1);
    expect(rows.filter((r) => r.action === 'staff.updated').map((r) => r.detail)).toEqual([
      { disabled: false, passwordReset: true },
      { disabled: true },
      { role: 'staff' },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/First-Pass|Reset-Pass|Zhou-Own/);
  });
});

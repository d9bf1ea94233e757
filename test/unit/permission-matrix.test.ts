import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/core/api/contract';
import type { MethodSpec } from '../../electron/core/api/method';
import { PERMISSION_MATRIX, PERMISSIONS, STAFF_ROLES, roleHasPermission, type StaffRole } from '../../electron/core/staff/permissions';
import { DEMO_USERS, removeDir, startDeskCore, type DeskCore } from '../integration/staff-fixture';

/**
 * Every method of the contract, called by every staff role and by nobody, on a real desk core:
 * the answer must follow PERMISSION_MATRIX. Methods added later are covered automatically.
 */
const REFUSALS = ['permission_denied', 'unauthenticated'];
// Signing out ends the session used for the rest of the loop, so it goes last.
const methods = Object.keys(contract).sort((a, b) => Number(a === 'staffSignOut') - Number(b === 'staffSignOut') || a.localeCompare(b));

describe('permission matrix, enforced by dispatch for every method', () => {
  let desk: DeskCore;
  let firstRunAdmin: string;

  beforeAll(async () => {
    desk = await startDeskCore();
    const password = /一次性密码：(\S+)/.exec(desk.startOutput)?.[1];
    if (!password) throw new Error('first-run admin password not printed');
    firstRunAdmin = await desk.signIn('admin', password);
  });
  afterAll(async () => {
    await desk?.close();
    if (desk) removeDir(desk.dataDir);
  });

  it('has a sane matrix', () => {
    for (const role of STAFF_ROLES) {
      expect(PERMISSION_MATRIX[role]).toContain('session.self');
      for (const permission of PERMISSION_MATRIX[role]) expect(PERMISSIONS).toContain(permission);
    }
    // Assistants never see personal data or decide; admins never handle cases.
    expect(roleHasPermission('assistant', 'inbox.reveal')).toBe(false);
    expect(roleHasPermission('assistant', 'inbox.act')).toBe(false);
    expect(roleHasPermission('admin', 'inbox.view')).toBe(false);
    expect(roleHasPermission('admin', 'inbox.reveal')).toBe(false);
    expect(roleHasPermission('staff', 'audit.view')).toBe(false);
    expect(roleHasPermission('director', 'audit.view') && roleHasPermission('admin', 'audit.export')).toBe(true);
    expect(methods.length).toBeGreaterThan(0);
  });

  for (const role of STAFF_ROLES) {
    it(`as ${role}: every method is allowed or refused exactly as the matrix says`, async () => {
      const session = await desk.signIn(DEMO_USERS[role as StaffRole]);
      const mismatches: string[] = [];
      for (const name of methods) {
        const spec = contract[name as keyof typeof contract] as MethodSpec;
        const result = await desk.call(name, {}, session);
        const code = result.ok ? 'ok' : result.error.code;
        if (!spec.roles.includes('desk')) {
          if (code !== 'role_forbidden') mismatches.push(`${name}: expected role_forbidden, got ${code}`);
          continue;
        }
        const allowed = !spec.permission || roleHasPermission(role, spec.permission);
        if (allowed && REFUSALS.includes(code)) mismatches.push(`${name} (${spec.permission ?? 'open'}): expected allowed, got ${code}`);
        if (!allowed && code !== 'permission_denied') mismatches.push(`${name} (${spec.permission}): expected permission_denied, got ${code}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('signed out: every permissioned method answers unauthenticated, open ones answer', async () => {
    const mismatches: string[] = [];
    for (const name of methods) {
      const spec = contract[name as keyof typeof contract] as MethodSpec;
      const result = await desk.call(name, {});
      const code = result.ok ? 'ok' : result.error.code;
      if (!spec.roles.includes('desk')) {
        if (code !== 'role_forbidden') mismatches.push(`${name}: expected role_forbidden, got ${code}`);
      } else if (spec.permission && code !== 'unauthenticated') {
        mismatches.push(`${name}: expected unauthenticated, got ${code}`);
      } else if (!spec.permission && REFUSALS.includes(code)) {
        mismatches.push(`${name}: expected allowed, got ${code}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a made-up session token counts as signed out', async () => {
    const result = await desk.call('staffMe', {}, 'not-a-real-session-token');
    expect(result.ok ? 'ok' : result.error.code).toBe('unauthenticated');
  });

  it('the first-run admin may only manage its own session until the password is changed', async () => {
    const mismatches: string[] = [];
    for (const name of methods) {
      const spec = contract[name as keyof typeof contract] as MethodSpec;
      if (!spec.roles.includes('desk') || !spec.permission) continue;
      const result = await desk.call(name, {}, firstRunAdmin);
      const code = result.ok ? 'ok' : result.error.code;
      if (spec.permission === 'session.self' ? REFUSALS.includes(code) : code !== 'permission_denied') mismatches.push(`${name}: got ${code}`);
    }
    expect(mismatches).toEqual([]);
  });
});

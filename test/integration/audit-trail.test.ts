import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEMO_USERS, removeDir, startDeskCore, type DeskCore } from './staff-fixture';

type Verify = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: string };

describe('audit trail: append-only, hash-chained, verifiable', () => {
  let desk: DeskCore;
  let director: string;

  beforeEach(async () => {
    desk = await startDeskCore();
    director = await desk.signIn(DEMO_USERS.director);
    // A few more entries of different kinds.
    await desk.call('staffSignIn', { username: 'li', password: 'wrong-password' });
    await desk.signIn(DEMO_USERS.staff);
    await desk.signIn(DEMO_USERS.assistant);
  });
  afterEach(async () => {
    await desk.close();
    removeDir(desk.dataDir);
  });

  const verify = async (): Promise<Verify> => {
    const result = await desk.call<Verify>('auditVerify', {}, director);
    if (!result.ok) throw new Error(result.error.code);
    return result.result;
  };
  const openDirect = (): Database.Database => new Database(join(desk.dataDir, 'sifa.db'));

  it('verifies an intact chain and records the verification itself', async () => {
    const first = await verify();
    expect(first).toEqual({ ok: true, entries: 4 });
    const second = await verify();
    expect(second).toEqual({ ok: true, entries: 5 });
  });

  it('refuses UPDATE and DELETE through the triggers', () => {
    const db = openDirect();
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'someone' WHERE id = 2").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('names the edited row when someone drops the trigger and changes one entry', async () => {
    const db = openDirect();
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET detail = '{"reason":"nothing to see"}' WHERE id = 2`).run();
    } finally {
      db.close();
    }
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'content_hash_mismatch' });
  });

  it('names a row whose stored hash was overwritten', async () => {
    const db = openDirect();
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET hash = '${'a'.repeat(64)}' WHERE id = 3`).run();
    } finally {
      db.close();
    }
    // Row 3's own hash no longer matches its content.
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'content_hash_mismatch' });
  });

  it('reports a gap when a row is deleted behind the triggers', async () => {
    const db = openDirect();
    try {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    } finally {
      db.close();
    }
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'gap' });
  });

  it('reports a broken prev-hash link when two rows are swapped', async () => {
    const db = openDirect();
    try {
      // Swap rows 2 and 3 (content and hashes) but keep the ids in order.
      db.exec('DROP TRIGGER audit_log_no_update');
      const rows = db.prepare('SELECT * FROM audit_log WHERE id IN (2, 3) ORDER BY id').all() as Array<Record<string, unknown>>;
      const [two, three] = rows as [Record<string, unknown>, Record<string, unknown>];
      const update = db.prepare('UPDATE audit_log SET at = ?, actor = ?, action = ?, target = ?, detail = ?, prev_hash = ?, hash = ? WHERE id = ?');
      update.run(three.at, three.actor, three.action, three.target, three.detail, three.prev_hash, three.hash, 2);
      update.run(two.at, two.actor, two.action, two.target, two.detail, two.prev_hash, two.hash, 3);
    } finally {
      db.close();
    }
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'prev_hash_mismatch' });
  });

  it('lists with filters and paging, labels staff actors, and exports CSV (itself audited)', async () => {
    const all = await desk.call<{ rows: Array<{ id: number; action: string; actorLabel: string }>; total: number }>('auditList', { limit: 2, offset: 0 }, director);
    expect(all.ok && all.result.total).toBe(4);
    expect(all.ok && all.result.rows.map((r) => r.id)).toEqual([4, 3]);
    const failed = await desk.call<{ rows: Array<{ action: string; actorLabel: string }>; total: number }>('auditList', { action: 'staff.sign_in_failed', limit: 10 }, director);
    expect(failed.ok && failed.result.rows).toEqual([expect.objectContaining({ action: 'staff.sign_in_failed', actorLabel: 'li（李调解员）' })]);
    const byActor = await desk.call<{ total: number }>('auditList', { actor: 'wang', limit: 10 }, director);
    expect(byActor.ok && byActor.result.total).toBe(1);
    const future = await desk.call<{ total: number }>('auditList', { from: '2999-01-01', limit: 10 }, director);
    expect(future.ok && future.result.total).toBe(0);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const todays = await desk.call<{ total: number }>('auditList', { from: day, to: day, limit: 10 }, director);
    expect(todays.ok && todays.result.total).toBe(4);

    const exported = await desk.call<{ filename: string; csv: string; rows: number }>('auditExportCsv', {}, director);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.result.filename).toMatch(/^audit-\d{8}-\d{4}\.csv$/);
    expect(exported.result.rows).toBe(4);
    const lines = exported.result.csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('时间');
    const after = await desk.call<{ rows: Array<{ action: string; detail: Record<string, unknown> }> }>('auditList', { action: 'audit.export', limit: 10 }, director);
    expect(after.ok && after.result.rows[0]).toMatchObject({ action: 'audit.export', detail: { rows: 4 } });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('is readable by director and admin only', async () => {
    for (const [user, allowed] of [['wang', true], ['zhao', true], ['li', false], ['chen', false]] as const) {
      const session = await desk.signIn(user);
      const result = await desk.call('auditVerify', {}, session);
      expect(result.ok ? 'allowed' : result.error.code).toBe(allowed ? 'allowed' : 'permission_denied');
    }
  });
});

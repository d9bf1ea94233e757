import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEMO_USERS, removeDir, startDeskCore, type DeskCore } from './staff-fixture';
import type { DashboardStats } from '../../electron/core/desk/dashboard-stats';

/**
 * The dashboard over the intake's hub tables, filled directly with known rows (local times so
 * ISO weeks do not depend on the machine's time zone).
 */
function local(y: number, m: number, d: number, h = 10, min = 0): string {
  return new Date(y, m - 1, d, h, min).toISOString();
}

describe('dashboard statistics on a real desk core', () => {
  let desk: DeskCore;
  let director: string;

  beforeEach(async () => {
    desk = await startDeskCore();
    director = await desk.signIn(DEMO_USERS.director);
    const db = new Database(join(desk.dataDir, 'sifa.db'));
    try {
      const insert = db.prepare(
        `INSERT INTO hub_submissions (id, receipt_no, form_id, form_version, source, created_at, received_at, status, accepted_at, outcome, answers_public, applicant_masked)
         VALUES (@id, @id, @form, 1, 'walkin', @created, @created, @status, @accepted, @outcome, '{}', '')`,
      );
      const rows = [
        // ISO week 2026-W10 (Mon 2 March)
        { id: 'a', form: 'mediation', created: local(2026, 3, 2), status: 'resolved', accepted: local(2026, 3, 2, 10, 30), outcome: 'agreement' },
        { id: 'b', form: 'mediation', created: local(2026, 3, 4), status: 'resolved', accepted: local(2026, 3, 4, 12, 0), outcome: 'failed' },
        { id: 'c', form: 'legal-aid', created: local(2026, 3, 8, 23, 0), status: 'transferred', accepted: local(2026, 3, 9, 9, 0), outcome: null },
        // ISO week 2026-W12 (W11 is empty)
        { id: 'd', form: 'mediation', created: local(2026, 3, 16), status: 'resolved', accepted: local(2026, 3, 16, 11, 0), outcome: 'agreement' },
        { id: 'e', form: 'legal-aid', created: local(2026, 3, 17), status: 'received', accepted: null, outcome: null },
        { id: 'f', form: 'legal-aid', created: local(2026, 3, 18), status: 'resolved', accepted: local(2026, 3, 18, 10, 5), outcome: 'done' },
        // Outside the range used below
        { id: 'g', form: 'mediation', created: local(2026, 4, 20), status: 'resolved', accepted: local(2026, 4, 20, 10, 1), outcome: 'failed' },
      ];
      for (const row of rows) insert.run(row);
      const evaluation = db.prepare("INSERT INTO hub_evaluations (id, kiosk_id, service, score, tags, created_at, received_at) VALUES (?, 'k1', 'mediation', ?, '[]', ?, ?)");
      [5, 4, 4, 2].forEach((score, i) => evaluation.run(`e${i}`, score, local(2026, 3, 3 + i), local(2026, 3, 3 + i)));
      evaluation.run('late', 1, local(2026, 4, 21), local(2026, 4, 21));
    } finally {
      db.close();
    }
  });
  afterEach(async () => {
    await desk.close();
    removeDir(desk.dataDir);
  });

  it('counts by ISO week, type and status, with empty weeks kept', async () => {
    const result = await desk.call<DashboardStats>('dashboardStats', { from: '2026-03-02', to: '2026-03-22' }, director);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stats = result.result;
    expect(stats.available).toBe(true);
    expect(stats.weeks.map((w) => [w.week, w.weekStart, w.total])).toEqual([
      ['2026-W10', '2026-03-02', 3],
      ['2026-W11', '2026-03-09', 0],
      ['2026-W12', '2026-03-16', 3],
    ]);
    expect(stats.weeks[0]!.byType).toEqual({ mediation: 2, 'legal-aid': 1 });
    expect(stats.weeks[2]!.byStatus).toEqual({ resolved: 2, received: 1 });
    expect(stats.totals).toEqual({ submissions: 6, byType: { mediation: 3, 'legal-aid': 3 }, byStatus: { resolved: 4, transferred: 1, received: 1 } });
  });

  it('computes mediation success, median time to acceptance and satisfaction for the range', async () => {
    const result = await desk.call<DashboardStats>('dashboardStats', { from: '2026-03-02', to: '2026-03-22' }, director);
    if (!result.ok) throw new Error(result.error.code);
    const stats = result.result;
    // Resolved mediations a (agreement), b (failed), d (agreement); legal-aid f does not count.
    expect(stats.mediation).toEqual({ resolved: 3, agreements: 2, successRate: 2 / 3 });
    // Minutes to acceptance: 30, 120, 600, 60, 5 -> median 60.
    expect(stats.acceptance).toEqual({ accepted: 5, medianMinutes: 60 });
    expect(stats.satisfaction).toEqual({ count: 4, average: 3.75, distribution: [0, 1, 0, 2, 1] });

    const all = await desk.call<DashboardStats>('dashboardStats', {}, director);
    if (!all.ok) throw new Error(all.error.code);
    expect(all.result.totals.submissions).toBe(7);
    expect(all.result.mediation).toEqual({ resolved: 4, agreements: 2, successRate: 0.5 });
    expect(all.result.satisfaction.count).toBe(5);
    expect(all.result.weeks[0]!.week).toBe('2026-W10');
    expect(all.result.weeks.at(-1)!.week).toBe('2026-W17');
  });

  it('exports CSV for roles with inbox.export only, audited as export.csv', async () => {
    const exported = await desk.call<{ filename: string; csv: string }>('dashboardExportCsv', { from: '2026-03-02', to: '2026-03-22' }, director);
    if (!exported.ok) throw new Error(exported.error.code);
    expect(exported.result.filename).toMatch(/^dashboard-\d{8}-\d{4}\.csv$/);
    const lines = exported.result.csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('周 week,周一 weekStart,合计 total,类型 type:legal-aid,类型 type:mediation,状态 status:received,状态 status:resolved,状态 status:transferred');
    expect(lines[1]).toBe('2026-W10,2026-03-02,3,1,2,0,2,1');
    expect(exported.result.csv).toContain('调解成功率 mediationSuccessRate,0.6667,2/3');
    const audit = await desk.call<{ rows: Array<{ action: string; detail: Record<string, unknown> }> }>('auditList', { action: 'export.csv', limit: 10 }, director);
    expect(audit.ok && audit.result.rows[0]).toMatchObject({ action: 'export.csv', detail: { kind: 'dashboard', weeks: 3 } });

    const assistant = await desk.signIn(DEMO_USERS.assistant);
    const refused = await desk.call('dashboardExportCsv', {}, assistant);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('permission_denied');
  });
});

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../electron/core/storage/database';
import { silentLogger } from '../../electron/core/log/logger';
import { auditMigrations, verifyAuditLog } from '../../electron/core/audit/audit-trail';
import { canonicalDetail, entryHash, GENESIS_HASH } from '../../electron/core/audit/audit-chain';
import { report } from './report';

/** Verifying a 1,000,000-entry audit trail (target <= 5 s). */
export default async function auditBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-audit-bench-'));
  const db = new Database(join(dir, 'audit.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, auditMigrations, silentLogger());
    const total = 1_000_000;
    const actions = ['personal.reveal', 'submission.status', 'staff.sign_in', 'export.csv'];
    const insert = db.prepare('INSERT INTO audit_log (id, at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const started = performance.now();
    db.transaction(() => {
      let prev = GENESIS_HASH;
      const base = Date.UTC(2025, 0, 1);
      for (let id = 1; id <= total; id += 1) {
        const fields = {
          id,
          at: new Date(base + id * 30_000).toISOString(),
          actor: `0199${String(id % 7).padStart(4, '0')}-staff`,
          action: actions[id % actions.length] as string,
          target: `0199a1b2-${String(id).padStart(8, '0')}`,
          detail: canonicalDetail({ field: 'applicant.name', status: 'accepted', n: id % 13 }),
        };
        const hash = entryHash(prev, fields);
        insert.run(fields.id, fields.at, fields.actor, fields.action, fields.target, fields.detail, prev, hash);
        prev = hash;
      }
    })();
    const insertSeconds = (performance.now() - started) / 1000;
    console.log(`[bench] inserted ${total} chained entries in ${insertSeconds.toFixed(1)} s`);

    const verifyStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = verifyAuditLog(db);
    const seconds = (performance.now() - verifyStarted) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    // CPU time shows whether a slow wall-clock figure came from a busy machine.
    console.log(`[bench] verify CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
    if (!result.ok || result.entries !== total) throw new Error(`verification failed: ${JSON.stringify(result)}`);
    report({ name: 'audit verify 1,000,000 entries', value: seconds, unit: 's', target: '<= 5', pass: seconds <= 5 });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

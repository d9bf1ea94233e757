import type { Db, MigrationSet } from '../storage/database';
import type { AuditAction, AuditEntryInput, AuditSink } from './audit-types';
import { canonicalDetail, entryHash, GENESIS_HASH, verifyChain, type ChainRow, type VerifyResult } from './audit-chain';

/**
 * The append-only audit table in the main database. Triggers refuse UPDATE and DELETE, and the
 * hash chain (audit-chain.ts) shows any edit made behind the triggers' back.
 */
export const auditMigrations: MigrationSet = {
  domain: 'audit',
  migrations: [
    {
      version: 1,
      name: 'audit_log with hash chain and append-only triggers',
      up: (db) => {
        db.exec(`
          CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT,
            detail TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
          );
          CREATE INDEX audit_log_at ON audit_log (at);
          CREATE INDEX audit_log_actor ON audit_log (actor, id);
          CREATE INDEX audit_log_action ON audit_log (action, id);
          CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
          CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        `);
      },
    },
  ],
};

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  target: string | null;
  detail: Record<string, string | number | boolean | null> | null;
}

export interface AuditFilter {
  /** Inclusive lower bound on `at` (ISO text). */
  from?: string;
  /** Exclusive upper bound on `at` (ISO text). */
  to?: string;
  actor?: string;
  action?: string;
}

export interface AuditTrail extends AuditSink {
  list(filter: AuditFilter, page: { limit: number; offset: number }): { rows: AuditEntry[]; total: number };
  /** Every matching entry, oldest first, for export. */
  iterate(filter: AuditFilter): IterableIterator<AuditEntry>;
  verify(): VerifyResult;
}

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export function createAuditTrail(db: Db, now: () => Date): AuditTrail {
  const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO audit_log (id, at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // Reading the head and inserting in one IMMEDIATE transaction keeps the chain linear even if
  // another connection appends at the same time.
  const appendTx = db.transaction((entry: AuditEntryInput) => {
    const head = last.get();
    const prevHash = head?.hash ?? GENESIS_HASH;
    const fields = {
      id: (head?.id ?? 0) + 1,
      at: now().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      detail: canonicalDetail(entry.detail),
    };
    insert.run(fields.id, fields.at, fields.actor, fields.action, fields.target, fields.detail, prevHash, entryHash(prevHash, fields));
  });

  const where = (filter: AuditFilter): { sql: string; params: string[] } => {
    const clauses: string[] = [];
    const params: string[] = [];
    if (filter.from) {
      clauses.push('at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      clauses.push('at < ?');
      params.push(filter.to);
    }
    if (filter.actor) {
      clauses.push('actor = ?');
      params.push(filter.actor);
    }
    if (filter.action) {
      clauses.push('action = ?');
      params.push(filter.action);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  };

  const toEntry = (row: Row): AuditEntry => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    target: row.target,
    detail: row.detail ? (JSON.parse(row.detail) as AuditEntry['detail']) : null,
  });

  return {
    append(entry) {
      appendTx.immediate(entry);
    },
    list(filter, page) {
      const { sql, params } = where(filter);
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number }).n;
      const rows = db.prepare<unknown[], Row>(`SELECT id, at, actor, action, target, detail FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
      return { rows: rows.map(toEntry), total };
    },
    *iterate(filter) {
      const { sql, params } = where(filter);
      for (const row of db.prepare<unknown[], Row>(`SELECT id, at, actor, action, target, detail FROM audit_log ${sql} ORDER BY id`).iterate(...params)) yield toEntry(row);
    },
    verify() {
      return verifyAuditLog(db);
    },
  };
}

/** Streams the whole table through the chain check; memory stays flat however long the trail. */
export function verifyAuditLog(db: Db): VerifyResult {
  // Raw rows (arrays, not objects): this loop runs once per entry.
  const rows = db.prepare<[], ChainRow>('SELECT id, at, actor, action, target, detail, prev_hash, hash FROM audit_log ORDER BY id').raw(true).iterate();
  try {
    return verifyChain(rows);
  } finally {
    rows.return?.();
  }
}

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger';

export type Db = Database.Database;

/** A numbered, forward-only schema step. Never edit a shipped migration: add the next number. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/**
 * Each domain (intake, staff, audit...) numbers its own migrations, so domains evolve
 * independently inside one file; schema_version records (domain, version).
 */
export interface MigrationSet {
  domain: string;
  migrations: readonly Migration[];
}

export interface OpenOptions {
  /**
   * FULL for databases that hold residents' submissions: with WAL + NORMAL a committed
   * transaction can roll back after power loss, and a receipt must never be shown for that.
   */
  synchronous: 'FULL' | 'NORMAL' | 'OFF';
  migrations: readonly MigrationSet[];
  log: Logger;
}

export interface OpenedDatabase {
  db: Db;
  /** Set when a damaged file was moved aside at start; the UI tells staff. */
  movedAside?: string;
}

/**
 * Opens (or creates) a database file with our pragmas and migrations. A file that fails
 * `PRAGMA quick_check` or is not a database is renamed aside, never deleted, and a fresh one is
 * created so the office can keep working while someone recovers the old file.
 */
export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  // Only this user may read the office's data (0700): the files hold residents' submissions.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let movedAside: string | undefined;
  let db: Db | undefined;
  if (existsSync(file)) {
    try {
      db = new Database(file);
      db.pragma('busy_timeout = 5000');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new CorruptDatabaseError(`quick_check: ${String(check)}`);
    } catch (error) {
      db?.close();
      db = undefined;
      // Busy, locked or unreadable is not damage: moving a healthy file aside would orphan unsent submissions.
      if (!isCorruption(error)) throw error;
      movedAside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix)) renameSync(file + suffix, movedAside + suffix);
      }
      options.log.error({ event: 'db.corrupt_moved_aside', file, movedAside, reason: (error as Error).message }, 'database failed its check and was moved aside');
    }
  }
  db ??= new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  for (const set of options.migrations) migrate(db, set, options.log);
  return { db, movedAside };
}

/**
 * WAL pages (4 KiB each) after which a commit checkpoints by itself: SQLite's default. A larger
 * limit was tried (8,000): in a burst of submits the WAL file then keeps growing, and a commit
 * that extends the file costs the file system more than one that overwrites blocks the WAL already
 * has (submit p50 0.62 vs 0.45 ms in `npm run bench -- intake`, with the same p99).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Checkpoints between requests. A timer copies WAL pages into the database file (PASSIVE: never
 * waits for readers or writers), so the next commit starts the WAL again from its beginning,
 * overwriting space the file already has, and a resident's submit seldom pays for a checkpoint:
 * only a burst past WAL_AUTOCHECKPOINT_PAGES between two ticks does. Durability is unchanged: a
 * commit is durable once its WAL frames are synced, checkpointed or not. Returns the function that
 * stops the timer.
 */
export function checkpointInBackground(db: Db, log: Logger, everyMs = 15_000): () => void {
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  const timer = setInterval(() => {
    try {
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      log.warn({ event: 'db.checkpoint_failed', err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'background checkpoint failed; the next commit past the limit will checkpoint');
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

class CorruptDatabaseError extends Error {}

function isCorruption(error: unknown): boolean {
  if (error instanceof CorruptDatabaseError) return true;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

export function migrate(db: Db, set: MigrationSet, log: Logger): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (domain TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (domain, version))');
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version WHERE domain = ?').get(set.domain) as { v: number }).v;
  const sorted = [...set.migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${set.domain} migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
  });
  const latest = sorted.length;
  if (current > latest) throw new Error(`${set.domain} schema version ${current} is newer than this app (${latest}); refusing to downgrade`);
  for (const m of sorted) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_version (domain, version, name, applied_at) VALUES (?, ?, ?, ?)').run(set.domain, m.version, m.name, new Date().toISOString());
    })();
    log.info({ event: 'db.migrated', domain: set.domain, version: m.version, name: m.name }, 'migration applied');
  }
  return latest;
}

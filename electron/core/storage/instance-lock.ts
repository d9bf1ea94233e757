import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who holds a data directory, as the holder wrote it down. */
export interface InstanceHolder {
  pid: number;
  host: string;
  since: string;
}

/** Another running instance already uses this data directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: InstanceHolder | null,
  ) {
    super(`data directory ${dataDir} is in use by another running instance${holder ? ` (pid ${holder.pid})` : ''}`);
    this.name = 'DataDirInUseError';
  }
}

const LOCK_FILE = 'instance.lock';
const HOLDER_FILE = 'instance.json';

/** Open lock connections, referenced here so that garbage collection can never close one. */
const held = new Set<Database.Database>();

/**
 * One running instance per data directory: two processes on one directory would share its
 * databases, logs and device ports (double-opened card readers, interleaved receipt numbers).
 * The lock is an SQLite EXCLUSIVE transaction kept open on a small file, that is, SQLite's own
 * file lock: the operating system drops it when the process ends in any way (quit, crash,
 * kill -9, power cut), so there is no stale lock file to clean up and no guessing from PIDs. The
 * transaction never writes, so the lock file cannot be damaged. Returns the release function.
 */
export function lockDataDir(dataDir: string, host: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir, readHolder(dataDir));
    throw error;
  }
  held.add(db);
  const holder: InstanceHolder = { pid: process.pid, host, since: new Date().toISOString() };
  writeFileSync(join(dataDir, HOLDER_FILE), `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  return () => {
    if (!held.delete(db)) return;
    db.close();
  };
}

function readHolder(dataDir: string): InstanceHolder | null {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as Partial<InstanceHolder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string' ? (value as InstanceHolder) : null;
  } catch {
    return null;
  }
}

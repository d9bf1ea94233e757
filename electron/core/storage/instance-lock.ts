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

/**
 * One running instance per data directory: two processes on one directory would share its
 * databases, logs and device ports (double-opened card readers, interleaved receipt numbers).
 * The lock is SQLite's own file lock on a small database held in EXCLUSIVE locking mode, so the
 * operating system drops it when the process ends in any way (quit, crash, kill -9, power cut):
 * no stale lock file to clean up and no guessing from PIDs. Returns the release function.
 */
export function lockDataDir(dataDir: string, host: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the EXCLUSIVE lock; in this locking mode it is kept until close.
    db.exec('BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir, readHolder(dataDir));
    throw error;
  }
  const holder: InstanceHolder = { pid: process.pid, host, since: new Date().toISOString() };
  writeFileSync(join(dataDir, HOLDER_FILE), `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  let released = false;
  return () => {
    if (released) return;
    released = true;
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

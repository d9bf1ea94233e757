import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of the AES-256 data key. */
export const DATA_KEY_BYTES = 32;

/**
 * Where the per-instance data key comes from. The browser host keeps it in a 0600 file; the
 * Electron host will wrap the same bytes with safeStorage by providing its own implementation.
 */
export interface KeyProvider {
  /** The 32-byte master key; created on first use, identical on every later start. */
  dataKey(): Buffer;
}

export class KeyFileError extends Error {
  constructor(file: string, reason: string) {
    super(`data key ${file}: ${reason}`);
    this.name = 'KeyFileError';
  }
}

/**
 * `<dataDir>/keys/data.key`, 0600, created atomically (temp file + fsync + link) so a crash while
 * creating it never leaves a short key behind. An existing key is never replaced: losing it
 * would make every stored submission unreadable.
 */
export class FileKeyProvider implements KeyProvider {
  private cached: Buffer | undefined;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'keys', 'data.key');
  }

  dataKey(): Buffer {
    this.cached ??= this.loadOrCreate();
    return this.cached;
  }

  private loadOrCreate(): Buffer {
    const dir = join(this.file, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(this.file)) this.create(dir);
    const key = readFileSync(this.file);
    if (key.length !== DATA_KEY_BYTES) throw new KeyFileError(this.file, `expected ${DATA_KEY_BYTES} bytes, found ${key.length}; restore it from backup, do not delete it`);
    return key;
  }

  private create(dir: string): void {
    const temp = `${this.file}.tmp-${process.pid}`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, randomBytes(DATA_KEY_BYTES));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, this.file);
    } catch (error) {
      // Another process won the race: its key stands.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}

/** A fixed key, for tests and benchmarks that want no file. */
export class StaticKeyProvider implements KeyProvider {
  constructor(private readonly key: Buffer) {
    if (key.length !== DATA_KEY_BYTES) throw new Error(`key must be ${DATA_KEY_BYTES} bytes`);
  }
  dataKey(): Buffer {
    return this.key;
  }
}

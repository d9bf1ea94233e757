import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_KEY_BYTES, FileKeyProvider, KeyFileError, type KeyProvider } from './key-provider';

/**
 * Seals and opens bytes with a key the operating system keeps (Electron's safeStorage: DPAPI,
 * Keychain, libsecret). Given as an interface so the core never imports Electron.
 */
export interface KeyWrapper {
  available(): boolean;
  wrap(plain: Buffer): Buffer;
  unwrap(sealed: Buffer): Buffer;
}

/**
 * The data key, stored only sealed by the OS (`keys/data.key.sealed`), so a copy of the data
 * folder alone cannot decrypt residents' data. A plain key file from an earlier browser-host run
 * is sealed and then removed; where the OS offers no sealing, the 0600 key file stays in use.
 */
export class WrappedKeyProvider implements KeyProvider {
  private cached: Buffer | undefined;
  readonly sealedFile: string;
  private readonly plain: FileKeyProvider;

  constructor(
    dataDir: string,
    private readonly wrapper: KeyWrapper,
    private readonly onFallback: (reason: string) => void = () => undefined,
  ) {
    this.sealedFile = join(dataDir, 'keys', 'data.key.sealed');
    this.plain = new FileKeyProvider(dataDir);
  }

  dataKey(): Buffer {
    this.cached ??= this.load();
    return this.cached;
  }

  private load(): Buffer {
    if (existsSync(this.sealedFile)) {
      const key = this.wrapper.unwrap(readFileSync(this.sealedFile));
      if (key.length !== DATA_KEY_BYTES) throw new KeyFileError(this.sealedFile, `unsealed to ${key.length} bytes, expected ${DATA_KEY_BYTES}`);
      return key;
    }
    if (!this.wrapper.available()) {
      this.onFallback('the operating system offers no key sealing; using the 0600 key file');
      return this.plain.dataKey();
    }
    const key = existsSync(this.plain.file) ? this.plain.dataKey() : randomBytes(DATA_KEY_BYTES);
    this.writeSealed(this.wrapper.wrap(key));
    // Only once the sealed copy is durable and opens to the same bytes does the plain copy go.
    if (!this.wrapper.unwrap(readFileSync(this.sealedFile)).equals(key)) throw new KeyFileError(this.sealedFile, 'sealed key does not open to the same bytes');
    rmSync(this.plain.file, { force: true });
    return key;
  }

  private writeSealed(sealed: Buffer): void {
    const dir = join(this.sealedFile, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${this.sealedFile}.tmp-${process.pid}`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, sealed);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.sealedFile);
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}

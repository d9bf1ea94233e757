import pino from 'pino';
import { createStream } from 'rotating-file-stream';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Logger = pino.Logger;

/**
 * Field names that may carry personal data. Log calls should never pass them; redaction is the
 * safety net for when someone does.
 */
const REDACT_PATHS = [
  'name', 'idNumber', 'address', 'phone', 'photo', 'identity', 'applicant', 'parties', 'answers', 'input', 'password', 'pin', 'token',
  '*.name', '*.idNumber', '*.address', '*.phone', '*.photo', '*.identity', '*.applicant', '*.answers', '*.input', '*.password', '*.pin', '*.token',
];

export interface LoggerHandle {
  log: Logger;
  /** Flushes and closes the file stream. */
  close: () => Promise<void>;
}

/** JSON lines in `<dataDir>/logs/app.log`, rotated at 5 MB, 10 files kept, plus stderr for warnings. */
export function createLogger(dataDir: string, options: { level?: string; console?: boolean } = {}): LoggerHandle {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = createStream('app.log', { path: dir, size: '5M', maxFiles: 10 });
  const streams: pino.StreamEntry[] = [{ stream: file, level: (options.level ?? 'info') as pino.Level }];
  if (options.console) streams.push({ stream: process.stderr, level: 'warn' });
  const log = pino({ level: options.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { pid: process.pid } }, pino.multistream(streams));
  return {
    log,
    close: () =>
      new Promise<void>((resolveClose) => {
        log.flush();
        file.end(() => resolveClose());
      }),
  };
}

/** A logger that drops everything, for pure tests of code that wants one. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

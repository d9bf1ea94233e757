import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SITE_FILE, loadSiteFile, SiteConfigError } from '../kiosk-config/load-site';
import type { SiteConfig } from '../kiosk-config/site-schema';
import { ROLES, type Role } from './core/api/roles';
import { createCore, type Core } from './core/app-core';
import { createLogger, type Logger, type LoggerHandle } from './core/log/logger';
import type { KeyProvider } from './core/crypto/key-provider';
import { DataDirInUseError, lockDataDir } from './core/storage/instance-lock';

/** Start-up shared by both hosts: arguments -> site config -> data dir -> logger -> core. */
export interface LaunchOptions {
  siteFile: string;
  role?: Role;
  dataDir?: string;
  port?: number;
  open: boolean;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      site: { type: 'string' },
      role: { type: 'string' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: false,
  });
  const role = typeof values.role === 'string' ? values.role : undefined;
  if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
    throw new LaunchError(`--role 应为 ${ROLES.join(' / ')}，实际为 "${role}"\n--role must be one of ${ROLES.join(', ')}, found "${role}"`);
  }
  const port = typeof values.port === 'string' ? Number(values.port) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new LaunchError(`--port 应为 0-65535 的整数，实际为 "${String(values.port)}"\n--port must be an integer 0-65535, found "${String(values.port)}"`);
  }
  return {
    siteFile: resolve(typeof values.site === 'string' ? values.site : DEMO_SITE_FILE),
    role: role as Role | undefined,
    dataDir: typeof values['data-dir'] === 'string' ? resolve(values['data-dir']) : undefined,
    port,
    open: values['no-open'] !== true,
  };
}

export class LaunchError extends Error {}

/** Demo sites keep data beside the checkout; real sites under the OS user-data dir. */
export function defaultDataDir(site: SiteConfig, userDataDir?: string): string {
  if (site.demo) return resolve('.data', site.role);
  const base = userDataDir ?? (process.platform === 'win32' ? join(process.env.APPDATA ?? homedir(), 'sifa-terminal') : join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'sifa-terminal'));
  return join(base, site.role);
}

export interface Launched {
  site: SiteConfig;
  dataDir: string;
  logger: LoggerHandle;
  core: Core;
  /** Gives the data directory up for another instance (also happens when the process ends). */
  releaseDataDir: () => void;
}

/** Loads and validates everything before anything starts: nothing runs half-configured. */
export async function launchCore(options: LaunchOptions, host: 'electron' | 'browser', userDataDir?: string, keysFor?: (dataDir: string, log: Logger) => KeyProvider): Promise<Launched> {
  const site = loadSiteFile(options.siteFile, options.role ? { role: options.role } : {});
  const dataDir = options.dataDir ?? defaultDataDir(site, userDataDir);
  const releaseDataDir = claimDataDir(dataDir, host);
  try {
    const logger = createLogger(dataDir, { console: true });
    logger.log.info({ event: 'launch', role: site.role, host, dataDir }, 'starting');
    const core = await createCore({ site, dataDir, host, log: logger.log, ...(keysFor ? { keys: keysFor(dataDir, logger.log) } : {}) });
    return { site, dataDir, logger, core, releaseDataDir };
  } catch (error) {
    releaseDataDir();
    throw error;
  }
}

/** Nothing of the data directory is touched (not even the log) while another instance runs on it. */
function claimDataDir(dataDir: string, host: string): () => void {
  try {
    return lockDataDir(dataDir, host);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    const who = error.holder ? `（进程 ${error.holder.pid}，${error.holder.since} 起）` : '';
    const whoEn = error.holder ? ` (pid ${error.holder.pid}, since ${error.holder.since})` : '';
    throw new LaunchError(
      `数据目录 ${dataDir} 已由另一个正在运行的实例使用${who}。请先关闭它，或用 --data-dir 指定另一个目录。\n` +
        `The data directory ${dataDir} is in use by another running instance${whoEn}. Close it first, or pass --data-dir with another directory.`,
    );
  }
}

/** Prints a start-up failure the way an office worker can act on it: no stack trace. */
export function reportLaunchFailure(error: unknown): number {
  if (error instanceof SiteConfigError || error instanceof LaunchError) {
    console.error(error.message);
    return 2;
  }
  console.error(`启动失败：${(error as Error).message}\nStart-up failed: ${(error as Error).message}`);
  return 1;
}

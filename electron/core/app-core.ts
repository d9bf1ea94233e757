import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { APP_ROOT } from '../app-root';
import type { SiteConfig } from '../../kiosk-config/site-schema';
import { contract } from './api/contract';
import { createDispatcher, type CallContext, type Envelope, type HandlerTable } from './api/dispatch';
import { EventBus } from './api/events';
import { checkpointInBackground, openDatabase, type Db, type MigrationSet } from './storage/database';
import type { Logger } from './log/logger';
import { systemHandlers, type StartupNotice } from './system/system-api';
import type { DomainContext } from './domain';
import type { KeyProvider } from './crypto/key-provider';
import { createLibraryDomain } from './library/library-domain';
import { createIntakeDomain } from './intake/intake-domain';
import { createStaffDomain } from './staff/staff-domain';
import { createDeskDomain } from './desk/desk-domain';
import { createDevicesDomain } from './devices/devices-domain';

export interface CoreOptions {
  site: SiteConfig;
  dataDir: string;
  host: 'electron' | 'browser';
  log: Logger;
  now?: () => Date;
  /** Where the data key comes from (Electron: sealed by the OS); default the 0600 key file. */
  keys?: KeyProvider;
}

/** The running core of one instance: the same object behind the Electron and the browser host. */
export interface Core {
  readonly site: SiteConfig;
  readonly events: EventBus;
  readonly notices: StartupNotice[];
  dispatch(ctx: CallContext, method: string, input: unknown): Promise<Envelope>;
  close(): Promise<void>;
}

/** Stores that hold residents' submissions live here; see OpenOptions.synchronous. */
const MAIN_DB = 'sifa.db';

const MIGRATIONS: MigrationSet[] = [];

export const APP_VERSION: string = (JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export async function createCore(options: CoreOptions): Promise<Core> {
  const { site, dataDir, log } = options;
  const now = options.now ?? (() => new Date());
  const events = new EventBus();
  const notices: StartupNotice[] = [];
  const closers: Array<() => Promise<void> | void> = [];

  const main = openDatabase(join(dataDir, MAIN_DB), { synchronous: 'FULL', migrations: MIGRATIONS, log });
  if (main.movedAside) notices.push({ key: 'databaseMovedAside', params: { file: main.movedAside } });
  const db: Db = main.db;
  const stopCheckpoints = checkpointInBackground(db, log);
  closers.push(() => {
    stopCheckpoints();
    db.close();
  });

  const ctx: DomainContext = { site, dataDir, db, log, events, now, notices };
  // Order matters: later domains use earlier ones (staff's audit trail, intake's inbox).
  const staff = createStaffDomain(ctx);
  const intake = createIntakeDomain(ctx, { audit: staff.audit, ...(options.keys ? { keys: options.keys } : {}) });
  const desk = createDeskDomain(ctx, { audit: staff.audit });
  const library = createLibraryDomain(ctx);
  const devices = createDevicesDomain(ctx);
  const domains = [staff, intake, desk, library, devices];
  for (const domain of domains) if (domain.close) closers.push(domain.close);

  const handlers: HandlerTable<typeof contract> = {
    ...systemHandlers({
      site,
      version: APP_VERSION,
      host: options.host,
      notices,
      now,
      dataDir,
      schemaVersions: () => db.prepare('SELECT domain, MAX(version) AS version FROM schema_version GROUP BY domain ORDER BY domain').all() as Array<{ domain: string; version: number }>,
    }),
    ...staff.handlers,
    ...intake.handlers,
    ...desk.handlers,
    ...library.handlers,
    ...devices.handlers,
  };

  const dispatcher = createDispatcher({ contract, handlers, resolveStaff: (token) => staff.resolveStaff(token), log });

  return {
    site,
    events,
    notices,
    dispatch: (ctx, method, input) => dispatcher.dispatch(ctx, method, input),
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

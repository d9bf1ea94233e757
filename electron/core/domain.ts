import type { SiteConfig } from '../../kiosk-config/site-schema';
import type { EventBus } from './api/events';
import type { Db } from './storage/database';
import type { Logger } from './log/logger';
import type { StartupNotice } from './system/system-api';

/** What every domain gets from the core when it is created. */
export interface DomainContext {
  site: SiteConfig;
  dataDir: string;
  /** The main database (synchronous=FULL): residents' submissions, staff, audit. */
  db: Db;
  log: Logger;
  events: EventBus;
  now: () => Date;
  /** Start-up notices shown to staff (e.g. a damaged file moved aside). */
  notices: StartupNotice[];
}

/** A domain's running part: its handlers are merged into the core's table; close() releases everything it opened. */
export interface DomainRuntime<H> {
  handlers: H;
  close?: () => Promise<void> | void;
}

import { join } from 'node:path';
import type { Logger } from '../log/logger';
import { openDatabase, type Db } from '../storage/database';
import { ingestContentPack, type IngestReport } from './content-pack';
import { LIBRARY_MIGRATIONS } from './library-schema';
import { LibrarySearch } from './library-search';
import { LibraryWriter } from './library-store';

export const LIBRARY_DB = 'library.db';

export interface OpenedLibrary {
  db: Db;
  writer: LibraryWriter;
  search: LibrarySearch;
  ingest: IngestReport;
  movedAside?: string;
  close: () => void;
}

/** Opens `<dataDir>/library.db` and ingests the content pack if it changed since last time. */
export function openLibrary(options: { dataDir: string; contentDir: string; log: Logger; file?: string }): OpenedLibrary {
  const file = options.file ?? join(options.dataDir, LIBRARY_DB);
  const { db, movedAside } = openDatabase(file, { synchronous: 'NORMAL', migrations: [LIBRARY_MIGRATIONS], log: options.log });
  const writer = new LibraryWriter(db);
  const ingest = ingestContentPack(db, writer, options.contentDir, options.log);
  const search = new LibrarySearch(db);
  return { db, writer, search, ingest, movedAside, close: () => db.close() };
}

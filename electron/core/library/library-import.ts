import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/logger';
import { docIdFor, listTextFiles } from './content-pack';
import { parseDocument } from './document-parse';
import { openLibrary } from './library-open';
import type { LibraryKind } from './library-types';

export interface ImportReport {
  imported: Array<{ file: string; docId: string; title: string; paragraphs: number }>;
  failed: Array<{ file: string; reason: string }>;
}

/**
 * Adds every .md/.txt file of a folder to `<dataDir>/library.db` as kind `kind`. Imported
 * documents survive content-pack re-ingests; importing the same file name again replaces it.
 */
export function importFolder(options: { folder: string; dataDir: string; kind: LibraryKind; contentDir: string; log: Logger }): ImportReport {
  const report: ImportReport = { imported: [], failed: [] };
  const files = listTextFiles(options.folder);
  const library = openLibrary({ dataDir: options.dataDir, contentDir: options.contentDir, log: options.log });
  try {
    const parsed = files.flatMap((fileName) => {
      try {
        const doc = parseDocument(readFileSync(join(options.folder, fileName), 'utf8'), { kind: options.kind, fileName });
        return [{ fileName, doc }];
      } catch (error) {
        report.failed.push({ file: fileName, reason: (error as Error).message });
        return [];
      }
    });
    library.db.transaction(() => {
      for (const { fileName, doc } of parsed) {
        const docId = docIdFor(options.kind, fileName, 'import');
        library.writer.putDocument({ docId, kind: options.kind, origin: 'import', parsed: doc });
        report.imported.push({ file: fileName, docId, title: doc.title, paragraphs: doc.paragraphs.length });
      }
      if (parsed.length > 0) library.writer.rebuildTerms();
    })();
    if (parsed.length > 0) library.writer.optimize();
  } finally {
    library.close();
  }
  options.log.info({ event: 'library.imported', imported: report.imported.length, failed: report.failed.length }, 'documents imported');
  return report;
}

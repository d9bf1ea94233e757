import { join } from 'node:path';
import { z } from 'zod';
import { method } from '../api/method';
import { ApiError } from '../api/api-error';
import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';
import { guidesHandlers, guidesMethods } from '../content/guides-api';
import { loadGuides } from '../content/guide-pack';
import { DEFAULT_CONTENT_DIR } from './content-pack';
import { openLibrary } from './library-open';
import { LIBRARY_KINDS, type LibraryDocumentView, type LibraryListItem, type LibrarySearchResult } from './library-types';

const SERVE_TO = ['kiosk', 'desk'] as const;
const kind = z.enum(LIBRARY_KINDS);

/** API rows of the library domain: policy/law/case search and reading, plus the service guides. */
export const libraryMethods = {
  librarySearch: method<LibrarySearchResult>()({
    input: z
      .object({
        q: z.string().trim().min(1).max(100),
        kind: kind.optional(),
        limit: z.number().int().min(1).max(50).default(20),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .strict(),
    roles: SERVE_TO,
  }),
  libraryDocument: method<LibraryDocumentView>()({
    input: z.object({ docId: z.string().min(1).max(300), ordinal: z.number().int().min(0).optional() }).strict(),
    roles: SERVE_TO,
  }),
  libraryList: method<LibraryListItem[]>()({ input: z.object({ kind: kind.optional() }).strict(), roles: SERVE_TO }),
  ...guidesMethods,
};

export interface LibraryDeps {
  /** The content pack folder; defaults to the shipped kiosk-config/content. */
  contentDir?: string;
}

export function createLibraryDomain(ctx: DomainContext, deps: LibraryDeps = {}): DomainRuntime<HandlerTable<typeof libraryMethods>> {
  const contentDir = deps.contentDir ?? DEFAULT_CONTENT_DIR;
  // Opened on first use (and warmed a few seconds after a kiosk starts): the first ingest of the
  // content pack takes seconds and must not sit between power-on and the first screen.
  let opened: ReturnType<typeof openLibrary> | null = null;
  const library = (): ReturnType<typeof openLibrary> => {
    if (opened) return opened;
    opened = openLibrary({ dataDir: ctx.dataDir, contentDir, log: ctx.log });
    if (opened.movedAside) ctx.notices.push({ key: 'databaseMovedAside', params: { file: opened.movedAside } });
    return opened;
  };
  const warmUp = ctx.site.role === 'kiosk' ? setTimeout(library, 3000) : undefined;
  warmUp?.unref();

  const { guides, errors } = loadGuides(join(contentDir, 'guides'));
  for (const error of errors) {
    ctx.log.error({ event: 'guides.invalid_file', file: error.file, field: error.field, detail: error.message }, 'service guide file left out');
    ctx.notices.push({ key: 'contentFileInvalid', params: { file: error.file, field: error.field } });
  }

  return {
    handlers: {
      librarySearch: (input) => library().search.search(input),
      libraryDocument: (input) => {
        const doc = library().search.document(input.docId, input.ordinal);
        if (!doc) throw new ApiError('not_found', 'no such library document', { params: { what: 'document' } });
        return doc;
      },
      libraryList: (input) => library().search.list(input.kind),
      ...guidesHandlers(guides, ctx.site),
    },
    close: () => {
      clearTimeout(warmUp);
      opened?.close();
    },
  };
}

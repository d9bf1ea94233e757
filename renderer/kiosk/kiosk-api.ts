import { ApiCallError } from '../api/client';

/**
 * The kiosk's names for the API types it shows; every type comes from the core module that
 * produces it (type-only imports: no core code reaches the bundle), and every call goes through
 * the typed `api`.
 */
export type { Localized } from '../../electron/core/content/guide-schema';
export type { GuideSummary, GuideView as GuideDetail } from '../../electron/core/content/guides-api';
export type { LibraryHit, LibraryKind, LibrarySearchResult, LibraryDocumentView as LibraryDocument } from '../../electron/core/library/library-types';
export type { ProgressEntry, QueueStatus } from '../../electron/core/intake/intake-methods';
export type { SubmissionStatus as ProgressStatus } from '../../electron/core/intake/status-flow';

/** The i18n key for a failed call: `errors.<code>` for refusals, `errors.internal` otherwise. */
export function errorKey(error: unknown): string {
  if (error instanceof ApiCallError) return `errors.${error.payload.code}`;
  return 'errors.internal';
}

export function errorCode(error: unknown): string {
  return error instanceof ApiCallError ? error.payload.code : 'internal';
}

import { ApiCallError, call } from '../api/client';
import type { MethodName } from '../../electron/core/api/contract';

/**
 * The kiosk's view of the API methods other domains provide. They land in the contract one by
 * one, so these calls go through `call` by name with the result shapes agreed in the brief; a
 * method that is not served yet fails with `unknown_method`, which the screens show politely.
 */
export type Localized = { 'zh-CN': string; en: string };

export interface GuideSummary {
  id: string;
  title: Localized;
  category: Localized;
  summary: Localized;
}

export interface GuideDetail {
  id: string;
  title: Localized;
  category: Localized;
  whoMayApply: Localized;
  materials: Localized[];
  steps: Localized[];
  where: Localized;
  hours: Localized;
  cost: Localized;
  body: Localized;
  takeAwayText: string;
}

export type LibraryKind = 'policy' | 'law' | 'case';

export interface LibraryHit {
  docId: string;
  title: string;
  kind: LibraryKind;
  date: string | null;
  ordinal: number;
  heading: string | null;
  snippet: Array<{ text: string; hit: boolean }>;
}

export interface LibrarySearchResult {
  hits: LibraryHit[];
  total: number;
  totalCapped?: boolean;
  mode: string;
}

export interface LibraryDocument {
  docId: string;
  title: string;
  kind: LibraryKind;
  date: string | null;
  versionNote: string | null;
  paragraphs: Array<{ ordinal: number; heading: string | null; text: string }>;
  focusOrdinal: number | null;
}

export type ProgressStatus = 'received' | 'accepted' | 'needs_materials' | 'transferred' | 'rejected' | 'resolved' | 'queued';

export interface ProgressEntry {
  receiptNo: string;
  formId: string;
  status: ProgressStatus | string;
  updatedAt: string;
  noteKey?: string;
}

export interface QueueStatus {
  pending: number;
  lastSyncAt: string | null;
  hubReachable: boolean | null;
  paired: boolean;
  kioskId: string | null;
}

function callByName<T>(method: string, input: object): Promise<T> {
  return call(method as MethodName, input as never) as Promise<T>;
}

export const kioskApi = {
  guidesList: (input: { category?: string } = {}) => callByName<GuideSummary[]>('guidesList', input),
  guideGet: (input: { id: string }) => callByName<GuideDetail>('guideGet', input),
  librarySearch: (input: { q: string; kind?: LibraryKind; limit?: number; offset?: number }) => callByName<LibrarySearchResult>('librarySearch', input),
  libraryDocument: (input: { docId: string; ordinal?: number }) => callByName<LibraryDocument>('libraryDocument', input),
  progressLookup: (input: { receiptNo: string }) => callByName<ProgressEntry[]>('progressLookup', input),
  evaluationSubmit: (input: { service: string; score: number; tags: string[]; comment?: string; receiptNo?: string }) => callByName<unknown>('evaluationSubmit', input),
  idcardWatch: (input: { active: boolean }) => callByName<unknown>('idcardWatch', input),
  idcardPlaceDemoCard: () => callByName<unknown>('idcardPlaceDemoCard', {}),
  idcardRemoveDemoCard: () => callByName<unknown>('idcardRemoveDemoCard', {}),
  kioskMaintenanceUnlock: (input: { pin: string }) => callByName<{ token: string }>('kioskMaintenanceUnlock', input),
  kioskQueueStatus: (input: { token: string }) => callByName<QueueStatus>('kioskQueueStatus', input),
  kioskSyncNow: (input: { token: string }) => callByName<unknown>('kioskSyncNow', input),
  kioskPair: (input: { token: string; code: string; hubUrl?: string }) => callByName<unknown>('kioskPair', input),
};

/** The i18n key for a failed call: `errors.<code>` for refusals, `errors.internal` otherwise. */
export function errorKey(error: unknown): string {
  if (error instanceof ApiCallError) return `errors.${error.payload.code}`;
  return 'errors.internal';
}

export function errorCode(error: unknown): string {
  return error instanceof ApiCallError ? error.payload.code : 'internal';
}

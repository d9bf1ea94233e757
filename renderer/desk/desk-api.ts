import type { InputOf } from '../../electron/core/api/contract';

/**
 * The intake rows of the API as the desk names them. Every type comes from the core module that
 * produces it (type-only imports, plus the pure status lists); calls go through the typed `api`.
 */
export { SUBMISSION_STATUSES } from '../../electron/core/intake/status-flow';
export type { SubmissionStatus, InboxAction as InboxActionName, TransferTarget, Outcome } from '../../electron/core/intake/status-flow';
export type { InboxRow, InboxItem, StatusHistoryEntry as InboxHistoryEntry, FormSummary, KioskInfo } from '../../electron/core/intake/intake-methods';

export type InboxFilter = Omit<InputOf<'inboxList'>, 'limit' | 'offset'>;
export type InboxActInput = InputOf<'inboxAct'>;

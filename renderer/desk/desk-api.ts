import { call } from '../api/client';
import type { MethodName } from '../../electron/core/api/contract';
import type { Answers, FormDefinition } from '../../kiosk-config/forms/form-schema';
import type { LocalizedText } from '../../kiosk-config/site-schema';

/**
 * The intake rows of the API as the desk uses them. They are called by name so these screens
 * compile and degrade gracefully (`errors.unknown_method`) on a core that does not serve them yet.
 */
export type SubmissionStatus = 'received' | 'accepted' | 'needs_materials' | 'transferred' | 'rejected' | 'resolved';
export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['received', 'accepted', 'needs_materials', 'transferred', 'rejected', 'resolved'];
export type InboxActionName = 'accept' | 'requestMaterials' | 'transfer' | 'reject' | 'resolve';
export type TransferTarget = 'legalAidCenter' | 'court' | 'otherDepartment';
export type Outcome = 'agreement' | 'failed' | 'done';

export interface InboxFilter {
  type?: string;
  status?: SubmissionStatus;
  from?: string;
  to?: string;
  assignee?: string;
  receiptNo?: string;
  name?: string;
}

export interface InboxRow {
  id: string;
  receiptNo: string;
  formId: string;
  status: SubmissionStatus;
  source: 'kiosk' | 'walkin';
  kioskId: string | null;
  createdAt: string;
  receivedAt: string;
  assignee: string | null;
  applicantMasked: string;
  outcome?: Outcome | null;
}

export interface InboxHistoryEntry {
  status: SubmissionStatus;
  actor: string;
  at: string;
  detail: Record<string, unknown> | null;
}

export interface InboxItem extends InboxRow {
  answers: Answers;
  personalFields: string[];
  history: InboxHistoryEntry[];
  acceptedAt?: string | null;
  closedAt?: string | null;
}

export interface InboxActInput {
  id: string;
  action: InboxActionName;
  assignee?: string;
  materials?: string[];
  transferTo?: TransferTarget;
  reason?: string;
  outcome?: Outcome;
  agreementRef?: string;
}

export interface FormSummary {
  id: string;
  service: string;
  title: LocalizedText;
  summary: LocalizedText;
}

export interface KioskInfo {
  kioskId: string;
  name: string;
  pairedAt: string;
  lastSeenAt: string | null;
  queueDepth: number | null;
  revoked: boolean;
}

function callByName<T>(method: string, input: unknown): Promise<T> {
  return call(method as MethodName, input as never) as Promise<T>;
}

export const intakeDesk = {
  inboxList: (input: InboxFilter & { limit: number; offset: number }) => callByName<{ rows: InboxRow[]; total: number }>('inboxList', input),
  inboxGet: (input: { id: string }) => callByName<InboxItem>('inboxGet', input),
  inboxReveal: (input: { id: string }) => callByName<{ id: string; personal: Answers }>('inboxReveal', input),
  inboxAct: (input: InboxActInput) => callByName<{ id: string; status: SubmissionStatus }>('inboxAct', input),
  inboxExportCsv: (input: InboxFilter) => callByName<{ filename: string; csv: string }>('inboxExportCsv', input),
  formsList: () => callByName<FormSummary[]>('formsList', {}),
  formGet: (input: { formId: string }) => callByName<FormDefinition>('formGet', input),
  pairingCodeCreate: () => callByName<{ code: string; expiresAt: string }>('pairingCodeCreate', {}),
  kiosksList: () => callByName<KioskInfo[]>('kiosksList', {}),
  kioskRevoke: (input: { kioskId: string }) => callByName<{ ok: true }>('kioskRevoke', input),
};

import { z } from 'zod';
import { method } from '../api/method';
import type { FormDefinition, Answers } from '../../../kiosk-config/forms/form-schema';
import type { LocalizedText } from '../../../kiosk-config/site-schema';
import { INBOX_ACTIONS, OUTCOMES, SUBMISSION_STATUSES, TRANSFER_TARGETS, type Outcome, type SubmissionStatus } from './status-flow';

const questionId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/).max(64);
const repeatItem = z.record(questionId, z.union([z.string().max(5000), z.boolean(), z.array(z.string().max(200)).max(50)]));
const answerValue = z.union([z.string().max(10_000), z.boolean(), z.number().finite(), z.array(z.string().max(200)).max(50), z.array(repeatItem).max(20)]);
/** Answers as they cross the boundary: shape only; the form engine judges the content. */
export const answersSchema = z.record(questionId, answerValue).refine((a) => Object.keys(a).length <= 300, { message: 'too many answers' });

const formId = z.string().regex(/^[a-z][a-z0-9-]*$/).max(64);
const maintenanceToken = z.string().min(16).max(128);
/** YYYY-MM-DD (local day) or a full ISO timestamp. */
const dateBound = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/);

export const inboxFilterSchema = z
  .object({
    type: formId.optional(),
    status: z.enum(SUBMISSION_STATUSES).optional(),
    from: dateBound.optional(),
    to: dateBound.optional(),
    assignee: z.string().min(1).max(64).optional(),
    receiptNo: z.string().min(1).max(40).optional(),
    /** Exact full name; matched through the HMAC blind index, audited. */
    name: z.string().min(1).max(50).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type InboxFilter = z.output<typeof inboxFilterSchema>;

export interface FormSummary {
  id: string;
  service: FormDefinition['service'];
  title: LocalizedText;
  summary: LocalizedText;
}

export interface ProgressEntry {
  receiptNo: string;
  formId: string;
  status: SubmissionStatus;
  updatedAt: string;
  noteKey?: string;
}

export interface QueueStatus {
  /** Items not yet acknowledged by the hub (includes held ones). */
  pending: number;
  /** Acknowledged, kept until the retention window passes. */
  sentAwaitingRetention: number;
  /** Items the hub refused (400/409/422); kept, retried on kioskSyncNow. */
  held: number;
  lastSyncAt: string | null;
  lastError: string | null;
  hubUrl: string | null;
  hubReachable: boolean | null;
  paired: boolean;
  kioskId: string;
  deviceCode: string;
}

export interface KioskInfo {
  kioskId: string;
  name: string;
  deviceCode: string;
  pairedAt: string;
  lastSeenAt: string | null;
  queueDepth: number | null;
  revoked: boolean;
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
  /** e.g. 张*; empty when the form had no name (anonymous opinion). */
  applicantMasked: string;
  outcome: Outcome | null;
}

export interface StatusHistoryEntry {
  status: SubmissionStatus;
  actor: string;
  at: string;
  detail: Record<string, unknown> | null;
}

export interface InboxItem extends InboxRow {
  formVersion: number | null;
  acceptedAt: string | null;
  closedAt: string | null;
  /** All stored answers; personal ones masked (see personalFields). */
  answers: Answers;
  personalFields: string[];
  history: StatusHistoryEntry[];
}

export const intakeMethods = {
  formsList: method<FormSummary[]>()({ input: z.object({}).strict(), roles: ['kiosk', 'desk'] }),
  formGet: method<FormDefinition>()({ input: z.object({ formId }).strict(), roles: ['kiosk', 'desk'] }),

  draftSave: method<{ draftId: string }>()({
    input: z.object({ draftId: z.uuid().optional(), formId, answers: answersSchema, groupIndex: z.number().int().min(0).max(200) }).strict(),
    roles: ['kiosk'],
  }),
  draftPause: method<{ code: string; expiresAt: string }>()({ input: z.object({ draftId: z.uuid() }).strict(), roles: ['kiosk'] }),
  draftResume: method<{ draftId: string; formId: string; answers: Answers; groupIndex: number }>()({
    input: z.object({ code: z.string().min(4).max(16) }).strict(),
    roles: ['kiosk'],
  }),
  draftDiscard: method<{ ok: true }>()({ input: z.object({ draftId: z.uuid() }).strict(), roles: ['kiosk'] }),

  intakeSubmit: method<{ id: string; receiptNo: string; submittedAt: string }>()({
    input: z.object({ formId, answers: answersSchema, draftId: z.uuid().optional() }).strict(),
    roles: ['kiosk'],
  }),
  progressLookup: method<ProgressEntry[]>()({ input: z.object({ receiptNo: z.string().min(1).max(40) }).strict(), roles: ['kiosk'] }),
  progressLookupByIdNumber: method<ProgressEntry[]>()({ input: z.object({ idNumber: z.string().min(15).max(18) }).strict(), roles: ['kiosk'] }),
  evaluationSubmit: method<{ ok: true }>()({
    input: z
      .object({
        service: z.string().min(1).max(40),
        score: z.number().int().min(1).max(5),
        tags: z.array(z.string().min(1).max(40)).max(12),
        comment: z.string().max(200).optional(),
        receiptNo: z.string().min(1).max(40).optional(),
      })
      .strict(),
    roles: ['kiosk'],
  }),

  kioskMaintenanceUnlock: method<{ token: string; expiresAt: string }>()({ input: z.object({ pin: z.string().min(4).max(16) }).strict(), roles: ['kiosk'] }),
  kioskQueueStatus: method<QueueStatus>()({ input: z.object({ token: maintenanceToken }).strict(), roles: ['kiosk'] }),
  kioskSyncNow: method<QueueStatus>()({ input: z.object({ token: maintenanceToken }).strict(), roles: ['kiosk'] }),
  kioskPair: method<{ paired: true; kioskId: string; deviceCode: string; hubUrl: string }>()({
    input: z.object({ token: maintenanceToken, code: z.string().min(4).max(16), hubUrl: z.url().optional(), name: z.string().min(1).max(40).optional() }).strict(),
    roles: ['kiosk'],
  }),

  pairingCodeCreate: method<{ code: string; expiresAt: string }>()({ input: z.object({}).strict(), roles: ['desk'], permission: 'kiosk.manage' }),
  kiosksList: method<KioskInfo[]>()({ input: z.object({}).strict(), roles: ['desk'], permission: 'kiosk.manage' }),
  kioskRevoke: method<{ ok: true }>()({ input: z.object({ kioskId: z.string().min(1).max(64) }).strict(), roles: ['desk'], permission: 'kiosk.manage' }),

  inboxList: method<{ rows: InboxRow[]; total: number }>()({ input: inboxFilterSchema, roles: ['desk'], permission: 'inbox.view' }),
  inboxGet: method<InboxItem>()({ input: z.object({ id: z.string().min(1).max(64) }).strict(), roles: ['desk'], permission: 'inbox.view' }),
  inboxReveal: method<{ id: string; personal: Answers }>()({ input: z.object({ id: z.string().min(1).max(64) }).strict(), roles: ['desk'], permission: 'inbox.reveal' }),
  inboxAct: method<{ id: string; status: SubmissionStatus }>()({
    input: z
      .object({
        id: z.string().min(1).max(64),
        action: z.enum(INBOX_ACTIONS),
        assignee: z.string().min(1).max(64).optional(),
        materials: z.array(z.string().min(1).max(100)).max(30).optional(),
        transferTo: z.enum(TRANSFER_TARGETS).optional(),
        reason: z.string().max(500).optional(),
        outcome: z.enum(OUTCOMES).optional(),
        agreementRef: z.string().max(64).optional(),
      })
      .strict(),
    roles: ['desk'],
    permission: 'inbox.act',
  }),
  inboxExportCsv: method<{ filename: string; csv: string }>()({
    input: inboxFilterSchema.omit({ limit: true, offset: true }),
    roles: ['desk'],
    permission: 'inbox.export',
  }),
  walkinSubmit: method<{ id: string; receiptNo: string }>()({ input: z.object({ formId, answers: answersSchema }).strict(), roles: ['desk'], permission: 'walkin.create' }),
};

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { answersSchema } from '../intake/intake-methods';
import { SUBMISSION_STATUSES } from '../intake/status-flow';

/**
 * The kiosk <-> desk hub wire format (JSON over HTTP on the office LAN). Version prefix /v1.
 * Every push item carries its own Idempotency-Key (the item's UUIDv7), scoped per kiosk.
 */
export const HUB_PATHS = {
  pair: '/v1/pair',
  push: '/v1/push',
  statuses: '/v1/statuses',
  heartbeat: '/v1/heartbeat',
} as const;

export const pairRequestSchema = z
  .object({
    code: z.string().min(4).max(16),
    kioskId: z.string().min(8).max(64),
    name: z.string().min(1).max(60),
    deviceCode: z.string().regex(/^[2-9A-HJ-NP-Z]{2}$/).optional(),
  })
  .strict();
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const pairResponseSchema = z.object({ deviceToken: z.string().min(20), deviceCode: z.string(), hubId: z.string() });
export type PairResponse = z.infer<typeof pairResponseSchema>;

export const submissionPayloadSchema = z
  .object({
    id: z.uuid(),
    receiptNo: z.string().min(10).max(40),
    formId: z.string().min(1).max(64),
    formVersion: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    answers: answersSchema,
  })
  .strict();
export type SubmissionPayload = z.infer<typeof submissionPayloadSchema>;

export const evaluationPayloadSchema = z
  .object({
    id: z.uuid(),
    service: z.string().min(1).max(40),
    score: z.number().int().min(1).max(5),
    tags: z.array(z.string().max(40)).max(12),
    comment: z.string().max(200).optional(),
    receiptNo: z.string().max(40).optional(),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type EvaluationPayload = z.infer<typeof evaluationPayloadSchema>;

export type PushKind = 'submission' | 'evaluation';

export interface PushItem {
  idempotencyKey: string;
  kind: PushKind;
  payload: SubmissionPayload | EvaluationPayload;
}

export const pushRequestSchema = z
  .object({
    /** Items are checked one by one, so one bad item cannot block the others. */
    items: z.array(z.unknown()).min(1).max(1000),
    queueDepth: z.number().int().min(0).optional(),
  })
  .strict();

export const pushItemSchema = z
  .object({
    idempotencyKey: z.string().min(1).max(200),
    kind: z.enum(['submission', 'evaluation']),
    payload: z.unknown(),
  })
  .strict();

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

export interface PushItemResult {
  idempotencyKey: string | null;
  /** 200 stored (or replayed), 400 malformed / missing key, 409 id owned elsewhere, 422 key reused with another payload. */
  status: 200 | 400 | 409 | 422;
  replayed?: boolean;
  id?: string;
  receiptNo?: string;
  receivedAt?: string;
  problem?: Problem;
}

export interface PushResponse {
  results: PushItemResult[];
}

export const statusEventSchema = z.object({
  cursor: z.number().int(),
  submissionId: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  at: z.string(),
  noteKey: z.string().nullable(),
});
export const statusResponseSchema = z.object({ events: z.array(statusEventSchema), cursor: z.number().int(), more: z.boolean() });
export type StatusResponse = z.infer<typeof statusResponseSchema>;

export const heartbeatSchema = z.object({ queueDepth: z.number().int().min(0), lastSyncAt: z.string().nullable().optional() }).strict();

export const pushResponseSchema = z.object({
  results: z.array(
    z.object({
      idempotencyKey: z.string().nullable(),
      status: z.union([z.literal(200), z.literal(400), z.literal(409), z.literal(422)]),
      replayed: z.boolean().optional(),
      id: z.string().optional(),
      receiptNo: z.string().optional(),
      receivedAt: z.string().optional(),
      problem: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string().optional() }).optional(),
    }),
  ),
});

export function problem(status: number, slug: string, title: string, detail?: string): Problem {
  return { type: `urn:sifa:problem:${slug}`, title, status, ...(detail ? { detail } : {}) };
}

/** Fingerprint of an item for the same-key-different-payload check. */
export function payloadHash(kind: string, payload: unknown): string {
  return createHash('sha256').update(kind).update('\u0000').update(canonicalJson(payload)).digest('hex');
}

/** JSON with sorted keys, so a re-sent payload hashes the same whatever order built it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

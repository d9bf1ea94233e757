import { hash } from 'node:crypto';

/**
 * The hash chain of the audit trail as pure functions: every entry's hash covers the previous
 * entry's hash and its own canonical content, so editing, removing or reordering any row breaks
 * the chain at that row.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  /** Canonical JSON text of the detail object (keys sorted), or null. */
  detail: string | null;
}

/** JSON array form: unambiguous whatever characters the fields hold. */
export function canonicalContent(entry: ChainedFields): string {
  return JSON.stringify([entry.id, entry.at, entry.actor, entry.action, entry.target, entry.detail]);
}

/** One-shot hash (node:crypto `hash`): the verifier calls this a million times. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  return hash('sha256', `${prevHash}\n${canonicalContent(entry)}`, 'hex');
}

/** Detail objects are stored with sorted keys so the same facts always hash the same. */
export function canonicalDetail(detail: Record<string, string | number | boolean | null> | undefined): string | null {
  if (!detail) return null;
  const keys = Object.keys(detail).sort();
  if (keys.length === 0) return null;
  const sorted: Record<string, string | number | boolean | null> = {};
  for (const key of keys) sorted[key] = detail[key] ?? null;
  return JSON.stringify(sorted);
}

export type ChainBreak = 'content_hash_mismatch' | 'prev_hash_mismatch' | 'gap';

/** A stored entry as the verifier reads it: the chained fields in order, then prev_hash and hash. */
export type ChainRow = readonly [id: number, at: string, actor: string, action: string, target: string | null, detail: string | null, prevHash: string, hash: string];

export type VerifyResult = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: ChainBreak; entries: number };

/**
 * Walks entries in id order and stops at the first broken link. Ids start at 1 and grow by one:
 * a missing id is a deleted row; a prev_hash that is not the previous row's hash is a broken
 * link; a hash that does not cover the row's content is an edit.
 */
export function verifyChain(rows: Iterable<ChainRow>): VerifyResult {
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    const id = row[0];
    if (id !== expectedId) return { ok: false, brokenAt: id, reason: 'gap', entries: count };
    if (row[6] !== prevHash) return { ok: false, brokenAt: id, reason: 'prev_hash_mismatch', entries: count };
    // Same text as canonicalContent(), inlined: this runs once per entry of the whole trail.
    if (hash('sha256', `${prevHash}\n${JSON.stringify([id, row[1], row[2], row[3], row[4], row[5]])}`, 'hex') !== row[7]) {
      return { ok: false, brokenAt: id, reason: 'content_hash_mismatch', entries: count };
    }
    prevHash = row[7];
    expectedId += 1;
    count += 1;
  }
  return { ok: true, entries: count };
}

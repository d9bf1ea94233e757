/** One queued item as the batch selector sees it. */
export interface BatchCandidate {
  seq: number;
  /** Size of its JSON on the wire (`wireBytes`). */
  bytes: number;
}

export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxItems: 500, maxBytes: 4 * 1024 * 1024 };

/** Bytes an item adds to the request body: UTF-8, as the hub counts them, not UTF-16 string length. */
export function wireBytes(item: unknown): number {
  return Buffer.byteLength(JSON.stringify(item));
}

/**
 * The next push: oldest first, as many as fit both limits. Always at least one item, so a single
 * oversized submission is still sent (on its own) instead of blocking the queue forever.
 */
export function selectBatch<T extends BatchCandidate>(candidates: readonly T[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): T[] {
  const sorted = [...candidates].sort((a, b) => a.seq - b.seq);
  const out: T[] = [];
  let bytes = 0;
  for (const item of sorted) {
    if (out.length >= limits.maxItems) break;
    if (out.length > 0 && bytes + item.bytes > limits.maxBytes) break;
    out.push(item);
    bytes += item.bytes;
  }
  return out;
}

/** One queued item as the batch selector sees it. */
export interface BatchCandidate {
  seq: number;
  /** Serialized size of its payload. */
  bytes: number;
}

export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxItems: 500, maxBytes: 4 * 1024 * 1024 };

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

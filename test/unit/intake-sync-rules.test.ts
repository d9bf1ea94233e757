import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, DEFAULT_BACKOFF } from '../../electron/core/sync/backoff';
import { selectBatch, wireBytes } from '../../electron/core/sync/batch';
import { canonicalJson, payloadHash } from '../../electron/core/sync/sync-protocol';
import { missingActionFields, nextStatus, statusNoteKey, SUBMISSION_STATUSES, INBOX_ACTIONS } from '../../electron/core/intake/status-flow';

describe('backoff', () => {
  it('doubles from the base, stays within [ceiling/2, ceiling] and never passes the cap', () => {
    expect(backoffDelay(1, 0)).toBe(500);
    expect(backoffDelay(1, 1)).toBe(1000);
    expect(backoffDelay(3, 0.5)).toBe(3000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, r);
        const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** Math.min(attempt - 1, 30));
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
        expect(d).toBeGreaterThan(0);
      }),
    );
  });
});

describe('batch selection', () => {
  it('takes the oldest items first, within both limits', () => {
    const items = [5, 1, 3, 2, 4].map((seq) => ({ seq, bytes: 100 }));
    expect(selectBatch(items, { maxItems: 3, maxBytes: 10_000 }).map((i) => i.seq)).toEqual([1, 2, 3]);
    expect(selectBatch(items, { maxItems: 10, maxBytes: 250 }).map((i) => i.seq)).toEqual([1, 2]);
  });

  it('always sends at least one item, even an oversized one', () => {
    expect(selectBatch([{ seq: 7, bytes: 10_000_000 }], { maxItems: 10, maxBytes: 1000 }).map((i) => i.seq)).toEqual([7]);
    expect(selectBatch([], { maxItems: 10, maxBytes: 1000 })).toEqual([]);
  });

  it('counts Chinese text in the UTF-8 bytes the hub limits, not in string length', () => {
    const facts = '工地拖欠工资，多次讨要未果。'.repeat(20);
    const items = [1, 2, 3].map((seq) => ({ seq, bytes: wireBytes({ kind: 'submission', payload: { answers: { facts } } }) }));
    const asString = JSON.stringify({ kind: 'submission', payload: { answers: { facts } } }).length;
    expect(items[0]!.bytes).toBe(asString + 2 * facts.length);
    // By string length all three would fit; by the bytes that go on the wire only one does.
    expect(selectBatch(items, { maxItems: 10, maxBytes: 3 * asString + 10 }).map((i) => i.seq)).toEqual([1]);
    expect(selectBatch(items, { maxItems: 10, maxBytes: 2 * items[0]!.bytes }).map((i) => i.seq)).toEqual([1, 2]);
  });
});

describe('idempotency fingerprint', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(payloadHash('submission', { a: 1, b: 2 })).toBe(payloadHash('submission', { b: 2, a: 1 }));
    expect(payloadHash('submission', { a: 1 })).not.toBe(payloadHash('evaluation', { a: 1 }));
  });
});

describe('status flow', () => {
  it('only moves forward', () => {
    expect(nextStatus('received', 'accept')).toBe('accepted');
    expect(nextStatus('accepted', 'resolve')).toBe('resolved');
    expect(nextStatus('received', 'resolve')).toBeNull();
    for (const closed of ['transferred', 'rejected', 'resolved'] as const) {
      for (const action of INBOX_ACTIONS) expect(nextStatus(closed, action)).toBeNull();
    }
    expect(SUBMISSION_STATUSES).toContain('needs_materials');
  });

  it('names what an action is missing and what the kiosk will say', () => {
    expect(missingActionFields({ action: 'transfer' })).toEqual(['transferTo']);
    expect(missingActionFields({ action: 'requestMaterials', materials: [] })).toEqual(['materials']);
    expect(missingActionFields({ action: 'accept' })).toEqual([]);
    expect(statusNoteKey('transferred', { transferTo: 'court' })).toBe('progress.transferred.court');
    expect(statusNoteKey('needs_materials')).toBe('progress.needsMaterials');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalDetail, entryHash, GENESIS_HASH, verifyChain as verifyRows, type ChainedFields, type ChainRow } from '../../electron/core/audit/audit-chain';

interface StoredEntry extends ChainedFields {
  prevHash: string;
  hash: string;
}

/** The verifier over entries shaped like the table's rows. */
function verifyChain(entries: StoredEntry[]) {
  const rows: ChainRow[] = entries.map((e) => [e.id, e.at, e.actor, e.action, e.target, e.detail, e.prevHash, e.hash]);
  return verifyRows(rows);
}

function chain(n: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id += 1) {
    const fields = { id, at: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(), actor: `u${id % 3}`, action: 'personal.reveal', target: `s${id}`, detail: canonicalDetail({ field: 'name', n: id }) };
    const hash = entryHash(prev, fields);
    entries.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('audit hash chain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(chain(20))).toEqual({ ok: true, entries: 20 });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0 });
  });

  it('canonical detail sorts keys and drops empty objects', () => {
    expect(canonicalDetail({ b: 1, a: 'x' })).toBe('{"a":"x","b":1}');
    expect(canonicalDetail({})).toBeNull();
    expect(canonicalDetail(undefined)).toBeNull();
  });

  it('names exactly the first changed entry, whatever field changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.constantFrom('at', 'actor', 'action', 'target', 'detail'), fc.string({ minLength: 1 }), (id, field, value) => {
        const entries = chain(30);
        const entry = entries[id - 1]!;
        if ((entry as unknown as Record<string, unknown>)[field] === value) return;
        (entry as unknown as Record<string, unknown>)[field] = value;
        expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: id, reason: 'content_hash_mismatch' });
      }),
    );
  });

  it('reports gaps, reordering and prev-hash splices', () => {
    const gap = chain(10).filter((e) => e.id !== 4);
    expect(verifyChain(gap)).toMatchObject({ ok: false, brokenAt: 5, reason: 'gap' });
    const tail = chain(10).slice(0, 9);
    expect(verifyChain(tail)).toEqual({ ok: true, entries: 9 }); // truncation needs an outside anchor
    const spliced = chain(10);
    spliced[6] = { ...spliced[6]!, prevHash: 'f'.repeat(64) };
    expect(verifyChain(spliced)).toMatchObject({ ok: false, brokenAt: 7, reason: 'prev_hash_mismatch' });
    const startsLate = chain(5).slice(1);
    expect(verifyChain(startsLate)).toMatchObject({ ok: false, brokenAt: 2, reason: 'gap' });
  });

  it('keeps field boundaries unambiguous', () => {
    const a = entryHash(GENESIS_HASH, { id: 1, at: 'x', actor: 'ab', action: 'c', target: null, detail: null });
    const b = entryHash(GENESIS_HASH, { id: 1, at: 'x', actor: 'a', action: 'bc', target: null, detail: null });
    expect(a).not.toBe(b);
  });
});

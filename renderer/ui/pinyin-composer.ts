/**
 * Pinyin composition for the on-screen keyboard: letters typed in 中 mode collect in a buffer,
 * the candidate bar offers characters for the syllable at its start, and picking one commits
 * the character and consumes that syllable ("falv" -> pick 法 -> "lv" -> pick 律).
 * The table maps a toneless syllable (ü written v: "lv") to characters, most common first.
 */
export type CandidateTable = Readonly<Record<string, string>>;

export interface Candidate {
  text: string;
  /** How many buffer letters picking this candidate consumes. */
  consume: number;
}

export interface PinyinIndex {
  lookup(syllable: string): readonly string[] | undefined;
  /** Syllables that start with `prefix` (longer than it), in table order. */
  extensions(prefix: string): readonly string[];
  maxSyllable: number;
}

export function createPinyinIndex(table: CandidateTable): PinyinIndex {
  const map = new Map<string, string[]>();
  let maxSyllable = 1;
  for (const [syllable, list] of Object.entries(table)) {
    const key = syllable.toLowerCase();
    if (!/^[a-z]+$/.test(key)) continue;
    map.set(key, list.split(/\s+/).filter(Boolean));
    maxSyllable = Math.max(maxSyllable, key.length);
  }
  const keys = [...map.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
  return {
    lookup: (syllable) => map.get(syllable),
    extensions: (prefix) => keys.filter((k) => k.length > prefix.length && k.startsWith(prefix)),
    maxSyllable,
  };
}

/** Characters taken from longer syllables when the buffer is only a prefix ("zh", "yua"). */
const EXTENSION_BUDGET = 30;

/**
 * Candidates for a composition buffer:
 *  - the buffer is a syllable ("fa"): its characters, then a few from longer syllables ("fan");
 *  - the buffer is the start of longer syllables ("yua"): their characters first, since the
 *    resident is still spelling, then those of the longest syllable it starts with ("yu");
 *  - otherwise ("falv"): the characters of the longest syllable at its start ("fa"), consuming
 *    only that syllable so the rest stays in the buffer.
 */
export function candidatesFor(index: PinyinIndex, buffer: string): Candidate[] {
  const input = buffer.toLowerCase();
  if (!input) return [];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (texts: readonly string[], consume: number): void => {
    for (const text of texts) {
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, consume });
    }
  };
  const exact = index.lookup(input);
  const longer = index.extensions(input);
  const perLonger = Math.max(3, Math.floor(EXTENSION_BUDGET / Math.max(1, longer.length)));
  const pushLonger = () => {
    for (const syllable of longer) push((index.lookup(syllable) ?? []).slice(0, perLonger), input.length);
  };
  if (exact) {
    push(exact, input.length);
    pushLonger();
    return out;
  }
  if (longer.length) pushLonger();
  for (let len = Math.min(input.length - 1, index.maxSyllable); len > 0; len -= 1) {
    const list = index.lookup(input.slice(0, len));
    if (list) {
      push(list, len);
      break;
    }
  }
  return out;
}

/** The syllable the candidates currently refer to, for showing "fa | lv" in the composition line. */
export function segmentBuffer(index: PinyinIndex, buffer: string): string[] {
  const parts: string[] = [];
  let rest = buffer.toLowerCase();
  while (rest) {
    let len = Math.min(rest.length, index.maxSyllable);
    while (len > 1 && !index.lookup(rest.slice(0, len))) len -= 1;
    parts.push(rest.slice(0, len));
    rest = rest.slice(len);
  }
  return parts;
}

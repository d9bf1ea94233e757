import { createRequire } from 'node:module';

// pinyin-pro carries its whole dictionary (tens of milliseconds to load): required on first use
// (indexing or a pinyin search), not while the app starts.
let pinyinPro: typeof import('pinyin-pro') | undefined;

/**
 * Terms that pinyin-initial search (`flyz` -> 法律援助) can expand to. Scope, in order of weight:
 * 1. the curated glossary in the content pack (`library-terms.txt`, what residents ask about);
 * 2. document titles (full and without the `中华人民共和国` prefix) and chapter/section names;
 * 3. frequent 2–4 character sequences of the texts themselves (a cheap stand-in for word
 *    segmentation: sequences that recur often in legal text are almost always terms).
 * Initials of whole titles are also kept on each document so `mfd` finds 民法典 by title.
 */

export interface KeyTerm {
  term: string;
  initials: string;
  weight: number;
}

const CJK_ONLY = /^[\u4e00-\u9fff]+$/;
/** Function characters that make an n-gram a fragment rather than a term. */
const STOP_CHARS = new Set(Array.from('的了和与及或在是为对于其并不应当由将被按以等所之者也有从中上下可该此个各向经已未即但而若如则就到把给让使这那'));
const NGRAM_MIN_COUNT: Record<number, number> = { 2: 40, 3: 12, 4: 6 };
const MAX_FREQUENT_TERMS = 4000;
/** Counting n-grams over a huge import costs memory; the first few million characters give the same frequent terms. */
const MAX_SCAN_CHARS = 3_000_000;

export function initialsOf(text: string): string {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  const letters = pinyinPro.pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' });
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function shortTitle(title: string): string {
  return title.replace(/^中华人民共和国/, '').replace(/[《》]/g, '').trim();
}

export function headingName(heading: string): string {
  return heading.replace(/^第[一二三四五六七八九十百千零〇\d]+[编章节条]\s*/, '').replace(/^第[一二三四五六七八九十]+分编\s*/, '').replace(/\s+/g, '');
}

export function parseGlossary(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => CJK_ONLY.test(line));
}

export function extractKeyTerms(input: { glossary: readonly string[]; titles: readonly string[]; headings: readonly string[]; texts: Iterable<string> }): KeyTerm[] {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    if (!CJK_ONLY.test(term) || term.length < 2 || term.length > 16) return;
    weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };
  for (const term of input.glossary) add(term, 1_000_000);
  for (const title of input.titles) {
    add(shortTitle(title).replace(/\s+/g, ''), 500_000);
  }
  for (const heading of input.headings) {
    for (const part of heading.split(' · ')) add(headingName(part), 100_000);
  }

  const counts = new Map<string, number>();
  let scanned = 0;
  for (const text of input.texts) {
    if (scanned > MAX_SCAN_CHARS) break;
    scanned += text.length;
    for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
      for (let n = 2; n <= 4; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const gram = run.slice(i, i + n);
          counts.set(gram, (counts.get(gram) ?? 0) + 1);
        }
      }
    }
  }
  const frequent = [...counts]
    .filter(([gram, count]) => count >= (NGRAM_MIN_COUNT[gram.length] ?? Infinity) && !Array.from(gram).some((c) => STOP_CHARS.has(c)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FREQUENT_TERMS);
  for (const [gram, count] of frequent) add(gram, count);

  return [...weights].map(([term, weight]) => ({ term, initials: initialsOf(term), weight })).filter((t) => t.initials.length >= 2);
}

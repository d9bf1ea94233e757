/**
 * The short-query index: every run of letters/digits is written out as overlapping two-character
 * tokens separated by spaces (plus the run's last character alone), and stored in an FTS5 table
 * with the plain `unicode61` tokenizer and a one-character prefix index. A 2-character query is
 * then one token lookup, a 1-character query one prefix lookup (`"调" *`), and a longer term a
 * phrase of consecutive bigrams. Trigram FTS cannot do the first two at all.
 */

const WORD_RUN = /[\p{L}\p{N}]+/gu;

export function wordRuns(text: string): string[] {
  return text.toLowerCase().match(WORD_RUN) ?? [];
}

/** `法律援助` -> `法律 律援 援助 助`. */
export function bigramDocument(text: string): string {
  const out: string[] = [];
  for (const run of wordRuns(text)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] ?? '') + (chars[i + 1] ?? ''));
    out.push(chars[chars.length - 1] ?? '');
  }
  return out.join(' ');
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/**
 * FTS5 expression for one search term over the bigram table, or null when the term has no
 * letters or digits. Punctuation inside a term splits it into runs that must all occur.
 */
export function bigramTermQuery(term: string): string | null {
  const parts: string[] = [];
  for (const run of wordRuns(term)) {
    const chars = Array.from(run);
    if (chars.length === 1) {
      parts.push(`${quote(chars[0] ?? '')} *`);
    } else {
      const grams: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) grams.push((chars[i] ?? '') + (chars[i + 1] ?? ''));
      parts.push(quote(grams.join(' ')));
    }
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

/** FTS5 expression for one term over the trigram table (a phrase; the tokenizer makes it a substring match). */
export function trigramTermQuery(term: string): string {
  return quote(term);
}

export function charLength(text: string): number {
  return Array.from(text).length;
}

import type { SnippetSegment } from './library-types';

/** Characters of context kept before the first hit, and the snippet's total length. */
const LEAD = 24;
const WIDTH = 110;

/**
 * Cuts a window around the first occurrence of any needle and splits it into hit / non-hit
 * segments (case-insensitive). Returned as data so no HTML is ever built from library text.
 */
export function buildSnippet(text: string, needles: readonly string[]): SnippetSegment[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const lower = flat.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const needle of needles) {
    const n = needle.toLowerCase();
    if (!n) continue;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(n, from);
      if (at < 0) break;
      ranges.push([at, at + n.length]);
      from = at + n.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const firstHit = merged[0]?.[0] ?? 0;
  let start = Math.max(0, firstHit - LEAD);
  const end = Math.min(flat.length, start + WIDTH);
  if (end - start < WIDTH) start = Math.max(0, end - WIDTH);
  // Never cut inside a hit.
  for (const [a, b] of merged) if (a < start && b > start) start = a;
  const segments: SnippetSegment[] = [];
  const push = (segmentText: string, hit: boolean): void => {
    if (!segmentText) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += segmentText;
    else segments.push({ text: segmentText, hit });
  };
  if (start > 0) push('…', false);
  let pos = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    push(flat.slice(pos, Math.max(pos, a)), false);
    push(flat.slice(Math.max(a, pos), Math.min(b, end)), true);
    pos = Math.min(b, end);
  }
  push(flat.slice(pos, end), false);
  if (end < flat.length) push('…', false);
  return segments;
}

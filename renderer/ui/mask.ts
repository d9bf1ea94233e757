import type { FieldKind } from './field-kind';

/**
 * Masking rules for personal data on screen (a kiosk stands in a public hall):
 *   ID number  3201**********1234   first 4 and last 4 kept
 *   name       张*  / 欧阳** kept: the first character (two for a known compound surname)
 *   phone      138****5678          first 3 and last 4 kept
 *   address    示范县示范镇****       the first 6 characters kept (at most half of a short one)
 * Everything works on code points so CJK text and emoji are never cut in half.
 */
export type MaskKind = 'idNumber' | 'name' | 'phone' | 'address' | 'generic';

const STAR = '*';

const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '申屠']);

function chars(value: string): string[] {
  return Array.from(value);
}

function keepEnds(value: string, head: number, tail: number): string {
  const c = chars(value);
  if (c.length <= head + tail) {
    // Too short to keep both ends: keep at most the first character so something is still hidden.
    return c.length <= 1 ? STAR.repeat(c.length) : c[0] + STAR.repeat(c.length - 1);
  }
  return c.slice(0, head).join('') + STAR.repeat(c.length - head - tail) + c.slice(c.length - tail).join('');
}

export function maskIdNumber(value: string): string {
  return keepEnds(value.trim(), 4, 4);
}

export function maskPhone(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11 && /^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  // Landlines and others: hide all digits but the first 3 and last 4, keeping separators.
  if (digits.length < 8) return keepEnds(trimmed, 1, 2);
  let seen = 0;
  return chars(trimmed)
    .map((ch) => {
      if (!/\d/.test(ch)) return ch;
      seen += 1;
      return seen <= 3 || seen > digits.length - 4 ? ch : STAR;
    })
    .join('');
}

export function maskName(value: string): string {
  const trimmed = value.trim();
  const c = chars(trimmed);
  if (c.length === 0) return '';
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) {
    const surname = c.length > 2 && COMPOUND_SURNAMES.has(c.slice(0, 2).join('')) ? 2 : 1;
    return c.slice(0, surname).join('') + STAR.repeat(Math.max(1, c.length - surname));
  }
  // Latin names: first letter of each word.
  return trimmed
    .split(/\s+/)
    .map((word) => {
      const w = chars(word);
      return (w[0] ?? '') + STAR.repeat(Math.max(1, w.length - 1));
    })
    .join(' ');
}

export function maskAddress(value: string): string {
  const c = chars(value.trim());
  if (c.length === 0) return '';
  const keep = Math.min(6, Math.max(1, Math.floor(c.length / 2)));
  return c.slice(0, keep).join('') + STAR.repeat(4);
}

export function maskGeneric(value: string): string {
  return keepEnds(value.trim(), 1, 1);
}

export function mask(value: string, kind: MaskKind): string {
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(value);
    case 'name':
      return maskName(value);
    case 'phone':
      return maskPhone(value);
    case 'address':
      return maskAddress(value);
    default:
      return maskGeneric(value);
  }
}

/** How a masked TouchField of a given kind shows its value while it is not being edited. */
export function maskByKind(value: string, kind: FieldKind): string {
  if (kind === 'idNumber') return maskIdNumber(value);
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'text') return maskName(value);
  return maskGeneric(value);
}

/** What a TouchField holds; decides the on-screen keyboard and which characters are accepted. */
export type FieldKind = 'text' | 'textarea' | 'numeric' | 'phone' | 'idNumber' | 'date';

const ALLOWED: Partial<Record<FieldKind, RegExp>> = {
  numeric: /[^0-9]/g,
  phone: /[^0-9-]/g,
  idNumber: /[^0-9X]/g,
  date: /[^0-9-]/g,
};

/**
 * Normalises what was typed or pasted into a field of this kind: ID numbers take digits and an
 * upper-case X, dates are shaped as YYYY-MM-DD while typing, single-line fields lose newlines.
 * Length is counted in characters (code points), so a CJK character counts as one.
 */
export function sanitizeForKind(raw: string, kind: FieldKind, maxLength?: number): string {
  let value = kind === 'idNumber' ? raw.toUpperCase() : raw;
  const pattern = ALLOWED[kind];
  if (pattern) value = value.replace(pattern, '');
  if (kind === 'text') value = value.replace(/[\r\n]+/g, ' ');
  if (kind === 'date') value = shapeDate(value);
  if (maxLength !== undefined) value = Array.from(value).slice(0, maxLength).join('');
  return value;
}

/** Digits typed on the date pad become 2024-05-06; an already shaped date stays as it is. */
export function shapeDate(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

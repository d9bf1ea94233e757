/**
 * Receipt numbers a resident can read aloud over the phone: `OOKK-YYMMDD-SSSS-C`, e.g.
 * `01K7-250114-0003-M`. OO = last two characters of the office code, KK = the device code (a
 * kiosk's, unique per hub; `W?` style codes for the desk), YYMMDD = local date, SSSS = the
 * device's sequence that day (4+ digits), C = a Luhn mod-34 check character that catches any
 * single mistyped character and most swaps. No I or O anywhere, so 1/0 are never confused.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Device codes avoid digits 0 and 1 as well, so they never look like part of the office code. */
export const DEVICE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface ReceiptParts {
  officeCode: string;
  deviceCode: string;
  /** Local calendar day. */
  date: Date;
  sequence: number;
}

export function officePrefix(officeCode: string): string {
  return sanitize(officeCode).slice(-2).padStart(2, '0');
}

export function receiptDay(date: Date): string {
  const yy = String(date.getFullYear() % 100).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

export function formatReceipt(parts: ReceiptParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) throw new Error('sequence must be a positive integer');
  if (!/^[2-9A-HJ-NP-Z]{2}$/.test(parts.deviceCode)) throw new Error(`bad device code ${parts.deviceCode}`);
  const head = `${officePrefix(parts.officeCode)}${parts.deviceCode}`;
  const day = receiptDay(parts.date);
  const seq = String(parts.sequence).padStart(4, '0');
  const check = checkCharacter(`${head}${day}${seq}`);
  return `${head}-${day}-${seq}-${check}`;
}

/** Luhn mod N over RECEIPT_ALPHABET. */
export function checkCharacter(body: string): string {
  const n = RECEIPT_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const codePoint = RECEIPT_ALPHABET.indexOf(body[i] as string);
    if (codePoint < 0) throw new Error(`character ${body[i]} is not in the receipt alphabet`);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return RECEIPT_ALPHABET[(n - (sum % n)) % n] as string;
}

/**
 * What the resident typed (any case, spaces or dashes, O for 0, I for 1) -> the canonical
 * receipt, or null when it cannot be one (wrong length or check character).
 */
export function normalizeReceipt(input: string): string | null {
  const raw = sanitize(input);
  // office(2) + device(2) + day(6) + seq(>=4) + check(1)
  if (raw.length < 15 || raw.length > 20) return null;
  const head = raw.slice(0, 4);
  const day = raw.slice(4, 10);
  const seq = raw.slice(10, -1);
  const check = raw.slice(-1);
  if (!/^\d{6}$/.test(day) || !/^\d{4,}$/.test(seq)) return null;
  if (checkCharacter(`${head}${day}${seq}`) !== check) return null;
  return `${head}-${day}-${seq}-${check}`;
}

function sanitize(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/I/g, '1');
}

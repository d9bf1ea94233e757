import { randomInt } from 'node:crypto';

/**
 * Codes people copy by hand (draft resume codes, kiosk pairing codes): no 0/O, 1/I/L, so
 * nothing is ambiguous on a screen or a slip of paper.
 */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomShortCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and strips separators; maps look-alikes (O->0 is not in the alphabet, so O stays invalid). */
export function normalizeShortCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s\-_]/g, '');
}

export function isShortCode(code: string, length = 6): boolean {
  return code.length === length && [...code].every((c) => SHORT_CODE_ALPHABET.includes(c));
}

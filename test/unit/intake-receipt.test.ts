import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCharacter, formatReceipt, normalizeReceipt, officePrefix, RECEIPT_ALPHABET } from '../../electron/core/intake/receipt-number';
import { isShortCode, normalizeShortCode, randomShortCode, SHORT_CODE_ALPHABET } from '../../electron/core/intake/short-code';

const date = new Date(2025, 0, 14, 10, 30);

describe('receipt numbers', () => {
  it('reads aloud in groups: office, device, day, sequence, check', () => {
    const receipt = formatReceipt({ officeCode: '320199000001', deviceCode: 'K7', date, sequence: 3 });
    expect(receipt).toMatch(/^01K7-250114-0003-[0-9A-HJ-NP-Z]$/);
    expect(officePrefix('320199000001')).toBe('01');
  });

  it('grows past 9999 a day without breaking the format', () => {
    const receipt = formatReceipt({ officeCode: '320199000001', deviceCode: 'K7', date, sequence: 12345 });
    expect(normalizeReceipt(receipt)).toBe(receipt);
  });

  it('accepts what a resident types: lower case, spaces, O for 0, no dashes', () => {
    const receipt = formatReceipt({ officeCode: '320199000001', deviceCode: 'K7', date, sequence: 42 });
    const typed = receipt.replace(/-/g, ' ').toLowerCase().replace(/0/g, 'o');
    expect(normalizeReceipt(typed)).toBe(receipt);
    expect(normalizeReceipt('hello')).toBeNull();
  });

  it('catches every single mistyped character', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: RECEIPT_ALPHABET.length - 1 }), (seq, pos, shift) => {
        const receipt = formatReceipt({ officeCode: '320199000001', deviceCode: 'K7', date, sequence: seq });
        const body = receipt.replace(/-/g, '');
        const i = pos % body.length;
        const original = body[i] as string;
        const replaced = RECEIPT_ALPHABET[(RECEIPT_ALPHABET.indexOf(original) + shift) % RECEIPT_ALPHABET.length] as string;
        const broken = body.slice(0, i) + replaced + body.slice(i + 1);
        expect(normalizeReceipt(broken)).toBeNull();
      }),
    );
  });

  it('catches most adjacent swaps', () => {
    const body = '01K72501140003';
    let caught = 0;
    let swaps = 0;
    for (let i = 0; i < body.length - 1; i += 1) {
      if (body[i] === body[i + 1]) continue;
      swaps += 1;
      const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
      if (checkCharacter(swapped) !== checkCharacter(body)) caught += 1;
    }
    expect(caught).toBe(swaps);
  });
});

describe('short codes', () => {
  it('uses only unambiguous characters', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = randomShortCode(6);
      expect(isShortCode(code)).toBe(true);
    }
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(normalizeShortCode(' ab-c 23d ')).toBe('ABC23D');
    expect(isShortCode('ABC0DE')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mask, maskAddress, maskByKind, maskIdNumber, maskName, maskPhone } from '../../renderer/ui/mask';

describe('mask rules for personal data on screen', () => {
  it('keeps the first 4 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('320102195603011234')).toBe('3201**********1234');
    expect(maskIdNumber('32010219560301123X')).toBe('3201**********123X');
    expect(maskIdNumber('320102560301123')).toBe('3201*******1123');
  });

  it('keeps only the surname of a Chinese name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳修')).toBe('欧阳*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('张')).toBe('张*');
    expect(maskName('阿依·木拉提')).toBe('阿*****');
  });

  it('keeps the first letter of each word of a Latin name', () => {
    expect(maskName('John Smith')).toBe('J*** S****');
  });

  it('masks a mobile number as 138****5678 and keeps separators of landlines', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('025-0000-1234')).toBe('025-****-1234');
  });

  it('keeps the beginning of an address only', () => {
    expect(maskAddress('示范县示范镇人民路1号便民服务中心')).toBe('示范县示范镇****');
    expect(maskAddress('示范县示范镇人民路1号')).toBe('示范县示范****');
    expect(maskAddress('北京')).toBe('北****');
  });

  it('never shows a short value whole', () => {
    expect(mask('12', 'idNumber')).toBe('1*');
    expect(mask('7', 'phone')).toBe('*');
    expect(mask('', 'name')).toBe('');
  });

  it('picks the rule from a TouchField kind', () => {
    expect(maskByKind('320102195603011234', 'idNumber')).toBe('3201**********1234');
    expect(maskByKind('13812345678', 'phone')).toBe('138****5678');
    expect(maskByKind('李四', 'text')).toBe('李*');
  });

  it('hides at least one character of any non-empty value, and never splits a character', () => {
    fc.assert(
      // A value made of '*' already looks masked (fast-check found "* "); leave the mask character out.
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((v) => !v.includes('*')), fc.constantFrom('idNumber', 'name', 'phone', 'address', 'generic') as fc.Arbitrary<'idNumber' | 'name' | 'phone' | 'address' | 'generic'>, (value, kind) => {
        if (!value.trim()) return;
        const out = mask(value, kind);
        expect(out).toContain('*');
        expect(out).not.toBe(value.trim());
        expect(out.isWellFormed()).toBe(true);
      }),
    );
  });
});

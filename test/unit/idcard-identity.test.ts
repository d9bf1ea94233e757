import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ETHNICITY_CODES,
  SEX_CODES,
  cardTypeMarker,
  checkIdNumber,
  decodeAppendedAddress,
  decodeIdentity,
  encodeAppendedAddress,
  encodeIdentity,
  fieldsFromIdentity,
  generateIdNumber,
  idCheckChar,
  isExpired,
  isValidIdNumber,
} from '../../native-bridges/idcard/identity';
import { FIXTURES, FIXTURE_IDS } from '../../native-bridges/idcard/fixtures';

const NOW = new Date(2026, 5, 1, 12, 0, 0); // 2026-06-01 local time

/** Reads a UCS-2LE field straight from the block, for layout assertions independent of the decoder. */
function field(block: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length; i += 2) s += String.fromCharCode(block[i]! | (block[i + 1]! << 8));
  return s.trimEnd();
}

describe('ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the standard\'s published examples and computes their check characters', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('440524188001010014', '1880-01-01')).toBe(true);
    // Specimen numbers published for HK/Macau/Taiwan residence permits.
    expect(isValidIdNumber('810000199408230021')).toBe(true);
    expect(isValidIdNumber('830000199201300022')).toBe(true);
  });

  it('rejects wrong check characters, impossible dates and birth-date mismatches', () => {
    expect(checkIdNumber('110105194912310021')).toMatchObject({ valid: false, checksumOk: false });
    expect(checkIdNumber(generateIdNumber('100101', '20000229', 1))).toMatchObject({ valid: true });
    // 1900 was not a leap year: craft a number with a valid check char but an impossible date.
    const first17 = '10010119000229001';
    expect(checkIdNumber(first17 + idCheckChar(first17))).toMatchObject({ checksumOk: true, birthDateOk: false, valid: false });
    expect(checkIdNumber('11010519491231002X', '1949-12-30')).toMatchObject({ checksumOk: true, birthDateOk: false, valid: false });
    expect(isValidIdNumber('12345')).toBe(false);
  });

  it('generateIdNumber always yields valid numbers (property)', () => {
    const date = fc.date({ min: new Date(1900, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }).map(
      (d) => `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`,
    );
    fc.assert(
      fc.property(fc.integer({ min: 100000, max: 999999 }), date, fc.integer({ min: 0, max: 999 }), (area, birth, seq) => {
        const id = generateIdNumber(String(area), birth, seq);
        expect(id).toHaveLength(18);
        expect(checkIdNumber(id, birth).valid).toBe(true);
      }),
    );
  });

  it('generateIdNumber rejects bad input', () => {
    expect(() => generateIdNumber('1001', '19900101', 1)).toThrow(RangeError);
    expect(() => generateIdNumber('100101', '19900230', 1)).toThrow(RangeError);
    expect(() => generateIdNumber('100101', '19900101', 1000)).toThrow(RangeError);
  });
});

describe('code tables', () => {
  it('has all 56 ethnic groups plus 97 and 98 (GB/T 3304)', () => {
    const codes = Object.keys(ETHNICITY_CODES).sort();
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(codes).toEqual(expected);
    expect(ETHNICITY_CODES['01']).toEqual({ zh: '汉', en: 'Han' });
    expect(ETHNICITY_CODES['56']?.zh).toBe('基诺');
    expect(ETHNICITY_CODES['46']?.zh).toBe('德昂');
    const zh = Object.values(ETHNICITY_CODES).map((e) => e.zh);
    const en = Object.values(ETHNICITY_CODES).map((e) => e.en);
    expect(new Set(zh).size).toBe(58);
    expect(new Set(en).size).toBe(58);
  });

  it('has the GB/T 2261.1 sex codes', () => {
    expect(Object.keys(SEX_CODES).sort()).toEqual(['0', '1', '2', '9']);
    expect(SEX_CODES['1']).toEqual({ zh: '男', en: 'Male' });
    expect(SEX_CODES['2']).toEqual({ zh: '女', en: 'Female' });
  });
});

describe('text block layouts', () => {
  it('resident card: fields at the documented offsets, blank type marker', () => {
    const f = FIXTURES.resident.fields;
    const block = encodeIdentity(f);
    expect(block).toHaveLength(256);
    expect(field(block, 0, 30)).toBe('王样例');
    expect(field(block, 30, 2)).toBe('1');
    expect(field(block, 32, 4)).toBe('01');
    expect(field(block, 36, 16)).toBe('19520315');
    expect(field(block, 122, 36)).toBe(f.idNumber);
    expect(field(block, 204, 16)).toBe('长期');
    expect(cardTypeMarker(block)).toBe('');
    // space padded, as on real cards
    expect([block[254], block[255]]).toEqual([0x20, 0x00]);
  });

  it("'I' card: English name first (120 bytes), marker at byte 248", () => {
    const block = encodeIdentity(FIXTURES['foreign-permanent'].fields);
    expect(field(block, 0, 120)).toBe('SPECIMEN, SAMPLE');
    expect(field(block, 122, 30)).toBe('UTO100650315019');
    expect(field(block, 152, 6)).toBe('UTO');
    expect(field(block, 158, 30)).toBe('样本');
    expect(field(block, 220, 16)).toBe('19650315');
    expect([block[248], block[249]]).toEqual([0x49, 0x00]);
  });

  it("'J' permit: pass number at 220 and issue count at 238", () => {
    const block = encodeIdentity(FIXTURES['hmt-residence'].fields);
    expect(field(block, 220, 18)).toBe('H00000001');
    expect(field(block, 238, 4)).toBe('01');
    expect(cardTypeMarker(block)).toBe('J');
  });

  it("'Y' card: English name split over bytes 52-121 and 220-241", () => {
    const block = encodeIdentity(FIXTURES['foreign-permanent-2023'].fields);
    expect(field(block, 52, 70)).toBe('SPECIMEN, SAMPLE ALEXANDRA MARIA CH');
    expect(field(block, 220, 22)).toBe('RISTINA');
    expect(field(block, 242, 6)).toBe('UTO');
    expect(cardTypeMarker(block)).toBe('Y');
  });
});

describe('decodeIdentity', () => {
  it('decodes the resident fixture', () => {
    const id = decodeIdentity(encodeIdentity(FIXTURES.resident.fields), { now: NOW })!;
    expect(id).toEqual({
      cardType: 'resident',
      name: '王样例',
      sex: { code: '1', zh: '男', en: 'Male' },
      ethnicity: { code: '01', zh: '汉', en: 'Han' },
      birthDate: '1952-03-15',
      address: '样例省示范市和平区幸福路88号院3号楼2单元101室',
      idNumber: FIXTURES.resident.fields.idNumber,
      idNumberValid: true,
      authority: '示范市公安局和平分局',
      validFrom: '2016-05-20',
      validUntil: 'long-term',
      expired: false,
    });
  });

  it('flags the expired resident card against the given clock (inclusive end date)', () => {
    const block = encodeIdentity(FIXTURES['resident-expired'].fields);
    expect(decodeIdentity(block, { now: NOW })).toMatchObject({ validUntil: '2020-07-01', expired: true, sex: { code: '2', zh: '女' }, ethnicity: { code: '08', zh: '壮', en: 'Zhuang' } });
    expect(decodeIdentity(block, { now: new Date(2020, 6, 1, 23, 59) })!.expired).toBe(false);
    expect(decodeIdentity(block, { now: new Date(2020, 6, 2, 0, 0) })!.expired).toBe(true);
    expect(isExpired('long-term', new Date(2999, 0, 1))).toBe(false);
  });

  it('decodes the HK/Macau/Taiwan residence permit', () => {
    const id = decodeIdentity(encodeIdentity(FIXTURES['hmt-residence'].fields), { now: NOW })!;
    expect(id).toMatchObject({
      cardType: 'hmt-residence',
      name: '陈测试',
      idNumber: '810000199408230021',
      idNumberValid: true,
      passNumber: 'H00000001',
      issueCount: '01',
      validUntil: '2028-06-01',
      expired: false,
    });
    expect(id.ethnicity).toBeUndefined();
  });

  it('decodes the old foreign permanent resident card', () => {
    const id = decodeIdentity(encodeIdentity(FIXTURES['foreign-permanent'].fields), { now: NOW })!;
    expect(id).toMatchObject({
      cardType: 'foreign-permanent',
      name: '样本',
      nameEn: 'SPECIMEN, SAMPLE',
      sex: { code: '1', en: 'Male' },
      nationality: 'UTO',
      birthDate: '1965-03-15',
      idNumber: 'UTO100650315019',
      idNumberValid: true,
      authority: '1500',
      cardVersion: '01',
      validFrom: '2025-04-01',
      validUntil: '2035-04-01',
      expired: false,
    });
  });

  it('decodes the 2023 foreign permanent resident card', () => {
    const f = FIXTURES['foreign-permanent-2023'].fields;
    const id = decodeIdentity(encodeIdentity(f), { now: NOW })!;
    expect(id).toMatchObject({
      cardType: 'foreign-permanent-2023',
      name: '样例',
      nameEn: 'SPECIMEN, SAMPLE ALEXANDRA MARIA CHRISTINA',
      nationality: 'UTO',
      birthDate: '1988-04-12',
      idNumber: f.idNumber,
      idNumberValid: true,
      renewalCount: '00',
      validUntil: '2033-12-01',
    });
  });

  it('every fixture has a valid number and round-trips decode -> fields -> encode byte-exactly', () => {
    for (const id of FIXTURE_IDS) {
      const block = encodeIdentity(FIXTURES[id].fields);
      const decoded = decodeIdentity(block, { now: NOW })!;
      expect(decoded.idNumberValid, id).toBe(true);
      expect(encodeIdentity(fieldsFromIdentity(decoded)), id).toEqual(block);
    }
  });

  it('keeps the raw photo only when asked, and never decodes it', () => {
    const block = encodeIdentity(FIXTURES.resident.fields);
    const photo = FIXTURES.resident.photo;
    expect(decodeIdentity(block, { now: NOW, photo })!.photoWlt).toBeUndefined();
    const kept = decodeIdentity(block, { now: NOW, photo, keepPhoto: true })!;
    expect(kept.photoWlt).toEqual(photo);
    expect(kept.photoWlt).not.toBe(photo); // a copy
  });

  it('carries the appended address', () => {
    const data = encodeAppendedAddress('样例省示范市和平区安康街6号');
    expect(data).toHaveLength(70);
    const address = decodeAppendedAddress(data);
    expect(address).toBe('样例省示范市和平区安康街6号');
    expect(decodeIdentity(encodeIdentity(FIXTURES.resident.fields), { now: NOW, appendedAddress: address })!.appendedAddress).toBe(address);
  });

  it('flags a tampered number and a number that disagrees with the birth date', () => {
    const f = { ...FIXTURES.resident.fields };
    expect(decodeIdentity(encodeIdentity({ ...f, idNumber: f.idNumber.slice(0, 17) + (f.idNumber[17] === '0' ? '1' : '0') }), { now: NOW })!.idNumberValid).toBe(false);
    expect(decodeIdentity(encodeIdentity({ ...f, birthDate: '1952-03-16' }), { now: NOW })!.idNumberValid).toBe(false);
  });

  it('returns null for short input and never throws on arbitrary 256-byte blocks (property)', () => {
    expect(decodeIdentity(new Uint8Array(100), { now: NOW })).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), fc.constantFrom(0, 0x49, 0x4a, 0x59), (block, marker) => {
        block[248] = marker;
        block[249] = 0;
        const id = decodeIdentity(block, { now: NOW });
        expect(id).not.toBeNull();
        expect(typeof id!.name).toBe('string');
      }),
    );
  });
});

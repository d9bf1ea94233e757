/**
 * Decoding and encoding of the 256-byte identity text block read from the card
 * (UCS-2 little-endian, space padded). PURE: no I/O, no hidden clock (`now` is a parameter).
 *
 * Layouts (byte offsets; see README.md for sources):
 *
 *  resident ID card, and 'J' HK/Macau/Taiwan residence permit
 *    0 name 30 | 30 sex 2 | 32 ethnicity 4 | 36 birth 16 | 52 address 70 | 122 ID number 36 |
 *    158 authority 30 | 188 valid-from 16 | 204 valid-until 16 |
 *    220 pass number 18 (J) | 238 issue count 4 (J) | 242 reserved 6 | 248 card type 2 | 250 reserved 6
 *
 *  'I' foreign permanent resident ID card (2004/2017 layout)
 *    0 English name 120 | 120 sex 2 | 122 card number 30 | 152 nationality 6 | 158 Chinese name 30 |
 *    188 valid-from 16 | 204 valid-until 16 | 220 birth 16 | 236 card version 4 |
 *    240 issuing authority code 8 | 248 card type 2 | 250 reserved 6
 *
 *  'Y' foreign permanent resident ID card (2023 layout)
 *    0 Chinese name 30 | 30 sex 2 | 32 renewal count 4 | 36 birth 16 | 52 English name (chars 1-35) 70 |
 *    122 ID number 36 | 158 reserved 30 | 188 valid-from 16 | 204 valid-until 16 |
 *    220 English name (chars 36-46) 22 | 242 nationality 6 | 248 card type 2 | 250 previous-number link 6
 */

export const TEXT_BLOCK_LENGTH = 256;
export const PHOTO_LENGTH = 1024;

export type CardType = 'resident' | 'foreign-permanent' | 'foreign-permanent-2023' | 'hmt-residence';

export interface CodeName {
  code: string;
  zh: string;
  en: string;
}

export interface CardIdentity {
  cardType: CardType;
  /** Chinese name (for 'I' cards the Chinese name field, possibly empty). */
  name: string;
  nameEn?: string;
  sex: CodeName;
  ethnicity?: CodeName;
  /** ISO 3166-1 alpha-3 code on foreign permanent resident cards. */
  nationality?: string;
  /** YYYY-MM-DD, or the raw text when the card holds something that is not a date. */
  birthDate: string;
  address: string;
  idNumber: string;
  idNumberValid: boolean;
  authority: string;
  validFrom: string;
  validUntil: string | 'long-term';
  expired: boolean;
  passNumber?: string;
  issueCount?: string;
  /** 'I' cards: card version; 'Y' cards: renewal count. */
  cardVersion?: string;
  renewalCount?: string;
  /** 'Y' cards: link to the holder's previous (15-character) card number. */
  previousNumberLink?: string;
  appendedAddress?: string;
  /** Raw WLT-compressed photo (1024 bytes), only when requested with keepPhoto. Never decoded here. */
  photoWlt?: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Code tables

/** GB/T 2261.1 sex codes. */
export const SEX_CODES: Readonly<Record<string, { zh: string; en: string }>> = {
  '0': { zh: '未知', en: 'Unknown' },
  '1': { zh: '男', en: 'Male' },
  '2': { zh: '女', en: 'Female' },
  '9': { zh: '未说明', en: 'Unspecified' },
};

/** GB/T 3304 ethnicity codes (the 56 ethnic groups plus 97 and 98). */
export const ETHNICITY_CODES: Readonly<Record<string, { zh: string; en: string }>> = {
  '01': { zh: '汉', en: 'Han' },
  '02': { zh: '蒙古', en: 'Mongol' },
  '03': { zh: '回', en: 'Hui' },
  '04': { zh: '藏', en: 'Tibetan' },
  '05': { zh: '维吾尔', en: 'Uyghur' },
  '06': { zh: '苗', en: 'Miao' },
  '07': { zh: '彝', en: 'Yi' },
  '08': { zh: '壮', en: 'Zhuang' },
  '09': { zh: '布依', en: 'Bouyei' },
  '10': { zh: '朝鲜', en: 'Korean' },
  '11': { zh: '满', en: 'Manchu' },
  '12': { zh: '侗', en: 'Dong' },
  '13': { zh: '瑶', en: 'Yao' },
  '14': { zh: '白', en: 'Bai' },
  '15': { zh: '土家', en: 'Tujia' },
  '16': { zh: '哈尼', en: 'Hani' },
  '17': { zh: '哈萨克', en: 'Kazakh' },
  '18': { zh: '傣', en: 'Dai' },
  '19': { zh: '黎', en: 'Li' },
  '20': { zh: '傈僳', en: 'Lisu' },
  '21': { zh: '佤', en: 'Va' },
  '22': { zh: '畲', en: 'She' },
  '23': { zh: '高山', en: 'Gaoshan' },
  '24': { zh: '拉祜', en: 'Lahu' },
  '25': { zh: '水', en: 'Sui' },
  '26': { zh: '东乡', en: 'Dongxiang' },
  '27': { zh: '纳西', en: 'Naxi' },
  '28': { zh: '景颇', en: 'Jingpo' },
  '29': { zh: '柯尔克孜', en: 'Kyrgyz' },
  '30': { zh: '土', en: 'Tu' },
  '31': { zh: '达斡尔', en: 'Daur' },
  '32': { zh: '仫佬', en: 'Mulao' },
  '33': { zh: '羌', en: 'Qiang' },
  '34': { zh: '布朗', en: 'Blang' },
  '35': { zh: '撒拉', en: 'Salar' },
  '36': { zh: '毛南', en: 'Maonan' },
  '37': { zh: '仡佬', en: 'Gelao' },
  '38': { zh: '锡伯', en: 'Xibe' },
  '39': { zh: '阿昌', en: 'Achang' },
  '40': { zh: '普米', en: 'Pumi' },
  '41': { zh: '塔吉克', en: 'Tajik' },
  '42': { zh: '怒', en: 'Nu' },
  '43': { zh: '乌孜别克', en: 'Uzbek' },
  '44': { zh: '俄罗斯', en: 'Russian' },
  '45': { zh: '鄂温克', en: 'Evenki' },
  '46': { zh: '德昂', en: "De'ang" },
  '47': { zh: '保安', en: 'Bonan' },
  '48': { zh: '裕固', en: 'Yugur' },
  '49': { zh: '京', en: 'Gin' },
  '50': { zh: '塔塔尔', en: 'Tatar' },
  '51': { zh: '独龙', en: 'Derung' },
  '52': { zh: '鄂伦春', en: 'Oroqen' },
  '53': { zh: '赫哲', en: 'Hezhen' },
  '54': { zh: '门巴', en: 'Monba' },
  '55': { zh: '珞巴', en: 'Lhoba' },
  '56': { zh: '基诺', en: 'Jino' },
  '97': { zh: '其他', en: 'Other' },
  '98': { zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
};

export function sexFromCode(code: string): CodeName {
  const c = code.trim();
  const entry = SEX_CODES[c];
  return entry ? { code: c, ...entry } : { code: c, zh: '未知', en: 'Unknown' };
}

export function ethnicityFromCode(code: string): CodeName | undefined {
  const c = code.trim();
  if (c === '') return undefined;
  const entry = ETHNICITY_CODES[c];
  return entry ? { code: c, ...entry } : { code: c, zh: c, en: c };
}

// ---------------------------------------------------------------------------------------------
// ID numbers (GB 11643-1999, ISO 7064 MOD 11-2)

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Check character for the first 17 digits, or undefined when they are not 17 digits. */
export function idCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11];
}

/** YYYYMMDD is a real calendar date. */
export function isValidCompactDate(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

export interface IdNumberCheck {
  valid: boolean;
  checksumOk: boolean;
  birthDateOk: boolean;
}

/**
 * Validates an 18-character number (resident ID, HK/Macau/Taiwan residence permit, 2023
 * foreign permanent resident ID): MOD 11-2 check character, a real birth date in positions
 * 7-14 and, when `birthDate` (YYYYMMDD or YYYY-MM-DD) is given, agreement with it.
 */
export function checkIdNumber(idNumber: string, birthDate?: string): IdNumberCheck {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, checksumOk: false, birthDateOk: false };
  const checksumOk = idCheckChar(id.slice(0, 17)) === id[17];
  const embedded = id.slice(6, 14);
  let birthDateOk = isValidCompactDate(embedded);
  if (birthDateOk && birthDate !== undefined) birthDateOk = embedded === birthDate.replace(/-/g, '');
  return { valid: checksumOk && birthDateOk, checksumOk, birthDateOk };
}

export function isValidIdNumber(idNumber: string, birthDate?: string): boolean {
  return checkIdNumber(idNumber, birthDate).valid;
}

/**
 * Builds a valid 18-character number: 6-digit area code, birth date (YYYYMMDD or YYYY-MM-DD),
 * 3-digit sequence (odd = male, even = female), MOD 11-2 check character.
 */
export function generateIdNumber(area: string, birth: string, seq: number | string): string {
  const a = area.trim();
  const b = birth.replace(/-/g, '');
  const s = String(seq).padStart(3, '0');
  if (!/^\d{6}$/.test(a)) throw new RangeError(`area code must be 6 digits: ${area}`);
  if (!isValidCompactDate(b)) throw new RangeError(`invalid birth date: ${birth}`);
  if (!/^\d{3}$/.test(s)) throw new RangeError(`sequence must be 0..999: ${String(seq)}`);
  const first17 = a + b + s;
  return first17 + (idCheckChar(first17) as string);
}

/** 'I' card numbers: 3 capital letters (nationality) and 12 digits. Format check only (see README). */
export function isValidForeignPermanentNumber(n: string): boolean {
  return /^[A-Z]{3}\d{12}$/.test(n.trim());
}

// ---------------------------------------------------------------------------------------------
// UCS-2 helpers

const utf16 = new TextDecoder('utf-16le');

function readField(block: Uint8Array, offset: number, length: number): string {
  // Fields are padded with spaces; some writers pad with NULs.
  return trimPadding(utf16.decode(block.subarray(offset, offset + length)));
}

function isPad(code: number): boolean {
  return code === 0 || code === 0x20 || code === 0x3000 || (code >= 0x09 && code <= 0x0d);
}

function trimPadding(s: string, leading = true): string {
  let end = s.length;
  while (end > 0 && isPad(s.charCodeAt(end - 1))) end--;
  let start = 0;
  if (leading) while (start < end && isPad(s.charCodeAt(start))) start++;
  return s.slice(start, end);
}

function writeField(block: Uint8Array, offset: number, length: number, value: string): void {
  const chars = length >> 1;
  for (let i = 0; i < chars; i++) {
    const code = i < value.length ? value.charCodeAt(i) : 0x20;
    block[offset + i * 2] = code & 0xff;
    block[offset + i * 2 + 1] = code >> 8;
  }
}

function toIsoDate(compact: string): string {
  return /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : compact;
}

function toCompactDate(value: string): string {
  return value.replace(/-/g, '');
}

/** Local calendar date of `now` as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/** The card is valid through its end date (inclusive). */
export function isExpired(validUntil: string | 'long-term', now: Date): boolean {
  if (validUntil === 'long-term') return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil)) return false;
  return localIsoDate(now) > validUntil;
}

function parseValidUntil(raw: string): string | 'long-term' {
  if (raw === '长期' || /^长期/.test(raw)) return 'long-term';
  return toIsoDate(raw);
}

// ---------------------------------------------------------------------------------------------
// Decoding

export interface DecodeIdentityOptions {
  /** Clock for the expired flag. Required: pure code has no hidden clock. */
  now: Date;
  photo?: Uint8Array;
  /** Keep the raw WLT photo bytes in the result (only when a form needs the photo). */
  keepPhoto?: boolean;
  appendedAddress?: string;
}

/** Card-type marker at bytes 248-249. */
export function cardTypeMarker(block: Uint8Array): string {
  if (block.length < 250) return '';
  const code = (block[248] as number) | ((block[249] as number) << 8);
  return code === 0 || code === 0x20 ? '' : String.fromCharCode(code);
}

export function cardTypeFromMarker(marker: string): CardType {
  switch (marker) {
    case 'I':
      return 'foreign-permanent';
    case 'J':
      return 'hmt-residence';
    case 'Y':
      return 'foreign-permanent-2023';
    default:
      return 'resident';
  }
}

/**
 * Decodes the 256-byte text block. Returns null when the block is shorter than 256 bytes.
 * Never throws.
 */
export function decodeIdentity(block: Uint8Array, options: DecodeIdentityOptions): CardIdentity | null {
  if (!(block instanceof Uint8Array) || block.length < TEXT_BLOCK_LENGTH) return null;
  const cardType = cardTypeFromMarker(cardTypeMarker(block));
  let identity: CardIdentity;
  if (cardType === 'foreign-permanent') {
    const birth = readField(block, 220, 16);
    const validUntil = parseValidUntil(readField(block, 204, 16));
    const idNumber = readField(block, 122, 30);
    identity = {
      cardType,
      name: readField(block, 158, 30),
      nameEn: readField(block, 0, 120),
      sex: sexFromCode(readField(block, 120, 2)),
      nationality: readField(block, 152, 6),
      birthDate: toIsoDate(birth),
      address: '',
      idNumber,
      idNumberValid: isValidForeignPermanentNumber(idNumber),
      authority: readField(block, 240, 8),
      validFrom: toIsoDate(readField(block, 188, 16)),
      validUntil,
      expired: isExpired(validUntil, options.now),
      cardVersion: readField(block, 236, 4),
    };
  } else if (cardType === 'foreign-permanent-2023') {
    const birth = readField(block, 36, 16);
    const validUntil = parseValidUntil(readField(block, 204, 16));
    const idNumber = readField(block, 122, 36);
    const en1 = utf16.decode(block.subarray(52, 122));
    const en2 = utf16.decode(block.subarray(220, 242));
    identity = {
      cardType,
      name: readField(block, 0, 30),
      nameEn: trimPadding(en1 + en2),
      sex: sexFromCode(readField(block, 30, 2)),
      nationality: readField(block, 242, 6),
      birthDate: toIsoDate(birth),
      address: '',
      idNumber,
      idNumberValid: isValidIdNumber(idNumber, birth),
      authority: readField(block, 158, 30),
      validFrom: toIsoDate(readField(block, 188, 16)),
      validUntil,
      expired: isExpired(validUntil, options.now),
      renewalCount: readField(block, 32, 4),
      previousNumberLink: readField(block, 250, 6),
    };
  } else {
    const birth = readField(block, 36, 16);
    const validUntil = parseValidUntil(readField(block, 204, 16));
    const idNumber = readField(block, 122, 36);
    identity = {
      cardType,
      name: readField(block, 0, 30),
      sex: sexFromCode(readField(block, 30, 2)),
      birthDate: toIsoDate(birth),
      address: readField(block, 52, 70),
      idNumber,
      idNumberValid: isValidIdNumber(idNumber, birth),
      authority: readField(block, 158, 30),
      validFrom: toIsoDate(readField(block, 188, 16)),
      validUntil,
      expired: isExpired(validUntil, options.now),
    };
    const ethnicity = ethnicityFromCode(readField(block, 32, 4));
    if (ethnicity) identity.ethnicity = ethnicity;
    if (cardType === 'hmt-residence') {
      identity.passNumber = readField(block, 220, 18);
      identity.issueCount = readField(block, 238, 4);
    }
  }
  if (options.appendedAddress !== undefined && options.appendedAddress !== '') identity.appendedAddress = options.appendedAddress;
  if (options.keepPhoto && options.photo) identity.photoWlt = options.photo.slice();
  return identity;
}

/** Decodes the data of a successful "read appended address" (30 03) response: 70 bytes UCS-2LE. */
export function decodeAppendedAddress(data: Uint8Array): string {
  return readField(data, 0, Math.min(data.length, 70) & ~1);
}

export function encodeAppendedAddress(address: string): Uint8Array {
  const out = new Uint8Array(70);
  writeField(out, 0, 70, address);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Encoding (fixtures and the simulator)

/** Input for encodeIdentity: codes instead of code/name pairs, dates as YYYY-MM-DD or YYYYMMDD. */
export interface IdentityFields {
  cardType: CardType;
  name: string;
  nameEn?: string;
  sexCode: string;
  ethnicityCode?: string;
  nationality?: string;
  birthDate: string;
  address?: string;
  idNumber: string;
  authority?: string;
  validFrom: string;
  validUntil: string | 'long-term';
  passNumber?: string;
  issueCount?: string;
  cardVersion?: string;
  renewalCount?: string;
  previousNumberLink?: string;
}

/** Converts a decoded identity back to encodable fields. */
export function fieldsFromIdentity(identity: CardIdentity): IdentityFields {
  const f: IdentityFields = {
    cardType: identity.cardType,
    name: identity.name,
    sexCode: identity.sex.code,
    birthDate: identity.birthDate,
    address: identity.address,
    idNumber: identity.idNumber,
    authority: identity.authority,
    validFrom: identity.validFrom,
    validUntil: identity.validUntil,
  };
  if (identity.nameEn !== undefined) f.nameEn = identity.nameEn;
  if (identity.ethnicity) f.ethnicityCode = identity.ethnicity.code;
  if (identity.nationality !== undefined) f.nationality = identity.nationality;
  if (identity.passNumber !== undefined) f.passNumber = identity.passNumber;
  if (identity.issueCount !== undefined) f.issueCount = identity.issueCount;
  if (identity.cardVersion !== undefined) f.cardVersion = identity.cardVersion;
  if (identity.renewalCount !== undefined) f.renewalCount = identity.renewalCount;
  if (identity.previousNumberLink !== undefined) f.previousNumberLink = identity.previousNumberLink;
  return f;
}

function validUntilText(v: string): string {
  return v === 'long-term' ? '长期' : toCompactDate(v);
}

/** Encodes identity fields to the 256-byte UCS-2LE block. Over-long values are truncated. */
export function encodeIdentity(f: IdentityFields): Uint8Array {
  const b = new Uint8Array(TEXT_BLOCK_LENGTH);
  writeField(b, 0, TEXT_BLOCK_LENGTH, '');
  switch (f.cardType) {
    case 'foreign-permanent':
      writeField(b, 0, 120, f.nameEn ?? '');
      writeField(b, 120, 2, f.sexCode);
      writeField(b, 122, 30, f.idNumber);
      writeField(b, 152, 6, f.nationality ?? '');
      writeField(b, 158, 30, f.name);
      writeField(b, 188, 16, toCompactDate(f.validFrom));
      writeField(b, 204, 16, validUntilText(f.validUntil));
      writeField(b, 220, 16, toCompactDate(f.birthDate));
      writeField(b, 236, 4, f.cardVersion ?? '');
      writeField(b, 240, 8, f.authority ?? '');
      writeField(b, 248, 2, 'I');
      break;
    case 'foreign-permanent-2023': {
      const en = f.nameEn ?? '';
      writeField(b, 0, 30, f.name);
      writeField(b, 30, 2, f.sexCode);
      writeField(b, 32, 4, f.renewalCount ?? '');
      writeField(b, 36, 16, toCompactDate(f.birthDate));
      writeField(b, 52, 70, en.slice(0, 35));
      writeField(b, 122, 36, f.idNumber);
      writeField(b, 158, 30, f.authority ?? '');
      writeField(b, 188, 16, toCompactDate(f.validFrom));
      writeField(b, 204, 16, validUntilText(f.validUntil));
      writeField(b, 220, 22, en.slice(35, 46));
      writeField(b, 242, 6, f.nationality ?? '');
      writeField(b, 248, 2, 'Y');
      writeField(b, 250, 6, f.previousNumberLink ?? '');
      break;
    }
    default:
      writeField(b, 0, 30, f.name);
      writeField(b, 30, 2, f.sexCode);
      writeField(b, 32, 4, f.ethnicityCode ?? '');
      writeField(b, 36, 16, toCompactDate(f.birthDate));
      writeField(b, 52, 70, f.address ?? '');
      writeField(b, 122, 36, f.idNumber);
      writeField(b, 158, 30, f.authority ?? '');
      writeField(b, 188, 16, toCompactDate(f.validFrom));
      writeField(b, 204, 16, validUntilText(f.validUntil));
      if (f.cardType === 'hmt-residence') {
        writeField(b, 220, 18, f.passNumber ?? '');
        writeField(b, 238, 4, f.issueCount ?? '');
        writeField(b, 248, 2, 'J');
      }
  }
  return b;
}

/**
 * Fictional cards for tests, the simulator and demos. None of these are real people:
 * - resident and 2023-foreign numbers use area codes that do not exist (province "10", and
 *   "9" + province "10" + country "999"), so they cannot collide with a real number;
 * - the HK/Macau/Taiwan permit uses the "810000" prefix with a made-up date and sequence;
 * - foreign cards use the ICAO specimen country code "UTO" (Utopia) and the name SPECIMEN.
 * Photos are deterministic placeholder bytes, NOT WLT images: nothing here should be decoded.
 */
import { generateIdNumber, type IdentityFields, PHOTO_LENGTH } from './identity';

export interface CardFixture {
  id: FixtureId;
  label: string;
  fields: IdentityFields;
  appendedAddress?: string;
  /** 1024 placeholder bytes standing in for the WLT-compressed photo. */
  photo: Uint8Array;
  /** Placeholder fingerprint block (two 512-byte templates), only some fixtures. */
  fingerprint?: Uint8Array;
}

export type FixtureId = 'resident' | 'resident-expired' | 'hmt-residence' | 'foreign-permanent' | 'foreign-permanent-2023';

/** Deterministic filler bytes (xorshift32) so the simulator output is reproducible. */
export function placeholderBytes(seedText: string, length: number): Uint8Array {
  let s = 2166136261;
  for (let i = 0; i < seedText.length; i++) s = Math.imul(s ^ seedText.charCodeAt(i), 16777619) >>> 0;
  if (s === 0) s = 1;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s & 0xff;
  }
  return out;
}

function fixture(id: FixtureId, label: string, fields: IdentityFields, extra: Partial<Pick<CardFixture, 'appendedAddress' | 'fingerprint'>> = {}): CardFixture {
  return { id, label, fields, photo: placeholderBytes(`photo:${id}`, PHOTO_LENGTH), ...extra };
}

export const FIXTURES: Readonly<Record<FixtureId, CardFixture>> = {
  resident: fixture(
    'resident',
    '居民身份证（长期有效，有追加住址）',
    {
      cardType: 'resident',
      name: '王样例',
      sexCode: '1',
      ethnicityCode: '01',
      birthDate: '1952-03-15',
      address: '样例省示范市和平区幸福路88号院3号楼2单元101室',
      idNumber: generateIdNumber('100101', '19520315', 13),
      authority: '示范市公安局和平分局',
      validFrom: '2016-05-20',
      validUntil: 'long-term',
    },
    { appendedAddress: '样例省示范市和平区安康街6号', fingerprint: placeholderBytes('fp:resident', 1024) },
  ),
  'resident-expired': fixture('resident-expired', '居民身份证（已过期）', {
    cardType: 'resident',
    name: '李示例',
    sexCode: '2',
    ethnicityCode: '08',
    birthDate: '1990-07-01',
    address: '样例省示范市山水县青石镇柳树村12号',
    idNumber: generateIdNumber('100223', '19900701', 24),
    authority: '示范市山水县公安局',
    validFrom: '2010-07-01',
    validUntil: '2020-07-01',
  }),
  'hmt-residence': fixture('hmt-residence', '港澳台居民居住证', {
    cardType: 'hmt-residence',
    name: '陈测试',
    sexCode: '2',
    birthDate: '1994-08-23',
    address: '样例省示范市海滨区港湾路20号',
    idNumber: generateIdNumber('810000', '19940823', 2),
    authority: '示范市公安局海滨分局',
    validFrom: '2023-06-01',
    validUntil: '2028-06-01',
    passNumber: 'H00000001',
    issueCount: '01',
  }),
  'foreign-permanent': fixture('foreign-permanent', '外国人永久居留身份证（旧版）', {
    cardType: 'foreign-permanent',
    name: '样本',
    nameEn: 'SPECIMEN, SAMPLE',
    sexCode: '1',
    nationality: 'UTO',
    birthDate: '1965-03-15',
    idNumber: 'UTO100650315019',
    authority: '1500',
    validFrom: '2025-04-01',
    validUntil: '2035-04-01',
    cardVersion: '01',
  }),
  'foreign-permanent-2023': fixture('foreign-permanent-2023', '外国人永久居留身份证（2023版）', {
    cardType: 'foreign-permanent-2023',
    name: '样例',
    nameEn: 'SPECIMEN, SAMPLE ALEXANDRA MARIA CHRISTINA',
    sexCode: '1',
    nationality: 'UTO',
    birthDate: '1988-04-12',
    idNumber: generateIdNumber('910999', '19880412', 5),
    validFrom: '2023-12-01',
    validUntil: '2033-12-01',
    renewalCount: '00',
  }),
};

export const FIXTURE_IDS = Object.keys(FIXTURES) as FixtureId[];

export function isFixtureId(id: string): id is FixtureId {
  return Object.prototype.hasOwnProperty.call(FIXTURES, id);
}

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BAUD_RATES,
  DEFAULT_MAX_LENGTH_FIELD,
  DOCUMENTED_SW3,
  FrameParser,
  decodeBaseInfoData,
  decodeRequest,
  decodeResponse,
  encodeBaseInfoData,
  encodeFrame,
  encodeRequest,
  encodeResponse,
  fromHex,
  requests,
  statusKind,
  toHex,
  xorChecksum,
  type StatusKind,
} from '../../native-bridges/idcard/codec';
import { errorMessageKey, idcardMessages, ID_CARD_ERROR_KINDS, type IdCardErrorKind } from '../../native-bridges/idcard/messages';

describe('request frames are byte-exact', () => {
  // Expected bytes written out by hand (checksum = XOR of bytes 5..8), independent of the encoder.
  const cases: [string, () => Uint8Array, string][] = [
    ['reset SAM 10 FF', requests.resetSam, 'AA AA AA 96 69 00 03 10 FF EC'],
    ['SAM status 11 FF', requests.samStatus, 'AA AA AA 96 69 00 03 11 FF ED'],
    ['get SAM ID 12 FF', requests.getSamId, 'AA AA AA 96 69 00 03 12 FF EE'],
    ['find card 20 01', requests.findCard, 'AA AA AA 96 69 00 03 20 01 22'],
    ['select card 20 02', requests.selectCard, 'AA AA AA 96 69 00 03 20 02 21'],
    ['read base info 30 01', requests.readBaseInfo, 'AA AA AA 96 69 00 03 30 01 32'],
    ['read base info + fingerprint 30 10', requests.readBaseInfoWithFingerprint, 'AA AA AA 96 69 00 03 30 10 23'],
    ['read appended address 30 03', requests.readAppendedAddress, 'AA AA AA 96 69 00 03 30 03 30'],
    ['baud 115200 60 00', () => requests.setBaudRate(115200), 'AA AA AA 96 69 00 03 60 00 63'],
    ['baud 57600 60 01', () => requests.setBaudRate(57600), 'AA AA AA 96 69 00 03 60 01 62'],
    ['baud 38400 60 02', () => requests.setBaudRate(38400), 'AA AA AA 96 69 00 03 60 02 61'],
    ['baud 19200 60 03', () => requests.setBaudRate(19200), 'AA AA AA 96 69 00 03 60 03 60'],
    ['baud 9600 60 04', () => requests.setBaudRate(9600), 'AA AA AA 96 69 00 03 60 04 67'],
  ];
  for (const [label, make, hex] of cases) {
    it(label, () => {
      expect(toHex(make())).toBe(hex);
    });
  }

  it('rejects an unsupported baud rate', () => {
    expect(() => requests.setBaudRate(4800 as 9600)).toThrow(RangeError);
    expect(BAUD_RATES).toEqual([115200, 57600, 38400, 19200, 9600]);
  });

  it('encodes responses: find-card success and no card', () => {
    expect(toHex(encodeResponse(0x9f, new Uint8Array(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(toHex(encodeResponse(0x80))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
  });

  it('decodes requests and responses', () => {
    const [req] = new FrameParser().push(requests.findCard());
    expect(decodeRequest(req!)).toMatchObject({ cmd: 0x20, para: 0x01, name: 'find-card' });
    const [setBaud] = new FrameParser().push(requests.setBaudRate(9600));
    expect(decodeRequest(setBaud!)).toMatchObject({ cmd: 0x60, para: 0x04, name: 'set-baud' });
    const [res] = new FrameParser().push(encodeResponse(0x90, Uint8Array.of(1, 2, 3)));
    const r = decodeResponse(res!);
    expect(r).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x90, status: 'success' });
    expect([...r!.data]).toEqual([1, 2, 3]);
  });
});

describe('status codes', () => {
  const expected: [number, StatusKind][] = [
    [0x90, 'success'],
    [0x9f, 'card-found'],
    [0x10, 'host-checksum-error'],
    [0x11, 'host-length-error'],
    [0x21, 'command-error'],
    [0x24, 'unrecognized-error'],
    [0x31, 'card-rejected-reader'],
    [0x32, 'reader-rejected-card'],
    [0x33, 'verify-failed'],
    [0x40, 'wrong-card-type'],
    [0x41, 'read-failed'],
    [0x47, 'random-failed'],
    [0x60, 'sam-fault'],
    [0x66, 'not-authorized'],
    [0x80, 'no-card'],
    [0x81, 'select-failed'],
    [0x91, 'no-content'],
  ];

  it('maps every documented SW3 to its kind', () => {
    for (const [code, kind] of expected) expect(statusKind(code)).toBe(kind);
    expect(DOCUMENTED_SW3.length).toBe(17);
    expect(statusKind(0x55)).toBe('unknown-status');
  });

  it('has a translated message (zh-CN and en) for every error status', () => {
    for (const [code, kind] of expected) {
      if (kind === 'success' || kind === 'card-found') continue;
      const key = errorMessageKey(kind as IdCardErrorKind);
      expect(key).toBe(`idcard.error.${kind}`);
      expect(idcardMessages['zh-CN'][key], `zh-CN for ${code.toString(16)}`).toMatch(/\S/);
      expect(idcardMessages.en[key], `en for ${code.toString(16)}`).toMatch(/\S/);
      expect(idcardMessages['zh-CN'][key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('zh-CN and en have identical key sets, covering every error kind and reader status', () => {
    const zh = Object.keys(idcardMessages['zh-CN']).sort();
    const en = Object.keys(idcardMessages.en).sort();
    expect(en).toEqual(zh);
    for (const kind of ID_CARD_ERROR_KINDS) expect(zh).toContain(`idcard.error.${kind}`);
    for (const state of ['disconnected', 'connecting', 'connected', 'searching', 'error']) expect(zh).toContain(`idcard.status.${state}`);
  });
});

describe('base info payload', () => {
  it('round-trips with and without fingerprint, and rejects lengths that do not fit', () => {
    const text = new Uint8Array(256).fill(1);
    const photo = new Uint8Array(1024).fill(2);
    const fingerprint = new Uint8Array(1024).fill(3);
    const plain = encodeBaseInfoData({ text, photo }, false);
    expect([...plain.subarray(0, 4)]).toEqual([0x01, 0x00, 0x04, 0x00]);
    expect(decodeBaseInfoData(plain, false)).toEqual({ text, photo });
    const withFp = encodeBaseInfoData({ text, photo, fingerprint }, true);
    expect([...withFp.subarray(0, 6)]).toEqual([0x01, 0x00, 0x04, 0x00, 0x04, 0x00]);
    expect(decodeBaseInfoData(withFp, true)).toEqual({ text, photo, fingerprint });
    expect(decodeBaseInfoData(plain.subarray(0, 100), false)).toBeNull();
    expect(decodeBaseInfoData(new Uint8Array(3), true)).toBeNull();
  });
});

describe('FrameParser', () => {
  const frame = (body: number[]): Uint8Array => encodeFrame(Uint8Array.from(body));

  it('parses a frame delivered one byte at a time', () => {
    const p = new FrameParser();
    const bytes = requests.readBaseInfo();
    const out = [];
    for (const b of bytes) out.push(...p.push(Uint8Array.of(b)));
    expect(out.map((f) => toHex(f.body))).toEqual(['30 01']);
    expect(p.pendingBytes).toBe(0);
  });

  it('skips garbage, including lone AA bytes and a broken preamble', () => {
    const p = new FrameParser();
    const junk = fromHex('00 AA 13 AA AA 96 AA AA AA 96 68 FF');
    const out = p.push(new Uint8Array([...junk, ...requests.findCard(), ...junk]));
    expect(out.map((f) => toHex(f.body))).toEqual(['20 01']);
  });

  it('resynchronizes after a bad checksum and finds the frame hidden inside it', () => {
    const good = requests.selectCard();
    const bad = frame([0x00, 0x00, 0x90, 1, 2, 3, 4, 5, 6, 7, 8]);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    // A bad frame whose declared length swallows the good frame that follows.
    const swallowing = new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x0d, ...good]);
    const rejects: string[] = [];
    const p = new FrameParser({ onReject: (e) => rejects.push(e.kind) });
    const out = p.push(new Uint8Array([...bad, ...swallowing, ...good]));
    expect(out.map((f) => toHex(f.body))).toEqual(['20 02', '20 02']);
    expect(p.stats.badChecksum).toBe(2);
    expect(rejects).toEqual(['bad-checksum', 'bad-checksum']);
  });

  it('treats impossible lengths as noise', () => {
    const p = new FrameParser({ maxLengthField: 4096 });
    const tooLong = fromHex('AA AA AA 96 69 FF FF 01 02');
    const tooShort = fromHex('AA AA AA 96 69 00 01 01');
    const out = p.push(new Uint8Array([...tooLong, ...tooShort, ...requests.findCard()]));
    expect(out.map((f) => toHex(f.body))).toEqual(['20 01']);
    expect(p.stats.badLength).toBe(2);
  });

  it('keeps at most one partial frame (bounded memory)', () => {
    const p = new FrameParser();
    const header = fromHex('AA AA AA 96 69 10 00'); // length 4096, accepted, never completed
    p.push(header);
    for (let i = 0; i < 100; i++) p.push(new Uint8Array(1000).fill(0x11));
    expect(p.pendingBytes).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH_FIELD + 7);
    // and it recovers: the next real frame is found after the bogus one is rejected
    const out = p.push(new Uint8Array([...new Uint8Array(5000).fill(0x22), ...requests.findCard()]));
    expect(out.map((f) => toHex(f.body))).toEqual(['20 01']);
  });

  it('handles a large frame (read base info response) split across chunks', () => {
    const data = encodeBaseInfoData({ text: new Uint8Array(256).fill(0x41), photo: new Uint8Array(1024).fill(0xaa) }, false);
    const bytes = encodeResponse(0x90, data);
    expect(bytes.length).toBe(1295);
    const p = new FrameParser();
    const out = [...p.push(bytes.subarray(0, 700)), ...p.push(bytes.subarray(700))];
    expect(out).toHaveLength(1);
    expect(decodeResponse(out[0]!)!.data).toEqual(data);
  });

  it('says how many bytes the frame it holds still lacks (0 until a header is in, and after)', () => {
    const bytes = encodeResponse(0x90, encodeBaseInfoData({ text: new Uint8Array(256), photo: new Uint8Array(1024) }, false));
    const p = new FrameParser();
    expect(p.frameBytesMissing).toBe(0);
    p.push(fromHex('00 13')); // garbage
    expect(p.frameBytesMissing).toBe(0);
    p.push(bytes.subarray(0, 6)); // preamble + one length byte: length not known yet
    expect(p.frameBytesMissing).toBe(0);
    p.push(bytes.subarray(6, 256));
    expect(p.frameBytesMissing).toBe(1295 - 256);
    expect(p.push(bytes.subarray(256, 1294))).toEqual([]);
    expect(p.frameBytesMissing).toBe(1);
    expect(p.push(bytes.subarray(1294))).toHaveLength(1);
    expect(p.frameBytesMissing).toBe(0);
    // a bogus header counts too (it is only a hint), and is forgotten on reset
    p.push(fromHex('AA AA AA 96 69 10 00 01'));
    expect(p.frameBytesMissing).toBe(4096 + 7 - 8);
    p.reset();
    expect(p.frameBytesMissing).toBe(0);
  });

  it('never throws on non-Uint8Array or empty input', () => {
    const p = new FrameParser();
    expect(p.push(new Uint8Array(0))).toEqual([]);
    expect(p.push(undefined as unknown as Uint8Array)).toEqual([]);
  });
});

/** Splits bytes at the given (unsorted, possibly repeated) cut points. */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of points) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  out.push(bytes.subarray(prev));
  return out;
}

function containsPreamble(b: Uint8Array): boolean {
  for (let i = 0; i + 4 < b.length; i++) {
    if (b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa && b[i + 3] === 0x96 && b[i + 4] === 0x69) return true;
  }
  return false;
}

describe('FrameParser properties (fast-check)', () => {
  it('any bytes in any chunking: never throws, terminates, stays bounded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 40 }), fc.integer({ min: 3, max: 5000 }), (bytes, cuts, max) => {
        const p = new FrameParser({ maxLengthField: max });
        for (const c of chunk(bytes, cuts)) {
          const frames = p.push(c);
          for (const f of frames) expect(f.body.length).toBeLessThanOrEqual(max);
          expect(p.pendingBytes).toBeLessThanOrEqual(p.maxLengthField + 7);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('also with adversarial bytes: preamble-heavy noise', () => {
    const noisy = fc.array(fc.constantFrom(0xaa, 0x96, 0x69, 0x00, 0x03, 0x10, 0xff, 0x22), { maxLength: 2000 }).map((a) => Uint8Array.from(a));
    fc.assert(
      fc.property(noisy, fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        const p = new FrameParser({ maxLengthField: 64 });
        for (const c of chunk(bytes, cuts)) p.push(c);
        expect(p.pendingBytes).toBeLessThanOrEqual(64 + 7);
      }),
      { numRuns: 300 },
    );
  });

  it('valid frames round-trip through encode -> arbitrary chunking -> parse, with garbage prepended and between', () => {
    const body = fc.uint8Array({ minLength: 2, maxLength: 600 });
    const garbage = fc.uint8Array({ maxLength: 200 }).filter((g) => !containsPreamble(g));
    fc.assert(
      fc.property(fc.array(fc.tuple(garbage, body), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 30 }), (parts, cuts) => {
        // (Garbage cannot form a preamble with the next frame's first bytes: a frame starts
        // with AA AA AA 96 69, so any earlier alignment would need 96 where an AA stands.)
        const stream: number[] = [];
        for (const [g, b] of parts) stream.push(...g, ...encodeFrame(b));
        const p = new FrameParser();
        const got: string[] = [];
        for (const c of chunk(Uint8Array.from(stream), cuts)) {
          for (const f of p.push(c)) got.push(toHex(f.body));
          // A held frame is one of ours: what it lacks is exactly the rest of that frame.
          if (p.frameBytesMissing > 0) expect(parts.some(([, b]) => b.length + 8 === p.pendingBytes + p.frameBytesMissing)).toBe(true);
        }
        expect(got).toEqual(parts.map(([, b]) => toHex(b)));
        expect(p.pendingBytes).toBe(0);
        expect(p.frameBytesMissing).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('request and response encoders produce frames whose checksum verifies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 }), (a, b, data) => {
        for (const f of [encodeRequest(a, b, data), encodeResponse(a, data, b, 0)]) {
          expect(xorChecksum(f, 5, f.length - 1)).toBe(f[f.length - 1]);
          expect(((f[5]! << 8) | f[6]!) + 7).toBe(f.length);
        }
      }),
    );
  });
});

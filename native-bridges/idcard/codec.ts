/**
 * Frame codec for the SAM (security access module) protocol spoken by second-generation
 * resident ID card readers. PURE: Uint8Array in, Uint8Array out; no Node I/O.
 *
 * Frame layout (both directions):
 *   AA AA AA 96 69 | LEN_HI LEN_LO | body ... | CHK
 *   LEN  = number of bytes after the length field, checksum included.
 *   body = CMD PARA [data]        (host -> reader)
 *          SW1 SW2 SW3 [data]     (reader -> host)
 *   CHK  = XOR of every byte from LEN_HI through the last body byte.
 *
 * Sources: see README.md in this folder.
 */

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
export const PREAMBLE_LENGTH = 5;
/** Preamble + 2-byte length field. */
export const HEADER_LENGTH = 7;
/** Smallest legal value of the length field: CMD PARA CHK. */
export const MIN_LENGTH_FIELD = 3;
/**
 * Largest length field the parser accepts. The largest documented response (read base info
 * + fingerprint: 3 status + 6 length bytes + 256 text + 1024 photo + 1024 fingerprint + CHK)
 * is 2314 bytes; 4096 leaves room for vendor extensions while bounding memory.
 */
export const DEFAULT_MAX_LENGTH_FIELD = 4096;

/** Named request commands (CMD, PARA). */
export const COMMANDS = {
  'reset-sam': [0x10, 0xff],
  'sam-status': [0x11, 0xff],
  'sam-id': [0x12, 0xff],
  'find-card': [0x20, 0x01],
  'select-card': [0x20, 0x02],
  'read-base': [0x30, 0x01],
  'read-base-fp': [0x30, 0x10],
  'read-appended-address': [0x30, 0x03],
  'set-baud': [0x60, 0x00],
} as const satisfies Record<string, readonly [number, number]>;

export type CommandName = keyof typeof COMMANDS;

/** Baud rates selectable with CMD 0x60, indexed by PARA 0x00..0x04. */
export const BAUD_RATES = [115200, 57600, 38400, 19200, 9600] as const;
export type SupportedBaudRate = (typeof BAUD_RATES)[number];

/** SW3 status bytes documented by the SAM protocol. */
export const SW3 = {
  SUCCESS: 0x90,
  FIND_OK: 0x9f,
  HOST_CHECKSUM_ERROR: 0x10,
  HOST_LENGTH_ERROR: 0x11,
  COMMAND_ERROR: 0x21,
  UNRECOGNIZED_ERROR: 0x24,
  CARD_REJECTED_READER: 0x31,
  READER_REJECTED_CARD: 0x32,
  VERIFY_FAILED: 0x33,
  WRONG_CARD_TYPE: 0x40,
  READ_FAILED: 0x41,
  RANDOM_FAILED: 0x47,
  SAM_FAULT: 0x60,
  NOT_AUTHORIZED: 0x66,
  NO_CARD: 0x80,
  SELECT_FAILED: 0x81,
  NO_CONTENT: 0x91,
} as const;

export type StatusKind =
  | 'success'
  | 'card-found'
  | 'host-checksum-error'
  | 'host-length-error'
  | 'command-error'
  | 'unrecognized-error'
  | 'card-rejected-reader'
  | 'reader-rejected-card'
  | 'verify-failed'
  | 'wrong-card-type'
  | 'read-failed'
  | 'random-failed'
  | 'sam-fault'
  | 'not-authorized'
  | 'no-card'
  | 'select-failed'
  | 'no-content'
  | 'unknown-status';

const STATUS_BY_SW3: ReadonlyMap<number, StatusKind> = new Map<number, StatusKind>([
  [SW3.SUCCESS, 'success'],
  [SW3.FIND_OK, 'card-found'],
  [SW3.HOST_CHECKSUM_ERROR, 'host-checksum-error'],
  [SW3.HOST_LENGTH_ERROR, 'host-length-error'],
  [SW3.COMMAND_ERROR, 'command-error'],
  [SW3.UNRECOGNIZED_ERROR, 'unrecognized-error'],
  [SW3.CARD_REJECTED_READER, 'card-rejected-reader'],
  [SW3.READER_REJECTED_CARD, 'reader-rejected-card'],
  [SW3.VERIFY_FAILED, 'verify-failed'],
  [SW3.WRONG_CARD_TYPE, 'wrong-card-type'],
  [SW3.READ_FAILED, 'read-failed'],
  [SW3.RANDOM_FAILED, 'random-failed'],
  [SW3.SAM_FAULT, 'sam-fault'],
  [SW3.NOT_AUTHORIZED, 'not-authorized'],
  [SW3.NO_CARD, 'no-card'],
  [SW3.SELECT_FAILED, 'select-failed'],
  [SW3.NO_CONTENT, 'no-content'],
]);

/** Every documented SW3 byte, in protocol-table order. */
export const DOCUMENTED_SW3: readonly number[] = [...STATUS_BY_SW3.keys()];

export function statusKind(sw3: number): StatusKind {
  return STATUS_BY_SW3.get(sw3) ?? 'unknown-status';
}

export function sw3ForKind(kind: StatusKind): number | undefined {
  for (const [code, k] of STATUS_BY_SW3) if (k === kind) return code;
  return undefined;
}

/** True for the two success codes (0x90 and the find-card 0x9F). */
export function isSuccessStatus(kind: StatusKind): boolean {
  return kind === 'success' || kind === 'card-found';
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** XOR of bytes[from, to). */
export function xorChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] as number;
  return x;
}

/** Wraps a frame body (CMD PARA data, or SW1 SW2 SW3 data) in preamble, length and checksum. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const lengthField = body.length + 1;
  if (lengthField > 0xffff) throw new RangeError(`frame body too long: ${body.length}`);
  const out = new Uint8Array(HEADER_LENGTH + lengthField);
  out.set(PREAMBLE, 0);
  out[5] = lengthField >> 8;
  out[6] = lengthField & 0xff;
  out.set(body, HEADER_LENGTH);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export function encodeRequest(cmd: number, para: number, data?: Uint8Array): Uint8Array {
  const body = new Uint8Array(2 + (data?.length ?? 0));
  body[0] = cmd & 0xff;
  body[1] = para & 0xff;
  if (data) body.set(data, 2);
  return encodeFrame(body);
}

export function encodeResponse(sw3: number, data?: Uint8Array, sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + (data?.length ?? 0));
  body[0] = sw1 & 0xff;
  body[1] = sw2 & 0xff;
  body[2] = sw3 & 0xff;
  if (data) body.set(data, 3);
  return encodeFrame(body);
}

export function encodeCommand(name: CommandName, data?: Uint8Array): Uint8Array {
  const [cmd, para] = COMMANDS[name];
  return encodeRequest(cmd, para, data);
}

/** Request encoders, one per documented command. */
export const requests = {
  resetSam: (): Uint8Array => encodeCommand('reset-sam'),
  samStatus: (): Uint8Array => encodeCommand('sam-status'),
  getSamId: (): Uint8Array => encodeCommand('sam-id'),
  findCard: (): Uint8Array => encodeCommand('find-card'),
  selectCard: (): Uint8Array => encodeCommand('select-card'),
  readBaseInfo: (): Uint8Array => encodeCommand('read-base'),
  readBaseInfoWithFingerprint: (): Uint8Array => encodeCommand('read-base-fp'),
  readAppendedAddress: (): Uint8Array => encodeCommand('read-appended-address'),
  setBaudRate: (baud: SupportedBaudRate): Uint8Array => {
    const para = BAUD_RATES.indexOf(baud);
    if (para < 0) throw new RangeError(`unsupported baud rate ${String(baud)}`);
    return encodeRequest(0x60, para);
  },
};

export interface BaseInfoPayload {
  text: Uint8Array;
  photo: Uint8Array;
  /** Present only for the 30 10 (with fingerprint) response; may be empty. */
  fingerprint?: Uint8Array;
}

/**
 * Data part of a successful read-base-info response.
 * 30 01: textLen(2, BE) photoLen(2, BE) text photo
 * 30 10: textLen(2, BE) photoLen(2, BE) fingerprintLen(2, BE) text photo fingerprint
 */
export function encodeBaseInfoData(payload: BaseInfoPayload, withFingerprint: boolean): Uint8Array {
  const fp = payload.fingerprint ?? new Uint8Array(0);
  const head = withFingerprint ? 6 : 4;
  const out = new Uint8Array(head + payload.text.length + payload.photo.length + (withFingerprint ? fp.length : 0));
  out[0] = payload.text.length >> 8;
  out[1] = payload.text.length & 0xff;
  out[2] = payload.photo.length >> 8;
  out[3] = payload.photo.length & 0xff;
  if (withFingerprint) {
    out[4] = fp.length >> 8;
    out[5] = fp.length & 0xff;
  }
  out.set(payload.text, head);
  out.set(payload.photo, head + payload.text.length);
  if (withFingerprint) out.set(fp, head + payload.text.length + payload.photo.length);
  return out;
}

/** Returns null if the declared lengths do not fit the data. Never throws. */
export function decodeBaseInfoData(data: Uint8Array, withFingerprint: boolean): BaseInfoPayload | null {
  const head = withFingerprint ? 6 : 4;
  if (data.length < head) return null;
  const textLen = ((data[0] as number) << 8) | (data[1] as number);
  const photoLen = ((data[2] as number) << 8) | (data[3] as number);
  const fpLen = withFingerprint ? ((data[4] as number) << 8) | (data[5] as number) : 0;
  if (head + textLen + photoLen + fpLen > data.length) return null;
  const text = data.slice(head, head + textLen);
  const photo = data.slice(head + textLen, head + textLen + photoLen);
  if (!withFingerprint) return { text, photo };
  const fingerprint = data.slice(head + textLen + photoLen, head + textLen + photoLen + fpLen);
  return { text, photo, fingerprint };
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** A frame with a valid preamble, length and checksum; body excludes the checksum byte. */
export interface RawFrame {
  readonly body: Uint8Array;
}

export interface DecodedResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  status: StatusKind;
  data: Uint8Array;
}

export interface DecodedRequest {
  cmd: number;
  para: number;
  /** Known command name, or undefined for an unknown CMD/PARA pair. set-baud matches any PARA. */
  name: CommandName | undefined;
  data: Uint8Array;
}

export function decodeResponse(frame: RawFrame): DecodedResponse | null {
  const b = frame.body;
  if (b.length < 3) return null;
  const sw3 = b[2] as number;
  return { sw1: b[0] as number, sw2: b[1] as number, sw3, status: statusKind(sw3), data: b.subarray(3) };
}

export function commandName(cmd: number, para: number): CommandName | undefined {
  if (cmd === 0x60) return para <= 4 ? 'set-baud' : undefined;
  for (const [name, [c, p]] of Object.entries(COMMANDS) as [CommandName, readonly [number, number]][]) {
    if (c === cmd && p === para) return name;
  }
  return undefined;
}

export function decodeRequest(frame: RawFrame): DecodedRequest | null {
  const b = frame.body;
  if (b.length < 2) return null;
  const cmd = b[0] as number;
  const para = b[1] as number;
  return { cmd, para, name: commandName(cmd, para), data: b.subarray(2) };
}

export type ParserEvent =
  | { kind: 'bad-checksum'; lengthField: number }
  | { kind: 'bad-length'; lengthField: number };

export interface FrameParserOptions {
  /** Largest accepted length field; larger values are treated as noise. Default 4096. */
  maxLengthField?: number;
  /** Called for every candidate frame that was rejected (after a matching preamble). */
  onReject?: (event: ParserEvent) => void;
}

export interface FrameParserStats {
  frames: number;
  badChecksum: number;
  badLength: number;
  discardedBytes: number;
}

const P0 = 0xaa;
const P3 = 0x96;
const P4 = 0x69;

/**
 * Streaming frame parser. push() accepts arbitrary chunks and returns the frames completed by
 * them. Garbage is skipped; after a bad checksum or an impossible length the parser resumes the
 * search one byte after the rejected preamble, so a real frame hidden inside a broken one is
 * still found. Never throws; keeps at most one partial frame (bounded by maxLengthField + 7).
 */
export class FrameParser {
  readonly maxLengthField: number;
  readonly stats: FrameParserStats = { frames: 0, badChecksum: 0, badLength: 0, discardedBytes: 0 };
  private buf: Uint8Array;
  private len = 0;
  private readonly onReject: ((event: ParserEvent) => void) | undefined;

  constructor(options: FrameParserOptions = {}) {
    const max = options.maxLengthField ?? DEFAULT_MAX_LENGTH_FIELD;
    this.maxLengthField = Math.max(MIN_LENGTH_FIELD, Math.min(0xffff, Math.floor(Number.isFinite(max) ? max : DEFAULT_MAX_LENGTH_FIELD)));
    this.buf = new Uint8Array(this.maxLengthField + HEADER_LENGTH);
    this.onReject = options.onReject;
  }

  /** Bytes currently held as the start of an incomplete frame. */
  get pendingBytes(): number {
    return this.len;
  }

  /**
   * Bytes still missing from the incomplete frame held, going by its length field: 0 when no
   * frame header is held (nothing, or only part of a preamble). The frame may still turn out to
   * be noise (bad checksum); this is a hint of how much more to expect, not a promise.
   */
  get frameBytesMissing(): number {
    if (this.len < HEADER_LENGTH) return 0;
    const lengthField = ((this.buf[5] as number) << 8) | (this.buf[6] as number);
    return Math.max(0, HEADER_LENGTH + lengthField - this.len);
  }

  reset(): void {
    this.len = 0;
  }

  push(chunk: Uint8Array): RawFrame[] {
    const out: RawFrame[] = [];
    if (!(chunk instanceof Uint8Array) || chunk.length === 0) return out;
    let data: Uint8Array;
    if (this.len === 0) {
      data = chunk;
    } else {
      const need = this.len + chunk.length;
      if (need > this.buf.length) {
        const grown = new Uint8Array(need);
        grown.set(this.buf.subarray(0, this.len));
        this.buf = grown;
      }
      this.buf.set(chunk, this.len);
      data = this.buf.subarray(0, need);
    }
    const keepFrom = this.scan(data, out);
    const rest = data.length - keepFrom;
    const cap = this.maxLengthField + HEADER_LENGTH;
    if (this.buf.length > cap * 4) this.buf = new Uint8Array(cap); // shrink after a large merge
    if (rest > 0) {
      // copyWithin handles the overlap when data is this.buf itself.
      if (data.buffer === this.buf.buffer && data.byteOffset === this.buf.byteOffset) this.buf.copyWithin(0, keepFrom, data.length);
      else this.buf.set(data.subarray(keepFrom), 0);
    }
    this.len = rest;
    return out;
  }

  /** Parses frames from data; returns the index where an incomplete frame starts (or data.length). */
  private scan(data: Uint8Array, out: RawFrame[]): number {
    const n = data.length;
    const max = this.maxLengthField;
    let i = 0;
    while (i < n) {
      // Back-to-back frames are the common case: skip the indexOf call when possible.
      const p = data[i] === P0 ? i : data.indexOf(P0, i);
      if (p < 0) {
        this.stats.discardedBytes += n - i;
        return n;
      }
      this.stats.discardedBytes += p - i;
      const avail = n - p;
      if (avail < HEADER_LENGTH) {
        // Keep a possible preamble prefix at the end of the data.
        let ok = true;
        const lim = Math.min(avail, PREAMBLE_LENGTH);
        for (let k = 1; k < lim; k++) {
          if (data[p + k] !== PREAMBLE[k]) {
            ok = false;
            break;
          }
        }
        if (ok) return p;
        this.stats.discardedBytes += 1;
        i = p + 1;
        continue;
      }
      if (data[p + 1] !== P0 || data[p + 2] !== P0 || data[p + 3] !== P3 || data[p + 4] !== P4) {
        this.stats.discardedBytes += 1;
        i = p + 1;
        continue;
      }
      const hi = data[p + 5] as number;
      const lo = data[p + 6] as number;
      const lengthField = (hi << 8) | lo;
      if (lengthField < MIN_LENGTH_FIELD || lengthField > max) {
        this.stats.badLength++;
        this.stats.discardedBytes += 1;
        this.onReject?.({ kind: 'bad-length', lengthField });
        i = p + 1;
        continue;
      }
      const end = p + HEADER_LENGTH + lengthField; // one past the checksum
      if (end > n) return p;
      const bodyEnd = end - 1;
      const x = hi ^ lo ^ xorRange(data, p + HEADER_LENGTH, bodyEnd);
      if (x !== data[bodyEnd]) {
        this.stats.badChecksum++;
        this.stats.discardedBytes += 1;
        this.onReject?.({ kind: 'bad-checksum', lengthField });
        i = p + 1;
        continue;
      }
      out.push({ body: data.slice(p + HEADER_LENGTH, bodyEnd) });
      this.stats.frames++;
      i = end;
    }
    return n;
  }
}

/**
 * XOR of data[from, to). Long ranges are folded 32 bits at a time through an aligned
 * Uint32Array view (XOR is byte-order independent once the four lanes are folded).
 */
function xorRange(data: Uint8Array, from: number, to: number): number {
  let x = 0;
  let k = from;
  if (to - from >= 64) {
    while ((data.byteOffset + k) & 3) x ^= data[k++] as number;
    const words = (to - k) >> 2;
    const view = new Uint32Array(data.buffer, data.byteOffset + k, words);
    let w = 0;
    for (let j = 0; j < words; j++) w ^= view[j] as number;
    x ^= (w ^ (w >>> 8) ^ (w >>> 16) ^ (w >>> 24)) & 0xff;
    k += words << 2;
  }
  for (; k < to; k++) x ^= data[k] as number;
  return x;
}

/** Convenience: "AA AA AA 96 69 ..." */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (i ? ' ' : '') + (bytes[i] as number).toString(16).toUpperCase().padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Wire time in milliseconds for `bytes` bytes at `baudRate`, 10 bits per byte (8N1). */
export function wireTimeMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}

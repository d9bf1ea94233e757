/**
 * Byte transports for ID card readers: a UART (usually a USB-serial bridge) through
 * `serialport`, or USB HID reports through `node-hid`. Both carry the same SAM frames.
 *
 * HID framing (see README.md for the sources and the reasoning): each report is
 * `reportSize` bytes (default 64). Byte 0 is the number of frame bytes that follow (1..63),
 * the rest is zero padding. node-hid's write() takes the report ID as the first element
 * (0x00 for devices without numbered reports), so an output write is reportSize + 1 bytes.
 */
import { closeSync, constants as fsConstants, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import type { OnReadOpts, SocketConstructorOpts } from 'node:net';
import { isatty, ReadStream as TtyReadStream } from 'node:tty';
import { decodeResponse, FrameParser, requests } from './codec';

export interface IdCardTransport {
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to received bytes; returns an unsubscribe function. */
  onData(cb: (chunk: Uint8Array) => void): () => void;
  /** Called once when the device goes away (not after an intentional close()). */
  onClose(cb: (err?: Error) => void): () => void;
  /**
   * Optional hint: the frame being received still needs about `ms` of line time, so reading
   * before then would only deliver it piece by piece. A transport may stop reading (and waking
   * up) until then, and must then deliver everything that arrived meanwhile. Ignoring the hint
   * is always correct.
   */
  holdReads?(ms: number): void;
  close(): Promise<void>;
  readonly description: string;
}

type Listener<T extends unknown[]> = (...args: T) => void;

/** Small helper shared by the transports: data/close listener lists and the closed flag. */
abstract class BaseTransport implements IdCardTransport {
  abstract readonly description: string;
  protected readonly dataListeners = new Set<Listener<[Uint8Array]>>();
  protected readonly closeListeners = new Set<Listener<[Error | undefined]>>();
  protected closed = false;

  abstract write(bytes: Uint8Array): Promise<void>;
  abstract close(): Promise<void>;

  onData(cb: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(cb);
    return () => this.dataListeners.delete(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    this.closeListeners.add(cb);
    return () => this.closeListeners.delete(cb);
  }

  protected emitData(chunk: Uint8Array): void {
    for (const cb of [...this.dataListeners]) cb(chunk);
  }

  /** The device went away: release resources and tell the listeners once. */
  protected lost(err?: Error): void {
    if (this.closed) return;
    void this.close().finally(() => {
      for (const cb of [...this.closeListeners]) cb(err);
      this.closeListeners.clear();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Serial

/**
 * How a SerialTransport moves bytes once serialport has opened, locked and configured the port
 * (baud rate, data bits, parity, raw mode):
 * - `'tty'`: through a second descriptor on the same device wrapped in a libuv tty stream. Reads
 *   are epoll-driven on the main loop (one wake-up and one read() per chunk that arrives, into one
 *   reused buffer) and a request goes out with one direct write(). serialport 13 instead reads
 *   through the libuv thread pool: a read, a second read that returns EAGAIN, then a poll, for
 *   every chunk; on a small VM those wake-ups are most of the CPU a card read costs. The tty
 *   path also honours holdReads() (see IdCardTransport).
 * - `'serialport'`: serialport's own stream for both directions.
 * Default: `'tty'` on Linux, falling back to `'serialport'` when the device is not a tty or the
 * second descriptor cannot be opened; `'serialport'` elsewhere.
 */
export type SerialIoPath = 'tty' | 'serialport';

export interface SerialTransportOptions {
  baudRate?: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  /**
   * How often to check that the device node still exists and still points to the same device
   * (ms). A PTY whose other end disappears and some USB-serial drivers report no error on read,
   * so the node is watched. Default 500.
   */
  watchIntervalMs?: number;
  /** See SerialIoPath. Default: 'tty' on Linux, else 'serialport'. */
  io?: SerialIoPath;
}

interface SerialPortLike {
  readonly isOpen: boolean;
  write(data: Buffer, cb: (err: Error | null | undefined) => void): boolean;
  close(cb: (err: Error | null) => void): void;
  on(event: 'data', cb: (data: Buffer) => void): unknown;
  on(event: 'close', cb: (err?: Error & { disconnected?: boolean }) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
}

/** Longest read hold honoured (ms), so a bogus length field cannot stall the line for long. */
const MAX_HOLD_MS = 250;
/** Receive buffer of the tty path: larger than any frame (maxLengthField 4096 + 7). */
const TTY_READ_BUFFER_BYTES = 16 * 1024;

/**
 * Which device a path leads to now (following symlinks): device number and inode of the node, or
 * undefined when there is none. A replugged USB-serial adapter gets a new node even under the
 * same name; a reconnected PTY gets another /dev/pts entry behind the same symlink.
 */
function deviceNodeIdentity(path: string): string | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? identityOf(st) : undefined;
  } catch {
    return undefined;
  }
}

function identityOf(node: { rdev: number; ino: number }): string {
  return `${node.rdev}:${node.ino}`;
}

/** The tty side of the 'tty' I/O path. */
interface TtyLine {
  stream: TtyReadStream;
  /** Our descriptor on the device: requests are written on it. */
  fd: number;
  /** Whether fd is ours to close after the stream (see openTtyStream). */
  closeFd: boolean;
}

/**
 * True when fd still refers to the open file description we opened with O_APPEND (the mark is
 * harmless on a tty: writes to a terminal ignore the file position); false when it refers to
 * another one; undefined when /proc/self/fdinfo cannot tell (proc(5)).
 */
function isMarkedDescription(fd: number): boolean | undefined {
  try {
    const m = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'latin1'));
    return m ? (parseInt(m[1] as string, 8) & fsConstants.O_APPEND) !== 0 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens a second descriptor on the device and wraps it in a libuv tty stream whose reads land in
 * `buffer` and are handed to `onBytes` (the `onread` option Node documents for net.Socket, which
 * tty.ReadStream forwards its options to). Returns undefined when the device is not a tty or this
 * cannot be done cleanly (the caller then uses serialport's stream).
 *
 * Descriptor ownership: libuv's uv_tty_init() normally reopens the tty by name, dup2()s the new
 * descriptor onto ours and then reads from the NEW one, which it closes when the stream is
 * destroyed; ours stays open (now a duplicate) and must be closed by us. When the reopen is not
 * possible libuv uses ours and closes it itself. The two cases are told apart by the O_APPEND
 * mark of the description we opened.
 */
function openTtyStream(path: string, buffer: Uint8Array, onBytes: (n: number) => void): TtyLine | undefined {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDWR | fsConstants.O_NOCTTY | fsConstants.O_NONBLOCK | fsConstants.O_APPEND);
  } catch {
    return undefined;
  }
  let stream: TtyReadStream;
  try {
    if (!isatty(fd) || isMarkedDescription(fd) !== true) throw new Error('not a tty, or no fdinfo');
    // @types/node 20 types `onread` only on connect options; Node reads it in the Socket constructor.
    const options: SocketConstructorOpts & { onread: OnReadOpts } = {
      onread: {
        buffer,
        callback: (n) => {
          onBytes(n);
          return true;
        },
      },
    };
    stream = new TtyReadStream(fd, options);
  } catch {
    closeSync(fd);
    return undefined;
  }
  return { stream, fd, closeFd: isMarkedDescription(fd) === false };
}

export class SerialTransport extends BaseTransport {
  readonly description: string;
  /** The I/O path in use (see SerialIoPath). */
  readonly io: SerialIoPath;
  private watchTimer: ReturnType<typeof setInterval> | undefined;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private tty: TtyLine | undefined;

  private constructor(
    private readonly port: SerialPortLike,
    readonly path: string,
    baudRate: number,
    private readonly nodeIdentity: string,
    watchIntervalMs: number,
    io: SerialIoPath,
  ) {
    super();
    this.description = `serial ${path} @${baudRate} 8N1`;
    if (io === 'tty') {
      const buffer = new Uint8Array(TTY_READ_BUFFER_BYTES);
      // A copy per chunk: listeners may keep what they are given, the buffer is reused.
      this.tty = openTtyStream(path, buffer, (n) => this.emitData(buffer.slice(0, n)));
    }
    this.io = this.tty ? 'tty' : 'serialport';
    if (this.tty) {
      const stream = this.tty.stream;
      stream.on('error', (err) => this.lost(err));
      stream.on('end', () => this.lost(new Error(`device ${path} hung up`)));
      stream.on('close', () => this.lost(new Error('port closed')));
      // With onread, read(0) starts the handle reading at once (resume() would do it on the next
      // tick, after a holdReads() in this tick); bytes never pass through the stream's buffer.
      stream.read(0);
    } else {
      port.on('data', (data) => this.emitData(data));
    }
    port.on('close', (err) => this.lost(err ?? new Error('port closed')));
    port.on('error', (err) => this.lost(err));
    this.watchTimer = setInterval(() => this.checkNode(), watchIntervalMs);
    this.watchTimer.unref?.();
  }

  static async open(path: string, options: SerialTransportOptions = {}): Promise<SerialTransport> {
    const { SerialPort } = await import('serialport');
    const baudRate = options.baudRate ?? 115200;
    const identity = identityOf(statSync(path)); // throws ENOENT for a missing node
    const port = await new Promise<SerialPortLike>((resolve, reject) => {
      const p = new SerialPort(
        {
          path,
          baudRate,
          dataBits: options.dataBits ?? 8,
          stopBits: options.stopBits ?? 1,
          parity: options.parity ?? 'none',
          autoOpen: false,
        },
      );
      p.open((err) => (err ? reject(err) : resolve(p as unknown as SerialPortLike)));
    });
    // The tty descriptor is opened after serialport's: its lock and line settings are in place.
    const io = options.io ?? (process.platform === 'linux' ? 'tty' : 'serialport');
    return new SerialTransport(port, path, baudRate, identity, options.watchIntervalMs ?? 500, io);
  }

  private checkNode(): void {
    if (deviceNodeIdentity(this.path) !== this.nodeIdentity) this.lost(new Error(`device ${this.path} disappeared`));
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closed || !this.port.isOpen) return Promise.reject(new Error('port is closed'));
    let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tty = this.tty;
    if (tty && tty.stream.writableLength === 0) {
      // A request is a few bytes: one write() right here, without the stream machinery. Only
      // when the line's output buffer is full does the rest go through the stream (libuv then
      // waits for the line and keeps the order).
      let n = 0;
      try {
        n = writeSync(tty.fd, buf);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') return Promise.reject(err as Error);
      }
      if (n === buf.length) return Promise.resolve();
      buf = buf.subarray(n);
    }
    const out: { write(data: Buffer, cb: (err?: Error | null) => void): boolean } = tty?.stream ?? this.port;
    return new Promise((resolve, reject) => {
      out.write(buf, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** tty path only: stops reading for up to `ms` (capped at 250 ms); see IdCardTransport. */
  holdReads(ms: number): void {
    const stream = this.tty?.stream;
    if (!stream || this.closed || this.holdTimer || !(ms > 0)) return;
    stream.pause(); // with onread this stops the handle reading, until read(0)
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      if (!this.closed) stream.read(0);
    }, Math.min(ms, MAX_HOLD_MS));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.watchTimer) clearInterval(this.watchTimer);
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.watchTimer = undefined;
    this.holdTimer = undefined;
    this.dataListeners.clear();
    const tty = this.tty;
    this.tty = undefined;
    if (tty) {
      tty.stream.removeAllListeners();
      tty.stream.on('error', () => undefined);
      tty.stream.destroy(); // closes the descriptor libuv reads from
      if (tty.closeFd) closeSync(tty.fd);
    }
    this.port.removeAllListeners();
    this.port.on('error', () => undefined); // late errors from the binding must not crash the process
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------
// HID

/** The part of a node-hid `HID` / `HIDAsync` device this transport uses (also what tests fake). */
export interface HidDeviceLike {
  write(values: number[] | Buffer): number | Promise<number>;
  on(event: 'data', cb: (data: Buffer) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): void | Promise<void>;
}

export interface HidFramingOptions {
  /** Report payload size without the report ID. Default 64. */
  reportSize?: number;
  /** Report ID written before each output report. Default 0 (unnumbered reports). */
  reportId?: number;
  /** Set when the device's input reports arrive with a leading report ID byte. Default false. */
  inputHasReportId?: boolean;
}

/** Splits frame bytes into output reports: [reportId, n, ...n bytes, zero padding]. */
export function hidReportsFromBytes(bytes: Uint8Array, options: HidFramingOptions = {}): Buffer[] {
  const size = options.reportSize ?? 64;
  const per = size - 1;
  const reports: Buffer[] = [];
  for (let off = 0; off < bytes.length; off += per) {
    const part = bytes.subarray(off, Math.min(bytes.length, off + per));
    const report = Buffer.alloc(size + 1);
    report[0] = options.reportId ?? 0;
    report[1] = part.length;
    report.set(part, 2);
    reports.push(report);
  }
  return reports;
}

/** Payload of one input report, or null for a report that carries no frame bytes. */
export function bytesFromHidReport(report: Uint8Array, options: HidFramingOptions = {}): Uint8Array | null {
  const size = options.reportSize ?? 64;
  const r = options.inputHasReportId ? report.subarray(1) : report;
  if (r.length < 1) return null;
  const n = r[0] as number;
  if (n === 0 || n > size - 1 || n > r.length - 1) return null;
  return r.subarray(1, 1 + n);
}

/** Builds input reports (as a device would send them) for the given bytes. */
export function hidInputReportsFromBytes(bytes: Uint8Array, options: HidFramingOptions = {}): Buffer[] {
  return hidReportsFromBytes(bytes, options).map((r) => (options.inputHasReportId ? r : r.subarray(1)));
}

export class HidTransport extends BaseTransport {
  readonly description: string;

  constructor(
    private readonly device: HidDeviceLike,
    description: string,
    private readonly framing: HidFramingOptions = {},
  ) {
    super();
    this.description = `hid ${description}`;
    device.on('data', (report) => {
      const bytes = bytesFromHidReport(report, this.framing);
      if (bytes) this.emitData(bytes);
    });
    device.on('error', (err) => this.lost(err));
  }

  /** Opens a HID device by its hidraw/IOKit/Windows path with node-hid. */
  static async open(path: string, framing: HidFramingOptions = {}): Promise<HidTransport> {
    const mod = (await import('node-hid')) as unknown as { HIDAsync?: { open(path: string): Promise<HidDeviceLike> }; default?: { HIDAsync: { open(path: string): Promise<HidDeviceLike> } } };
    const HIDAsync = mod.HIDAsync ?? mod.default?.HIDAsync;
    if (!HIDAsync) throw new Error('node-hid has no HIDAsync');
    const device = await HIDAsync.open(path);
    return new HidTransport(device, path, framing);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('device is closed');
    for (const report of hidReportsFromBytes(bytes, this.framing)) {
      const n = await this.device.write(report);
      if (typeof n === 'number' && n < 0) throw new Error('HID write failed');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dataListeners.clear();
    this.device.removeAllListeners('data');
    this.device.removeAllListeners('error');
    this.device.on('error', () => undefined);
    try {
      await this.device.close();
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Discovery

export interface TransportCandidate {
  kind: 'serial' | 'hid';
  path: string;
  description: string;
  vendorId?: string;
  productId?: string;
}

export interface ListCandidatesOptions {
  serial?: boolean;
  hid?: boolean;
  /** Which HID devices to consider. Default: vendor-defined usage pages (0xFF00-0xFFFF). */
  hidFilter?: (device: { vendorId: number; productId: number; usagePage?: number | undefined; product?: string | undefined }) => boolean;
}

export async function listCandidates(options: ListCandidatesOptions = {}): Promise<TransportCandidate[]> {
  const out: TransportCandidate[] = [];
  if (options.serial !== false) {
    try {
      const { SerialPort } = await import('serialport');
      const ports = await SerialPort.list();
      // USB-serial bridges first: that is how most desktop readers attach.
      ports.sort((a, b) => Number(!a.vendorId) - Number(!b.vendorId));
      for (const p of ports) {
        const c: TransportCandidate = { kind: 'serial', path: p.path, description: [p.manufacturer, p.path].filter(Boolean).join(' ') };
        if (p.vendorId) c.vendorId = p.vendorId;
        if (p.productId) c.productId = p.productId;
        out.push(c);
      }
    } catch {
      // serialport unavailable on this host
    }
  }
  if (options.hid !== false) {
    try {
      const mod = (await import('node-hid')) as unknown as { devicesAsync?: () => Promise<HidInfo[]>; default?: { devicesAsync: () => Promise<HidInfo[]> } };
      const devicesAsync = mod.devicesAsync ?? mod.default?.devicesAsync;
      const filter = options.hidFilter ?? ((d) => (d.usagePage ?? 0) >= 0xff00);
      for (const d of devicesAsync ? await devicesAsync() : []) {
        if (!d.path || !filter(d)) continue;
        out.push({
          kind: 'hid',
          path: d.path,
          description: [d.manufacturer, d.product, d.path].filter(Boolean).join(' '),
          vendorId: d.vendorId.toString(16).padStart(4, '0'),
          productId: d.productId.toString(16).padStart(4, '0'),
        });
      }
    } catch {
      // node-hid unavailable on this host
    }
  }
  return out;
}

interface HidInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  usagePage?: number | undefined;
}

export interface OpenCandidateOptions {
  baudRate?: number;
  hidFraming?: HidFramingOptions;
}

export function openCandidate(c: TransportCandidate, options: OpenCandidateOptions = {}): Promise<IdCardTransport> {
  if (c.kind === 'hid') return HidTransport.open(c.path, options.hidFraming);
  const serialOptions: SerialTransportOptions = {};
  if (options.baudRate !== undefined) serialOptions.baudRate = options.baudRate;
  return SerialTransport.open(c.path, serialOptions);
}

/**
 * Sends "get SAM ID" (12 FF) and waits up to timeoutMs for any valid response frame.
 * Resolves with the SAM ID bytes (possibly empty), or null on silence/garbage. Never rejects.
 */
export function probeTransport(transport: IdCardTransport, timeoutMs = 300): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const parser = new FrameParser();
    let done = false;
    const finish = (v: Uint8Array | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      offData();
      offClose();
      resolve(v);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const offData = transport.onData((chunk) => {
      for (const f of parser.push(chunk)) {
        const r = decodeResponse(f);
        if (r) return finish(r.status === 'success' ? r.data.slice() : new Uint8Array(0));
      }
    });
    const offClose = transport.onClose(() => finish(null));
    transport.write(requests.getSamId()).catch(() => finish(null));
  });
}

export interface ProbeResult {
  candidate: TransportCandidate;
  transport: IdCardTransport;
  samId: Uint8Array;
}

export interface ProbeOptions extends OpenCandidateOptions {
  timeoutMs?: number;
  /** Opens a candidate; defaults to openCandidate (serialport / node-hid). */
  open?: (c: TransportCandidate) => Promise<IdCardTransport>;
}

/** Opens each candidate in turn and returns the first that answers "get SAM ID" (left open). */
export async function probe(candidates: readonly TransportCandidate[], options: ProbeOptions = {}): Promise<ProbeResult | null> {
  const open = options.open ?? ((c: TransportCandidate) => openCandidate(c, options));
  for (const candidate of candidates) {
    let transport: IdCardTransport;
    try {
      transport = await open(candidate);
    } catch {
      continue;
    }
    const samId = await probeTransport(transport, options.timeoutMs ?? 300);
    if (samId) return { candidate, transport, samId };
    await transport.close().catch(() => undefined);
  }
  return null;
}

/** Lists candidates and probes them: the auto-detect used by device: 'auto'. */
export async function autoDetect(options: ProbeOptions & ListCandidatesOptions = {}): Promise<ProbeResult | null> {
  return probe(await listCandidates(options), options);
}

/**
 * Byte transports for ID card readers: a UART (usually a USB-serial bridge) through
 * `serialport`, or USB HID reports through `node-hid`. Both carry the same SAM frames.
 *
 * HID framing (see README.md for the sources and the reasoning): each report is
 * `reportSize` bytes (default 64). Byte 0 is the number of frame bytes that follow (1..63),
 * the rest is zero padding. node-hid's write() takes the report ID as the first element
 * (0x00 for devices without numbered reports), so an output write is reportSize + 1 bytes.
 */
import { realpathSync } from 'node:fs';
import { decodeResponse, FrameParser, requests } from './codec';

export interface IdCardTransport {
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to received bytes; returns an unsubscribe function. */
  onData(cb: (chunk: Uint8Array) => void): () => void;
  /** Called once when the device goes away (not after an intentional close()). */
  onClose(cb: (err?: Error) => void): () => void;
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

export class SerialTransport extends BaseTransport {
  readonly description: string;
  private watchTimer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly port: SerialPortLike,
    readonly path: string,
    baudRate: number,
    private readonly resolvedPath: string,
    watchIntervalMs: number,
  ) {
    super();
    this.description = `serial ${path} @${baudRate} 8N1`;
    port.on('data', (data) => this.emitData(data));
    port.on('close', (err) => this.lost(err ?? new Error('port closed')));
    port.on('error', (err) => this.lost(err));
    this.watchTimer = setInterval(() => this.checkNode(), watchIntervalMs);
    this.watchTimer.unref?.();
  }

  static async open(path: string, options: SerialTransportOptions = {}): Promise<SerialTransport> {
    const { SerialPort } = await import('serialport');
    const baudRate = options.baudRate ?? 115200;
    const resolved = realpathSync(path);
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
    return new SerialTransport(port, path, baudRate, resolved, options.watchIntervalMs ?? 500);
  }

  private checkNode(): void {
    let now: string | undefined;
    try {
      now = realpathSync(this.path);
    } catch {
      now = undefined;
    }
    if (now !== this.resolvedPath) this.lost(new Error(`device ${this.path} disappeared`));
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closed || !this.port.isOpen) return Promise.reject(new Error('port is closed'));
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => (err ? reject(err) : resolve()));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
    this.dataListeners.clear();
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

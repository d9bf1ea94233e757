/**
 * A SAM ID card reader simulator. The core (IdCardReaderSimulator) turns request bytes into
 * response bytes with realistic timing; startSimulatedReader() puts it behind a real PTY pair
 * made by socat so the app opens a serial port exactly as it would for a USB-serial reader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants, openSync, rmSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BAUD_RATES,
  type CommandName,
  decodeRequest,
  encodeBaseInfoData,
  encodeResponse,
  FrameParser,
  SW3,
  wireTimeMs,
} from './codec';
import { FIXTURES, type CardFixture, type FixtureId, isFixtureId, placeholderBytes } from './fixtures';
import { type CardIdentity, encodeAppendedAddress, encodeIdentity, fieldsFromIdentity, type IdentityFields, PHOTO_LENGTH } from './identity';

export type FaultKind = 'bad-checksum' | 'truncated' | 'garbage' | 'silence' | 'disconnect' | 'status';

export interface FaultSpec {
  kind: FaultKind;
  /** SW3 to answer with, for kind 'status'. */
  sw3?: number;
  /** How many responses to affect. Default 1. */
  count?: number;
  /** Only affect responses to this command. Default: any command. */
  command?: CommandName;
}

export type ProcessingDelays = Record<CommandName, number>;

/** Time the simulated SAM spends on each command before it starts answering (ms). */
export const DEFAULT_PROCESSING_DELAYS_MS: Readonly<ProcessingDelays> = {
  'reset-sam': 20,
  'sam-status': 5,
  'sam-id': 5,
  'find-card': 10,
  'select-card': 10,
  'read-base': 40,
  'read-base-fp': 60,
  'read-appended-address': 15,
  'set-baud': 5,
};

export interface SimulatorOptions {
  /** Baud rate used for byte timing (10 bits per byte). Default 115200. */
  baudRate?: number;
  processingDelayMs?: Partial<ProcessingDelays>;
  /** 16-byte SAM ID returned by 12 FF. */
  samId?: Uint8Array;
  /** Bytes per write while pacing a response. Default 256 (about 22 ms of line time at 115200, close to how a USB-serial bridge batches). */
  chunkSize?: number;
}

export type CardInput = FixtureId | CardFixture | IdentityFields | CardIdentity;

export interface PlaceCardExtras {
  photo?: Uint8Array;
  fingerprint?: Uint8Array;
  appendedAddress?: string;
}

interface SimCard {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint: Uint8Array;
  appendedAddress: string | undefined;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export interface SimulatorStats {
  requests: number;
  responses: number;
  badRequests: number;
  /** Response bytes written, and request bytes received, since the last resetStats(). */
  bytesOut: number;
  bytesIn: number;
  /** Sum of processing delays of the commands answered since the last resetStats(). */
  processingMs: number;
}

function isCardFixture(x: CardInput): x is CardFixture {
  return typeof x === 'object' && 'fields' in x && 'photo' in x;
}

function isCardIdentity(x: CardInput): x is CardIdentity {
  return typeof x === 'object' && 'sex' in x && typeof (x as CardIdentity).sex === 'object';
}

export class IdCardReaderSimulator {
  readonly stats: SimulatorStats = { requests: 0, responses: 0, badRequests: 0, bytesIn: 0, bytesOut: 0, processingMs: 0 };
  readonly delays: ProcessingDelays;
  baudRate: number;
  /** Set by the PTY host: cuts the line (used by the 'disconnect' fault). */
  disconnectHook: (() => void) | undefined;
  /** Observer called for every well-formed request as it arrives (tests, logging). */
  onRequest: ((name: CommandName | undefined) => void) | undefined;
  /** Set by the PTY host: restores the line after a disconnect. */
  reconnectHook: (() => Promise<void>) | undefined;

  private readonly parser: FrameParser;
  private readonly samId: Uint8Array;
  private readonly chunkSize: number;
  private sink: ((bytes: Uint8Array) => void) | undefined;
  private card: SimCard | undefined;
  private selected = false;
  private faults: ActiveFault[] = [];
  private queue: Array<{ name: CommandName | undefined; cmd: number; para: number; bad: boolean; at: number; reqBytes: number }> = [];
  private busy = false;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;
  private cache = new Map<string, Uint8Array>();

  constructor(options: SimulatorOptions = {}) {
    this.baudRate = options.baudRate ?? 115200;
    this.delays = { ...DEFAULT_PROCESSING_DELAYS_MS, ...options.processingDelayMs };
    this.samId = options.samId ?? placeholderBytes('sam-id', 16);
    this.chunkSize = Math.max(1, options.chunkSize ?? 256);
    this.parser = new FrameParser({
      onReject: (e) => {
        if (e.kind === 'bad-checksum') this.enqueue({ name: undefined, cmd: 0, para: 0, bad: true, at: performance.now(), reqBytes: e.lengthField + 7 });
      },
    });
  }

  /** Connects the simulator's output to a byte sink (the PTY). */
  attach(sink: (bytes: Uint8Array) => void): void {
    this.sink = sink;
  }

  detach(): void {
    this.sink = undefined;
    this.cancelPending();
  }

  /** Bytes from the host. */
  receive(chunk: Uint8Array): void {
    if (this.closed) return;
    this.stats.bytesIn += chunk.length;
    const at = performance.now();
    for (const f of this.parser.push(chunk)) {
      const req = decodeRequest(f);
      if (!req) continue;
      this.onRequest?.(req.name);
      this.enqueue({ name: req.name, cmd: req.cmd, para: req.para, bad: false, at, reqBytes: f.body.length + 8 });
    }
  }

  get hasCard(): boolean {
    return this.card !== undefined;
  }

  placeCard(input: CardInput, extras: PlaceCardExtras = {}): void {
    let fields: IdentityFields;
    let photo: Uint8Array | undefined = extras.photo;
    let fingerprint = extras.fingerprint;
    let appendedAddress = extras.appendedAddress;
    if (typeof input === 'string') {
      if (!isFixtureId(input)) throw new Error(`unknown fixture ${input}`);
      input = FIXTURES[input];
    }
    if (isCardFixture(input)) {
      fields = input.fields;
      photo ??= input.photo;
      fingerprint ??= input.fingerprint;
      appendedAddress ??= input.appendedAddress;
    } else if (isCardIdentity(input)) {
      fields = fieldsFromIdentity(input);
      photo ??= input.photoWlt;
      appendedAddress ??= input.appendedAddress;
    } else {
      fields = input;
    }
    this.card = {
      text: encodeIdentity(fields),
      photo: photo ?? placeholderBytes(`photo:${fields.idNumber}`, PHOTO_LENGTH),
      fingerprint: fingerprint ?? new Uint8Array(0),
      appendedAddress,
    };
    this.selected = false;
    this.cache.clear();
  }

  removeCard(): void {
    this.card = undefined;
    this.selected = false;
    this.cache.clear();
  }

  injectFault(fault: FaultSpec): void {
    this.faults.push({ ...fault, remaining: Math.max(1, fault.count ?? 1) });
  }

  clearFaults(): void {
    this.faults = [];
  }

  resetStats(): void {
    Object.assign(this.stats, { requests: 0, responses: 0, badRequests: 0, bytesIn: 0, bytesOut: 0, processingMs: 0 });
  }

  /** Restores the line after a 'disconnect' fault or an explicit disconnect (PTY host only). */
  async reconnect(): Promise<void> {
    if (!this.reconnectHook) throw new Error('this simulator is not attached to a PTY host');
    await this.reconnectHook();
  }

  close(): void {
    this.closed = true;
    this.detach();
  }

  // -------------------------------------------------------------------------------------------

  private enqueue(item: { name: CommandName | undefined; cmd: number; para: number; bad: boolean; at: number; reqBytes: number }): void {
    if (item.bad) this.stats.badRequests++;
    else this.stats.requests++;
    this.queue.push(item);
    if (!this.busy) this.next();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, Math.max(0, ms));
    this.timers.add(t);
  }

  private cancelPending(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue = [];
    this.busy = false;
    this.parser.reset();
  }

  private byteMs(): number {
    return wireTimeMs(1, this.baudRate);
  }

  private next(): void {
    const item = this.queue.shift();
    if (!item || this.closed) {
      this.busy = false;
      return;
    }
    this.busy = true;
    const processing = item.name ? this.delays[item.name] : 2;
    this.stats.processingMs += processing;
    // The request's last byte reaches a real reader reqBytes byte-times after its first one.
    const start = Math.max(item.at + item.reqBytes * this.byteMs(), performance.now()) + processing;
    this.later(start - performance.now(), () => {
      const response = item.bad ? encodeResponse(SW3.HOST_CHECKSUM_ERROR) : this.respond(item.name, item.cmd, item.para);
      const faulted = this.applyFault(item.name, response);
      this.stats.responses++;
      if (!faulted) {
        this.next();
        return;
      }
      this.send(faulted, start, () => {
        if (item.name === 'set-baud' && response[9] === SW3.SUCCESS) this.baudRate = BAUD_RATES[item.para] ?? this.baudRate;
        this.next();
      });
    });
  }

  /** Writes bytes paced at the baud rate: chunk k leaves when its last byte would be on the wire. */
  private send(bytes: Uint8Array, start: number, done: () => void): void {
    const byteMs = this.byteMs();
    let off = 0;
    const step = (): void => {
      if (this.closed || !this.sink) return done();
      const end = Math.min(bytes.length, off + this.chunkSize);
      const due = start + end * byteMs;
      const wait = due - performance.now();
      if (wait > 1) {
        this.later(wait, step);
        return;
      }
      this.sink(bytes.subarray(off, end));
      this.stats.bytesOut += end - off;
      off = end;
      if (off < bytes.length) step();
      else done();
    };
    step();
  }

  /** Returns the bytes to send (possibly altered by a fault), or null to send nothing. */
  private applyFault(name: CommandName | undefined, response: Uint8Array): Uint8Array | null {
    const i = this.faults.findIndex((f) => f.command === undefined || f.command === name);
    if (i < 0) return response;
    const fault = this.faults[i] as ActiveFault;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(i, 1);
    switch (fault.kind) {
      case 'bad-checksum': {
        const copy = response.slice();
        copy[copy.length - 1] = (copy[copy.length - 1] as number) ^ 0x5a;
        return copy;
      }
      case 'truncated':
        return response.slice(0, Math.max(1, response.length >> 1));
      case 'garbage': {
        const junk = placeholderBytes(`junk:${this.stats.responses}`, 24).map((b) => (b === 0xaa ? 0x55 : b));
        const out = new Uint8Array(junk.length + response.length);
        out.set(junk, 0);
        out.set(response, junk.length);
        return out;
      }
      case 'silence':
        return null;
      case 'disconnect':
        this.disconnectHook?.();
        return null;
      case 'status':
        return encodeResponse(fault.sw3 ?? SW3.UNRECOGNIZED_ERROR);
    }
  }

  private respond(name: CommandName | undefined, _cmd: number, _para: number): Uint8Array {
    const card = this.card;
    switch (name) {
      case 'reset-sam':
      case 'sam-status':
      case 'set-baud':
        this.selected = name === 'reset-sam' ? false : this.selected;
        return encodeResponse(SW3.SUCCESS);
      case 'sam-id':
        return encodeResponse(SW3.SUCCESS, this.samId);
      case 'find-card':
        // Data: 4 bytes (all zero on captured traces; an assumption, see README).
        return card ? encodeResponse(SW3.FIND_OK, new Uint8Array(4)) : encodeResponse(SW3.NO_CARD);
      case 'select-card':
        if (!card) return encodeResponse(SW3.SELECT_FAILED);
        this.selected = true;
        return encodeResponse(SW3.SUCCESS, new Uint8Array(8));
      case 'read-base':
      case 'read-base-fp': {
        if (!card || !this.selected) return encodeResponse(SW3.READ_FAILED);
        const fp = name === 'read-base-fp';
        const key = fp ? 'fp' : 'base';
        let r = this.cache.get(key);
        if (!r) {
          r = encodeResponse(SW3.SUCCESS, encodeBaseInfoData({ text: card.text, photo: card.photo, fingerprint: card.fingerprint }, fp));
          this.cache.set(key, r);
        }
        return r;
      }
      case 'read-appended-address':
        if (!card || !this.selected) return encodeResponse(SW3.READ_FAILED);
        return card.appendedAddress ? encodeResponse(SW3.SUCCESS, encodeAppendedAddress(card.appendedAddress)) : encodeResponse(SW3.NO_CONTENT);
      default:
        return encodeResponse(SW3.COMMAND_ERROR);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PTY host

export interface StartSimulatedReaderOptions extends SimulatorOptions {
  /** Stable path of the app-side PTY (a symlink socat creates). Default: a fresh path in tmpdir. */
  linkPath?: string;
  socatPath?: string;
  /** Card to place right away. */
  card?: CardInput;
}

export interface SimulatedReader {
  /** Open this path as a serial port (any baud rate; the simulator paces bytes itself). */
  readonly appPortPath: string;
  readonly simulator: IdCardReaderSimulator;
  /** True while socat is running. */
  readonly connected: boolean;
  /** PID of the running socat, if any. */
  readonly socatPid: number | undefined;
  /** Pulls the plug: socat exits, the app-side PTY and its symlink disappear. */
  disconnect(): Promise<void>;
  /** Plugs back in at the same symlink path (the /dev/pts/N behind it may change). */
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The simulator's end of the PTY pair, driven by libuv tty handles (epoll, no thread pool):
 * much cheaper than a second serialport, so benchmarks measure the app side, not the simulator.
 */
interface PtyEnd {
  reader: ReadStream;
  writer: WriteStream;
  close(): void;
}

function openPtyEnd(path: string): PtyEnd {
  const flags = fsConstants.O_RDWR | fsConstants.O_NOCTTY | fsConstants.O_NONBLOCK;
  const reader = new ReadStream(openSync(path, flags));
  const writer = new WriteStream(openSync(path, flags));
  reader.on('error', () => undefined);
  writer.on('error', () => undefined);
  return {
    reader,
    writer,
    close: () => {
      reader.removeAllListeners('data');
      reader.destroy();
      writer.destroy();
    },
  };
}

let linkCounter = 0;

/** Spawns `socat -d -d pty,raw,echo=0,link=L pty,raw,echo=0` and returns the two PTY paths. */
function spawnSocat(socatPath: string, linkPath: string): Promise<{ child: ChildProcess; appPty: string; simPty: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(socatPath, ['-d', '-d', `pty,raw,echo=0,link=${linkPath}`, 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error(`socat did not start: ${log}`)), 5000);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`socat exited early (${String(code)}): ${log}`)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      log += d;
      const ptys = [...log.matchAll(/PTY is (\S+)/g)].map((m) => m[1] as string);
      if (ptys.length >= 2 && /starting data transfer loop/.test(log)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume(); // keep draining so socat never blocks on a full pipe
        resolve({ child, appPty: ptys[0] as string, simPty: ptys[1] as string });
      }
    });
  });
}

/**
 * Creates the PTY pair, attaches a simulator to one end and returns the other end's stable
 * path for the app. Used when a site configures the reader as 'simulated'.
 */
export async function startSimulatedReader(options: StartSimulatedReaderOptions = {}): Promise<SimulatedReader> {
  const socatPath = options.socatPath ?? '/usr/bin/socat';
  const linkPath = options.linkPath ?? join(tmpdir(), `sifa-idcard-sim-${process.pid}-${++linkCounter}`);
  const simulator = new IdCardReaderSimulator(options);
  if (options.card !== undefined) simulator.placeCard(options.card);

  let child: ChildProcess | undefined;
  let port: PtyEnd | undefined;
  let closed = false;
  const onExit = (): void => {
    // The host process is exiting without close(): do not leave socat or its symlink behind.
    child?.kill('SIGKILL');
    rmSync(linkPath, { force: true });
  };
  process.once('exit', onExit);

  const plugIn = async (): Promise<void> => {
    const s = await spawnSocat(socatPath, linkPath);
    child = s.child;
    const p = openPtyEnd(s.simPty);
    port = p;
    p.reader.on('data', (d: Buffer) => simulator.receive(d));
    simulator.attach((bytes) => {
      if (!p.writer.destroyed) p.writer.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  };

  const unplug = async (): Promise<void> => {
    simulator.detach();
    const c = child;
    const p = port;
    child = undefined;
    port = undefined;
    if (c && c.exitCode === null && c.signalCode === null) {
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    }
    if (p) p.close();
    rmSync(linkPath, { force: true });
  };

  await plugIn();
  simulator.disconnectHook = () => {
    void unplug();
  };
  simulator.reconnectHook = async () => {
    if (closed) throw new Error('simulated reader is closed');
    if (!child) await plugIn();
  };

  return {
    appPortPath: linkPath,
    simulator,
    get connected() {
      return child !== undefined;
    },
    get socatPid() {
      return child?.pid;
    },
    disconnect: unplug,
    reconnect: () => simulator.reconnect(),
    close: async () => {
      if (closed) return;
      closed = true;
      await unplug();
      simulator.close();
      process.removeListener('exit', onExit);
    },
  };
}

/**
 * ID card reader driver: owns a transport, polls find -> select -> read, decodes the card and
 * reports status, cards, removals and typed errors. Reconnects when the device disappears.
 */
import { EventEmitter } from 'node:events';
import {
  type CommandName,
  COMMANDS,
  decodeBaseInfoData,
  decodeResponse,
  type DecodedResponse,
  encodeCommand,
  FrameParser,
  isSuccessStatus,
  type StatusKind,
  wireTimeMs,
} from './codec';
import { type CardIdentity, decodeAppendedAddress, decodeIdentity, TEXT_BLOCK_LENGTH } from './identity';
import { errorMessageKey, errorMessages, type IdCardErrorKind, type IdCardLocale, type IdCardMessageKey, type ReaderState } from './messages';
import { type SimulatedReader, startSimulatedReader, type StartSimulatedReaderOptions } from './simulator';
import { autoDetect, type IdCardTransport, SerialTransport } from './transport';

export class IdCardError extends Error {
  readonly kind: IdCardErrorKind;
  readonly sw3: number | undefined;
  readonly command: CommandName | undefined;
  readonly messageKey: IdCardMessageKey;
  /** The user-facing message in every supported locale. */
  readonly messages: Record<IdCardLocale, string>;

  constructor(kind: IdCardErrorKind, detail?: string, info: { sw3?: number; command?: CommandName } = {}) {
    super(`${kind}${info.command ? ` (${info.command})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'IdCardError';
    this.kind = kind;
    this.sw3 = info.sw3;
    this.command = info.command;
    this.messageKey = errorMessageKey(kind);
    this.messages = errorMessages(kind);
  }
}

function errorFromResponse(r: DecodedResponse, command: CommandName): IdCardError {
  const kind = r.status as Exclude<StatusKind, 'success' | 'card-found'>;
  return new IdCardError(kind, `SW ${[r.sw1, r.sw2, r.sw3].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`, { sw3: r.sw3, command });
}

// ---------------------------------------------------------------------------------------------
// Session: one command in flight at a time over one transport

export interface SamSessionOptions {
  /** Used to add wire time to the timeouts. Default 115200. */
  baudRate?: number;
  /** Timeout per command on top of the wire time of request and expected response. Default 500 ms. */
  commandTimeoutMs?: number;
  /** Called once when the transport goes away. */
  onLost?: (err: IdCardError) => void;
}

export interface ReadCardOptions {
  now: Date;
  keepPhoto?: boolean;
  fingerprint?: boolean;
  appendedAddress?: boolean;
}

/** Largest response we expect per command, for the timeout's wire-time allowance. */
function expectedResponseBytes(name: CommandName): number {
  if (name === 'read-base') return 7 + 3 + 4 + 256 + 1024 + 1;
  if (name === 'read-base-fp') return 7 + 3 + 6 + 256 + 1024 + 1024 + 1;
  if (name === 'read-appended-address') return 7 + 3 + 70 + 1;
  return 40;
}

/** Read holds shorter than this are not worth a timer (ms of line time still expected). */
const HOLD_MIN_MS = 10;
/** Added to a read hold: the last bytes reach us a little after their line time. */
const HOLD_MARGIN_MS = 2;

interface Pending {
  name: CommandName;
  resolve: (r: DecodedResponse) => void;
  reject: (e: IdCardError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class SamSession {
  readonly baudRate: number;
  readonly commandTimeoutMs: number;
  /** Retries performed after a checksum error (reader's or ours). */
  retries = 0;
  private readonly parser: FrameParser;
  private pending: Pending | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private lostError: IdCardError | undefined;
  private readonly offData: () => void;
  private readonly offClose: () => void;

  constructor(
    readonly transport: IdCardTransport,
    private readonly options: SamSessionOptions = {},
  ) {
    this.baudRate = options.baudRate ?? 115200;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 500;
    this.parser = new FrameParser({
      onReject: (e) => {
        if (e.kind === 'bad-checksum' && this.pending) this.settle(new IdCardError('bad-response-checksum', undefined, { command: this.pending.name }));
      },
    });
    this.offData = transport.onData((chunk) => this.onData(chunk));
    this.offClose = transport.onClose((err) => {
      const e = new IdCardError('disconnected', err?.message);
      this.lostError = e;
      this.settle(e);
      this.options.onLost?.(e);
    });
  }

  get lost(): boolean {
    return this.lostError !== undefined;
  }

  /** Sends one command and waits for its response. Retries once after a checksum error. */
  exec(name: CommandName): Promise<DecodedResponse> {
    const run = this.chain.then(() => this.execWithRetry(name));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async execWithRetry(name: CommandName): Promise<DecodedResponse> {
    for (let attempt = 0; ; attempt++) {
      let r: DecodedResponse;
      try {
        r = await this.roundTrip(name);
      } catch (e) {
        if (e instanceof IdCardError && e.kind === 'bad-response-checksum' && attempt === 0) {
          this.retries++;
          continue;
        }
        throw e;
      }
      if ((r.status === 'host-checksum-error' || r.status === 'host-length-error') && attempt === 0) {
        this.retries++;
        continue;
      }
      return r;
    }
  }

  private roundTrip(name: CommandName): Promise<DecodedResponse> {
    if (this.lostError) return Promise.reject(this.lostError);
    const request = encodeCommand(name);
    const timeoutMs = this.commandTimeoutMs + wireTimeMs(request.length + expectedResponseBytes(name), this.baudRate);
    return new Promise<DecodedResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.parser.reset(); // drop a partial frame so it cannot swallow the next response
        this.settle(new IdCardError('timeout', `no answer within ${Math.round(timeoutMs)} ms`, { command: name }));
      }, timeoutMs);
      this.pending = { name, resolve, reject, timer };
      this.transport.write(request).catch((err: unknown) => {
        this.settle(new IdCardError('write-failed', err instanceof Error ? err.message : String(err), { command: name }));
      });
    });
  }

  private settle(result: DecodedResponse | IdCardError): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    if (result instanceof IdCardError) p.reject(result);
    else p.resolve(result);
  }

  private onData(chunk: Uint8Array): void {
    for (const frame of this.parser.push(chunk)) {
      if (!this.pending) continue; // unsolicited or late: ignore
      const r = decodeResponse(frame);
      this.settle(r ?? new IdCardError('malformed-response', 'short frame', { command: this.pending.name }));
    }
    // The header of a long response is in: the rest cannot arrive faster than the line carries
    // it, so let the transport collect it in one go instead of waking up for every chunk.
    if (this.pending && this.transport.holdReads) {
      const missing = this.parser.frameBytesMissing;
      const ms = missing > 0 ? wireTimeMs(missing, this.baudRate) : 0;
      if (ms >= HOLD_MIN_MS) this.transport.holdReads(ms + HOLD_MARGIN_MS);
    }
  }

  /** find card: true when a card is in the field, false for "no card". Other statuses throw. */
  async findCard(): Promise<boolean> {
    const r = await this.exec('find-card');
    if (r.status === 'card-found' || r.status === 'success') return true;
    if (r.status === 'no-card') return false;
    throw errorFromResponse(r, 'find-card');
  }

  /** select + read base info (+ appended address) and decode. Throws IdCardError. */
  async readCard(options: ReadCardOptions): Promise<CardIdentity> {
    const sel = await this.exec('select-card');
    if (!isSuccessStatus(sel.status)) throw errorFromResponse(sel, 'select-card');
    const cmd: CommandName = options.fingerprint ? 'read-base-fp' : 'read-base';
    const rd = await this.exec(cmd);
    if (rd.status !== 'success') throw errorFromResponse(rd, cmd);
    const payload = decodeBaseInfoData(rd.data, cmd === 'read-base-fp');
    if (!payload || payload.text.length < TEXT_BLOCK_LENGTH) throw new IdCardError('malformed-response', 'base info lengths do not fit', { command: cmd });
    let appendedAddress: string | undefined;
    if (options.appendedAddress) {
      const ad = await this.exec('read-appended-address');
      if (ad.status === 'success') appendedAddress = decodeAppendedAddress(ad.data);
      else if (ad.status !== 'no-content') throw errorFromResponse(ad, 'read-appended-address');
    }
    const identity = decodeIdentity(payload.text, {
      now: options.now,
      photo: payload.photo,
      keepPhoto: options.keepPhoto ?? false,
      ...(appendedAddress !== undefined ? { appendedAddress } : {}),
    });
    if (!identity) throw new IdCardError('malformed-response', 'text block', { command: cmd });
    return identity;
  }

  /** Full read: find, select, read. Resolves null when there is no card. */
  async readOnce(options: ReadCardOptions): Promise<CardIdentity | null> {
    return (await this.findCard()) ? this.readCard(options) : null;
  }

  /** Reads the SAM module ID (12 FF). */
  async samId(): Promise<Uint8Array> {
    const r = await this.exec('sam-id');
    if (r.status !== 'success') throw errorFromResponse(r, 'sam-id');
    return r.data.slice();
  }

  /** Detaches from the transport (does not close it) and fails the command in flight. */
  dispose(): void {
    this.offData();
    this.offClose();
    this.settle(new IdCardError('disconnected', 'session closed'));
    this.lostError ??= new IdCardError('disconnected', 'session closed');
  }
}

// ---------------------------------------------------------------------------------------------
// Reader: polling state machine with reconnect

export interface IdCardReaderOptions {
  device: 'auto' | 'simulated' | string;
  baudRate?: number;
  /** Pause between polls (ms). Default 250. */
  pollIntervalMs?: number;
  /** Per-command timeout on top of wire time (ms). Default 500. */
  commandTimeoutMs?: number;
  /** Keep the raw WLT photo bytes on the emitted identity. Default false. */
  keepPhoto?: boolean;
  /** Use 30 10 (base info + fingerprint) instead of 30 01. Default false. */
  readFingerprint?: boolean;
  /** Also read the appended (new) address with 30 03. Default false. */
  readAppendedAddress?: boolean;
  /** Delay between reconnect attempts (ms) for the first 20 failed opens of an outage, then 5 s. Default 500. */
  reconnectIntervalMs?: number;
  /** Consecutive "no card" answers before 'removed' is reported. Default 2. */
  removalMisses?: number;
  /** Consecutive timeouts after which the device is treated as gone and reopened. Default 3. */
  maxConsecutiveTimeouts?: number;
  /** Opens the transport (injection point); replaces the device-based default. */
  transportFactory?: () => Promise<IdCardTransport>;
  /** Options for the simulated reader when device is 'simulated'. */
  simulator?: StartSimulatedReaderOptions;
  /** Clock used for the expired flag. Default () => new Date(). */
  now?: () => Date;
}

export interface ReaderStatus {
  state: ReaderState;
  detail?: string;
}

export interface IdCardReaderEvents {
  status: [ReaderStatus];
  card: [CardIdentity];
  removed: [];
  error: [IdCardError];
}

export interface IdCardReader {
  /** Opens the port (and the simulator) and keeps reconnecting, without looking for cards. */
  open(): Promise<void>;
  /** Opens if needed and looks for cards until stop(). */
  start(): Promise<void>;
  stop(): void;
  close(): Promise<void>;
  readonly state: ReaderState;
  /** The simulated reader when device is 'simulated' (available after start()). */
  readonly simulated: SimulatedReader | undefined;
  readonly transportDescription: string | undefined;
  on<E extends keyof IdCardReaderEvents>(event: E, listener: (...args: IdCardReaderEvents[E]) => void): this;
  once<E extends keyof IdCardReaderEvents>(event: E, listener: (...args: IdCardReaderEvents[E]) => void): this;
  off<E extends keyof IdCardReaderEvents>(event: E, listener: (...args: IdCardReaderEvents[E]) => void): this;
}

/** Failed opens retried at reconnectIntervalMs before the reader is looked for only every SLOW_RECONNECT_MS. */
const QUICK_RECONNECT_ATTEMPTS = 20;
const SLOW_RECONNECT_MS = 5000;

class IdCardReaderImpl extends EventEmitter implements IdCardReader {
  state: ReaderState = 'disconnected';
  simulated: SimulatedReader | undefined;
  private simulatorStarting: Promise<SimulatedReader> | undefined;
  private session: SamSession | undefined;
  private started = false;
  private closed = false;
  private connecting = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private cardPresent = false;
  private misses = 0;
  private timeouts = 0;
  private lastErrorKind: IdCardErrorKind | undefined;
  private openFailedReported = false;
  private failedAttempts = 0;
  private readonly opts: Required<Omit<IdCardReaderOptions, 'transportFactory' | 'simulator' | 'baudRate'>> & Pick<IdCardReaderOptions, 'transportFactory' | 'simulator' | 'baudRate'>;

  constructor(options: IdCardReaderOptions) {
    super();
    this.opts = {
      pollIntervalMs: 250,
      commandTimeoutMs: 500,
      keepPhoto: false,
      readFingerprint: false,
      readAppendedAddress: false,
      reconnectIntervalMs: 500,
      removalMisses: 2,
      maxConsecutiveTimeouts: 3,
      now: () => new Date(),
      ...options,
    };
  }

  get transportDescription(): string | undefined {
    return this.session?.transport.description;
  }

  async open(): Promise<void> {
    if (this.closed) throw new Error('reader is closed');
    if (this.opts.device === 'simulated' && !this.opts.transportFactory) {
      // One simulator however many callers open at once (start-up check and a screen, say).
      this.simulatorStarting ??= startSimulatedReader(this.opts.simulator ?? {});
      const simulated = await this.simulatorStarting;
      if (this.closed) return; // close() stops the simulator
      this.simulated = simulated;
    }
    if (!this.session) await this.connect();
  }

  async start(): Promise<void> {
    if (this.closed) throw new Error('reader is closed');
    this.started = true;
    if (this.session) {
      this.setStatus('searching');
      this.schedulePoll(0);
    } else {
      // connect() starts searching itself once connected, because `started` is set.
      await this.open();
    }
  }

  stop(): void {
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (this.session) this.setStatus('connected');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.pollTimer = undefined;
    this.reconnectTimer = undefined;
    const session = this.session;
    this.session = undefined;
    if (session) {
      session.dispose();
      await session.transport.close().catch(() => undefined);
    }
    const simulated = this.simulated ?? (await this.simulatorStarting?.catch(() => undefined));
    if (simulated) await simulated.close();
    this.setStatus('disconnected', 'closed');
  }

  // -------------------------------------------------------------------------------------------

  private setStatus(state: ReaderState, detail?: string): void {
    if (state === this.state && detail === undefined) return;
    this.state = state;
    this.emit('status', detail === undefined ? { state } : { state, detail });
  }

  private reportError(err: IdCardError): void {
    if (err.kind === this.lastErrorKind) return; // same problem again: already reported
    this.lastErrorKind = err.kind;
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }

  private factory(): Promise<IdCardTransport> {
    if (this.opts.transportFactory) return this.opts.transportFactory();
    const baudRate = this.opts.baudRate ?? 115200;
    if (this.opts.device === 'simulated') {
      if (!this.simulated) return Promise.reject(new Error('simulated reader not started'));
      return SerialTransport.open(this.simulated.appPortPath, { baudRate });
    }
    if (this.opts.device === 'auto') {
      return autoDetect({ baudRate }).then((r) => {
        if (!r) throw new IdCardError('no-reader-found');
        return r.transport;
      });
    }
    return SerialTransport.open(this.opts.device, { baudRate });
  }

  private async connect(): Promise<void> {
    if (this.closed || this.session || this.connecting) return;
    this.connecting = true;
    // Only the first attempt of an outage is announced; retries stay quietly 'disconnected'.
    if (this.failedAttempts === 0) this.setStatus('connecting');
    let transport: IdCardTransport | undefined;
    let failure: unknown;
    try {
      transport = await this.factory();
    } catch (e) {
      failure = e;
    }
    this.connecting = false;
    if (this.closed) {
      await transport?.close().catch(() => undefined);
      return;
    }
    if (!transport) {
      if (!this.openFailedReported) {
        this.openFailedReported = true;
        const err = failure instanceof IdCardError ? failure : new IdCardError('open-failed', failure instanceof Error ? failure.message : String(failure));
        this.reportError(err);
      }
      this.failedAttempts++;
      this.setStatus('disconnected');
      // A replug is found within reconnectIntervalMs at first; a reader that stays missing (or a
      // site without one) is looked for every few seconds, not twice a second for days.
      this.scheduleReconnect(this.failedAttempts > QUICK_RECONNECT_ATTEMPTS ? Math.max(this.opts.reconnectIntervalMs, SLOW_RECONNECT_MS) : this.opts.reconnectIntervalMs);
      return;
    }
    this.failedAttempts = 0;
    this.openFailedReported = false;
    this.timeouts = 0;
    const session = new SamSession(transport, {
      baudRate: this.opts.baudRate ?? 115200,
      commandTimeoutMs: this.opts.commandTimeoutMs,
      onLost: (err) => this.onLost(session, err),
    });
    this.session = session;
    this.lastErrorKind = undefined;
    this.setStatus('connected', transport.description);
    if (this.started) {
      this.setStatus('searching');
      this.schedulePoll(0);
    }
  }

  private onLost(session: SamSession, err: IdCardError): void {
    if (this.session !== session) return;
    this.dropSession(err);
  }

  /** Forget the current transport, report it, and start reconnecting. */
  private dropSession(err: IdCardError): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    session.dispose();
    void session.transport.close().catch(() => undefined);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (this.closed) return;
    if (this.cardPresent) {
      this.cardPresent = false;
      this.emit('removed');
    }
    this.reportError(err);
    this.setStatus('disconnected', err.kind);
    this.scheduleReconnect(0);
  }

  private scheduleReconnect(delay = this.opts.reconnectIntervalMs): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }

  private schedulePoll(delay: number): void {
    if (this.closed || !this.started || this.pollTimer || this.polling) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.pollOnce();
    }, delay);
  }

  private async pollOnce(): Promise<void> {
    const session = this.session;
    if (!session || !this.started || this.closed) return;
    this.polling = true;
    try {
      await this.cycle(session);
      this.timeouts = 0;
      this.lastErrorKind = undefined;
      if (this.state === 'error' || this.state === 'connected') this.setStatus('searching');
    } catch (e) {
      const err = e instanceof IdCardError ? e : new IdCardError('malformed-response', e instanceof Error ? e.message : String(e));
      this.handleCycleError(session, err);
    } finally {
      this.polling = false;
    }
    if (this.session === session) this.schedulePoll(this.opts.pollIntervalMs);
  }

  private async cycle(session: SamSession): Promise<void> {
    const present = await session.findCard();
    if (!present) {
      if (this.cardPresent && ++this.misses >= this.opts.removalMisses) {
        this.cardPresent = false;
        this.misses = 0;
        this.emit('removed');
      }
      return;
    }
    this.misses = 0;
    if (this.cardPresent) return; // already reported for this placement
    const identity = await session.readCard({
      now: this.opts.now(),
      keepPhoto: this.opts.keepPhoto,
      fingerprint: this.opts.readFingerprint,
      appendedAddress: this.opts.readAppendedAddress,
    });
    if (this.session !== session || this.closed) return;
    this.cardPresent = true;
    this.emit('card', identity);
  }

  private handleCycleError(session: SamSession, err: IdCardError): void {
    if (this.session !== session || this.closed) return;
    if (err.kind === 'disconnected' || err.kind === 'write-failed') {
      this.dropSession(err);
      return;
    }
    if (err.kind === 'timeout') {
      this.reportError(err);
      if (++this.timeouts >= this.opts.maxConsecutiveTimeouts) this.dropSession(err);
      return;
    }
    this.timeouts = 0;
    this.reportError(err);
    if (err.kind === 'sam-fault' || err.kind === 'not-authorized') this.setStatus('error', err.kind);
  }
}

export function createIdCardReader(options: IdCardReaderOptions): IdCardReader {
  return new IdCardReaderImpl(options);
}

/** All command names, for tooling. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

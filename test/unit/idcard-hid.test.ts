/**
 * HID transport tests. There is no /dev/uhid here, so a fake node-hid device object is injected
 * into the real HidTransport. The fake speaks raw 64-byte reports ([n, ...n bytes, padding],
 * written with a leading report ID as node-hid requires) and is backed by the real simulator core,
 * so everything above the USB report level is the production code.
 */
import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import { HidTransport, bytesFromHidReport, hidReportsFromBytes, probe, type HidDeviceLike } from '../../native-bridges/idcard/transport';
import { IdCardReaderSimulator } from '../../native-bridges/idcard/simulator';
import { SamSession, createIdCardReader, type IdCardError } from '../../native-bridges/idcard/driver';
import { encodeResponse, requests, toHex } from '../../native-bridges/idcard/codec';
import type { CardIdentity } from '../../native-bridges/idcard/identity';

const REPORT = 64;

class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  readonly written: Buffer[] = [];
  closed = false;
  readonly sim = new IdCardReaderSimulator({ baudRate: 12_000_000, processingDelayMs: { 'find-card': 0, 'select-card': 0, 'read-base': 1 } });

  constructor() {
    super();
    this.sim.attach((bytes) => {
      // Device -> host: input reports without report ID: [n, payload..., zero padding].
      for (let off = 0; off < bytes.length; off += REPORT - 1) {
        const part = bytes.subarray(off, Math.min(bytes.length, off + REPORT - 1));
        const report = Buffer.alloc(REPORT);
        report[0] = part.length;
        report.set(part, 1);
        setImmediate(() => {
          if (!this.closed) this.emit('data', report);
        });
      }
    });
  }

  write(values: number[] | Buffer): number {
    if (this.closed) throw new Error('closed');
    const buf = Buffer.from(values);
    this.written.push(buf);
    // Host -> device: [reportId, n, payload..., zero padding], report ID 0 for unnumbered reports.
    if (buf.length !== REPORT + 1 || buf[0] !== 0) return -1;
    const n = buf[1]!;
    this.sim.receive(buf.subarray(2, 2 + n));
    return buf.length;
  }

  close(): void {
    this.closed = true;
    this.sim.close();
  }

  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }
}

describe('HID report framing', () => {
  it('splits a frame into 64-byte reports with a length byte, written with report ID 0', () => {
    const reports = hidReportsFromBytes(requests.findCard());
    expect(reports).toHaveLength(1);
    expect(reports[0]).toHaveLength(65);
    expect(toHex(reports[0]!.subarray(0, 12))).toBe('00 0A AA AA AA 96 69 00 03 20 01 22');
    expect(reports[0]!.subarray(12).every((b) => b === 0)).toBe(true);
  });

  it('a 1295-byte read response takes 21 reports and reassembles exactly', () => {
    const response = encodeResponse(0x90, new Uint8Array(1284).fill(7));
    expect(response).toHaveLength(1295);
    const reports = hidReportsFromBytes(response);
    expect(reports).toHaveLength(Math.ceil(1295 / 63));
    const back = Buffer.concat(reports.map((r) => bytesFromHidReport(r.subarray(1))!));
    expect(back.equals(Buffer.from(response))).toBe(true);
  });

  it('ignores reports that carry no frame bytes (zero or impossible length)', () => {
    expect(bytesFromHidReport(Buffer.alloc(64))).toBeNull();
    const ack = Buffer.alloc(64);
    ack[0] = 0xff;
    expect(bytesFromHidReport(ack)).toBeNull();
    const numbered = Buffer.from([0x02, 0x03, 1, 2, 3]);
    expect([...bytesFromHidReport(numbered, { inputHasReportId: true })!]).toEqual([1, 2, 3]);
  });
});

describe('HidTransport with an injected fake node-hid device', () => {
  it('runs find -> select -> read over HID reports', async () => {
    const dev = new FakeHidDevice();
    dev.sim.placeCard('hmt-residence');
    const transport = new HidTransport(dev, 'fake');
    const session = new SamSession(transport, { commandTimeoutMs: 500 });
    const identity = await session.readOnce({ now: new Date(2026, 0, 1) });
    expect(identity).toMatchObject({ cardType: 'hmt-residence', name: '陈测试', passNumber: 'H00000001', idNumberValid: true });
    // every report the host wrote was a full 65-byte report
    expect(dev.written.every((r) => r.length === 65 && r[0] === 0)).toBe(true);
    expect(dev.written.map((r) => toHex(r.subarray(2, 2 + r[1]!)))).toEqual([
      'AA AA AA 96 69 00 03 20 01 22',
      'AA AA AA 96 69 00 03 20 02 21',
      'AA AA AA 96 69 00 03 30 01 32',
    ]);
    session.dispose();
    await transport.close();
    expect(dev.closed).toBe(true);
  });

  it('probe() picks the HID candidate that answers "get SAM ID"', async () => {
    const silent = new EventEmitter() as EventEmitter & HidDeviceLike;
    Object.assign(silent, { write: () => 65, close: () => undefined });
    const dev = new FakeHidDevice();
    const result = await probe(
      [
        { kind: 'hid', path: 'silent', description: 'silent' },
        { kind: 'hid', path: 'reader', description: 'reader' },
      ],
      { timeoutMs: 100, open: async (c) => new HidTransport(c.path === 'reader' ? dev : silent, c.path) },
    );
    expect(result?.candidate.path).toBe('reader');
    expect(result?.samId).toHaveLength(16);
    await result?.transport.close();
  });

  it('reports unplugging (device error) through onClose, and the driver reconnects through the factory', async () => {
    const devices: FakeHidDevice[] = [];
    const reader = createIdCardReader({
      device: 'auto',
      pollIntervalMs: 10,
      reconnectIntervalMs: 50,
      now: () => new Date(2026, 0, 1),
      transportFactory: async () => {
        const d = new FakeHidDevice();
        d.sim.placeCard('resident');
        devices.push(d);
        return new HidTransport(d, `fake-${devices.length}`);
      },
    });
    const cards: CardIdentity[] = [];
    const errors: IdCardError[] = [];
    reader.on('card', (c) => cards.push(c));
    reader.on('error', (e) => errors.push(e));
    const firstCard = new Promise<void>((resolve) => reader.once('card', () => resolve()));
    await reader.start();
    await firstCard;
    expect(cards[0]).toMatchObject({ cardType: 'resident', name: '王样例' });

    const removed = new Promise<void>((resolve) => reader.once('removed', () => resolve()));
    const secondCard = new Promise<void>((resolve) => reader.once('card', () => resolve()));
    devices[0]!.unplug();
    await removed;
    await secondCard;
    expect(devices).toHaveLength(2);
    expect(devices[0]!.closed).toBe(true);
    expect(errors.map((e) => e.kind)).toContain('disconnected');
    expect(reader.transportDescription).toBe('hid fake-2');
    await reader.close();
    expect(devices[1]!.closed).toBe(true);
  });

  it('looks for a missing reader quickly at first, then only every few seconds; a reader that appears is opened', async () => {
    let attempts = 0;
    let plugged = false;
    const reader = createIdCardReader({
      device: 'auto',
      reconnectIntervalMs: 10,
      transportFactory: async () => {
        attempts += 1;
        if (!plugged) throw new Error('ENOENT: no such device');
        return new HidTransport(new FakeHidDevice(), 'fake');
      },
    });
    const errors: IdCardError[] = [];
    reader.on('error', (e) => errors.push(e));
    await reader.open();
    // The first open and 20 quick retries, then the next try waits 5 s.
    await new Promise((r) => setTimeout(r, 1000));
    expect(attempts).toBe(21);
    expect(errors.map((e) => e.kind)).toEqual(['open-failed']);
    plugged = true;
    const connected = new Promise<void>((resolve) => reader.on('status', (s) => s.state === 'connected' && resolve()));
    await connected;
    expect(attempts).toBe(22);
    await reader.close();
  }, 15_000);
});

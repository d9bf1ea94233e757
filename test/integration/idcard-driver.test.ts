/**
 * The driver against the simulator over REAL PTYs (socat). Nothing here is mocked: the driver
 * opens the app end of the PTY pair with serialport, the simulator answers on the other end.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createIdCardReader, type IdCardError, type IdCardReader, type IdCardReaderOptions, type ReaderStatus } from '../../native-bridges/idcard/driver';
import { startSimulatedReader, type SimulatedReader } from '../../native-bridges/idcard/simulator';
import { statusKind, type CommandName } from '../../native-bridges/idcard/codec';
import { idcardMessages, type IdCardErrorKind } from '../../native-bridges/idcard/messages';
import type { CardIdentity } from '../../native-bridges/idcard/identity';

const NOW = new Date(2026, 5, 1, 10, 0, 0);
const FAST_DELAYS = { 'find-card': 2, 'select-card': 2, 'read-base': 5, 'sam-id': 1 };

interface Rig {
  sim: SimulatedReader;
  reader: IdCardReader;
  cards: CardIdentity[];
  errors: IdCardError[];
  statuses: ReaderStatus[];
  requests: (CommandName | undefined)[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function rig(readerOptions: Partial<IdCardReaderOptions> = {}, delays: Record<string, number> = FAST_DELAYS): Promise<Rig> {
  const sim = await startSimulatedReader({ processingDelayMs: delays });
  const reader = createIdCardReader({
    device: sim.appPortPath,
    pollIntervalMs: 20,
    commandTimeoutMs: 300,
    removalMisses: 1,
    now: () => NOW,
    ...readerOptions,
  });
  const r: Rig = { sim, reader, cards: [], errors: [], statuses: [], requests: [] };
  reader.on('card', (c) => r.cards.push(c));
  reader.on('error', (e) => r.errors.push(e));
  reader.on('status', (s) => r.statuses.push(s));
  sim.simulator.onRequest = (name) => r.requests.push(name);
  cleanups.push(async () => {
    await reader.close();
    await sim.close();
  });
  return r;
}

function next<E extends 'card' | 'removed' | 'error' | 'status'>(reader: IdCardReader, event: E, timeoutMs = 3000, match: (arg: unknown) => boolean = () => true): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reader.off(event, handler as never);
      reject(new Error(`no '${event}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (arg?: unknown): void => {
      if (!match(arg)) return;
      clearTimeout(timer);
      reader.off(event, handler as never);
      resolve(arg);
    };
    reader.on(event, handler as never);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('ID card driver over a real PTY', () => {
  it('reads a card once per placement and reports its removal', async () => {
    const { sim, reader, cards, errors } = await rig({ keepPhoto: true });
    await reader.start();
    expect(reader.state).toBe('searching');
    const card = next(reader, 'card');
    sim.simulator.placeCard('resident');
    const identity = (await card) as CardIdentity;
    expect(identity).toMatchObject({ cardType: 'resident', name: '王样例', idNumberValid: true, validUntil: 'long-term', expired: false });
    expect(identity.photoWlt).toHaveLength(1024);
    await sleep(150); // several more polls while the card stays: no second 'card'
    expect(cards).toHaveLength(1);
    const removed = next(reader, 'removed');
    sim.simulator.removeCard();
    await removed;
    expect(errors).toEqual([]);
  });

  it('card removed mid-read: a typed read-failed error, no card; the next placement is read', async () => {
    const { sim, reader, cards } = await rig({}, { ...FAST_DELAYS, 'read-base': 80 });
    let pulled = false;
    sim.simulator.onRequest = (name) => {
      if (name === 'read-base' && !pulled) {
        pulled = true;
        sim.simulator.removeCard(); // while the SAM is still reading
      }
    };
    await reader.start();
    const error = next(reader, 'error');
    sim.simulator.placeCard('resident');
    const err = (await error) as IdCardError;
    expect(err.kind).toBe('read-failed');
    expect(err.sw3).toBe(0x41);
    expect(err.messages['zh-CN']).toBe(idcardMessages['zh-CN']['idcard.error.read-failed']);
    expect(cards).toHaveLength(0);
    const card = next(reader, 'card');
    sim.simulator.placeCard('foreign-permanent');
    expect(await card).toMatchObject({ cardType: 'foreign-permanent', nameEn: 'SPECIMEN, SAMPLE' });
  });

  it('a response with a bad checksum is retried once, then the read succeeds', async () => {
    const { sim, reader, errors, requests } = await rig();
    sim.simulator.injectFault({ kind: 'bad-checksum', command: 'read-base' });
    await reader.start();
    const card = next(reader, 'card');
    sim.simulator.placeCard('hmt-residence');
    expect(await card).toMatchObject({ cardType: 'hmt-residence', passNumber: 'H00000001' });
    expect(requests.filter((n) => n === 'read-base')).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('the reader reporting our checksum error (SW3 10) is retried once too', async () => {
    const { sim, reader, errors, requests } = await rig();
    sim.simulator.injectFault({ kind: 'status', sw3: 0x10, command: 'select-card' });
    await reader.start();
    const card = next(reader, 'card');
    sim.simulator.placeCard('foreign-permanent-2023');
    expect(await card).toMatchObject({ cardType: 'foreign-permanent-2023' });
    expect(requests.filter((n) => n === 'select-card')).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('garbage before a response and a truncated response are survived', async () => {
    const { sim, reader } = await rig();
    sim.simulator.injectFault({ kind: 'garbage', command: 'find-card', count: 3 });
    sim.simulator.injectFault({ kind: 'truncated', command: 'read-base' });
    await reader.start();
    const card = next(reader, 'card');
    sim.simulator.placeCard('resident-expired');
    expect(await card).toMatchObject({ cardType: 'resident', expired: true, validUntil: '2020-07-01' });
  });

  it('reader unplugged mid-read and plugged back: reconnects within 2 s and reads the card', async () => {
    const { sim, reader, errors } = await rig();
    sim.simulator.injectFault({ kind: 'disconnect', command: 'read-base' });
    await reader.start();
    const down = next(reader, 'status', 3000, (s) => (s as ReaderStatus).state === 'disconnected');
    sim.simulator.placeCard('resident');
    await down;
    expect(sim.connected).toBe(false);
    await sleep(700); // stays unplugged for a while; the driver keeps trying
    expect(reader.state).toBe('disconnected');
    const up = next(reader, 'status', 3000, (s) => (s as ReaderStatus).state === 'connected');
    const card = next(reader, 'card', 4000);
    const t0 = performance.now();
    await sim.reconnect();
    await up;
    const reconnectMs = performance.now() - t0;
    expect(reconnectMs).toBeLessThanOrEqual(2000);
    expect(await card).toMatchObject({ name: '王样例' });
    expect(errors.map((e) => e.kind)).toContain('disconnected');
    for (const e of errors) {
      expect(e.messages['zh-CN']).toMatch(/\S/);
      expect(e.messages.en).toMatch(/\S/);
    }
  });

  it('every SAM error code becomes the right typed error with zh-CN and en messages', async () => {
    const { sim, reader } = await rig({ pollIntervalMs: 5 });
    await reader.start();
    const codes = [0x10, 0x11, 0x21, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81, 0x91];
    for (const code of codes) {
      // 10/11 are retried once by design, so they must happen twice in a row to surface.
      sim.simulator.injectFault({ kind: 'status', sw3: code, command: 'read-base', count: code === 0x10 || code === 0x11 ? 2 : 1 });
      const error = next(reader, 'error');
      const card = next(reader, 'card');
      sim.simulator.placeCard('resident');
      const err = (await error) as IdCardError;
      const kind = statusKind(code) as IdCardErrorKind;
      expect(err.kind, `SW3 ${code.toString(16)}`).toBe(kind);
      expect(err.sw3).toBe(code);
      expect(err.command).toBe('read-base');
      expect(err.messageKey).toBe(`idcard.error.${kind}`);
      expect(err.messages['zh-CN']).toBe(idcardMessages['zh-CN'][err.messageKey]);
      expect(err.messages.en).toBe(idcardMessages.en[err.messageKey]);
      expect(err.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      await card; // the next poll reads the card normally
      const removed = next(reader, 'removed');
      sim.simulator.removeCard();
      await removed;
    }
  });

  it('a silent reader produces a typed timeout', async () => {
    const { sim, reader } = await rig({ commandTimeoutMs: 100 });
    sim.simulator.injectFault({ kind: 'silence', command: 'find-card' });
    const error = next(reader, 'error');
    await reader.start();
    const err = (await error) as IdCardError;
    expect(err.kind).toBe('timeout');
    expect(err.messages.en).toBe(idcardMessages.en['idcard.error.timeout']);
    const card = next(reader, 'card');
    sim.simulator.placeCard('resident');
    await card;
  });

  it("device 'simulated' starts its own PTY simulator, and close() leaves no handles or socat behind", async () => {
    const baseline = process.getActiveResourcesInfo();
    const reader = createIdCardReader({ device: 'simulated', pollIntervalMs: 20, now: () => NOW, simulator: { processingDelayMs: FAST_DELAYS } });
    await reader.start();
    const sim = reader.simulated!;
    expect(sim.connected).toBe(true);
    const pid = sim.socatPid!;
    expect(() => process.kill(pid, 0)).not.toThrow();
    const card = next(reader, 'card');
    sim.simulator.placeCard('foreign-permanent-2023');
    expect(await card).toMatchObject({ cardType: 'foreign-permanent-2023', nationality: 'UTO' });
    await reader.close();
    expect(sim.connected).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow(); // socat is gone
    await sleep(20);
    const after = process.getActiveResourcesInfo();
    const count = (list: string[]): Record<string, number> => list.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    const grown = Object.entries(count(after)).filter(([k, n]) => n > (count(baseline)[k] ?? 0));
    expect(grown).toEqual([]);
  });
});

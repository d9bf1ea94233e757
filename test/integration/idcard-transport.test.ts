/**
 * The serial transport's two I/O paths over REAL PTYs (socat): the libuv tty stream used on Linux
 * ('tty') and serialport's own stream ('serialport', the fallback and the other platforms' path),
 * read holds, and descriptor hygiene. Nothing is mocked.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants, openSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { SerialTransport } from '../../native-bridges/idcard/transport';
import { IdCardError, SamSession } from '../../native-bridges/idcard/driver';
import { startSimulatedReader, type SimulatedReader } from '../../native-bridges/idcard/simulator';

const NOW = new Date(2026, 5, 1, 10, 0, 0);
const FAST_DELAYS = { 'find-card': 2, 'select-card': 2, 'read-base': 5 };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function simulated(options: Parameters<typeof startSimulatedReader>[0] = {}): Promise<SimulatedReader> {
  const sim = await startSimulatedReader({ processingDelayMs: FAST_DELAYS, card: 'resident', ...options });
  cleanups.push(() => sim.close());
  return sim;
}

async function open(path: string, options: Parameters<typeof SerialTransport.open>[1] = {}): Promise<SerialTransport> {
  const t = await SerialTransport.open(path, options);
  cleanups.push(() => t.close());
  return t;
}

/** This process's descriptors that refer to the given device node. */
function descriptorsOn(device: string): string[] {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === device;
    } catch {
      return false;
    }
  });
}

/** A bare socat PTY pair: the app end's path, and the other end as tty streams. */
async function ptyPair(): Promise<{ appPath: string; peer: { reader: ReadStream; writer: WriteStream } }> {
  const child: ChildProcess = spawn('/usr/bin/socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (/starting data transfer loop/.test(log)) resolve();
    });
  });
  child.stderr!.resume();
  const [appPath, peerPath] = [...log.matchAll(/PTY is (\S+)/g)].map((m) => m[1] as string);
  const flags = fsConstants.O_RDWR | fsConstants.O_NOCTTY | fsConstants.O_NONBLOCK;
  const reader = new ReadStream(openSync(peerPath!, flags));
  const writer = new WriteStream(openSync(peerPath!, flags));
  reader.on('error', () => undefined);
  writer.on('error', () => undefined);
  reader.resume();
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        reader.destroy();
        writer.destroy();
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  );
  return { appPath: appPath!, peer: { reader, writer } };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One full read of the simulator's sample card, then the transport closed and given time to let go of its descriptors. */
async function readSampleCardAndClose(t: SerialTransport): Promise<void> {
  const session = new SamSession(t);
  expect(await session.readOnce({ now: NOW })).toMatchObject({ name: '王样例', idNumberValid: true });
  session.dispose();
  await t.close();
  await sleep(20);
}

describe('serial transport over a real PTY', () => {
  it.runIf(process.platform === 'linux')('uses the tty path on Linux, reads a card, and closes every descriptor it opened', async () => {
    const sim = await simulated();
    const device = realpathSync(sim.appPortPath);
    const baseline = process.getActiveResourcesInfo();
    expect(descriptorsOn(device)).toEqual([]);
    const t = await SerialTransport.open(sim.appPortPath);
    expect(t.io).toBe('tty');
    expect(descriptorsOn(device).length).toBeGreaterThan(0);
    await readSampleCardAndClose(t);
    expect(descriptorsOn(device)).toEqual([]);
    const count = (list: string[]): Record<string, number> => list.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    expect(Object.entries(count(process.getActiveResourcesInfo())).filter(([k, n]) => n > (count(baseline)[k] ?? 0))).toEqual([]);
  });

  it("io: 'serialport' (the fallback, and the path on other platforms) reads the same card", async () => {
    const sim = await simulated();
    const device = realpathSync(sim.appPortPath);
    const t = await open(sim.appPortPath, { io: 'serialport' });
    expect(t.io).toBe('serialport');
    expect(t.holdReads).toBeTypeOf('function'); // present, but a no-op on this path
    await readSampleCardAndClose(t);
    expect(descriptorsOn(device)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('a long response is collected in a few reads: the session holds reads while the rest of its frame is on the line', async () => {
    // 32-byte chunks: the simulator writes the 1295-byte base-info response in 41 pieces.
    const sim = await simulated({ chunkSize: 32 });
    const t = await open(sim.appPortPath);
    const session = new SamSession(t);
    expect(await session.findCard()).toBe(true);
    const deliveries: number[] = [];
    t.onData((c) => deliveries.push(c.length));
    const identity = await session.readCard({ now: NOW });
    expect(identity).toMatchObject({ name: '王样例' });
    const total = deliveries.reduce((a, b) => a + b, 0);
    expect(total).toBe(19 + 1295); // select response + base-info response, nothing lost
    // Without holds this is about one delivery per piece (42); with them: the select response,
    // the first piece (header), then the rest at once, give or take a late piece.
    expect(deliveries.length).toBeLessThanOrEqual(8);
    session.dispose();
  });

  it.runIf(process.platform === 'linux')('holdReads: nothing is delivered during a hold, then everything that arrived, in order', async () => {
    const { appPath, peer } = await ptyPair();
    const t = await open(appPath);
    expect(t.io).toBe('tty');
    const got: { at: number; bytes: number[] }[] = [];
    t.onData((c) => got.push({ at: performance.now(), bytes: [...c] }));
    // Requests reach the other end as written.
    const received: number[] = [];
    peer.reader.on('data', (d: Buffer) => received.push(...d));
    await t.write(Uint8Array.of(1, 2, 3, 0x0a, 0x0d, 0xaa));
    await sleep(50);
    expect(received).toEqual([1, 2, 3, 0x0a, 0x0d, 0xaa]);

    const t0 = performance.now();
    t.holdReads!(200);
    for (const part of [[0x10, 0x11], [0x12], [0x13, 0x14, 0x15]]) {
      peer.writer.write(Buffer.from(part));
      await sleep(15);
    }
    await sleep(400);
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.at - t0).toBeGreaterThanOrEqual(195);
    expect(got.flatMap((g) => g.bytes)).toEqual([0x10, 0x11, 0x12, 0x13, 0x14, 0x15]);
    expect(got).toHaveLength(1); // written well before the hold ended: one read

    // Reading continues normally afterwards.
    peer.writer.write(Buffer.from([0x20]));
    await sleep(100);
    expect(got.flatMap((g) => g.bytes)).toEqual([0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x20]);
  });

  it.runIf(process.platform === 'linux')('a reader unplugged while a response is held is reported as disconnected, promptly', async () => {
    const sim = await simulated();
    const t = await open(sim.appPortPath);
    const session = new SamSession(t);
    expect(await session.findCard()).toBe(true);
    t.onData((c) => {
      if (c.length >= 200) void sim.disconnect(); // the first piece of the base-info response
    });
    const t0 = performance.now();
    const err = await session.readCard({ now: NOW }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IdCardError);
    expect((err as IdCardError).kind).toBe('disconnected');
    expect(performance.now() - t0).toBeLessThan(1500);
    session.dispose();
  });

  it.runIf(process.platform === 'linux')('a hold is capped at 250 ms, so a bogus length field cannot stall the line for long', async () => {
    const { appPath, peer } = await ptyPair();
    const t = await open(appPath);
    const got: number[] = [];
    t.onData(() => got.push(performance.now()));
    const t0 = performance.now();
    t.holdReads!(10_000);
    peer.writer.write(Buffer.from([1, 2, 3]));
    await sleep(600);
    expect(got).toHaveLength(1);
    expect(got[0]! - t0).toBeGreaterThanOrEqual(245);
    expect(got[0]! - t0).toBeLessThan(550);
  });
});

/**
 * ID card reader benchmarks (run: npm run bench -- idcard).
 * 1. Full read (find + select + read base info) over a real PTY at 115200 baud, as a ratio of
 *    the measured time to the ideal time (wire time of every byte exchanged at 10 bits/byte plus
 *    the simulator's configured processing delays). Median of 50 reads.
 * 2. FrameParser throughput on a 100 MB stream of mixed valid frames and garbage.
 * 3. CPU time per full read (process.cpuUsage of the app process, all threads: driver + serial
 *    transport). The simulator runs in a child process (this same file, started with
 *    --idcard-sim-child) so its CPU is not counted: in production the reader is hardware.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { report, summarize } from './report';
import { encodeBaseInfoData, encodeResponse, FrameParser, requests, wireTimeMs } from '../../native-bridges/idcard/codec';
import { SamSession } from '../../native-bridges/idcard/driver';
import { DEFAULT_PROCESSING_DELAYS_MS, startSimulatedReader } from '../../native-bridges/idcard/simulator';
import { SerialTransport } from '../../native-bridges/idcard/transport';
import { placeholderBytes } from '../../native-bridges/idcard/fixtures';

const BAUD = 115200;
const READS = 50;
const CHILD_FLAG = '--idcard-sim-child';

/** Child mode: run the simulated reader, print its port path, exit when stdin closes. */
async function simChild(): Promise<void> {
  const sim = await startSimulatedReader({ baudRate: BAUD, card: 'resident' });
  process.stdout.write(`${JSON.stringify({ path: sim.appPortPath })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void sim.close().then(() => process.exit(0));
  });
}

if (process.argv.includes(CHILD_FLAG)) await simChild();

async function startSimChild(): Promise<{ path: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const path = await new Promise<string>((resolve, reject) => {
    lines.once('line', (l) => resolve((JSON.parse(l) as { path: string }).path));
    child.once('exit', (code) => reject(new Error(`simulator child exited (${String(code)})`)));
  });
  return {
    path,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function fullReadOverPty(): Promise<void> {
  const sim = await startSimChild();
  const transport = await SerialTransport.open(sim.path, { baudRate: BAUD });
  let bytesIn = 0;
  transport.onData((c) => (bytesIn += c.length));
  const session = new SamSession(transport, { baudRate: BAUD, commandTimeoutMs: 1000 });
  const now = new Date();
  const requestBytes = requests.findCard().length + requests.selectCard().length + requests.readBaseInfo().length;
  const processingMs = DEFAULT_PROCESSING_DELAYS_MS['find-card'] + DEFAULT_PROCESSING_DELAYS_MS['select-card'] + DEFAULT_PROCESSING_DELAYS_MS['read-base'];
  try {
    for (let i = 0; i < 3; i++) await session.readOnce({ now }); // warm-up (JIT, PTY buffers)
    const ratios: number[] = [];
    const times: number[] = [];
    let ideal = 0;
    let cpuMicros = 0;
    for (let i = 0; i < READS; i++) {
      bytesIn = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const identity = await session.readOnce({ now });
      const elapsed = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      if (!identity) throw new Error('no card read');
      ideal = wireTimeMs(requestBytes + bytesIn, BAUD) + processingMs;
      ratios.push(elapsed / ideal);
      times.push(elapsed);
    }
    const r = summarize(ratios);
    const t = summarize(times);
    console.log(
      `[bench] full read: median ${t.p50.toFixed(1)} ms (p95 ${t.p95.toFixed(1)} ms); ideal ${ideal.toFixed(1)} ms = ` +
        `${requestBytes + bytesIn} bytes at ${BAUD} baud + ${processingMs} ms processing; checksum retries ${session.retries}; serial I/O path '${transport.io}'`,
    );
    report({ name: 'idcard full read time / ideal (PTY, 115200 baud, median of 50)', value: r.p50, unit: 'x', target: '<= 1.2', pass: r.p50 <= 1.2 });
    const cpuMs = cpuMicros / 1000 / READS;
    report({ name: 'idcard CPU time per full read (app process: driver + serialport)', value: cpuMs, unit: 'ms', target: '<= 5', pass: cpuMs <= 5 });
  } finally {
    session.dispose();
    await transport.close();
    await sim.stop();
  }
  // Context for the CPU figure: what 20 empty timer wake-ups cost in this process here.
  const c0 = process.cpuUsage();
  for (let i = 0; i < 20; i++) await new Promise<void>((res) => setTimeout(res, 9));
  const c = process.cpuUsage(c0);
  console.log(`[bench] (context) 20 idle timer wake-ups cost ${((c.user + c.system) / 1000).toFixed(2)} ms CPU on this machine`);
}

/** A block of mixed traffic: read responses, short responses, requests and garbage runs. */
function mixedBlock(targetBytes: number): { block: Uint8Array; frames: number } {
  const readResponse = encodeResponse(0x90, encodeBaseInfoData({ text: placeholderBytes('text', 256), photo: placeholderBytes('photo', 1024) }, false));
  const pieces: Uint8Array[] = [];
  let size = 0;
  let frames = 0;
  let i = 0;
  while (size < targetBytes) {
    const pick = i++ % 6;
    let piece: Uint8Array;
    if (pick === 0) piece = readResponse;
    else if (pick === 1) piece = encodeResponse(0x9f, new Uint8Array(4));
    else if (pick === 2) piece = requests.findCard();
    else if (pick === 3) piece = encodeResponse(0x90, new Uint8Array(8));
    else {
      // garbage: random bytes (about one 0xAA in 256), without a complete preamble
      piece = placeholderBytes(`g${i}`, 200 + ((i * 37) % 700));
      pieces.push(piece);
      size += piece.length;
      continue;
    }
    pieces.push(piece);
    size += piece.length;
    frames++;
  }
  const block = new Uint8Array(size);
  let off = 0;
  for (const p of pieces) {
    block.set(p, off);
    off += p.length;
  }
  return { block, frames };
}

function parserThroughput(): void {
  const TOTAL = 100 * 1024 * 1024;
  const { block, frames: framesPerBlock } = mixedBlock(4 * 1024 * 1024);
  const repeats = Math.ceil(TOTAL / block.length);
  const CHUNK = 64 * 1024;
  const parser = new FrameParser();
  // warm-up
  for (let off = 0; off < block.length; off += CHUNK) parser.push(block.subarray(off, off + CHUNK));
  const mb = (block.length * repeats) / (1024 * 1024);
  // Three passes over the 100 MB stream; the median is reported (the machine is shared).
  const rates: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    parser.reset();
    let frames = 0;
    const t0 = performance.now();
    for (let r = 0; r < repeats; r++) {
      for (let off = 0; off < block.length; off += CHUNK) frames += parser.push(block.subarray(off, Math.min(block.length, off + CHUNK))).length;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (frames !== framesPerBlock * repeats) throw new Error(`parser frame count ${frames} != ${framesPerBlock * repeats}`);
    rates.push(mb / seconds);
  }
  console.log(`[bench] parser: ${mb.toFixed(0)} MB x 3 passes, ${framesPerBlock * repeats} frames each; MB/s per pass: ${rates.map((r) => r.toFixed(0)).join(', ')}`);
  const rate = summarize(rates).p50;
  report({ name: 'idcard FrameParser throughput (mixed frames + garbage, 64 KiB chunks, median of 3)', value: rate, unit: 'MB/s', target: '>= 200', pass: rate >= 200 });
}

export default async function run(): Promise<void> {
  parserThroughput();
  await fullReadOverPty();
}

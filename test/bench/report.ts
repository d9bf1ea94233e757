/** One printed line per measured figure, so `npm run bench` output can be pasted into a note as is. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "<= 1.2". */
  target: string;
  pass: boolean;
}

const figures: BenchFigure[] = [];

export function report(figure: BenchFigure): void {
  figures.push(figure);
  const mark = figure.pass ? 'PASS' : 'MISS';
  console.log(`[bench] ${mark} ${figure.name}: ${formatNumber(figure.value)} ${figure.unit} (target ${figure.target})`);
}

export function reportedFigures(): readonly BenchFigure[] {
  return figures;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarize(samples: readonly number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
}

/** Small numeric helpers for the benchmark: medians of repetitions and how figures are printed. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds as a person reads them: `850 ms`, `12.3 s`. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(0)} ms`;
  return `${(value / 1000).toFixed(value < 100_000 ? 2 : 1)} s`;
}

export function ratio(value: number, yardstick: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(yardstick) || yardstick === 0) return 'n/a';
  return `${(value / yardstick).toFixed(2)}×`;
}

export function mb(kilobytes: number): string {
  return Number.isFinite(kilobytes) ? `${(kilobytes / 1024).toFixed(0)} MB` : 'n/a';
}

export function count(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

export const verdict = (ok: boolean | undefined): string =>
  ok === undefined ? 'info' : ok ? '**PASS**' : '**FAIL**';

/** Times an async function: median wall time of `reps` runs (ms), and the last result. */
export async function timed<T>(
  reps: number,
  fn: () => Promise<T>,
): Promise<{ ms: number; all: number[]; last: T }> {
  const all: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    last = await fn();
    all.push(performance.now() - start);
  }
  return { ms: median(all), all, last: last as T };
}

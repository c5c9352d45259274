/**
 * How sure a difference between two rates is: Fisher's exact test on a 2×2 table (R. A. Fisher,
 * "Statistical Methods for Research Workers", 1925; the two-sided p-value as R's fisher.test and
 * SciPy's fisher_exact compute it: the probability, with the margins fixed, of a table at most as
 * likely as the one seen). Exact at any size, so it holds for the few dozen texts a small team's
 * A/B test often has, where a normal approximation does not. Pure.
 */

/** The two-sided p-value of the table [[a, b], [c, d]] (successes and failures of two groups). */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const n of [a, b, c, d])
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`fisherExact needs counts, not ${n}`);
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  if (row1 === 0 || row2 === 0 || col1 === 0 || col1 === n) return 1;
  const base =
    logFactorial(row1) + logFactorial(row2) + logFactorial(col1) + logFactorial(n - col1) - logFactorial(n);
  // log P(X = x): x successes in group 1, with the margins fixed (hypergeometric)
  const logP = (x: number) =>
    base - logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x) - logFactorial(row2 - col1 + x);
  const seen = logP(a);
  // tables as likely as the one seen count too: allow for rounding (R uses a relative 1e-7)
  const cutoff = seen + Math.log1p(1e-7);
  let p = 0;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    const lp = logP(x);
    if (lp <= cutoff) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

const SMALL = 256;
const LOG_FACTORIALS: number[] = [0];
for (let k = 1; k < SMALL; k++) LOG_FACTORIALS.push((LOG_FACTORIALS[k - 1] as number) + Math.log(k));

/** ln(k!): a table below 256, Stirling's series above (error under 1e-13 there). */
export function logFactorial(k: number): number {
  if (k < SMALL) return LOG_FACTORIALS[k] as number;
  const k3 = k * k * k;
  return (
    k * Math.log(k) -
    k +
    0.5 * Math.log(2 * Math.PI * k) +
    1 / (12 * k) -
    1 / (360 * k3) +
    1 / (1260 * k3 * k * k)
  );
}

/** Below this p-value a difference is called likely real (the usual 5% convention). */
export const LIKELY_REAL_BELOW = 0.05;

/** `p = 0.31`, `p = 0.012`, `p < 0.001`: two significant digits, never a false zero. */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2))}`;
}

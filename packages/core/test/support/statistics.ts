// Statistical helpers shared by the sampler tests, on top of @stdlib's tests
// (CONTRIBUTING.md: fixed seeds, thresholds a wrong implementation fails).
import { expect } from "vitest";
import chi2gof from "@stdlib/stats-chi2gof";
import kstest from "@stdlib/stats-kstest";

/**
 * Chi-square goodness of fit of integer samples against a pmf on [min, max], bins with the
 * tails (below min's first bins, above max's last bins and the mass beyond max) merged into
 * the end bins so every expected count is at least 5.
 */
export function chiSquarePValue(
  samples: ArrayLike<number | bigint>,
  pmf: (k: number) => number,
  max: number,
  min = 0,
): number {
  const n = samples.length;
  const probs: number[] = [];
  for (let k = min; k <= max; k++) probs.push(pmf(k));
  let lo = 0;
  let below = 0;
  while (lo < probs.length - 1 && (below + probs[lo]) * n < 5) below += probs[lo++];
  let hi = probs.length - 1;
  let above = Math.max(0, 1 - probs.reduce((s, x) => s + x, 0));
  while (hi > lo && (above + probs[hi]) * n < 5) above += probs[hi--];
  const expected: number[] = [];
  const observed: number[] = [];
  for (let k = lo; k <= hi; k++) {
    expected.push(probs[k] * n);
    observed.push(0);
  }
  expected[0] += below * n;
  expected[expected.length - 1] += above * n;
  for (let i = 0; i < n; i++) {
    const k = Math.min(Math.max(Number(samples[i]) - min, lo), hi);
    observed[k - lo]++;
  }
  const total = expected.reduce((s, x) => s + x, 0);
  return chi2gof(
    observed,
    expected.map((e) => (e * n) / total),
  ).pValue;
}

/**
 * Sample mean and variance, the variance divided by `n − ddof` (NumPy's `var(ddof=...)`:
 * 0 for the population variance, 1 for the unbiased one).
 */
export function moments(samples: ArrayLike<number | bigint>, ddof = 0): [number, number] {
  const n = samples.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += Number(samples[i]);
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (Number(samples[i]) - mean) ** 2;
  return [mean, variance / (n - ddof)];
}

/** |sample mean − mean| within 5 standard errors, sample variance (ddof 1) within 15%. */
export function expectMoments(
  samples: ArrayLike<number | bigint>,
  mean: number,
  variance: number,
): void {
  const [m, v] = moments(samples, 1);
  expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(variance / samples.length));
  expect(Math.abs(v / variance - 1)).toBeLessThan(0.15);
}

/** Kolmogorov–Smirnov p-value of the samples against a CDF. */
export function ksPValue(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  return kstest(Array.from(samples), cdf).pValue;
}

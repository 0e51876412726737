/**
 * The statistical tier: goodness-of-fit tests of generator methods in
 * NumPy's parameterisation, for implementations whose bit stream differs
 * from JAX's (NumPy's PCG64, for example). Each test draws a fixed number of
 * samples and applies a Kolmogorov–Smirnov test (continuous) or a chi-square
 * test (discrete) from stdlib; the threshold is Bonferroni-corrected over the
 * whole suite, so a correct implementation fails the suite with probability
 * at most {@link FAMILY_ALPHA}.
 *
 * Reference distributions are stdlib's (`@stdlib/stats-base-dists-*`), with
 * NumPy's parameters mapped onto stdlib's: scales become rates, NumPy's
 * `pareto` (Lomax) is stdlib's Pareto type I shifted by one, NumPy's
 * `geometric` counts trials (stdlib's counts failures), marginals of
 * `dirichlet`, `multinomial` and `multivariateHypergeometric` are beta,
 * binomial and hypergeometric. The few that stdlib lacks (Wald, von Mises,
 * noncentral chi-square and F, zipf, logarithmic series) are in `cdfs.ts`.
 *
 * @module
 */
import binomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import geometricPmf from "@stdlib/stats-base-dists-geometric-pmf";
import hypergeometricPmf from "@stdlib/stats-base-dists-hypergeometric-pmf";
import negativeBinomialPmf from "@stdlib/stats-base-dists-negative-binomial-pmf";
import paretoType1Cdf from "@stdlib/stats-base-dists-pareto-type1-cdf";
import poissonPmf from "@stdlib/stats-base-dists-poisson-pmf";
import chi2gof from "@stdlib/stats-chi2gof";
import kstest from "@stdlib/stats-kstest";
import type { MethodCall } from "@jrng/vectors";
import { AdapterFault, type Adapter } from "./adapter.js";
import {
  logseriesPmf,
  noncentralChisquareCdf,
  noncentralFCdf,
  vonMisesCdf,
  waldCdf,
  zipfPmf,
} from "./cdfs.js";
import { comparable, withTimeout } from "./runner.js";
import type { StatisticalResult } from "./report.js";

/** Probability that a correct implementation fails at least one test of the suite. */
export const FAMILY_ALPHA = 1e-3;

/** Samples per test, unless a test says otherwise. */
export const SAMPLE_SIZE = 20_000;

/** A continuous reference: a stdlib distribution by name (as kstest names it), or a CDF. */
export type KsReference =
  | { distribution: string; parameters: number[] }
  | { distribution: string; cdf: (x: number) => number };

/** A discrete reference: a PMF on the integers `support[0] … support[1]` (inclusive; may be ∞). */
export interface Chi2Reference {
  /** What the PMF is, for readers, e.g. `"poisson(4)"`. */
  distribution: string;
  pmf: (k: number) => number;
  support: [number, number];
}

/** A goodness-of-fit test of one method at one parameter setting. */
export interface StatisticalTest {
  id: string;
  /** The method and its NumPy-parameterised arguments (`size` is added unless `repeat` is set). */
  call: MethodCall;
  /** Samples drawn in one call with `size` (default {@link SAMPLE_SIZE}). */
  samples?: number;
  /** Instead of `size`: make this many calls as given (for `permutation`, which has no `size`). */
  repeat?: number;
  /** The values to test from one call's result (a marginal, a projection, …); default all of them. */
  extract?: (data: number[], shape: number[]) => number[];
  /** A continuous test: Kolmogorov–Smirnov against this distribution. */
  ks?: KsReference;
  /** A discrete test: chi-square goodness of fit against this PMF, tail bins pooled. */
  chi2?: Chi2Reference;
}

/** Column `j` of a `[..., k]` result: one marginal of a multivariate draw. */
function column(j: number): (data: number[], shape: number[]) => number[] {
  return (data, shape) => {
    const k = shape[shape.length - 1];
    return data.filter((_, i) => i % k === j);
  };
}

/** `w · x` for each row of a `[..., k]` result: a linear projection of a multivariate draw. */
function projection(w: number[]): (data: number[], shape: number[]) => number[] {
  return (data, shape) => {
    const k = shape[shape.length - 1];
    const out: number[] = [];
    for (let i = 0; i < data.length; i += k) {
      let s = 0;
      for (let j = 0; j < k; j++) s += w[j] * data[i + j];
      out.push(s);
    }
    return out;
  };
}

const ks = (
  method: string,
  args: MethodCall["args"],
  distribution: string,
  parameters: number[],
  extra: Partial<StatisticalTest> = {},
): StatisticalTest => ({
  id: `${method}(${describeArgs(args)})`,
  call: { method, args },
  ks: { distribution, parameters },
  ...extra,
});

const ksCdf = (
  method: string,
  args: MethodCall["args"],
  distribution: string,
  cdf: (x: number) => number,
  extra: Partial<StatisticalTest> = {},
): StatisticalTest => ({
  id: `${method}(${describeArgs(args)})`,
  call: { method, args },
  ks: { distribution, cdf },
  ...extra,
});

const chi2 = (
  method: string,
  args: MethodCall["args"],
  distribution: string,
  pmf: (k: number) => number,
  support: [number, number],
  extra: Partial<StatisticalTest> = {},
): StatisticalTest => ({
  id: `${method}(${describeArgs(args)})`,
  call: { method, args },
  chi2: { distribution, pmf, support },
  ...extra,
});

function describeArgs(args: MethodCall["args"]): string {
  return Object.entries(args)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(", ");
}

const uniformPmf = (low: number, high: number) => () => 1 / (high - low + 1);
const categoricalPmf = (p: number[]) => (k: number) => p[k] ?? 0;

/** The suite. Continuous references are stdlib's distributions with stdlib's parameter order. */
export const STATISTICAL_TESTS: StatisticalTest[] = [
  // Uniform floats and integers.
  ks("random", {}, "uniform", [0, 1]),
  ks("random", { dtype: "float64" }, "uniform", [0, 1]),
  ks("uniform", { low: -3, high: 5 }, "uniform", [-3, 5]),
  chi2("integers", { low: 0, high: 10 }, "uniform{0…9}", uniformPmf(0, 9), [0, 9]),
  chi2(
    "integers",
    { low: -5, high: 5, endpoint: true },
    "uniform{-5…5}",
    uniformPmf(-5, 5),
    [-5, 5],
  ),
  chi2("integers", { low: 3, high: 1003 }, "uniform{3…1002}", uniformPmf(3, 1002), [3, 1002]),
  // Normal family.
  ks("standardNormal", {}, "normal", [0, 1]),
  ks("standardNormal", { dtype: "float64" }, "normal", [0, 1]),
  ks("normal", { loc: 1.5, scale: 2 }, "normal", [1.5, 2]),
  ks("lognormal", { mean: 0.5, sigma: 0.8 }, "lognormal", [0.5, 0.8]),
  ks(
    "multivariateNormal",
    {
      mean: [1, -2],
      cov: [
        [2, 0.8],
        [0.8, 1],
      ],
    },
    "normal",
    [1, Math.SQRT2],
    { id: "multivariateNormal(mean=[1,-2], cov=[[2,0.8],[0.8,1]]) marginal 0", extract: column(0) },
  ),
  ks(
    "multivariateNormal",
    {
      mean: [1, -2],
      cov: [
        [2, 0.8],
        [0.8, 1],
      ],
    },
    "normal",
    [3, Math.sqrt(2 + 1 - 2 * 0.8)],
    {
      id: "multivariateNormal(mean=[1,-2], cov=[[2,0.8],[0.8,1]]) projection x0 - x1",
      extract: projection([1, -1]),
    },
  ),
  // Exponential family and friends: NumPy scales are stdlib rates' reciprocals.
  ks("standardExponential", {}, "exponential", [1]),
  ks("exponential", { scale: 2 }, "exponential", [1 / 2]),
  ks("exponential", { scale: 0.25 }, "exponential", [4]),
  ks("standardCauchy", {}, "cauchy", [0, 1]),
  ks("gumbel", { loc: 1, scale: 2 }, "gumbel", [1, 2]),
  ks("laplace", { loc: -1, scale: 0.5 }, "laplace", [-1, 0.5]),
  ks("logistic", { loc: 2, scale: 3 }, "logistic", [2, 3]),
  ks("rayleigh", { scale: 2 }, "rayleigh", [2]),
  ks("weibull", { a: 0.5 }, "weibull", [0.5, 1]),
  ks("weibull", { a: 2 }, "weibull", [2, 1]),
  ksCdf("pareto", { a: 3 }, "lomax(3) = pareto-type1(3, 1) − 1", (x) =>
    paretoType1Cdf(x + 1, 3, 1),
  ),
  ksCdf("pareto", { a: 0.7 }, "lomax(0.7) = pareto-type1(0.7, 1) − 1", (x) =>
    paretoType1Cdf(x + 1, 0.7, 1),
  ),
  // stdlib's triangular is (min, max, mode); NumPy's is (left, mode, right).
  ks("triangular", { left: -1, mode: 0.5, right: 3 }, "triangular", [-1, 3, 0.5]),
  ks("triangular", { left: 0, mode: 0, right: 1 }, "triangular", [0, 1, 0]),
  // Gamma family: stdlib's gamma is (shape, rate); shape < 1 and > 1 take different paths.
  ks("standardGamma", { shape: 0.3 }, "gamma", [0.3, 1], { samples: 10_000 }),
  ks("standardGamma", { shape: 5 }, "gamma", [5, 1]),
  ks("gamma", { shape: 0.5, scale: 2 }, "gamma", [0.5, 1 / 2]),
  ks("gamma", { shape: 3, scale: 0.5 }, "gamma", [3, 2]),
  ks("gamma", { shape: 1, scale: 3 }, "gamma", [1, 1 / 3]),
  ks("beta", { a: 0.5, b: 0.5 }, "beta", [0.5, 0.5], { samples: 10_000 }),
  ks("beta", { a: 2, b: 5 }, "beta", [2, 5], { samples: 10_000 }),
  ks("beta", { a: 0.3, b: 3 }, "beta", [0.3, 3], { samples: 10_000 }),
  ks("chisquare", { df: 1 }, "chisquare", [1]),
  ks("chisquare", { df: 7.5 }, "chisquare", [7.5]),
  ks("f", { dfnum: 3, dfden: 10 }, "f", [3, 10], { samples: 10_000 }),
  ks("f", { dfnum: 20, dfden: 5 }, "f", [20, 5], { samples: 10_000 }),
  ks("standardT", { df: 1.5 }, "t", [1.5]),
  ks("standardT", { df: 10 }, "t", [10]),
  // Dirichlet marginals: Beta(α_j, Σα − α_j).
  ks("dirichlet", { alpha: [0.5, 2, 3] }, "beta", [0.5, 5], {
    id: "dirichlet(alpha=[0.5,2,3]) marginal 0",
    extract: column(0),
    samples: 10_000,
  }),
  ks("dirichlet", { alpha: [0.5, 2, 3] }, "beta", [3, 2.5], {
    id: "dirichlet(alpha=[0.5,2,3]) marginal 2",
    extract: column(2),
    samples: 10_000,
  }),
  ks("power", { a: 0.5 }, "beta", [0.5, 1]),
  ks("power", { a: 3 }, "beta", [3, 1]),
  ksCdf("wald", { mean: 1, scale: 3 }, "inverse-gaussian(1, 3)", (x) => waldCdf(x, 1, 3)),
  ksCdf("wald", { mean: 3, scale: 0.5 }, "inverse-gaussian(3, 0.5)", (x) => waldCdf(x, 3, 0.5)),
  ksCdf("vonmises", { mu: 0, kappa: 0.5 }, "von-mises(0, 0.5)", vonMisesCdf(0, 0.5)),
  ksCdf("vonmises", { mu: 1, kappa: 4 }, "von-mises(1, 4)", vonMisesCdf(1, 4)),
  ksCdf("vonmises", { mu: -2.5, kappa: 50 }, "von-mises(-2.5, 50)", vonMisesCdf(-2.5, 50)),
  ksCdf(
    "noncentralChisquare",
    { df: 0.5, nonc: 1 },
    "noncentral-chisquare(0.5, 1)",
    noncentralChisquareCdf(0.5, 1),
  ),
  ksCdf(
    "noncentralChisquare",
    { df: 3, nonc: 2 },
    "noncentral-chisquare(3, 2)",
    noncentralChisquareCdf(3, 2),
  ),
  ksCdf(
    "noncentralChisquare",
    { df: 5, nonc: 20 },
    "noncentral-chisquare(5, 20)",
    noncentralChisquareCdf(5, 20),
  ),
  ksCdf(
    "noncentralF",
    { dfnum: 3, dfden: 10, nonc: 2 },
    "noncentral-f(3, 10, 2)",
    noncentralFCdf(3, 10, 2),
    { samples: 10_000 },
  ),
  ksCdf(
    "noncentralF",
    { dfnum: 0.8, dfden: 6, nonc: 5 },
    "noncentral-f(0.8, 6, 5)",
    noncentralFCdf(0.8, 6, 5),
    { samples: 10_000 },
  ),
  // Discrete: Poisson below and above the lam = 10 switch of NumPy's (and JAX's) samplers.
  chi2("poisson", { lam: 0.5 }, "poisson(0.5)", (k) => poissonPmf(k, 0.5), [0, Infinity]),
  chi2("poisson", { lam: 4 }, "poisson(4)", (k) => poissonPmf(k, 4), [0, Infinity]),
  chi2("poisson", { lam: 30 }, "poisson(30)", (k) => poissonPmf(k, 30), [0, Infinity]),
  chi2("poisson", { lam: 1000 }, "poisson(1000)", (k) => poissonPmf(k, 1000), [0, Infinity]),
  // Binomial: inversion (n·min(p, 1−p) ≤ 30 in NumPy) and BTPE, and p > 1/2.
  chi2("binomial", { n: 10, p: 0.3 }, "binomial(10, 0.3)", (k) => binomialPmf(k, 10, 0.3), [0, 10]),
  chi2(
    "binomial",
    { n: 100, p: 0.05 },
    "binomial(100, 0.05)",
    (k) => binomialPmf(k, 100, 0.05),
    [0, 100],
  ),
  chi2("binomial", { n: 50, p: 0.9 }, "binomial(50, 0.9)", (k) => binomialPmf(k, 50, 0.9), [0, 50]),
  chi2(
    "binomial",
    { n: 1000, p: 0.4 },
    "binomial(1000, 0.4)",
    (k) => binomialPmf(k, 1000, 0.4),
    [0, 1000],
  ),
  // NumPy's geometric counts trials (≥ 1); stdlib's counts failures (≥ 0).
  chi2("geometric", { p: 0.3 }, "1 + geometric(0.3)", (k) => geometricPmf(k - 1, 0.3), [
    1,
    Infinity,
  ]),
  chi2("geometric", { p: 0.02 }, "1 + geometric(0.02)", (k) => geometricPmf(k - 1, 0.02), [
    1,
    Infinity,
  ]),
  chi2(
    "negativeBinomial",
    { n: 3, p: 0.4 },
    "negative-binomial(3, 0.4)",
    (k) => negativeBinomialPmf(k, 3, 0.4),
    [0, Infinity],
  ),
  chi2(
    "negativeBinomial",
    { n: 0.5, p: 0.2 },
    "negative-binomial(0.5, 0.2)",
    (k) => negativeBinomialPmf(k, 0.5, 0.2),
    [0, Infinity],
  ),
  chi2(
    "negativeBinomial",
    { n: 50, p: 0.9 },
    "negative-binomial(50, 0.9)",
    (k) => negativeBinomialPmf(k, 50, 0.9),
    [0, Infinity],
  ),
  // stdlib's hypergeometric is (population, successes, draws).
  chi2(
    "hypergeometric",
    { ngood: 10, nbad: 20, nsample: 8 },
    "hypergeometric(30, 10, 8)",
    (k) => hypergeometricPmf(k, 30, 10, 8),
    [0, 8],
  ),
  chi2(
    "hypergeometric",
    { ngood: 500, nbad: 700, nsample: 300 },
    "hypergeometric(1200, 500, 300)",
    (k) => hypergeometricPmf(k, 1200, 500, 300),
    [0, 300],
  ),
  chi2(
    "multivariateHypergeometric",
    { colors: [5, 10, 15], nsample: 12 },
    "hypergeometric(30, 5, 12)",
    (k) => hypergeometricPmf(k, 30, 5, 12),
    [0, 5],
    {
      id: "multivariateHypergeometric(colors=[5,10,15], nsample=12) marginal 0",
      extract: column(0),
    },
  ),
  chi2(
    "multivariateHypergeometric",
    { colors: [100, 200, 300], nsample: 150 },
    "hypergeometric(600, 200, 150)",
    (k) => hypergeometricPmf(k, 600, 200, 150),
    [0, 150],
    {
      id: "multivariateHypergeometric(colors=[100,200,300], nsample=150) marginal 1",
      extract: column(1),
    },
  ),
  chi2(
    "multinomial",
    { n: 20, pvals: [0.2, 0.3, 0.5] },
    "binomial(20, 0.3)",
    (k) => binomialPmf(k, 20, 0.3),
    [0, 20],
    { id: "multinomial(n=20, pvals=[0.2,0.3,0.5]) marginal 1", extract: column(1) },
  ),
  chi2(
    "multinomial",
    { n: 20, pvals: [0.2, 0.3, 0.5] },
    "binomial(20, 0.5)",
    (k) => binomialPmf(k, 20, 0.5),
    [0, 20],
    { id: "multinomial(n=20, pvals=[0.2,0.3,0.5]) marginal 2", extract: column(2) },
  ),
  chi2("zipf", { a: 2 }, "zipf(2)", (k) => zipfPmf(k, 2), [1, Infinity]),
  chi2("zipf", { a: 3.5 }, "zipf(3.5)", (k) => zipfPmf(k, 3.5), [1, Infinity]),
  chi2("logseries", { p: 0.3 }, "logseries(0.3)", (k) => logseriesPmf(k, 0.3), [1, Infinity]),
  chi2("logseries", { p: 0.95 }, "logseries(0.95)", (k) => logseriesPmf(k, 0.95), [1, Infinity]),
  // Sampling from a set.
  chi2("choice", { a: 7 }, "uniform{0…6}", uniformPmf(0, 6), [0, 6]),
  chi2(
    "choice",
    { a: 5, p: [0.1, 0.2, 0.3, 0.15, 0.25] },
    "categorical(0.1, 0.2, 0.3, 0.15, 0.25)",
    categoricalPmf([0.1, 0.2, 0.3, 0.15, 0.25]),
    [0, 4],
  ),
  chi2("permutation", { x: 8 }, "uniform{0…7}", uniformPmf(0, 7), [0, 7], {
    id: "permutation(x=8) position of element 0",
    repeat: 2_000,
    extract: (data) => [data.indexOf(0)],
  }),
  chi2("permutation", { x: 8 }, "uniform{0…7}", uniformPmf(0, 7), [0, 7], {
    id: "permutation(x=8) element at position 7",
    repeat: 2_000,
    extract: (data) => [data[7]],
  }),
];

/** Cells of a pooled chi-square test: `[low, high]` integer ranges (the last may end at ∞). */
export interface Cells {
  low: number[];
  high: number[];
  /** Expected count of each cell. */
  expected: number[];
}

/**
 * Pool a PMF on `support` into cells of expected count ≥ `minimum` for `n`
 * samples: consecutive values are merged from the left until a cell reaches
 * the minimum; the right tail (everything from the last cell on, to the end
 * of the support, with probability one minus the rest) is merged into one
 * cell. At most `maxCells` cells, the last taking the whole remaining tail.
 */
export function poolCells(
  pmf: (k: number) => number,
  support: [number, number],
  n: number,
  minimum = 5,
  maxCells = 400,
): Cells {
  const cells: Cells = { low: [], high: [], expected: [] };
  let cumulative = 0;
  let cellLow = support[0];
  let cellMass = 0;
  for (let k = support[0]; k <= support[1]; k++) {
    const p = pmf(k);
    cellMass += p;
    cumulative += p;
    const remaining = n * (1 - cumulative);
    if (n * cellMass >= minimum && remaining >= minimum && cells.low.length < maxCells - 1) {
      cells.low.push(cellLow);
      cells.high.push(k);
      cells.expected.push(n * cellMass);
      cellLow = k + 1;
      cellMass = 0;
    } else if (remaining < minimum || cells.low.length >= maxCells - 1) {
      break;
    }
  }
  // The tail: from cellLow to the end of the support, with whatever mass is left.
  const assigned = cells.expected.reduce((s, e) => s + e, 0);
  const tail = Math.max(0, n - assigned);
  if (tail >= minimum || cells.low.length === 0) {
    cells.low.push(cellLow);
    cells.high.push(support[1]);
    cells.expected.push(tail);
  } else {
    const last = cells.low.length - 1;
    cells.high[last] = support[1];
    cells.expected[last] += tail;
  }
  return cells;
}

/** The index of the cell holding `k` (cells are contiguous and ascending). */
function cellOf(cells: Cells, k: number): number {
  let lo = 0;
  let hi = cells.low.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cells.low[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type Outcome = Pick<StatisticalResult, "statistic" | "pValue" | "status" | "reason">;

/**
 * Kolmogorov–Smirnov test against a continuous CDF. stdlib's two-sided
 * p-value (Marsaglia–Tsang–Wang) costs about 0.7 s at 20 000 samples, so the
 * two-sided p-value is taken as twice the smaller of stdlib's exact one-sided
 * (Smirnov) p-values: `P(D ≥ d) = P(D⁺ ≥ d) + P(D⁻ ≥ d) − P(both)`, and the
 * last term is of the order of p² — negligible at the thresholds used here
 * (and p is capped at 1, so a good fit often shows p = 1).
 * A CDF of our own is applied to the samples first and the result tested
 * against U(0, 1) (the statistic is the same).
 */
export function ksTest(samples: number[], reference: KsReference): Outcome {
  // With a CDF of our own, test F(x) against U(0, 1); otherwise stdlib evaluates its CDF.
  const sorted =
    "cdf" in reference
      ? Float64Array.from(samples, (x) => reference.cdf(x))
      : Float64Array.from(samples);
  sorted.sort();
  const run = (alternative: "less" | "greater") =>
    "cdf" in reference
      ? kstest(sorted, "uniform", 0, 1, { sorted: true, alternative })
      : kstest(sorted, reference.distribution, ...reference.parameters, {
          sorted: true,
          alternative,
        });
  const less = run("less");
  const greater = run("greater");
  const statistic = Math.max(less.statistic, greater.statistic);
  let pValue = Math.min(1, 2 * Math.min(less.pValue, greater.pValue));
  // Far in the tail stdlib's Smirnov sum can take the log of a rounding-negative number: use
  // the Dvoretzky–Kiefer–Wolfowitz bound with Massart's constant, P(D ≥ d) ≤ 2 exp(−2nd²).
  if (Number.isNaN(pValue)) pValue = Math.min(1, 2 * Math.exp(-2 * sorted.length * statistic ** 2));
  return { statistic, pValue, status: "passed" };
}

/** Chi-square goodness-of-fit test of integer samples against a PMF, cells pooled to ≥ 5 expected. */
export function chi2Test(samples: number[], reference: Chi2Reference): Outcome {
  const [low, high] = reference.support;
  const outside = samples.find((k) => !Number.isInteger(k) || k < low || k > high);
  if (outside !== undefined) {
    return {
      statistic: NaN,
      pValue: 0,
      status: "failed",
      reason: `sample ${outside} is outside the support {${low}…${high === Infinity ? "∞" : high}} of ${reference.distribution}`,
    };
  }
  const cells = poolCells(reference.pmf, reference.support, samples.length);
  const observed = new Array<number>(cells.low.length).fill(0);
  for (const k of samples) observed[cellOf(cells, k)]++;
  if (observed.length < 2) return { statistic: 0, pValue: 1, status: "passed" };
  const result = chi2gof(observed, cells.expected);
  return { statistic: result.statistic, pValue: result.pValue, status: "passed" };
}

async function draw(
  adapter: Adapter,
  handle: string,
  test: StatisticalTest,
): Promise<{ samples: number[] } | { error: string }> {
  const calls = test.repeat ?? 1;
  const args =
    test.repeat === undefined
      ? { ...test.call.args, size: test.samples ?? SAMPLE_SIZE }
      : test.call.args;
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const outcome = await adapter.callMethod(handle, { method: test.call.method, args });
    if (!outcome.ok) return { error: `threw ${outcome.error.kind}: ${outcome.error.message}` };
    const { data, shape } = comparable(outcome.result);
    const values = data.map(Number);
    for (const x of test.extract ? test.extract(values, shape) : values) samples.push(x);
  }
  return { samples };
}

/** Run the statistical suite against an adapter's generators. */
/** Options of {@link runStatisticalTier}. */
export interface StatisticalOptions {
  /** Base seed; test i uses seed + i (default 20251125). */
  seed?: number;
  /** Run only tests whose id contains this text (the threshold stays the suite's). */
  filter?: string;
  /** The stream discipline of the generators (default "split"; pass one the implementation declares). */
  stream?: "split" | "fold_in";
  /** The threefry mode of the generators (default "partitionable"; pass one the implementation declares). */
  mode?: "partitionable" | "legacy";
  /** Fail a test whose generator creation or draw takes longer than this (default 30 000 ms). */
  timeoutMs?: number;
  /** Called after each test with the number done, the number to run, and its result. */
  onProgress?: (done: number, total: number, result: StatisticalResult) => void;
}

export async function runStatisticalTier(
  adapter: Adapter,
  methods: readonly string[],
  options: StatisticalOptions = {},
): Promise<StatisticalResult[]> {
  const threshold = FAMILY_ALPHA / Math.max(1, STATISTICAL_TESTS.length);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const results: StatisticalResult[] = [];
  const selected = (id: string) => options.filter === undefined || id.includes(options.filter);
  const total = STATISTICAL_TESTS.filter((test) => selected(`statistical/${test.id}`)).length;
  const report = (result: StatisticalResult) => {
    results.push(result);
    options.onProgress?.(results.length, total, result);
  };
  // Why the adapter cannot go on (it died, or three tests in a row timed out): the rest are not run.
  let stopped: string | null = null;
  let consecutiveTimeouts = 0;
  for (const [index, test] of STATISTICAL_TESTS.entries()) {
    const id = `statistical/${test.id}`;
    if (!selected(id)) continue;
    const base = {
      id,
      method: test.call.method,
      parameters: JSON.stringify(test.call.args),
      test: test.ks ? ("ks" as const) : ("chi2" as const),
      threshold,
    };
    if (stopped !== null) {
      report({
        ...base,
        statistic: NaN,
        pValue: NaN,
        status: "skipped",
        reason: `not run: ${stopped}`,
      });
      continue;
    }
    if (!methods.includes(test.call.method)) {
      report({
        ...base,
        statistic: NaN,
        pValue: NaN,
        status: "skipped",
        reason: `method ${test.call.method} not implemented`,
      });
      continue;
    }
    let outcome: Outcome;
    let handle: string | undefined;
    let fault: AdapterFault | null = null;
    try {
      // The seed depends on the test's place in the whole suite, not on the filter.
      handle = await withTimeout(
        adapter.createGenerator({
          seed: (options.seed ?? 20251125) + index,
          stream: options.stream ?? "split",
          mode: options.mode ?? "partitionable",
        }),
        timeoutMs,
      );
      const drawn = await withTimeout(draw(adapter, handle, test), timeoutMs);
      if ("error" in drawn) {
        outcome = { statistic: NaN, pValue: NaN, status: "failed", reason: drawn.error };
      } else if (drawn.samples.length !== (test.repeat ?? test.samples ?? SAMPLE_SIZE)) {
        const wanted = test.repeat ?? test.samples ?? SAMPLE_SIZE;
        outcome = {
          statistic: NaN,
          pValue: NaN,
          status: "failed",
          reason: `got ${drawn.samples.length} values to test, expected ${wanted}`,
        };
      } else if (drawn.samples.some((x) => !Number.isFinite(x))) {
        const bad = drawn.samples.find((x) => !Number.isFinite(x));
        outcome = { statistic: NaN, pValue: 0, status: "failed", reason: `sample ${bad}` };
      } else {
        outcome = test.ks ? ksTest(drawn.samples, test.ks) : chi2Test(drawn.samples, test.chi2!);
      }
    } catch (error) {
      if (error instanceof AdapterFault) fault = error;
      outcome = {
        statistic: NaN,
        pValue: NaN,
        status: "failed",
        reason: (error as Error).message,
      };
    } finally {
      if (handle !== undefined && fault === null) await adapter.dropGenerator(handle);
    }
    consecutiveTimeouts = fault?.fault === "timeout" ? consecutiveTimeouts + 1 : 0;
    if (fault && fault.fault !== "timeout" && fault.fault !== "protocol") stopped = fault.message;
    if (consecutiveTimeouts >= 3) stopped = `adapter stopped answering: ${fault!.message}`;
    if (outcome.status === "passed" && !(outcome.pValue >= threshold)) {
      outcome = { ...outcome, status: "failed" };
    }
    report({ ...base, ...outcome });
  }
  return results;
}

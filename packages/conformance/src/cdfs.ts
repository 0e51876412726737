/**
 * Distribution functions the statistical tier needs that stdlib does not
 * have: the Wald (inverse Gaussian), von Mises, noncentral chi-square and
 * noncentral F CDFs, and the zipf and logarithmic-series PMFs, all in
 * NumPy's parameterisation. Each is built from stdlib's own functions where
 * one exists (normal and chi-square CDFs, the regularised incomplete beta
 * through the beta CDF, Poisson weights, the Riemann zeta function).
 *
 * @module
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import zeta from "@stdlib/math-base-special-riemann-zeta";
import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import poissonPmf from "@stdlib/stats-base-dists-poisson-pmf";

/**
 * The CDF of NumPy's `wald(mean, scale)`: the inverse Gaussian IG(μ, λ),
 * `Φ(√(λ/x)(x/μ − 1)) + exp(2λ/μ) Φ(−√(λ/x)(x/μ + 1))`, with the second
 * term formed in logs so that `exp(2λ/μ)` cannot overflow.
 */
export function waldCdf(x: number, mean: number, scale: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  const root = Math.sqrt(scale / x);
  const first = normalCdf(root * (x / mean - 1), 0, 1);
  const tail = normalCdf(-root * (x / mean + 1), 0, 1);
  const second = tail > 0 ? Math.exp((2 * scale) / mean + Math.log(tail)) : 0;
  return Math.min(1, first + second);
}

/**
 * Poisson(μ) weights `w_j` for j = 0 … J, J past the mean by enough standard
 * deviations that the weights left out sum to less than about 1e-15.
 */
function poissonWeights(mean: number): Float64Array {
  const last = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  return Float64Array.from({ length: last + 1 }, (_, j) => poissonPmf(j, mean));
}

/**
 * The CDF of NumPy's `noncentral_chisquare(df, nonc)`: the Poisson mixture
 * `Σ_j Pois(j; nonc/2) · P(χ²_{df+2j} ≤ x)`. The chi-square CDFs of the
 * mixture follow from stdlib's `P(df/2, x/2)` by the recurrence
 * `P(a + 1, y) = P(a, y) − y^a e^{−y} / Γ(a + 1)`.
 *
 * @returns the CDF as a function of x.
 */
export function noncentralChisquareCdf(df: number, nonc: number): (x: number) => number {
  if (nonc === 0) return (x) => chisquareCdf(x, df);
  const weights = poissonWeights(nonc / 2);
  const a = df / 2;
  const logGammaA1 = gammaln(a + 1);
  return (x) => {
    if (!(x > 0)) return 0;
    if (x === Infinity) return 1;
    const y = x / 2;
    let p = chisquareCdf(x, df);
    let term = Math.exp(a * Math.log(y) - y - logGammaA1);
    let total = 0;
    for (let j = 0; j < weights.length; j++) {
      total += weights[j] * Math.max(0, p);
      p -= term;
      term *= y / (a + j + 1);
    }
    return Math.min(1, total);
  };
}

/**
 * The CDF of NumPy's `noncentral_f(dfnum, dfden, nonc)`: the Poisson mixture
 * `Σ_j Pois(j; nonc/2) · I_z(dfnum/2 + j, dfden/2)` with
 * `z = dfnum·x / (dfnum·x + dfden)`. The regularised incomplete betas follow
 * from stdlib's `I_z(a, b)` (its beta CDF) by the recurrence
 * `I_z(a + 1, b) = I_z(a, b) − z^a (1 − z)^b Γ(a + b) / (Γ(a + 1) Γ(b))`.
 *
 * @returns the CDF as a function of x.
 */
export function noncentralFCdf(dfnum: number, dfden: number, nonc: number): (x: number) => number {
  const weights = poissonWeights(nonc / 2);
  const a = dfnum / 2;
  const b = dfden / 2;
  const logConstant = gammaln(a + b) - gammaln(a + 1) - gammaln(b);
  return (x) => {
    if (!(x > 0)) return 0;
    if (x === Infinity) return 1;
    const z = (dfnum * x) / (dfnum * x + dfden);
    let p = betaCdf(z, a, b);
    let term = Math.exp(a * Math.log(z) + b * Math.log1p(-z) + logConstant);
    let total = 0;
    for (let j = 0; j < weights.length; j++) {
      total += weights[j] * Math.max(0, p);
      p -= term;
      term *= (z * (a + b + j)) / (a + j + 1);
    }
    return Math.min(1, total);
  };
}

/** Nodes and weights of 5-point Gauss–Legendre quadrature on [−1, 1]. */
const GAUSS_NODES = [
  0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664,
];
const GAUSS_WEIGHTS = [
  0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908,
  0.23692688505618908,
];

/**
 * The CDF of NumPy's `vonmises(mu, kappa)` on [−π, π): the integral of the
 * wrapped density `exp(κ cos(t − μ))` from −π, by 5-point Gauss–Legendre
 * quadrature on 2048 equal panels (tabulated once, so a point costs one
 * panel), normalised by the numerical total (no Bessel function needed).
 *
 * @returns the CDF as a function of x.
 */
export function vonMisesCdf(mu: number, kappa: number): (x: number) => number {
  const panels = 2048;
  const width = (2 * Math.PI) / panels;
  const density = (t: number) => Math.exp(kappa * (Math.cos(t - mu) - 1));
  const integrate = (from: number, to: number) => {
    const half = (to - from) / 2;
    const middle = (from + to) / 2;
    let sum = 0;
    for (let i = 0; i < GAUSS_NODES.length; i++)
      sum += GAUSS_WEIGHTS[i] * density(middle + half * GAUSS_NODES[i]);
    return sum * half;
  };
  const cumulative = new Float64Array(panels + 1);
  for (let i = 0; i < panels; i++)
    cumulative[i + 1] = cumulative[i] + integrate(-Math.PI + i * width, -Math.PI + (i + 1) * width);
  const total = cumulative[panels];
  return (x) => {
    if (!(x > -Math.PI)) return 0;
    if (x >= Math.PI) return 1;
    const panel = Math.min(panels - 1, Math.floor((x + Math.PI) / width));
    const start = -Math.PI + panel * width;
    return Math.min(1, (cumulative[panel] + integrate(start, x)) / total);
  };
}

/** The PMF of NumPy's `zipf(a)`: `k^(−a) / ζ(a)` for integers k ≥ 1 (a > 1). */
export function zipfPmf(k: number, a: number): number {
  if (!Number.isInteger(k) || k < 1) return 0;
  return Math.exp(-a * Math.log(k)) / zeta(a);
}

/**
 * The PMF of NumPy's `logseries(p)`: `−p^k / (k · ln(1 − p))` for integers
 * k ≥ 1 (0 < p < 1).
 */
export function logseriesPmf(k: number, p: number): number {
  if (!Number.isInteger(k) || k < 1) return 0;
  return -Math.exp(k * Math.log(p)) / (k * Math.log1p(-p));
}

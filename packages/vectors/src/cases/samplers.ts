/**
 * The samplers, one area per family: every function in both modes and both
 * float dtypes, over scalar, odd, zero-size and multi-axis shapes and edge
 * parameters. Each case earns its rule when generated: `exact` where the
 * reference reproduces JAX, else the sampler's stated bound (bounds.ts);
 * mirror cases the bound of their spec chapter (defined-bounds.ts).
 *
 * @module
 */
import type { ArgValue, CompareRule, Mode } from "../format.js";
import { fn, MODES, type AreaSpec, type CaseSpec, type GroupSpec } from "./spec.js";

/** Exact results: integers, booleans, permutations, recipes without transcendentals. */
const EXACT: CompareRule = { rule: "exact" };

const DTYPES = ["float32", "float64"] as const;

/** Key words for the sweep (a fixed, unremarkable key). */
const KEY: [number, number] = [0x243f6a88, 0x85a308d3];

interface Variant {
  what: string;
  args: Record<string, ArgValue>;
}

/**
 * Cases for a float sampler: every mode × dtype × variant. Each earns its rule
 * when generated: `exact` where the reference reproduces JAX, else the
 * sampler's stated bound; mirror cases the bound of their spec chapter.
 */
function floatCases(name: string, variants: Variant[], flags?: string[]): CaseSpec[] {
  return MODES.flatMap((mode: Mode) =>
    DTYPES.flatMap((dtype) =>
      variants.map((variant) => ({
        comment: `${name}, ${mode}, ${dtype}: ${variant.what}`,
        call: fn(name, KEY, mode, { ...variant.args, dtype }),
        ...(flags ? { flags } : {}),
      })),
    ),
  );
}

/** Cases for a sampler with integer or boolean output: every mode × variant, exact. */
function exactCases(name: string, variants: Variant[]): CaseSpec[] {
  return MODES.flatMap((mode: Mode) =>
    variants.map((variant) => ({
      comment: `${name}, ${mode}: ${variant.what}`,
      call: fn(name, KEY, mode, variant.args),
      compare: EXACT,
    })),
  );
}


function group(name: string, description: string, cases: CaseSpec[]): GroupSpec {
  return { name, description, cases };
}

const SHAPES: Variant[] = [
  { what: "scalar", args: { shape: [] } },
  { what: "odd length", args: { shape: [7] } },
  { what: "zero-size", args: { shape: [0] } },
  { what: "two axes", args: { shape: [2, 3] } },
];

export const normalArea: AreaSpec = {
  area: "normal",
  description: "normal and the samplers built on it: truncatedNormal, lognormal, maxwell, doubleSidedMaxwell, wald.",
  groups: [
    group("normal", "sqrt(2)·erf_inv of a uniform on (nextafter(-1, 0), 1).", floatCases("normal", [...SHAPES, { what: "1000 draws (tails)", args: { shape: [1000] } }])),
    group("truncatedNormal", "Inverse-CDF truncation.", floatCases("truncatedNormal", [
      { what: "[-1, 2]", args: { lower: -1, upper: 2, shape: [5] } },
      { what: "far tail [4, 6]", args: { lower: 4, upper: 6, shape: [5] } },
      { what: "broadcast bounds", args: { lower: [[-1], [0]], upper: 1, shape: [2, 3] } },
    ])),
    group("lognormal", "exp(sigma · normal).", floatCases("lognormal", [
      { what: "sigma 1", args: { sigma: 1, shape: [5] } },
      { what: "sigma per element", args: { sigma: [0.1, 1, 3], shape: [3] } },
    ])),
    group("maxwell", "Norm of three normals.", floatCases("maxwell", [{ what: "odd length", args: { shape: [5] } }])),
    group("doubleSidedMaxwell", "Maxwell times a Rademacher sign.", floatCases("doubleSidedMaxwell", [
      { what: "loc 1, scale 2", args: { loc: 1, scale: 2, shape: [5] } },
    ])),
    group("wald", "Inverse Gaussian from a normal and a uniform.", floatCases("wald", [
      { what: "mean 1", args: { mean: 1, shape: [5] } },
      { what: "mean per element", args: { mean: [0.1, 1, 10], shape: [3] } },
    ])),
  ],
};

export const discreteArea: AreaSpec = {
  area: "discrete",
  description: "randint, bernoulli, rademacher, gumbel, categorical, permutation, choice, geometric.",
  groups: [
    group("randint", "JAX's two-draw modulus method.", exactCases("randint", [
      { what: "[0, 10) int32", args: { shape: [7], minval: 0, maxval: 10, dtype: "int32" } },
      { what: "negative range", args: { shape: [5], minval: -50, maxval: -3, dtype: "int32" } },
      { what: "maxval <= minval gives minval", args: { shape: [3], minval: 5, maxval: 2, dtype: "int32" } },
      { what: "full int32 range", args: { shape: [5], minval: -2147483648, maxval: 2147483647, dtype: "int32" } },
      { what: "uint8 with maxval 256 (out of range: span + 1)", args: { shape: [6], minval: 0, maxval: 256, dtype: "uint8" } },
      { what: "int16", args: { shape: [5], minval: -1000, maxval: 1000, dtype: "int16" } },
      { what: "int64 range beyond 2^32", args: { shape: [4], minval: 0, maxval: { $bigint: "1099511627776" }, dtype: "int64" } },
      { what: "uint32 full range", args: { shape: [4], minval: 0, maxval: 4294967295, dtype: "uint32" } },
      { what: "broadcast bounds", args: { shape: [2, 3], minval: [[0], [100]], maxval: [[10], [110]], dtype: "int32" } },
      { what: "zero-size", args: { shape: [0, 2], minval: 0, maxval: 3, dtype: "int32" } },
    ])),
    group("bernoulli", "u < p.", exactCases("bernoulli", [
      { what: "p 0.5", args: { p: 0.5, shape: [9] } },
      { what: "p per element incl. 0 and 1", args: { p: [0, 0.1, 0.9, 1], shape: [4] } },
      { what: "mode high, tiny p", args: { p: 1e-9, shape: [5], mode: "high" } },
    ])),
    group("rademacher", "±1 from bernoulli.", exactCases("rademacher", [{ what: "int32", args: { shape: [7], dtype: "int32" } }])),
    group("gumbel", "-log(-log(u)).", floatCases("gumbel", [
      { what: "mode low", args: { shape: [7], mode: "low" } },
      { what: "mode high", args: { shape: [5], mode: "high" } },
    ])),
    group("categorical", "Gumbel-max.", exactCases("categorical", [
      { what: "4 categories", args: { logits: [0, 1, 2, 3], shape: [8] } },
      { what: "batch of logits", args: { logits: [[0, 0, 5], [5, 0, 0]], axis: -1 } },
      { what: "without replacement", args: { logits: [1, 2, 3, 4, 5], shape: [3], replace: false } },
    ])),
    group("permutation", "Sort-based shuffle.", exactCases("permutation", [
      { what: "arange(10)", args: { x: 10 } },
      { what: "arange(1)", args: { x: 1 } },
      { what: "array along axis 1, independent", args: { x: [[1, 2, 3], [4, 5, 6]], axis: 1, independent: true } },
    ])),
    group("choice", "With and without replacement and weights.", exactCases("choice", [
      { what: "5 of 10 with replacement", args: { a: 10, shape: [5] } },
      { what: "5 of 10 without replacement", args: { a: 10, shape: [5], replace: false } },
      { what: "weighted with replacement", args: { a: 4, shape: [6], p: [0.1, 0.2, 0.3, 0.4] } },
    ])),
    group("geometric", "ceil(log(u) / log1p(-p)).", exactCases("geometric", [
      { what: "p 0.3", args: { p: 0.3, shape: [7] } },
      { what: "p 1", args: { p: 1, shape: [3] } },
    ])),
  ],
};

export const closedFormArea: AreaSpec = {
  area: "closed-form",
  description: "cauchy, exponential, laplace, logistic, pareto, rayleigh, weibullMin, triangular.",
  groups: [
    group("cauchy", "tan(pi · (u - 1/2)).", floatCases("cauchy", SHAPES)),
    group("exponential", "-log1p(-u).", floatCases("exponential", SHAPES)),
    group("laplace", "sign · log1p(-|u|).", floatCases("laplace", SHAPES.slice(0, 2))),
    group("logistic", "log(u / (1 - u)).", floatCases("logistic", SHAPES.slice(0, 2))),
    group("pareto", "exp(exponential / b).", floatCases("pareto", [
      { what: "b 3", args: { b: 3, shape: [5] } },
      { what: "b per element", args: { b: [0.5, 1, 10], shape: [3] } },
    ])),
    group("rayleigh", "scale · sqrt(-2 log u).", floatCases("rayleigh", [{ what: "scale 2", args: { scale: 2, shape: [5] } }])),
    group("weibullMin", "scale · (-log1p(-u))^(1/c).", floatCases("weibullMin", [
      { what: "scale 1, concentration 1.5", args: { scale: 1, concentration: 1.5, shape: [5] } },
    ])),
    group("triangular", "Inverse CDF.", floatCases("triangular", [
      { what: "0, 1, 3", args: { left: 0, mode: 1, right: 3, shape: [7] } },
    ])),
  ],
};

export const gammaArea: AreaSpec = {
  area: "gamma",
  description: "gamma (Marsaglia–Tsang), loggamma, beta, dirichlet, chisquare, f, t, generalizedNormal, ball.",
  groups: [
    group("gamma", "Per-element keys; the boost for a < 1.", floatCases("gamma", [
      { what: "a 0.3 (boosted)", args: { a: 0.3, shape: [5] } },
      { what: "a 1", args: { a: 1, shape: [5] } },
      { what: "a 50", args: { a: 50, shape: [5] } },
      { what: "a per element", args: { a: [0.01, 0.5, 2, 1000], shape: [4] } },
      { what: "zero-size", args: { a: 1, shape: [0] } },
    ], ["rejection"])),
    group("loggamma", "log of gamma, stable for small a.", floatCases("loggamma", [
      { what: "a 0.001", args: { a: 0.001, shape: [5] } },
      { what: "a 3", args: { a: 3, shape: [5] } },
    ], ["rejection"])),
    group("beta", "Two gammas in log space.", floatCases("beta", [{ what: "a 2, b 3", args: { a: 2, b: 3, shape: [5] } }], ["rejection"])),
    group("dirichlet", "Normalised gammas.", floatCases("dirichlet", [{ what: "alpha [1, 2, 3]", args: { alpha: [1, 2, 3], shape: [2] } }], ["rejection"])),
    group("chisquare", "2 · gamma(df / 2).", floatCases("chisquare", [{ what: "df 3", args: { df: 3, shape: [5] } }], ["rejection"])),
    group("f", "Ratio of chi-squares.", floatCases("f", [{ what: "2, 5", args: { dfnum: 2, dfden: 5, shape: [5] } }], ["rejection"])),
    group("t", "normal / sqrt(chisquare / df).", floatCases("t", [{ what: "df 4", args: { df: 4, shape: [5] } }], ["rejection"])),
    group("generalizedNormal", "gamma-based.", floatCases("generalizedNormal", [{ what: "p 1.5", args: { p: 1.5, shape: [5] } }], ["rejection"])),
    group("ball", "Uniform in the p-ball.", floatCases("ball", [{ what: "d 3, p 2", args: { d: 3, p: 2, shape: [2] } }], ["rejection"])),
  ],
};

export const countsArea: AreaSpec = {
  area: "counts",
  description: "poisson (Knuth below 10, rejection from 10), binomial, multinomial.",
  groups: [
    group("poisson", "Both regimes around the switch at 10.", exactCases("poisson", [
      { what: "lam 3 (Knuth)", args: { lam: 3, shape: [7] } },
      { what: "lam 9.9 and 10.1 (either side of the switch)", args: { lam: [9.9, 10.1], shape: [2] } },
      { what: "lam 50 (rejection)", args: { lam: 50, shape: [5] } },
      { what: "lam 0", args: { lam: 0, shape: [3] } },
    ])),
    group("binomial", "Inversion and BTRS.", floatCases("binomial", [
      { what: "n 10, p 0.3", args: { n: 10, p: 0.3, shape: [5] } },
      { what: "n 1000, p 0.4 (BTRS)", args: { n: 1000, p: 0.4, shape: [5] } },
      { what: "n 0 and p 0/1", args: { n: [0, 5, 5], p: [0.5, 0, 1], shape: [3] } },
    ], ["rejection"])),
    group("multinomial", "Sequential binomials.", floatCases("multinomial", [
      { what: "n 20 over 3 categories", args: { n: 20, p: [0.2, 0.3, 0.5], shape: [2, 3] } },
    ], ["rejection"])),
  ],
};

export const linalgArea: AreaSpec = {
  area: "linalg",
  description: "multivariateNormal (cholesky, eigh, svd) and orthogonal.",
  groups: [
    group("multivariateNormal", "mean + factor · normal.", floatCases("multivariateNormal", [
      { what: "cholesky, 2-d", args: { mean: [0, 1], cov: [[1, 0.5], [0.5, 2]], shape: [3], method: "cholesky" } },
    ], ["linalg"])),
    group("orthogonal", "QR of a normal matrix with sign correction.", floatCases("orthogonal", [
      { what: "3 × 3", args: { n: 3, shape: [] } },
    ], ["linalg"])),
  ],
};

export const definedArea: AreaSpec = {
  area: "jrng-defined",
  description:
    "Samplers jax.random lacks, whose algorithms the spec defines: negativeBinomial, noncentralChisquare, noncentralF, power, vonmises, zipf, logseries, hypergeometric, multivariateHypergeometric.",
  groups: [
    group("negativeBinomial", "poisson(gamma(n) · (1 - p) / p).", exactCases("negativeBinomial", [
      { what: "n 3, p 0.4", args: { n: 3, p: 0.4, shape: [6] } },
      { what: "p 1 gives 0", args: { n: 5, p: 1, shape: [3] } },
    ])),
    group("noncentralChisquare", "chi-square plus a shifted normal square, or a Poisson mixture.", floatCases("noncentralChisquare", [
      { what: "df 3, nonc 2", args: { df: 3, nonc: 2, shape: [5] } },
      { what: "df 0.5 (Poisson branch)", args: { df: 0.5, nonc: 1, shape: [5] } },
    ], ["rejection"])),
    group("noncentralF", "Noncentral over central chi-square.", floatCases("noncentralF", [
      { what: "3, 5, 2", args: { dfnum: 3, dfden: 5, nonc: 2, shape: [5] } },
    ], ["rejection"])),
    group("power", "exp(-E / a).", floatCases("power", [{ what: "a 2.5", args: { a: 2.5, shape: [5] } }])),
    group("vonmises", "Best–Fisher rejection.", floatCases("vonmises", [
      { what: "mu 0.5, kappa 2", args: { mu: 0.5, kappa: 2, shape: [5] } },
      { what: "kappa 0 (uniform)", args: { mu: 0, kappa: 0, shape: [3] } },
    ], ["rejection"])),
    group("zipf", "Devroye's rejection.", exactCases("zipf", [{ what: "a 2", args: { a: 2, shape: [6] } }])),
    group("logseries", "Kemp's algorithm.", exactCases("logseries", [{ what: "p 0.6", args: { p: 0.6, shape: [6] } }])),
    group("hypergeometric", "Item by item below 10, HRUA above.", exactCases("hypergeometric", [
      { what: "10 good, 5 bad, 7 drawn", args: { ngood: 10, nbad: 5, nsample: 7, shape: [6] } },
      { what: "HRUA regime", args: { ngood: 500, nbad: 400, nsample: 300, shape: [4] } },
    ])),
    group("multivariateHypergeometric", "Successive hypergeometrics, or counting.", exactCases("multivariateHypergeometric", [
      { what: "marginals", args: { colors: [3, 4, 5], nsample: 6, shape: [2] } },
      { what: "count", args: { colors: [3, 4, 5], nsample: 6, shape: [2], method: "count" } },
    ])),
  ],
};

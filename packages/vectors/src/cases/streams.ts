/**
 * Generator streams: sequences of JRNG calls that pin down both stream
 * disciplines in both threefry modes.
 *
 * @module
 */
import type { GeneratorCall, MethodCall, Mode } from "../format.js";
import { MODES, type AreaSpec, type CaseSpec } from "./spec.js";

const STATEFUL = "jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3";

function generator(seed: number, stream: "split" | "fold_in", mode: Mode, calls: MethodCall[]): GeneratorCall {
  return { generator: { seed, stream, mode }, calls };
}

const SEQUENCE: MethodCall[] = [
  { method: "random", args: { size: 3 } },
  { method: "key", args: {} },
  { method: "uniform", args: { low: -1, high: 1, size: [2, 2] } },
  { method: "random", args: { size: 2, dtype: "float64" } },
  { method: "bytes", args: { length: 6 } },
  { method: "key", args: { size: 2 } },
  { method: "random", args: {} },
];

const sequences: CaseSpec[] = (["split", "fold_in"] as const).flatMap((stream) =>
  MODES.map((mode) => ({
    comment: `${stream} stream, ${mode}: a mixed sequence of seven calls`,
    call: generator(2024, stream, mode, SEQUENCE),
    // uniform(-1, 1) is an affine map XLA may fuse into an FMA: 1 ULP.
    compare: { rule: "ulp" as const, maxUlp: 1 },
  })),
);

const observed: CaseSpec[] = [
  {
    comment: "stateful_rng(0).key() twice",
    call: generator(0, "fold_in", "partitionable", [
      { method: "key", args: {} },
      { method: "key", args: {} },
    ]),
    jax: {
      data: [1797259609, 2579123966, 928981903, 3453687069],
      citation: `${STATEFUL} L94-L102`,
      jaxMode: "partitionable",
      note: "data lists both calls' results in order",
    },
  },
];

const JEP = "jax-ml/jax docs/jep/28845-stateful-rng.md@f9a8d31";

observed.push(
  {
    comment: "stateful_rng(42): uniform() four times, then key() twice",
    call: generator(42, "fold_in", "partitionable", [
      { method: "uniform", args: {} },
      { method: "uniform", args: {} },
      { method: "uniform", args: {} },
      { method: "uniform", args: {} },
      { method: "key", args: {} },
      { method: "key", args: {} },
    ]),
    compare: { rule: "exact" },
    jax: {
      data: [0.5302608, 0.72766423, 0.6672406, 0.3890121, 2954079971, 3276725750, 2765691542, 824333390],
      citation: `${STATEFUL} L262-L288`,
      jaxMode: "partitionable",
      note: "floats as printed: the shortest decimals that read back as the float32 JAX computed, so compared exactly; the keys exactly",
    },
  },
  {
    comment: "stateful_rng(1701): random(5) twice",
    call: generator(1701, "fold_in", "partitionable", [
      { method: "random", args: { size: 5 } },
      { method: "random", args: { size: 5 } },
    ]),
    jax: {
      data: [
        0.09609699, 0.26730824, 0.5619041, 0.24421775, 0.7715055, 0.8131045, 0.33873856, 0.88808906,
        0.96005905, 0.7616446,
      ],
      citation: `${JEP} L51-L56`,
      jaxMode: "partitionable",
      note: "as printed: the shortest decimals that read back as the float32 JAX computed, so compared exactly",
    },
  },
  {
    comment: "rng-jax Generator(42).standard_normal(3) twice (the original JRNG, legacy mode)",
    call: generator(42, "split", "legacy", [
      { method: "standardNormal", args: { size: 3 } },
      { method: "standardNormal", args: { size: 3 } },
    ]),
    jax: {
      data: [-0.5675502, 0.28439185, -0.9320608, 0.67903334, -1.220606, 0.94670606],
      citation: "glass-dev/rng-jax README.md L12-L18",
      jaxMode: "legacy",
      note: "as printed: the shortest decimals that read back as the float32 JAX computed, so compared exactly",
    },
  },
);

export const streamsArea: AreaSpec = {
  area: "streams",
  description: "Sequences of generator calls from one seed: the split and fold_in disciplines in both threefry modes.",
  groups: [
    { name: "jax-observed", description: "Sequences whose results real JAX printed.", cases: observed },
    { name: "sequences", description: "The same call sequence under each stream and mode.", cases: sequences },
  ],
};

/**
 * One call of every generator method. Each case earns its rule when generated:
 * `exact` where the reference reproduces JAX, else the method's stated bound;
 * methods JAX lacks the bound of their spec chapter.
 */
const METHOD_CALLS: MethodCall[] = [
  { method: "integers", args: { low: 0, high: 10, size: [2, 3] } },
  { method: "integers", args: { low: 5, size: 4, endpoint: true } },
  { method: "random", args: { size: 4 } },
  { method: "uniform", args: { low: 2, high: 3, size: 4 } },
  { method: "bytes", args: { length: 7 } },
  { method: "choice", args: { a: 10, size: 4, replace: false } },
  { method: "permutation", args: { x: 8 } },
  { method: "shuffle", args: { x: [1, 2, 3, 4, 5] } },
  { method: "permuted", args: { x: [[1, 2, 3], [4, 5, 6]], axis: 1 } },
  { method: "standardNormal", args: { size: 4 } },
  { method: "normal", args: { loc: 1, scale: 2, size: 4 } },
  { method: "standardExponential", args: { size: 4 } },
  { method: "exponential", args: { scale: 3, size: 4 } },
  { method: "standardCauchy", args: { size: 4 } },
  { method: "gumbel", args: { loc: 1, scale: 2, size: 4 } },
  { method: "laplace", args: { loc: 1, scale: 2, size: 4 } },
  { method: "logistic", args: { loc: 1, scale: 2, size: 4 } },
  { method: "lognormal", args: { mean: 0, sigma: 0.5, size: 4 } },
  { method: "pareto", args: { a: 3, size: 4 } },
  { method: "rayleigh", args: { scale: 2, size: 4 } },
  { method: "weibull", args: { a: 1.5, size: 4 } },
  { method: "triangular", args: { left: 0, mode: 1, right: 3, size: 4 } },
  { method: "wald", args: { mean: 1, scale: 2, size: 4 } },
  { method: "standardGamma", args: { shape: 0.7, size: 4 } },
  { method: "gamma", args: { shape: 2, scale: 0.5, size: 4 } },
  { method: "beta", args: { a: 2, b: 3, size: 4 } },
  { method: "chisquare", args: { df: 3, size: 4 } },
  { method: "f", args: { dfnum: 2, dfden: 5, size: 4 } },
  { method: "standardT", args: { df: 3, size: 4 } },
  { method: "dirichlet", args: { alpha: [1, 2, 3], size: 2 } },
  { method: "poisson", args: { lam: 4, size: 6 } },
  { method: "binomial", args: { n: 10, p: 0.3, size: 6 } },
  { method: "geometric", args: { p: 0.25, size: 6 } },
  { method: "multinomial", args: { n: 10, pvals: [0.2, 0.3, 0.5], size: 2 } },
  { method: "negativeBinomial", args: { n: 3, p: 0.4, size: 4 } },
  { method: "noncentralChisquare", args: { df: 3, nonc: 2, size: 3 } },
  { method: "noncentralF", args: { dfnum: 3, dfden: 5, nonc: 2, size: 3 } },
  { method: "power", args: { a: 2.5, size: 3 } },
  { method: "vonmises", args: { mu: 0.5, kappa: 2, size: 3 } },
  { method: "zipf", args: { a: 2, size: 4 } },
  { method: "logseries", args: { p: 0.6, size: 4 } },
  { method: "hypergeometric", args: { ngood: 10, nbad: 5, nsample: 7, size: 4 } },
  { method: "multivariateHypergeometric", args: { colors: [3, 4, 5], nsample: 6, size: 2 } },
  { method: "multivariateNormal", args: { mean: [0, 1], cov: [[1, 0.5], [0.5, 2]], size: 2, method: "cholesky" } },
];

const methodCases: CaseSpec[] = (["split", "fold_in"] as const).flatMap((stream) =>
  MODES.flatMap((mode) =>
    METHOD_CALLS.map((call) => ({
      comment: `${call.method} after one random(), ${stream} stream, ${mode}`,
      call: generator(77, stream, mode, [{ method: "random", args: {} }, call]),
    })),
  ),
);

streamsArea.groups.push({
  name: "methods",
  description: "Every generator method once, after one draw, under each stream and mode.",
  cases: methodCases,
});

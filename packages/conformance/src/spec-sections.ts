/**
 * Where the specification says what a case checks: a failing case's report
 * names the chapter and section to read.
 *
 * @module
 */

/** A section of the specification: a file under `spec/` and the start of one of its headings. */
export interface SpecSection {
  /** The chapter, relative to the repository root (`spec/samplers/normal.md`). */
  file: string;
  /** The heading's text up to where it names the subject (`2.1 exponential`). */
  heading: string;
}

const KEYS = "spec/keys-and-bits.md";
const DISCRETE = "spec/samplers/discrete.md";
const NORMAL = "spec/samplers/normal.md";
const CLOSED_FORM = "spec/samplers/closed-form.md";
const GAMMA = "spec/samplers/gamma.md";
const COUNTS = "spec/samplers/counts.md";
const JRNG_DEFINED = "spec/samplers/jrng-defined.md";
const LINALG = "spec/samplers/linalg.md";
const METHODS = "spec/methods.md";
const GENERATOR = "spec/generator.md";

/** Functional entry points (camelCase, as in the vectors) by their section. */
const FUNCTION_SECTIONS: Record<string, SpecSection> = {
  key: { file: KEYS, heading: "3. Making a key from a seed" },
  threefry2x32: { file: KEYS, heading: "4. Threefry-2x32-20" },
  foldIn: { file: KEYS, heading: "6. fold_in" },
  split: { file: KEYS, heading: "7. split" },
  bits: { file: KEYS, heading: "8. bits" },
  uniform: { file: DISCRETE, heading: "uniform(" },
  randint: { file: DISCRETE, heading: "randint(" },
  bernoulli: { file: DISCRETE, heading: "bernoulli(" },
  rademacher: { file: DISCRETE, heading: "rademacher(" },
  gumbel: { file: DISCRETE, heading: "gumbel(" },
  categorical: { file: DISCRETE, heading: "categorical(" },
  permutation: { file: DISCRETE, heading: "permutation(" },
  choice: { file: DISCRETE, heading: "choice(" },
  geometric: { file: DISCRETE, heading: "geometric(" },
  normal: { file: NORMAL, heading: "normal(" },
  truncatedNormal: { file: NORMAL, heading: "truncated_normal(" },
  lognormal: { file: NORMAL, heading: "lognormal(" },
  maxwell: { file: NORMAL, heading: "maxwell(" },
  doubleSidedMaxwell: { file: NORMAL, heading: "double_sided_maxwell(" },
  wald: { file: NORMAL, heading: "wald(" },
  exponential: { file: CLOSED_FORM, heading: "2.1 exponential" },
  cauchy: { file: CLOSED_FORM, heading: "2.2 cauchy" },
  laplace: { file: CLOSED_FORM, heading: "2.3 laplace" },
  logistic: { file: CLOSED_FORM, heading: "2.4 logistic" },
  pareto: { file: CLOSED_FORM, heading: "2.5 pareto" },
  rayleigh: { file: CLOSED_FORM, heading: "2.6 rayleigh" },
  weibullMin: { file: CLOSED_FORM, heading: "2.7 weibull_min" },
  triangular: { file: CLOSED_FORM, heading: "2.8 triangular" },
  gamma: { file: GAMMA, heading: "1. gamma" },
  loggamma: { file: GAMMA, heading: "1. gamma" },
  beta: { file: GAMMA, heading: "3. beta" },
  dirichlet: { file: GAMMA, heading: "4. dirichlet" },
  chisquare: { file: GAMMA, heading: "5. chisquare" },
  f: { file: GAMMA, heading: "6. f" },
  t: { file: GAMMA, heading: "7. t" },
  generalizedNormal: { file: GAMMA, heading: "8. generalized_normal" },
  ball: { file: GAMMA, heading: "9. ball" },
  poisson: { file: COUNTS, heading: "1. poisson" },
  binomial: { file: COUNTS, heading: "2. binomial" },
  multinomial: { file: COUNTS, heading: "3. multinomial" },
  negativeBinomial: { file: JRNG_DEFINED, heading: "2. negativeBinomial" },
  noncentralChisquare: { file: JRNG_DEFINED, heading: "3. noncentralChisquare" },
  noncentralF: { file: JRNG_DEFINED, heading: "4. noncentralF" },
  power: { file: JRNG_DEFINED, heading: "5. power" },
  vonmises: { file: JRNG_DEFINED, heading: "6. vonmises" },
  zipf: { file: JRNG_DEFINED, heading: "7. zipf" },
  logseries: { file: JRNG_DEFINED, heading: "8. logseries" },
  hypergeometric: { file: JRNG_DEFINED, heading: "9. hypergeometric" },
  multivariateHypergeometric: { file: JRNG_DEFINED, heading: "10. multivariateHypergeometric" },
  multivariateNormal: { file: LINALG, heading: "2. multivariateNormal" },
  orthogonal: { file: LINALG, heading: "3. orthogonal" },
};

/** Generator methods by the section of spec/methods.md that defines them. */
const METHOD_SECTIONS: Record<string, string> = {
  key: "4.3 key",
  bytes: "5.1 bytes",
  random: "5.2 random",
  uniform: "5.2 random",
  integers: "5.3 integers",
  integers64: "5.3 integers",
  ...Object.fromEntries(
    ["standardNormal", "normal", "lognormal", "wald"].map((m) => [m, "5.4 Normal family"]),
  ),
  ...Object.fromEntries(
    [
      "standardExponential",
      "exponential",
      "standardCauchy",
      "gumbel",
      "laplace",
      "logistic",
      "pareto",
      "rayleigh",
      "weibull",
      "triangular",
    ].map((m) => [m, "5.5 Closed-form families"]),
  ),
  ...Object.fromEntries(
    ["standardGamma", "gamma", "beta", "chisquare", "f", "standardT", "dirichlet"].map((m) => [
      m,
      "5.6 Gamma family",
    ]),
  ),
  ...Object.fromEntries(
    ["poisson", "binomial", "geometric", "multinomial"].map((m) => [m, "5.7 Counts"]),
  ),
  ...Object.fromEntries(
    ["choice", "permutation", "shuffle", "permuted"].map((m) => [
      m,
      "5.8 Sampling and permutations",
    ]),
  ),
  multivariateNormal: "5.9 multivariateNormal",
  ...Object.fromEntries(
    [
      "negativeBinomial",
      "noncentralChisquare",
      "noncentralF",
      "power",
      "vonmises",
      "zipf",
      "logseries",
      "hypergeometric",
      "multivariateHypergeometric",
    ].map((m) => [m, "3.3 Distributions without a JAX sampler"]),
  ),
};

/** The section defining a functional entry point, if the table knows it. */
export function functionSection(name: string): SpecSection | undefined {
  return FUNCTION_SECTIONS[name];
}

/** The section of spec/methods.md defining a generator method, if the table knows it. */
export function methodSection(name: string): SpecSection | undefined {
  const heading = METHOD_SECTIONS[name];
  return heading ? { file: METHODS, heading } : undefined;
}

/** The section on stream disciplines (generator sequences of several draws). */
export const STREAM_SECTION: SpecSection = { file: GENERATOR, heading: "2. Stream disciplines" };

/** The section on failed generator calls, which must leave the state unchanged. */
export const FAILED_CALL_SECTION: SpecSection = { file: METHODS, heading: "2.6 Failed calls" };

/** The section on the methods' domain checks. */
export const DOMAIN_CHECK_SECTION: SpecSection = { file: METHODS, heading: "2.4 Domain checks" };

/** A section as a report prints it: `spec/samplers/closed-form.md §2.1 exponential`. */
export function formatSection(section: SpecSection): string {
  const heading = section.heading.trim().replace(/\($/, "");
  const numbered = /^(\d+(?:\.\d+)*)\.? (.*)$/.exec(heading);
  return numbered
    ? `${section.file} §${numbered[1]} ${numbered[2]}`
    : `${section.file} § ${heading}`;
}

/** Every section the tables name, for checking that the spec still has them. */
export function allSections(): SpecSection[] {
  return [
    ...Object.values(FUNCTION_SECTIONS),
    ...Object.keys(METHOD_SECTIONS).map((name) => methodSection(name)!),
    STREAM_SECTION,
    FAILED_CALL_SECTION,
    DOMAIN_CHECK_SECTION,
  ];
}

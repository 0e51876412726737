/**
 * `@jrng/core`: an exact, zero-dependency mirror of `jax.random` — Threefry-2x32
 * keys, `split`, `foldIn`, `bits` and the samplers built on them — in both of
 * JAX's threefry modes.
 *
 * @packageDocumentation
 */
export { THREEFRY_PARITY, threefry2x32 } from "./threefry.js";
export { key, keyAt, keyData, wrapKeyData, type Key, type KeyArray, type KeyLike } from "./keys.js";
export { split } from "./split.js";
export { foldIn } from "./fold-in.js";
export { bits, bitsInto, type BitsBuffer } from "./bits.js";
export type { SliceOptions, ThreefryOptions } from "./options.js";
export type {
  DType,
  FloatDType,
  NdArray,
  SignedDType,
  TypedArrayOf,
  UnsignedDType,
} from "./ndarray.js";
export type { ArrayParam, NestedNumbers } from "./params.js";
export { erfInv } from "./erf-inv.js";

export { uniform } from "./samplers/uniform.js";
export { normal } from "./samplers/normal.js";
export { truncatedNormal } from "./samplers/truncated-normal.js";
export { lognormal } from "./samplers/lognormal.js";
export { maxwell, doubleSidedMaxwell } from "./samplers/maxwell.js";
export { wald } from "./samplers/wald.js";
export {
  randint,
  type IntegerDType,
  type IntegerParam,
  type NestedIntegers,
} from "./samplers/randint.js";
export { bernoulli, type BernoulliMode, type X64Options } from "./samplers/bernoulli.js";
export { rademacher } from "./samplers/rademacher.js";
export { gumbel, type GumbelMode } from "./samplers/gumbel.js";
export { categorical } from "./samplers/categorical.js";
export { permutation } from "./samplers/permutation.js";
export { choice } from "./samplers/choice.js";
export { geometric } from "./samplers/geometric.js";
export { cauchy } from "./samplers/cauchy.js";
export { exponential } from "./samplers/exponential.js";
export { laplace } from "./samplers/laplace.js";
export { logistic } from "./samplers/logistic.js";
export { pareto } from "./samplers/pareto.js";
export { rayleigh } from "./samplers/rayleigh.js";
export { weibullMin } from "./samplers/weibull-min.js";
export { triangular } from "./samplers/triangular.js";
export { gamma, loggamma, type GammaMethod, type GammaOptions } from "./samplers/gamma.js";
export { beta } from "./samplers/beta.js";
export { dirichlet } from "./samplers/dirichlet.js";
export { chisquare } from "./samplers/chisquare.js";
export { f } from "./samplers/f.js";
export { t } from "./samplers/t.js";
export { generalizedNormal } from "./samplers/generalized-normal.js";
export { ball } from "./samplers/ball.js";
export { poisson, type PoissonDType, type PoissonOptions } from "./samplers/poisson.js";
export { binomial } from "./samplers/binomial.js";
export { multinomial } from "./samplers/multinomial.js";
export {
  multivariateNormal,
  type MultivariateNormalMethod,
} from "./samplers/multivariate-normal.js";
export { orthogonal } from "./samplers/orthogonal.js";
export { negativeBinomial } from "./samplers/negative-binomial.js";
export { noncentralChisquare, noncentralF } from "./samplers/noncentral.js";
export { power } from "./samplers/power.js";
export { vonmises } from "./samplers/vonmises.js";
export { zipf } from "./samplers/zipf.js";
export { logseries } from "./samplers/logseries.js";
export {
  hypergeometric,
  multivariateHypergeometric,
  type MultivariateHypergeometricMethod,
} from "./samplers/hypergeometric.js";

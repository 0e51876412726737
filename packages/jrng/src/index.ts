/**
 * `jrng`: NumPy's `numpy.random.Generator` API for JavaScript, on JAX's
 * counter-based keys, returning `@jax-js/jax` arrays. A seed, the options and
 * the sequence of calls fix every output, exactly as the same calls on JAX.
 *
 * @packageDocumentation
 */
export { JRNG } from "./jrng.js";
export type {
  FloatOptions,
  IntegersOptions,
  JRNGOptions,
  MultivariateNormalOptions,
} from "./options.js";
export type { IntegerParamLike } from "./integers.js";
export type { JRNGState, JRNGStateV1, StreamKind, StreamState } from "./stream.js";
export type { ParamLike, Size } from "./size.js";
export type { ArrayBackend, ArrayInput, DrawOp, DrawParams } from "./arrays.js";

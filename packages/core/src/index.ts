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
export type { ThreefryOptions } from "./options.js";
export type {
  DType,
  FloatDType,
  NdArray,
  SignedDType,
  TypedArrayOf,
  UnsignedDType,
} from "./ndarray.js";
export type { ArrayParam, NestedNumbers } from "./params.js";
export { uniform } from "./samplers/uniform.js";

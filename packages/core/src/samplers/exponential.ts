// Mirrors jax.random.exponential (jax/_src/random/core.py: exponential, _exponential).
/**
 * Standard exponential floats, by inversion: `-log1p(-u)` of a uniform `u` in [0, 1).
 *
 * Accuracy. Float32 is bit-exact with JAX on CPU (measured with jax 0.10.2 on CPU, both threefry modes): `log1p` is XLA's
 * float32 routine (`log1pF32`) and the negations are exact. Float64 is
 * bit-exact too, with XLA's float64 `log1p` (`log1pF64`).
 *
 * @module
 */
import { roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import { sampleShapeOnly } from "./shape-only.js";
import { uniformKernel } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample standard exponential floats (density `e^-x` on `[0, ∞)`), as
 * `jax.random.exponential`.
 *
 * Each element is `-log1p(-u)` for a uniform `u` in [0, 1) drawn as
 * `uniform` draws it, so values lie in `[0, -log(2^-mant))` — at most
 * about 15.9 for float32 and 36.0 for float64; `u = 0` gives `+0`.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function exponential(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleShapeOnly("exponential", exponentialKernel, key, shape, dtype, options);
}

/**
 * JAX's `_exponential` on a checked key: `u = uniform(key, shape, dtype)`
 * (bounds 0 and 1), then `-log1p(-u)` rounded to `dtype`.
 */
export function exponentialKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const u = uniformKernel(key, shape, dtype, [0], [1], partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) out[i] = -round(math.log1p(-u[i]));
  return out;
}

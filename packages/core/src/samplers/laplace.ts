// Mirrors jax.random.laplace (jax/_src/random/core.py: laplace, _laplace).
/**
 * Standard Laplace floats, by inversion: `sign(u)·log1p(-|u|)` of a uniform
 * `u` in `[-1 + epsneg, 1)`.
 *
 * Accuracy. Float32 is bit-exact with JAX on CPU (measured with jax 0.10.2 on CPU, both threefry modes): `sign`, `abs` and
 * the negation are exact and `log1p` is XLA's float32 routine. Float64 is
 * bit-exact too, with XLA's float64 `log1p` (`log1pF64`).
 *
 * @module
 */
import { finfo, roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import { sampleShapeOnly } from "./shape-only.js";
import { uniformKernel } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample standard Laplace floats (density `e^-|x| / 2`), as
 * `jax.random.laplace`.
 *
 * Each element is `sign(u)·log1p(-|u|)` for a uniform `u` in
 * `[-1 + finfo(dtype).epsneg, 1)` drawn as `uniform` draws it (so the range of
 * the uniform rounds to exactly 2); every step is rounded to the dtype.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function laplace(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleShapeOnly("laplace", laplaceKernel, key, shape, dtype, options);
}

/**
 * JAX's `_laplace` on a checked key: `u = uniform(key, shape, dtype,
 * minval=-1 + epsneg, maxval=1)`, then `sign(u) * log1p(-abs(u))` rounded to
 * `dtype`.
 */
export function laplaceKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  // -1 + epsneg is exactly representable in both dtypes.
  const minval = -1 + finfo(dtype).epsneg;
  const u = uniformKernel(key, shape, dtype, [minval], [1], partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    out[i] = Math.sign(u[i]) * round(math.log1p(-Math.abs(u[i])));
  }
  return out;
}

// Mirrors jax.random.exponential (jax/_src/random/core.py: exponential, _exponential).
/**
 * Standard exponential floats, by inversion: `-log1p(-u)` of a uniform `u` in [0, 1).
 *
 * Accuracy. `-u` and the final negation are exact. `log1p` is JavaScript's
 * float64 `Math.log1p` (fdlibm, under 1 float64 ULP), rounded to the dtype:
 * within 0.5 ULP of the exact float32 result plus at most 2^-29 ULP of double
 * rounding, so at most 1 float32 ULP from exact. XLA CPU's `log1p` is its own
 * approximation with a documented budget of 1 ULP (float32 and float64,
 * `xla/codegen/intrinsic/accuracy/accuracy_budget.h`). Hence a float32 result
 * is within **2 ULP** of JAX on CPU (in practice equal or 1 ULP apart). A
 * float64 result is exact: XLA's own float64 `log1p` (`log1pF64`).
 *
 * @module
 */
import { log1pIn } from "../xla-math/by-dtype.js";
import { roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import { sampleShapeOnly } from "./shape-only.js";
import { uniformKernel } from "./uniform.js";

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
  const log1p = log1pIn(dtype);
  const u = uniformKernel(key, shape, dtype, [0], [1], partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) out[i] = -round(log1p(-u[i]));
  return out;
}

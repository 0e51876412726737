// Mirrors jax.random.lognormal (jax/_src/random/core.py: lognormal, _lognormal).
/**
 * Lognormal floats: `exp(sigma · normal)`.
 *
 * Accuracy. The normal sample is within 5 ULP of JAX's CPU value
 * ({@link normalKernel}); the product with `sigma` is rounded to the dtype;
 * `exp` is JavaScript's float64 `Math.exp` rounded to the dtype (float32:
 * ≤ 0.5 ULP + double rounding, against XLA:CPU's float32 `exp`
 * approximation, ≤ 1 ULP, so ≤ 2 ULP apart). Since `exp` multiplies a
 * relative error of its argument by `|sigma · z|`, the float32 result is
 * within about `(2 + 6·|sigma·z|)` ULP of JAX's: e.g. ≤ 20 ULP for
 * `|sigma·z| ≤ 3`. Float64 is exact: XLA folds `sigma·(√2·erf_inv(u))` into
 * `(sigma·√2)·erf_inv(u)` and uses its own float64 `exp` (`expF64`).
 *
 * @module
 */
import { erfInvFloat64 } from "../erf-inv.js";
import { f32, nextAfter } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { normalKernel } from "./normal.js";
import { uniformKernel } from "./uniform.js";
import { expF64 } from "../xla-math/exp-f64.js";
import { sampleFloatParams } from "./float-params.js";

/**
 * Sample lognormal floats, as `jax.random.lognormal`: `exp(sigma · z)` for
 * a standard normal `z` drawn from the key (no split).
 *
 * Like JAX, `sigma` is not checked for sign: a negative `sigma` gives
 * `exp(-|sigma|·z)`, the same distribution, and NaN gives NaN (the functional
 * API mirrors `jax.random`).
 *
 * @param key - the key.
 * @param sigma - the standard deviation of the underlying normal (default 1), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `sigma`'s shape (JAX's `_check_broadcast_shapes`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, `sigma`, shape, dtype or options, or a float64 `sigma` array with dtype float32 (JAX: cannot safely cast).
 * @throws RangeError if `sigma` does not broadcast to `shape`.
 */
export function lognormal(
  key: KeyLike,
  sigma: ArrayParam = 1,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleFloatParams("lognormal", key, { sigma }, shape, dtype, options, (k, s, d, [ss], p) =>
    lognormalKernel(k, s, d, ss, p),
  );
}

/**
 * JAX's `_lognormal` on a checked key, `sigma` broadcast to `shape` (or of
 * length 1): `exp(normal(key, shape, dtype) · sigma)` in the dtype.
 */
export function lognormalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  sigma: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const scalar = sigma.length === 1;
  if (dtype === "float32") {
    const out = normalKernel(key, shape, dtype, partitionable);
    for (let i = 0; i < size; i++) {
      out[i] = f32(Math.exp(f32(out[i] * f32(scalar ? sigma[0] : sigma[i]))));
    }
    return out;
  }
  // XLA folds sigma · (√2 · erf_inv(u)) into (sigma · √2) · erf_inv(u).
  const u = uniformKernel(key, shape, dtype, [nextAfter(dtype, -1, 0)], [1], partitionable);
  const result = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    result[i] = expF64((scalar ? sigma[0] : sigma[i]) * Math.SQRT2 * erfInvFloat64(u[i]));
  }
  return result;
}

// Mirrors jax.random.pareto (jax/_src/random/core.py: pareto, _pareto).
/**
 * Pareto (type I, scale 1) floats: `exp(e / b)` of a standard exponential `e`.
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64: `e` is
 * {@link exponentialKernel}'s, a broadcast `b` turns `e / b` into
 * `e · (1/b)` as XLA compiles it, and `exp` is XLA's routine in the dtype.
 *
 * @module
 */
import { roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { exponentialKernel } from "./exponential.js";
import { sampleFloatParams } from "./float-params.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample Pareto floats with shape parameter `b` (density `b / x^(b+1)` on
 * `[1, ∞)`), as `jax.random.pareto`.
 *
 * Each element is `exp(e / b)` for a standard exponential `e` drawn from
 * `key` over the whole shape (no key split), with `b` rounded to `dtype`.
 * Like JAX, `b` is not checked: the functional API mirrors `jax.random`, so
 * `b <= 0` or NaN gives what the formula gives (values in `(0, 1]` for
 * `b < 0`, `Infinity`/NaN for `b = 0`, NaN for NaN) instead of an error.
 *
 * @param key - the key.
 * @param b - the shape parameter: a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `b`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `b` or options.
 * @throws TypeError for a float64 `NdArray` parameter with dtype float32 (JAX's
 *   `_check_all_safe_to_cast` under `jax_enable_x64`).
 * @throws RangeError if `b` does not broadcast to `shape`.
 */
export function pareto(
  key: KeyLike,
  b: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleFloatParams(
    "pareto",
    key,
    { b },
    shape,
    dtype,
    options,
    (k, s, d, [bs], p, [broadcast]) => paretoKernel(k, s, d, bs, p, broadcast),
  );
}

/**
 * JAX's `_pareto` on a checked key: `b` (broadcast to `shape`, or of length
 * 1) rounded to `dtype`, `e = exponential(key, shape, dtype)`, then
 * `exp(e / b)` rounded to `dtype`. When `b` is broadcast to the shape (a
 * scalar, or an array of another shape; `broadcast`, default: `b` of length
 * 1) XLA computes the division as a multiplication by `1/b`.
 */
export function paretoKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  b: Float64Array | readonly number[],
  partitionable: boolean,
  broadcast: boolean = b.length === 1,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const out = exponentialKernel(key, shape, dtype, partitionable);
  const scalar = b.length === 1;
  for (let i = 0; i < size; i++) {
    const bi = round(scalar ? b[0] : b[i]);
    // XLA turns a division by a broadcast value into a multiplication by its reciprocal.
    out[i] = math.exp(broadcast ? round(out[i] * round(1 / bi)) : round(out[i] / bi));
  }
  return out;
}

// Mirrors jax.random.pareto (jax/_src/random/core.py: pareto, _pareto).
/**
 * Pareto (type I, scale 1) floats: `exp(e / b)` of a standard exponential `e`.
 *
 * Accuracy. `e` is `exponentialKernel`'s value (within 2 ULP of JAX's),
 * `e / b` is one rounded division, and `exp` is JavaScript's float64
 * `Math.exp` rounded to the dtype (at most 1 ULP from exact). XLA CPU's
 * float32 `exp` is a polynomial approximation with a documented budget of
 * 6 ULP (float64: 1 ULP; `xla/codegen/intrinsic/accuracy/accuracy_budget.h`).
 * `exp` amplifies a relative difference of its argument `y = e / b` by `|y|`,
 * so a float32 result is within **7 + 6·|y| ULP** of JAX on CPU, a float64
 * result within **2 + 6·|y| float64 ULP** (in practice 0 or 1 ULP for
 * moderate `y`).
 *
 * @module
 */
import { expIn } from "../xla-math/by-dtype.js";
import { roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { exponentialKernel } from "./exponential.js";
import { sampleFloatParams } from "./float-params.js";

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
  const scalarB = typeof b === "number" || (!Array.isArray(b) && (b as NdArray).data?.length === 1);
  return sampleFloatParams("pareto", key, { b }, shape, dtype, options, (k, s, d, [bs], p) =>
    paretoKernel(k, s, d, scalarB ? bs.subarray(0, 1) : bs, p),
  );
}

/**
 * JAX's `_pareto` on a checked key: `b` (broadcast to `shape`, or of length
 * 1 for a scalar `b`) rounded to `dtype`, `e = exponential(key, shape,
 * dtype)`, then `exp(e / b)` rounded to `dtype`. With float64 and a scalar
 * `b`, XLA's algebraic simplifier rewrites `e / b` as `e · (1/b)`, so that is
 * computed instead.
 */
export function paretoKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  b: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const exp = expIn(dtype);
  const out = exponentialKernel(key, shape, dtype, partitionable);
  const scalar = b.length === 1;
  const scaledByReciprocal = scalar && dtype === "float64";
  const reciprocal = 1 / b[0];
  for (let i = 0; i < size; i++) {
    const bi = round(scalar ? b[0] : b[i]);
    out[i] = exp(scaledByReciprocal ? out[i] * reciprocal : round(out[i] / bi));
  }
  return out;
}

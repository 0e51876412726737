// Mirrors jax.random.triangular (jax/_src/random/core.py: triangular, _triangular).
/**
 * Triangular floats by inversion of the piecewise-quadratic CDF.
 *
 * Accuracy. Only `+ - · /` and `sqrt` are used, all correctly rounded in the
 * dtype on both sides (JavaScript's float64 result of one float32 operation,
 * rounded to float32, is the float32 result), so results are **bit-identical**
 * to JAX's (0 ULP), up to XLA CPU flushing subnormal intermediates to zero
 * (see the spec).
 *
 * @module
 */
import { roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { uniformKernel } from "./uniform.js";
import { sampleFloatParams } from "./float-params.js";

/**
 * Sample triangular floats on `[left, right]` with peak at `mode`, as
 * `jax.random.triangular`.
 *
 * With `u` uniform in [0, 1) and `fc = (mode - left) / (right - left)`, each
 * element is `left + sqrt(u·(right - left)·(mode - left))` if `u < fc`, else
 * `right - sqrt((1 - u)·(right - left)·(right - mode))`, with the parameters
 * rounded to `dtype` and every step rounded to `dtype`. Like JAX, the
 * parameters are not checked: the functional API mirrors `jax.random`, so
 * parameters violating `left <= mode <= right`, `left < right` give what the
 * formula gives (often NaN) instead of an error.
 *
 * @param key - the key.
 * @param left - the lower limit: a number or array broadcast-compatible with `shape`.
 * @param mode - the peak: a number or array broadcast-compatible with `shape`.
 * @param right - the upper limit: a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of the parameter shapes.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, parameter or options.
 * @throws TypeError for a float64 `NdArray` parameter with dtype float32 (JAX's
 *   `_check_all_safe_to_cast` under `jax_enable_x64`).
 * @throws RangeError if the parameters do not broadcast to `shape`.
 */
export function triangular(
  key: KeyLike,
  left: ArrayParam,
  mode: ArrayParam,
  right: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleFloatParams(
    "triangular",
    key,
    { left, mode, right },
    shape,
    dtype,
    options,
    (k, s, d, [l, m, r], p) => triangularKernel(k, s, d, l, m, r, p),
  );
}

/**
 * JAX's `_triangular` on a checked key, with `left`, `mode` and `right`
 * broadcast to `shape` (or of length 1) and rounded to `dtype`:
 * `fc = (mode - left) / (right - left)`, `u = uniform(key, shape, dtype)`,
 * `out1 = left + sqrt(u * (right - left) * (mode - left))`,
 * `out2 = right - sqrt((1 - u) * (right - left) * (right - mode))`,
 * result `u < fc ? out1 : out2`, every step rounded to `dtype`.
 */
export function triangularKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  left: Float64Array | readonly number[],
  mode: Float64Array | readonly number[],
  right: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const r = roundTo(dtype);
  const u = uniformKernel(key, shape, dtype, [0], [1], partitionable);
  const out = allocate(dtype, size);
  const at = (values: Float64Array | readonly number[], i: number) =>
    r(values.length === 1 ? values[0] : values[i]);
  for (let i = 0; i < size; i++) {
    const a = at(left, i);
    const c = at(mode, i);
    const b = at(right, i);
    const width = r(b - a);
    const fc = r(r(c - a) / width);
    const out1 = r(a + r(Math.sqrt(r(r(u[i] * width) * r(c - a)))));
    const out2 = r(b - r(Math.sqrt(r(r(r(1 - u[i]) * width) * r(b - c)))));
    out[i] = u[i] < fc ? out1 : out2;
  }
  return out;
}

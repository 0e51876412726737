// Mirrors jax.random.rayleigh (jax/_src/random/core.py: rayleigh, _rayleigh).
/**
 * Rayleigh floats by inversion: `scale·sqrt(-2·log(u))` of a uniform `u` in
 * [0, 1).
 *
 * Accuracy. Bit-exact with JAX on CPU (measured with jax 0.10.2 on CPU, both threefry
 * modes): float32 `log` is XLA's routine, `·(-2)` is exact, `sqrt` is correctly rounded on both
 * sides and the product with `scale` is one rounding. Float64 likewise,
 * with glibc's `log` (`logF64`), which XLA:CPU calls.
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
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample Rayleigh floats with scale `scale` (density
 * `∝ x·e^(-x²/(2·scale²))` on `[0, ∞)`), as `jax.random.rayleigh`.
 *
 * Each element is `scale·sqrt(-2·log(u))` for a uniform `u` in [0, 1), with
 * `scale` rounded to `dtype` and every step rounded to `dtype`. As in JAX,
 * `u = 0` (probability 2^-23 per float32 element) gives `Infinity` (NaN if
 * `scale = 0`), and `scale` is not checked: the functional API mirrors
 * `jax.random`, so a negative `scale` gives non-positive values and NaN
 * gives NaN instead of an error.
 *
 * @param key - the key.
 * @param scale - the scale: a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `scale`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `scale` or options.
 * @throws TypeError for a float64 `NdArray` parameter with dtype float32 (JAX's
 *   `_check_all_safe_to_cast` under `jax_enable_x64`).
 * @throws RangeError if `scale` does not broadcast to `shape`.
 */
export function rayleigh(
  key: KeyLike,
  scale: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleFloatParams("rayleigh", key, { scale }, shape, dtype, options, (k, s, d, [ss], p) =>
    rayleighKernel(k, s, d, ss, p),
  );
}

/**
 * JAX's `_rayleigh` on a checked key: `u = uniform(key, shape, dtype)`,
 * `scale` (broadcast to `shape`, or of length 1) rounded to `dtype`, then
 * `scale * sqrt(log(u) * -2)`, every step rounded to `dtype`.
 */
export function rayleighKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  scale: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const u = uniformKernel(key, shape, dtype, [0], [1], partitionable);
  const out = allocate(dtype, size);
  const scalar = scale.length === 1;
  for (let i = 0; i < size; i++) {
    const s = round(scalar ? scale[0] : scale[i]);
    const logU = round(math.log(u[i]));
    out[i] = round(s * round(Math.sqrt(round(logU * -2))));
  }
  return out;
}

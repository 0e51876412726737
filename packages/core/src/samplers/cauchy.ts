// Mirrors jax.random.cauchy (jax/_src/random/core.py: cauchy, _cauchy).
/**
 * Standard Cauchy floats, by inversion: `tan(π·(u - 1/2))` of a uniform `u`
 * in `[eps, 1)`.
 *
 * Accuracy. Bit-exact with JAX on CPU (measured with jax 0.10.2 on CPU,
 * both threefry modes, x64 off and on): `u - 0.5` is exact, `π·(u - 0.5)` is
 * one rounding, and `tan` is the C library's `tanf`/`tan` that XLA:CPU
 * calls (glibc's, `tanF32`/`tanF64`).
 * The argument stays at least about 3.1e-7 (float32) from ±π/2, so results
 * are finite, at most about 3.19e6 in magnitude for float32.
 *
 * @module
 */
import { f32, finfo, roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import { sampleShapeOnly } from "./shape-only.js";
import { uniformKernel } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample standard Cauchy floats (density `∝ 1 / (1 + x²)`), as
 * `jax.random.cauchy`.
 *
 * Each element is `tan(π·(u - 0.5))` for a uniform `u` in `[eps, 1)` drawn as
 * `uniform` draws it with `minval = finfo(dtype).eps`, with π rounded
 * to the dtype and every step rounded to the dtype.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function cauchy(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleShapeOnly("cauchy", cauchyKernel, key, shape, dtype, options);
}

/**
 * JAX's `_cauchy` on a checked key: `u = uniform(key, shape, dtype,
 * minval=eps, maxval=1)`, then `tan(pi * (u - 0.5))` with `pi` the dtype's π,
 * every step rounded to `dtype`.
 */
export function cauchyKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const pi = dtype === "float32" ? f32(Math.PI) : Math.PI;
  const u = uniformKernel(key, shape, dtype, [finfo(dtype).eps], [1], partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    const angle = round(pi * round(u[i] - 0.5));
    out[i] = round(math.tan(angle));
  }
  return out;
}

// Mirrors jax.random.logistic (jax/_src/random/core.py: logistic, _logistic).
/**
 * Standard logistic floats, by inversion: `log(x) - log1p(-x)` of a uniform
 * `x` in `[tiny, 1)`.
 *
 * This is JAX's sampler since jax-ml/jax commit
 * 45ba4882947ad70d64c5b1edbc79a16c945418e6 (2025-06-30, "Use more numerically
 * stable computation for `jax.random.logistic`"); before it JAX drew `x` in
 * `[eps, 1)` and returned `log(x / (1 - x))`, so values printed by older JAX
 * differ.
 *
 * Accuracy. Float32 is bit-exact with JAX on CPU (measured with jax 0.10.2 on CPU, both threefry modes): `log` and `log1p`
 * are XLA's float32 routines and the difference is one rounding. Float64 is
 * bit-exact too: glibc's `log` and XLA's float64 `log1p` (`logF64`,
 * `log1pF64`).
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
 * Sample standard logistic floats (density `e^-x / (1 + e^-x)²`), as
 * `jax.random.logistic`.
 *
 * Each element is `log(x) - log1p(-x)` for a uniform `x` in
 * `[finfo(dtype).tiny, 1)` drawn as `uniform` draws it; every step is rounded
 * to the dtype. The smallest value (from `x = tiny`) is about -87.34 for
 * float32 and -708.4 for float64.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function logistic(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleShapeOnly("logistic", logisticKernel, key, shape, dtype, options);
}

/**
 * JAX's `_logistic` on a checked key: `x = uniform(key, shape, dtype,
 * minval=tiny, maxval=1)`, then `log(x) - log1p(-x)`, every step rounded to
 * `dtype`.
 */
export function logisticKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const x = uniformKernel(key, shape, dtype, [finfo(dtype).tiny], [1], partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    out[i] = round(round(math.log(x[i])) - round(math.log1p(-x[i])));
  }
  return out;
}

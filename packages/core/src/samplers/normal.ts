// Mirrors jax.random.normal (jax/_src/random/core.py: normal, _normal, _normal_real).
/**
 * Standard normal floats by inversion: `sqrt(2) · erf_inv(u)` with `u`
 * uniform on `(nextafter(-1, 0), 1)`.
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64: the uniform
 * step uses the same bits and arithmetic (with XLA's fused multiply-add),
 * `sqrt(2)` is the constant `np.array(np.sqrt(2), dtype)` (1.41421354 in
 * float32), and {@link erfInvFloat32} / {@link erfInvFloat64} reproduce
 * XLA's `erf_inv` operation by operation.
 *
 * @module
 */
import { erfInvFloat32, erfInvFloat64 } from "../erf-inv.js";
import { f32, nextAfter } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import { sampleShapeOnly } from "./shape-only.js";
import { uniformKernel } from "./uniform.js";

/** `np.array(np.sqrt(2), float32)`: 1.41421354… */
export const SQRT2_FLOAT32 = f32(Math.SQRT2);

/**
 * Sample standard normal floats, as `jax.random.normal`.
 *
 * Each element is `sqrt(2) · erf_inv(u)` for a uniform `u` on
 * `(nextafter(-1, 0), 1)` drawn with `jax.random.uniform`'s bits, so the
 * key is used once, without a split. Complex dtypes (which JAX also accepts)
 * are not supported.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function normal(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleShapeOnly("normal", normalKernel, key, shape, dtype, options);
}

/**
 * JAX's `_normal_real` on a checked key: `uniform(key, shape, dtype,
 * nextafter(-1, 0), 1)`, then `sqrt(2) · erf_inv(u)` in the dtype.
 */
export function normalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const low = nextAfter(dtype, -1, 0);
  const u = uniformKernel(key, shape, dtype, [low], [1], partitionable);
  const size = shapeSize(shape);
  if (dtype === "float32") {
    for (let i = 0; i < size; i++) u[i] = f32(SQRT2_FLOAT32 * erfInvFloat32(u[i]));
  } else {
    for (let i = 0; i < size; i++) u[i] = Math.SQRT2 * erfInvFloat64(u[i]);
  }
  return u;
}

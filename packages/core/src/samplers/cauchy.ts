// Mirrors jax.random.cauchy (jax/_src/random/core.py: cauchy, _cauchy).
/**
 * Standard Cauchy floats, by inversion: `tan(π·(u - 1/2))` of a uniform `u`
 * in `[eps, 1)`.
 *
 * Accuracy. `u - 0.5` is exact (u lies on the dtype's 2^-mant grid) and
 * `π·(u - 0.5)` is one rounded multiplication by π rounded to the dtype, so
 * the argument of `tan` is the same float as in JAX. `tan` is JavaScript's
 * float64 `Math.tan` (fdlibm, under 1 float64 ULP) rounded to the dtype: at
 * most 1 float32 ULP from exact. XLA on CPU lowers `tan(x)` to
 * `sin(x) / cos(x)` (`ElementalIrEmitter::EmitTan`), two library calls of
 * about 1 ULP each and a rounded division: at most about 3 ULP from exact.
 * Hence a float32 result is within **4 ULP** of JAX on CPU (float64: within
 * 4 float64 ULP). The argument stays at least about 3.3e-7 (float32) from
 * ±π/2, so results are finite, at most about 3e6 in magnitude for float32.
 *
 * @module
 */
import { f32, finfo, roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { isPartitionable, type ThreefryOptions } from "../options.js";
import { checkFloatDType, checkShape } from "../validate.js";
import { uniformKernel } from "./uniform.js";

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
 * @param dtype - `"float32"` (default) or `"float64"`.
 * @param options - the threefry mode (default partitionable).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function cauchy(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype: FloatDType = "float32",
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("cauchy", key);
  const checkedShape = checkShape("shape", shape);
  const checkedDType = checkFloatDType("dtype", dtype);
  const partitionable = isPartitionable(options);
  return {
    dtype: checkedDType,
    shape: checkedShape,
    data: cauchyKernel(checkedKey, checkedShape, checkedDType, partitionable),
  };
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
  const pi = dtype === "float32" ? f32(Math.PI) : Math.PI;
  const u = uniformKernel(key, shape, dtype, [finfo(dtype).eps], [1], partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    const angle = round(pi * round(u[i] - 0.5));
    out[i] = round(Math.tan(angle));
  }
  return out;
}

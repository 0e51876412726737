// Mirrors jax.random.f (jax/_src/random/core.py: f, _f).
/**
 * F-distributed variates: the ratio of two chi-square variates, each
 * divided by its degrees of freedom.
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64 (measured with
 * jax 0.10.2, both threefry modes, scalar degrees of freedom): the
 * chi-square draws are, and the quotient of quotients is computed as XLA
 * rewrites it, `(cn · dfden) / (cd · dfnum)`.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { chisquareKernel } from "./chisquare.js";
import { sampleCastFloatParams } from "./float-params.js";

/**
 * Sample F-distributed variates with `dfnum` and `dfden` degrees of
 * freedom, as `jax.random.f`.
 *
 * Both parameters are rounded to `dtype`. Like JAX, they are not validated
 * (non-positive or NaN values propagate through JAX's arithmetic).
 *
 * @param key - the key.
 * @param dfnum - the numerator's degrees of freedom, broadcast-compatible with `shape`.
 * @param dfden - the denominator's degrees of freedom, broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of both parameters.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, a float64 NdArray parameter with `dtype` float32 (JAX's `_check_all_safe_to_cast`), parameter or options.
 * @throws RangeError if the parameters do not broadcast (to `shape`).
 */
export function f(
  key: KeyLike,
  dfnum: ArrayParam,
  dfden: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("f", key);
  return sampleCastFloatParams(
    "f",
    checkedKey,
    { dfnum, dfden },
    shape,
    dtype,
    options,
    (k, s, d, [num, den], p) => fKernel(k, s, d, num, den, p),
  );
}

/**
 * JAX's `_f` on a checked key, both parameters broadcast to `shape` and
 * rounded to `dtype`:
 *
 * 1. `(keyDfd, keyDfn) = split(key)` — the denominator's key comes first.
 * 2. `cn = chisquare(keyDfn, dfnum)`, `cd = chisquare(keyDfd, dfden)`.
 * 3. Result `(cn / dfnum) / (cd / dfden)`, which XLA compiles as
 *    `(cn · dfden) / (cd · dfnum)`.
 */
export function fKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  dfnum: Float64Array,
  dfden: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const size = shapeSize(shape);
  const [keyDfd, keyDfn] = splitKey(key, 2, partitionable);
  const chi2Num = chisquareKernel(keyDfn, shape, dtype, dfnum, partitionable);
  const chi2Den = chisquareKernel(keyDfd, shape, dtype, dfden, partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    // XLA's algebraic simplifier rewrites (A / B) / (C / D) as (A · D) / (B · C).
    out[i] = r(r(chi2Num[i] * dfden[i]) / r(chi2Den[i] * dfnum[i]));
  }
  return out;
}

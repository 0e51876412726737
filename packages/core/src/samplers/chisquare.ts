// Mirrors jax.random.chisquare (jax/_src/random/core.py: chisquare, _chisquare).
/**
 * Chi-square variates: `2 · exp(loggamma(df / 2))`.
 *
 * Accuracy. Float32: the log-gamma draw follows `gamma.ts` (bit-exact,
 * with XLA:CPU's `rsqrt`); `df / 2` and `· 2` are exact and `exp` is XLA's
 * float32 routine (measured with jax 0.10.2 on CPU, both threefry modes: `df = 3`
 * bit-exact). Float64 likewise, with XLA's float64 `exp` (`expF64`).
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { ArrayParam } from "../params.js";
import {
  checkGammaMethod,
  GAMMA_OPTION_KEYS,
  loggammaKernel,
  type GammaMethod,
  type GammaOptions,
} from "./gamma.js";
import { sampleCastFloatParams } from "./float-params.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample chi-square variates with `df` degrees of freedom, as
 * `jax.random.chisquare`.
 *
 * `df` is rounded to `dtype`. Like JAX, `df` is not validated: `df = 0`
 * gives 0, a negative or NaN `df` gives what JAX's arithmetic gives (NaN for
 * `df <= -2` and NaN). The functional API mirrors `jax.random`.
 *
 * @param key - the key.
 * @param df - the degrees of freedom, broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `df`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `method` (default `"exact"`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, a float64 NdArray parameter with `dtype` float32 (JAX's `_check_all_safe_to_cast`), `df` or options.
 * @throws RangeError if `df` does not broadcast to `shape`, or for an unknown `method`.
 */
export function chisquare(
  key: KeyLike,
  df: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: GammaOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("chisquare", key);
  const method = checkGammaMethod("chisquare", options);
  return sampleCastFloatParams(
    "chisquare",
    checkedKey,
    { df },
    shape,
    dtype,
    options,
    (k, s, d, [dfs], p) => chisquareKernel(k, s, d, dfs, p, method),
    GAMMA_OPTION_KEYS,
  );
}

/**
 * JAX's `_chisquare` on a checked key, `df` broadcast to `shape` and
 * rounded to `dtype`: `g = loggamma(key, df / 2)` (no split), result
 * `exp(g) · 2`.
 */
export function chisquareKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  df: Float64Array,
  partitionable: boolean,
  method: GammaMethod = "exact",
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const exp = mathIn(dtype).exp;
  const size = shapeSize(shape);
  const halfDf = df.map((x) => r(x / 2));
  const logGamma = loggammaKernel(key, shape, dtype, halfDf, partitionable, method);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) out[i] = r(exp(logGamma[i]) * 2);
  return out;
}

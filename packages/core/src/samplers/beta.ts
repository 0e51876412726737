// Mirrors jax.random.beta (jax/_src/random/core.py: beta, _beta).
/**
 * Beta variates as the ratio of two gamma variates, computed from their
 * logarithms so that small shape parameters do not underflow.
 *
 * Accuracy. The two log-gamma draws carry the bound of
 * `loggammaKernel` (see `gamma.ts`); then `max`, the subtractions,
 * the division and the sum are exactly rounded as in XLA, and each `exp`
 * (JavaScript's float64 `Math.exp` rounded to the dtype) is within 2 ULP of
 * XLA CPU's. A float32 result is therefore within a few ULP of JAX's when
 * the rejection loops of both gamma draws take JAX's path (see `gamma.ts`).
 *
 * @module
 */
import { expIn } from "../xla-math/by-dtype.js";
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import {
  checkGammaMethod,
  GAMMA_OPTION_KEYS,
  loggammaKernel,
  type GammaMethod,
  type GammaOptions,
} from "./gamma.js";
import { sampleCastFloatParams } from "./float-params.js";

/**
 * Sample Beta(`a`, `b`) variates on [0, 1] (density proportional to
 * `x^(a-1) (1-x)^(b-1)`), as `jax.random.beta`.
 *
 * `a` and `b` are rounded to `dtype`. Like JAX, parameters are not
 * validated: `a = 0` or `b = 0` gives 0 or 1 (NaN where both log-gamma
 * draws are `-Infinity`), NaN gives NaN; the functional API mirrors
 * `jax.random`.
 *
 * @param key - the key.
 * @param a - the first shape parameter ("alpha"), broadcast-compatible with `shape`.
 * @param b - the second shape parameter ("beta"), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of `a` and `b`.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `method` (default `"exact"`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, a float64 NdArray parameter with `dtype` float32 (JAX's `_check_all_safe_to_cast`), parameter or options.
 * @throws RangeError if the parameters do not broadcast (to `shape`), or for an unknown `method`.
 */
export function beta(
  key: KeyLike,
  a: ArrayParam,
  b: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: GammaOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("beta", key);
  const method = checkGammaMethod("beta", options);
  return sampleCastFloatParams(
    "beta",
    checkedKey,
    { a, b },
    shape,
    dtype,
    options,
    (k, s, d, [av, bv], p) => betaKernel(k, s, d, av, bv, p, method),
    GAMMA_OPTION_KEYS,
  );
}

/**
 * JAX's `_beta` on a checked key, `a` and `b` broadcast to `shape` and
 * rounded to `dtype`:
 *
 * 1. `(keyA, keyB) = split(key)`.
 * 2. `la = loggamma(keyA, a)`, `lb = loggamma(keyB, b)` (each over the whole shape).
 * 3. `m = max(la, lb)`; `ga = exp(la − m)`, `gb = exp(lb − m)`; result `ga / (ga + gb)`.
 */
export function betaKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  b: Float64Array,
  partitionable: boolean,
  method: GammaMethod = "exact",
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const exp = expIn(dtype);
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  const [keyA, keyB] = splitKey(key, 2, partitionable);
  const logGammaA = loggammaKernel(keyA, shape, dtype, a, partitionable, method);
  const logGammaB = loggammaKernel(keyB, shape, dtype, b, partitionable, method);
  for (let i = 0; i < size; i++) {
    const logMax = Math.max(logGammaA[i], logGammaB[i]);
    const ga = r(exp(r(logGammaA[i] - logMax)));
    const gb = r(exp(r(logGammaB[i] - logMax)));
    out[i] = r(ga / r(ga + gb));
  }
  return out;
}

// Mirrors jax.random.beta (jax/_src/random/core.py: beta, _beta).
/**
 * Beta variates as the ratio of two gamma variates, computed from their
 * logarithms so that small shape parameters do not underflow.
 *
 * Accuracy. Float32: the two log-gamma draws follow `gamma.ts` (bit-exact,
 * with XLA:CPU's `rsqrt`); `max`, the subtractions, the division and the
 * sum are rounded as in XLA and each `exp` is XLA's float32 routine
 * (measured with jax 0.10.2 on CPU, both threefry modes: `a = 2, b = 3`
 * bit-exact). Float64 likewise, with XLA's float64 `exp` (`expF64`).
 *
 * @module
 */
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
import { mathIn } from "../xla-math/by-dtype.js";

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
  const exp = mathIn(dtype).exp;
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  const [keyA, keyB] = splitKey(key, 2, partitionable);
  const logGammaA = loggammaKernel(keyA, shape, dtype, a, partitionable, method);
  const logGammaB = loggammaKernel(keyB, shape, dtype, b, partitionable, method);
  for (let i = 0; i < size; i++) {
    const logMax = Math.max(logGammaA[i], logGammaB[i]);
    const ga = exp(r(logGammaA[i] - logMax));
    const gb = exp(r(logGammaB[i] - logMax));
    out[i] = r(ga / r(ga + gb));
  }
  return out;
}

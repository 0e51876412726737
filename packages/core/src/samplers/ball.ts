// Mirrors jax.random.ball (jax/_src/random/core.py: ball, _ball).
/**
 * Uniform points in the unit Lp ball of dimension `d` (Barthe, Guédon,
 * Mendelson and Naor): generalized normal coordinates `g` and an
 * exponential `e`, scaled by `(Σ|g_j|^p + e)^(1/p)`.
 *
 * Accuracy. Float32: the coordinates follow `generalized-normal.ts`; the
 * exponential draw uses XLA's `log1p`; the `d` terms are summed left to
 * right; and the division by `pow(s, 1/p)` is computed as XLA rewrites it,
 * `g · pow(s, -1/p)` (kept a division for `d = 1` except in legacy mode with
 * a one-axis batch shape longer than 1), with glibc's `powf` (`powF32`) (measured with jax
 * 0.10.2 on CPU, both threefry modes: 99.93 % of elements bit-exact, the
 * rest 1 ULP through the gamma draws). Float64 does the same with XLA's
 * float64 `log1p` and glibc's `pow` (`powF64`), bit-exact.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { defaultFloatDType, isPartitionable, type ThreefryOptions } from "../options.js";
import { splitKey } from "../random-words.js";
import { checkFloatDType, checkInteger, checkShape, MAX_ELEMENTS } from "../validate.js";
import {
  checkShapeExponent,
  generalizedNormalKernel,
  pythonFloatReciprocal,
  signFloatDType,
} from "./generalized-normal.js";
import { unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample points uniformly from the unit Lp ball in `d` dimensions, as
 * `jax.random.ball`.
 *
 * `p` is rounded to `dtype` and, as in JAX, not validated. The coordinates'
 * random signs follow {@link generalizedNormal}'s dtype rule.
 *
 * @param key - the key.
 * @param d - the dimension, a non-negative integer.
 * @param p - the p of the Lp norm (default 2).
 * @param shape - the batch shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`; it decides the dtype of the random signs, see `generalizedNormal`).
 * @returns an array of shape `[...shape, d]`.
 * @throws TypeError for a bad key, `d`, `p`, shape, dtype or options.
 * @throws RangeError for a negative `d` or a result with too many elements.
 */
export function ball(
  key: KeyLike,
  d: number,
  p: number = 2,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedShape = checkShape("shape", shape);
  const checkedKey = checkKey("ball", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const dimension = checkInteger("d", d, 0, MAX_ELEMENTS);
  const exponent = checkShapeExponent("p", p);
  const fullShape = checkShape("[...shape, d]", [...checkedShape, dimension]);
  const partitionable = isPartitionable(options);
  return {
    dtype: checkedDType,
    shape: fullShape,
    data: ballKernel(
      checkedKey,
      checkedShape,
      dimension,
      checkedDType,
      exponent,
      partitionable,
      signFloatDType(checkedDType, options),
    ),
  };
}

/**
 * JAX's `_ball` on a checked key, `p` the Python float (rounded to `dtype`
 * where it meets an array, and `1/p` computed in `signDType`, the dtype of a
 * Python float, before that rounding); the result has shape `[...shape, d]`:
 *
 * 1. `(k1, k2) = split(key)`.
 * 2. `g = generalizedNormal(k1, p, [...shape, d])`.
 * 3. `e = exponential(k2, shape)` = `−log1p(−uniform(k2, shape))`.
 * 4. For each batch element: `s = Σ_j |g_j|^p` (left to right),
 *    `n = (s + e)^(1/p)`, result `g_j / n`.
 */
export function ballKernel(
  key: Key,
  shape: readonly number[],
  d: number,
  dtype: FloatDType,
  p: number,
  partitionable: boolean,
  signDType: FloatDType,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const math = mathIn(dtype);
  const batch = shapeSize(shape);
  const out = allocate(dtype, batch * d);
  const [k1, k2] = splitKey(key, 2, partitionable);
  const g = generalizedNormalKernel(k1, [...shape, d], dtype, p, partitionable, signDType);
  const exponent = r(p);
  const u = unitFloats(k2, batch, dtype, partitionable);
  const invP = r(pythonFloatReciprocal(p, signDType));
  // XLA rewrites `g / pow(s, 1/p)` as `g · pow(s, -1/p)` where the divisor is
  // a broadcast of the pow, or (d = 1, legacy mode, one batch axis longer
  // than 1) the pow itself; with d = 1 otherwise a reshape stands between
  // them and the division stays (measured with jax 0.10.2 on CPU).
  const keepsDivision = d === 1 && (partitionable || !(shape.length === 1 && shape[0] > 1));
  for (let b = 0; b < batch; b++) {
    const e = -math.log1p(-u[b]);
    let sum = 0;
    for (let j = b * d; j < (b + 1) * d; j++) sum = r(sum + math.pow(Math.abs(g[j]), exponent));
    const s = r(sum + e);
    if (keepsDivision) {
      out[b] = r(g[b] / math.pow(s, invP));
      continue;
    }
    const inverseNorm = math.pow(s, -invP);
    for (let j = b * d; j < (b + 1) * d; j++) out[j] = r(g[j] * inverseNorm);
  }
  return out;
}

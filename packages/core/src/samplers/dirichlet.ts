// Mirrors jax.random.dirichlet (jax/_src/random/core.py: dirichlet, _dirichlet).
/**
 * Dirichlet vectors: log-gamma draws normalised with a softmax over the
 * last axis.
 *
 * Accuracy. Float32: the log-gamma draws follow `gamma.ts`; the softmax
 * (`jax.nn.softmax`: `exp(x − max)`, divided by its sum) uses XLA's float32
 * `exp`, sums the `k` terms left to right and multiplies by the rounded
 * reciprocal of the sum, as XLA compiles it for up to 4096 elements
 * (measured with jax 0.10.2 on CPU, both threefry modes: `alpha = [1, 2, 3]`,
 * 1365 draws bit-exact). With a batch axis and `k >= 2`, the log-gamma
 * draws' `log V` is an unfused kernel, so a draw of 3, 5, 6, 7, 11, 13, 14
 * or 15 elements takes some of it from glibc's `logf` (measured: 1,344 calls
 * with `k` = 2, 3, 5, 6, 7 and up to 40 elements, both modes, x64 off and on, all
 * bit-exact). Above 4096 elements XLA:CPU hands the fused log,
 * softmax and sum to YNNPACK (`ynn_fusion`), whose kernels are not
 * reproduced: 58–60 % of elements match at 1366 and 2000 draws. Float64 likewise, with
 * XLA's float64 `exp` (`expF64`).
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { defaultFloatDType, isPartitionable, type ThreefryOptions } from "../options.js";
import { broadcastParam, checkParamsFitShape, toParam, type ArrayParam } from "../params.js";
import { checkFloatDType, checkShape } from "../validate.js";
import { loggammaKernel } from "./gamma.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample Dirichlet vectors with concentration `alpha`, as
 * `jax.random.dirichlet`: each vector along the last axis is non-negative
 * and sums to 1 (up to rounding).
 *
 * `alpha` has shape `[..., k]` and is rounded to `dtype`. Like JAX, its
 * values are not validated (zeros and NaN propagate as in JAX's arithmetic:
 * a vector whose log-gamma draws are all `-Infinity` is NaN).
 *
 * @param key - the key.
 * @param alpha - the concentrations, an array of shape `[..., k]` (at least one axis).
 * @param shape - the batch shape (the result shape without its last axis); must be
 *   broadcast-compatible with `alpha`'s shape without its last axis, which is the default.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @returns an array of shape `[...shape, k]`.
 * @throws TypeError for a bad key, shape, dtype, `alpha` or options.
 * @throws RangeError if `alpha` is a scalar or its batch shape does not broadcast to `shape`.
 */
export function dirichlet(
  key: KeyLike,
  alpha: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("dirichlet", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const concentration = toParam("alpha", alpha);
  if (concentration.shape.length < 1) {
    throw new RangeError(
      `dirichlet requires alpha to have at least one axis (alpha.ndim >= 1), got alpha.ndim == 0`,
    );
  }
  const batchOfAlpha = concentration.shape.slice(0, -1);
  let batch: number[];
  if (shape === undefined || shape === null) {
    batch = batchOfAlpha;
  } else {
    batch = checkShape("shape", shape);
    checkParamsFitShape("dirichlet", batch, batchOfAlpha);
  }
  const fullShape = [...batch, concentration.shape[concentration.shape.length - 1]];
  const partitionable = isPartitionable(options);
  const round = roundTo(checkedDType);
  return {
    dtype: checkedDType,
    shape: fullShape,
    data: dirichletKernel(
      checkedKey,
      fullShape,
      checkedDType,
      broadcastParam(concentration, fullShape).map(round),
      partitionable,
    ),
  };
}

/**
 * JAX's `_dirichlet` on a checked key: `shape` is the full result shape
 * `[..., k]` and `alpha` is broadcast to it and rounded to `dtype`.
 *
 * 1. `g = loggamma(key, alpha, shape)` (no split: the key goes straight to loggamma).
 * 2. For each vector of `k` along the last axis: `m = max(−Infinity, g…)`,
 *    `e_j = exp(g_j − m)`, `s = Σ e_j` (left to right), result `e_j / s`.
 */
export function dirichletKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  alpha: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const exp = mathIn(dtype).exp;
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  const k = shape.length === 0 ? 1 : shape[shape.length - 1];
  if (size === 0) return out;
  // With a batch axis and k >= 2, XLA leaves the log-gamma draws' `log V`
  // unfused (read off the compiled HLO): a short float32 draw then takes
  // some of it from glibc (`gammaExactKernel`).
  const standaloneLogOfV = shape.length >= 2 && k >= 2;
  const logGamma = loggammaKernel(
    key,
    shape,
    dtype,
    alpha,
    partitionable,
    "exact",
    standaloneLogOfV,
  );
  for (let start = 0; start < size; start += k) {
    let max = -Infinity;
    for (let j = start; j < start + k; j++) max = Math.max(max, logGamma[j]);
    let sum = 0;
    for (let j = start; j < start + k; j++) {
      out[j] = exp(r(logGamma[j] - max));
      sum = r(sum + out[j]);
    }
    // XLA divides by a broadcast value as a multiplication by its reciprocal.
    const inverse = r(1 / sum);
    for (let j = start; j < start + k; j++) out[j] = r(out[j] * inverse);
  }
  return out;
}

// Mirrors jax.random.multivariate_normal (jax/_src/random/core.py: multivariate_normal, _multivariate_normal).
/**
 * Multivariate normal vectors: `mean + factor · z` with `z` standard normal
 * and `factor · factorᵀ = cov`.
 *
 * Accuracy against JAX (CPU). `z` is `normalKernel`'s (within 5 ULP of
 * JAX's, usually identical). The factor comes from `linalg.ts`:
 *
 * - `"cholesky"` (default): the Cholesky factor is unique and we follow
 *   OpenBLAS's `potf2` step by step in the dtype, so it differs from JAX's
 *   only by the BLAS kernels' rounding (few ULP for a well-conditioned `cov`;
 *   first-order bound `‖ΔL‖_F ≤ 2·γ(n+1)·n·κ₂(cov)·‖L‖₂`), and is identical
 *   for a diagonal `cov`.
 * - `"svd"` and `"eigh"`: eigen/singular vectors are unique only up to sign
 *   (LAPACK's signs are implementation-defined; ours: largest-magnitude
 *   component positive), so **samples are not JAX's values**; they have the
 *   same distribution (`factor · factorᵀ = cov` to rounding).
 *
 * The product `factor · z` is summed over `j = 0, 1, …, n-1` in the dtype
 * (XLA's dot may use another order or fused multiply-adds): each output
 * differs from JAX's by at most `2·γ(n)·Σ_j |factor_ij · z_j|` plus the
 * factor's and `z`'s own differences. So with a diagonal `cov` and
 * `"cholesky"` every element equals `f32(mean_i + f32(√cov_ii · z_i))`,
 * bit-identical to JAX up to `z`.
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { cholesky, eigh, svd } from "../linalg.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { defaultFloatDType, isPartitionable, type ThreefryOptions } from "../options.js";
import {
  broadcastParam,
  broadcastShapes,
  checkParamsFitShape,
  toParam,
  type ArrayParam,
  type Param,
} from "../params.js";
import { checkFloatDType, checkShape, describe } from "../validate.js";
import { normalKernel } from "./normal.js";

/** How {@link multivariateNormal} factors the covariance. */
export type MultivariateNormalMethod = "cholesky" | "svd" | "eigh";

const METHODS: readonly MultivariateNormalMethod[] = ["svd", "eigh", "cholesky"];

/**
 * Sample multivariate normal vectors, as `jax.random.multivariate_normal`.
 *
 * The result has shape `[...shape, n]` where `n = mean.shape[-1]`; `shape`
 * defaults to the broadcast of `mean.shape[:-1]` and `cov.shape[:-2]`. The
 * key is used once, without a split: `z = normal(key, [...shape, n], dtype)`,
 * then `mean + einsum('...ij,...j->...i', factor, z)` with
 *
 * - `"cholesky"`: `factor = cholesky(cov)` (lower triangular);
 * - `"svd"`: `u, s, _ = svd(cov)`, `factor = u · diag(√s)`;
 * - `"eigh"`: `w, v = eigh(cov)`, `factor = v · diag(√w)`.
 *
 * `mean` and `cov` are rounded to `dtype` and every step is computed in
 * `dtype` (JAX computes in the promoted dtype of `mean` and `cov`, which is
 * `dtype` when they are given as Python floats or arrays of that dtype).
 *
 * Degenerate covariances, as JAX on CPU (the functional API mirrors
 * `jax.random`, so these are NaN results, not errors): `cov` is symmetrized
 * (`(cov + covᵀ)/2`) for `"cholesky"` and `"eigh"` (not for `"svd"`).
 * `"cholesky"` needs a positive definite `cov`: if a pivot is `≤ 0`
 * (singular or indefinite `cov`), the whole factor is NaN and so is every
 * vector drawn with it. `"eigh"` works for positive semi-definite `cov`
 * (zero eigenvalues give zero columns); a negative computed eigenvalue makes
 * `√w` NaN and every vector drawn with it NaN — for a singular `cov`, whether
 * a zero eigenvalue comes out as `+tiny` or `-tiny` depends on rounding, so
 * ours and JAX's may differ there. `"svd"` never gives NaN for finite `cov`:
 * for an indefinite `cov` it samples with covariance `|cov|` (the matrix with
 * the eigenvalues' absolute values), as JAX does. The choice of method
 * (`"cholesky"` for positive definite, `"svd"`/`"eigh"` for singular) is the
 * caller's, as in JAX.
 *
 * @param key - the key.
 * @param mean - the mean, shape `[..., n]` (at least one axis).
 * @param cov - the covariance, shape `[..., n, n]`; its batch shape must broadcast with `mean`'s.
 * @param shape - the batch shape of the result (default: broadcast of the batch shapes of `mean` and `cov`); those must broadcast to it.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param method - `"cholesky"` (default), `"svd"` or `"eigh"`.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @throws TypeError for a bad key, parameter, shape, dtype, method or options.
 * @throws RangeError if `mean` has no axis, `cov` fewer than two, `cov` is not `[..., n, n]`, the batch shapes do not broadcast, or `method` is not one of the three.
 */
export function multivariateNormal(
  key: KeyLike,
  mean: ArrayParam,
  cov: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  method: MultivariateNormalMethod = "cholesky",
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("multivariate_normal", key);
  const meanParam = toParam("mean", mean);
  const covParam = toParam("cov", cov);
  const checkedMethod = checkMethod(method);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const givenShape = shape === undefined || shape === null ? undefined : checkShape("shape", shape);
  const partitionable = isPartitionable(options);
  if (meanParam.shape.length < 1) {
    throw new RangeError(
      `multivariate_normal requires mean.ndim >= 1, got mean.ndim == ${meanParam.shape.length}`,
    );
  }
  if (covParam.shape.length < 2) {
    throw new RangeError(
      `multivariate_normal requires cov.ndim >= 2, got cov.ndim == ${covParam.shape.length}`,
    );
  }
  const n = meanParam.shape[meanParam.shape.length - 1];
  const covTail = covParam.shape.slice(-2);
  if (covTail[0] !== n || covTail[1] !== n) {
    throw new RangeError(
      `multivariate_normal requires cov.shape == [..., n, n] for n=${n}, ` +
        `but got cov.shape == [${covParam.shape.join(", ")}]`,
    );
  }
  const meanBatch = meanParam.shape.slice(0, -1);
  const covBatch = covParam.shape.slice(0, -2);
  let batch: number[];
  if (givenShape === undefined) {
    batch = broadcastShapes("multivariate_normal", meanBatch, covBatch);
  } else {
    checkParamsFitShape("multivariate_normal", givenShape, meanBatch, covBatch);
    batch = givenShape;
  }
  checkShape("result shape", [...batch, n]);
  return {
    dtype: checkedDType,
    shape: [...batch, n],
    data: multivariateNormalKernel(
      checkedKey,
      batch,
      checkedDType,
      meanParam,
      covParam,
      checkedMethod,
      partitionable,
    ),
  };
}

function checkMethod(method: unknown): MultivariateNormalMethod {
  if (typeof method !== "string") {
    throw new TypeError(`method must be one of "svd", "eigh", "cholesky", got ${describe(method)}`);
  }
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new RangeError(
      `method must be one of {'svd', 'eigh', 'cholesky'}, got ${describe(method)}`,
    );
  }
  return method as MultivariateNormalMethod;
}

/**
 * `cov`'s factor for one `n × n` matrix, as `_multivariate_normal` computes
 * it: `cholesky(cov)`, `u·√s` from `svd(cov)` or `v·√w` from `eigh(cov)`,
 * rounded to the dtype (row-major `n × n`).
 */
export function covarianceFactor(
  cov: ArrayLike<number>,
  n: number,
  dtype: FloatDType,
  method: MultivariateNormalMethod,
): Float64Array {
  if (method === "cholesky") return cholesky(cov, n, dtype);
  const round = roundTo(dtype);
  const { vectors, scales } =
    method === "svd"
      ? ((r) => ({ vectors: r.u, scales: r.s }))(svd(cov, n, n, dtype))
      : ((r) => ({ vectors: r.vectors, scales: r.values }))(eigh(cov, n, dtype));
  const roots = scales.map((x) => round(Math.sqrt(x)));
  const factor = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) factor[i * n + j] = round(vectors[i * n + j] * roots[j]);
  }
  return factor;
}

/**
 * JAX's `_multivariate_normal` on a checked key: `shape` is the batch shape
 * of the result (already checked against the batch shapes of `mean` and
 * `cov`, which are given unbroadcast); the result, row-major, has shape
 * `[...shape, n]`. Each distinct covariance matrix is factored once.
 */
export function multivariateNormalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  mean: Param,
  cov: Param,
  method: MultivariateNormalMethod,
  partitionable: boolean,
): Float32Array | Float64Array {
  const round = roundTo(dtype);
  const n = mean.shape[mean.shape.length - 1];
  const batchSize = shapeSize(shape);
  const z = normalKernel(key, [...shape, n], dtype, partitionable);
  // float64: XLA:CPU's dot accumulates each product with one FMA.
  const fused = dtype === "float64";
  const out = allocate(dtype, batchSize * n);
  if (out.length === 0) return out;
  const meanBatch = mean.shape.slice(0, -1);
  const covBatch = cov.shape.slice(0, -2);
  const meanIndex = batchIndex(meanBatch, shape);
  const covIndex = batchIndex(covBatch, shape);
  const factors: Float64Array[] = [];
  for (let c = 0; c < shapeSize(covBatch); c++) {
    factors.push(covarianceFactor(cov.data.subarray(c * n * n, (c + 1) * n * n), n, dtype, method));
  }
  for (let b = 0; b < batchSize; b++) {
    const factor = factors[covIndex[b]];
    const meanStart = meanIndex[b] * n;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        sum = fused
          ? fmaF64(factor[i * n + j], z[b * n + j], sum)
          : round(sum + round(factor[i * n + j] * z[b * n + j]));
      }
      out[b * n + i] = round(round(mean.data[meanStart + i]) + sum);
    }
  }
  return out;
}

/** For each flat index of `shape`, the flat index of `from` that broadcasts to it. */
function batchIndex(from: readonly number[], shape: readonly number[]): Float64Array {
  const size = shapeSize(from);
  const iota = new Float64Array(size);
  for (let i = 0; i < size; i++) iota[i] = i;
  if (size === 1) return new Float64Array(shapeSize(shape));
  return broadcastParam({ shape: [...from], data: iota }, shape);
}

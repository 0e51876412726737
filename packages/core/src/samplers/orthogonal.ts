// Mirrors jax.random.orthogonal (jax/_src/random/core.py: orthogonal, _orthogonal).
/**
 * Haar-distributed orthogonal (and semi-orthogonal) matrices: the Q factor of
 * a standard normal matrix with the signs fixed by `diag(R)` (Mezzadri 2007).
 *
 * Accuracy against JAX (CPU). The normal matrix is `normalKernel`'s
 * (within 5 ULP of JAX's, usually identical). The QR step follows LAPACK's
 * unblocked `geqr2`/`org2r` (what `geqrf`/`orgqr` run for these sizes)
 * operation by operation in the dtype, without fused multiply-adds; after the
 * sign correction the factor is unique, so ours and JAX's differ only by the
 * BLAS kernels' rounding: to first order `‖ΔQ‖_F ≤ 2·c·p·q·u·κ₂(Z)`, with
 * `Z` the `p × q` normal matrix (`p = max(n, m)`, `q = min(n, m)`),
 * `u = 2^-24` (float32) or `2^-53` (float64) and `c` a small constant — in
 * practice a few float32 ULP per entry (`κ₂(Z)` of a Gaussian matrix is
 * modest except with tiny probability). Not bit-identical in general.
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { qr } from "../linalg.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { defaultFloatDType, isPartitionable, type ThreefryOptions } from "../options.js";
import { checkFloatDType, checkInteger, checkShape } from "../validate.js";
import { normalKernel } from "./normal.js";

/**
 * Sample matrices uniformly (Haar) from the orthogonal group O(n), as
 * `jax.random.orthogonal`; with `m ≠ n`, semi-orthogonal `n × m` matrices
 * (orthonormal rows if `n ≤ m`, orthonormal columns if `n ≥ m`).
 *
 * Recipe (no key split): `z = normal(key, [...shape, max(n, m), min(n, m)],
 * dtype)`; `q, r = qr(z)` (reduced, Householder); `x = q · diag(sign(diag(r)))`
 * (`sign(0) = 0`, which has probability zero); the result is `x`, or its
 * transpose when `n < m`.
 *
 * @param key - the key.
 * @param n - the number of rows, a non-negative integer.
 * @param shape - the batch shape (default `[]`); the result has shape `[...shape, n, m]`.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param m - the number of columns, a non-negative integer (default `n`).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @throws TypeError for a bad key, `n`, `m`, shape, dtype or options.
 * @throws RangeError for a negative `n` or `m`, or a result with too many elements.
 */
export function orthogonal(
  key: KeyLike,
  n: number,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  m?: number | null,
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedShape = checkShape("shape", shape);
  const checkedKey = checkKey("orthogonal", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const rows = checkInteger("n", n, 0, Number.MAX_SAFE_INTEGER);
  const cols =
    m === undefined || m === null ? rows : checkInteger("m", m, 0, Number.MAX_SAFE_INTEGER);
  const resultShape = checkShape("result shape", [...checkedShape, rows, cols]);
  const partitionable = isPartitionable(options);
  return {
    dtype: checkedDType,
    shape: resultShape,
    data: orthogonalKernel(checkedKey, checkedShape, checkedDType, rows, cols, partitionable),
  };
}

/**
 * JAX's `_orthogonal` on a checked key: `shape` is the batch shape; the
 * result, row-major, has shape `[...shape, n, m]`.
 */
export function orthogonalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  n: number,
  m: number,
  partitionable: boolean,
): Float32Array | Float64Array {
  const tallRows = Math.max(n, m);
  const tallCols = Math.min(n, m);
  const z = normalKernel(key, [...shape, tallRows, tallCols], dtype, partitionable);
  const batch = shapeSize(shape);
  const block = n * m;
  const out = allocate(dtype, batch * block);
  if (out.length === 0) return out;
  for (let b = 0; b < batch; b++) {
    const { q, r } = qr(z.subarray(b * block, (b + 1) * block), tallRows, tallCols, dtype);
    for (let i = 0; i < tallRows; i++) {
      for (let j = 0; j < tallCols; j++) {
        const x = q[i * tallCols + j] * Math.sign(r[j * tallCols + j]);
        // x = q·sign(d), transposed when n < m.
        out[b * block + (n >= m ? i * m + j : j * m + i)] = x;
      }
    }
  }
  return out;
}

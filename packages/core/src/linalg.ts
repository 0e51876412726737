/**
 * Small dense linear algebra for the samplers that need it
 * (`multivariateNormal`, `orthogonal`): Cholesky, QR by Householder
 * reflections, the symmetric eigendecomposition and the SVD, in float32 or
 * float64.
 *
 * Matrices are row-major `Float64Array`s holding values of the dtype (a
 * float32 matrix holds doubles that are exactly float32 values); inputs are
 * rounded to the dtype first. Every function returns new arrays.
 *
 * What is mirrored, and how closely. `jax.numpy.linalg` on CPU calls LAPACK
 * through jaxlib, which takes its LAPACK from SciPy (an OpenBLAS build):
 * `potrf` for Cholesky, `geqrf` + `orgqr` for QR, `syevd` for `eigh`,
 * `gesdd` for `svd`. Their low-order bits depend on the BLAS kernels of the
 * machine (SIMD accumulation order, fused multiply-adds), so no portable
 * implementation can promise JAX's bits. What we promise:
 *
 * - {@link cholesky} and {@link qr} follow the unblocked LAPACK/OpenBLAS
 *   algorithms (`potf2` as OpenBLAS writes it; `geqr2` with `larfg`/`larf`,
 *   then `org2r`) operation by operation, each step rounded to the dtype,
 *   with fused multiply-adds where OpenBLAS's x86-64 kernels fuse (float32;
 *   chosen by measurement against SciPy's OpenBLAS 0.3.30: bit-identical
 *   Cholesky for n ≤ 3 in all but 1 of 113 random cases, bit-identical QR
 *   for 227 of 300 random tall matrices up to 7 × 7).
 *   Both factorizations are unique (Cholesky: lower triangular with a positive
 *   diagonal; QR: after fixing the signs of `diag(R)`), so ours and JAX's are
 *   two backward-stable computations of the same matrices and differ only by
 *   rounding: to first order, `‖ΔL‖_F ≤ 2·γ(n+1)·n·κ₂(A)·‖L‖₂` for Cholesky
 *   and `‖ΔQ‖_F ≤ 2·c·m·n·u·κ₂(A)` for QR (u = 2^-24 in float32, 2^-53 in
 *   float64, γ(k) = k·u/(1 − k·u), c a small constant), i.e. a few ULP for
 *   well-conditioned inputs. Diagonal inputs are exact in both.
 * - {@link eigh} and {@link svd} use Jacobi methods in float64 (for both
 *   dtypes; float32 results are the float64 results rounded). Eigenvalues are
 *   ascending, singular values descending, as LAPACK returns them; they agree
 *   with JAX's to within LAPACK's own error (`≈ n·u·‖A‖₂` absolute in the
 *   dtype). Vectors are unique only up to sign (and, for repeated values, up
 *   to a rotation); LAPACK's signs are implementation-defined, ours are fixed
 *   by a deterministic rule: **the component of largest magnitude of each
 *   eigenvector / left singular vector is positive** (the first such
 *   component on ties, judged on the float64 values). So vectors do not match
 *   JAX's bit for bit; products such as `V·diag(w)·Vᵀ` do, to rounding.
 *
 * @module
 */
import { nextAfterFloat32, roundTo } from "./float.js";
import type { FloatDType } from "./ndarray.js";

/** Rounded copy of the first `count` values of `a`. */
function roundedCopy(a: ArrayLike<number>, count: number, dtype: FloatDType): Float64Array {
  const round = roundTo(dtype);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = round(a[i]);
  return out;
}

/**
 * JAX's `symmetrize`: `(A + Aᵀ) / 2` in the dtype, for an `n × n` matrix.
 * Symmetric input comes back unchanged (barring overflow of `a + a`).
 */
export function symmetrize(a: ArrayLike<number>, n: number, dtype: FloatDType): Float64Array {
  const round = roundTo(dtype);
  const x = roundedCopy(a, n * n, dtype);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = round(round(x[i * n + j] + x[j * n + i]) / 2);
  }
  return out;
}

/**
 * A fused multiply-add `a·b + c` with one rounding to the dtype. Float32:
 * exact (the product of two float32 is exact in a double; the double sum's
 * rounding error is recovered with TwoSum to settle float32 ties). Float64:
 * `a·b + c` in doubles (two roundings; JavaScript has no float64 FMA).
 */
function fusedMultiplyAdd(dtype: FloatDType): (a: number, b: number, c: number) => number {
  return dtype === "float32" ? fmaFloat32 : fmaUnfused;
}

function fmaUnfused(a: number, b: number, c: number): number {
  return a * b + c;
}

/** Correctly rounded float32 `fma(a, b, c)` for float32 `a`, `b`, `c`. */
export function fmaFloat32(a: number, b: number, c: number): number {
  const product = a * b;
  const sum = product + c;
  const rounded = Math.fround(sum);
  if (rounded === sum || !Number.isFinite(sum)) return rounded;
  const virtual = sum - product;
  const error = product - (sum - virtual) + (c - virtual);
  if (error === 0) return rounded;
  // Only a double sum exactly halfway between two float32 can round wrongly.
  const other =
    rounded < sum ? nextAfterFloat32(rounded, Infinity) : nextAfterFloat32(rounded, -Infinity);
  if (sum !== (rounded + other) / 2) return rounded;
  return error > 0 ? Math.max(rounded, other) : Math.min(rounded, other);
}

/**
 * The dot product of OpenBLAS's x86-64 `?dot` kernel for strided vectors,
 * which `potf2` calls on rows of `L`: products in fours, the first and third
 * summed into one accumulator, the second and fourth into another, the tail
 * into the first, then the two accumulators added; with fused multiply-adds
 * where a compiler contracts them (float32).
 */
function openBlasStridedDot(
  l: Float64Array,
  rowA: number,
  rowB: number,
  count: number,
  n: number,
  dtype: FloatDType,
): number {
  const round = roundTo(dtype);
  const fma = fusedMultiplyAdd(dtype);
  let first = 0;
  let second = 0;
  let k = 0;
  const blocks = count & ~3;
  const a = rowA * n;
  const b = rowB * n;
  for (; k < blocks; k += 4) {
    const m3 = round(l[a + k + 2] * l[b + k + 2]);
    const m4 = round(l[a + k + 3] * l[b + k + 3]);
    first = round(first + fma(l[a + k], l[b + k], m3));
    second = round(second + fma(l[a + k + 1], l[b + k + 1], m4));
  }
  for (; k < count; k++) first = fma(l[a + k], l[b + k], first);
  return round(first + second);
}

/**
 * `jnp.linalg.cholesky`: the lower-triangular `L` with positive diagonal and
 * `L·Lᵀ = A` of an `n × n` symmetric positive definite matrix (row-major,
 * upper triangle zero).
 *
 * As JAX: the input is first symmetrized (`(A + Aᵀ)/2`, when
 * `symmetrizeInput`), then factored column by column as OpenBLAS's `potf2`
 * (which `potrf` uses up to n = 32): for column j, `d = a_jj − Σ_k l_jk²`;
 * if `d ≤ 0` the factorization fails; else `l_jj = √d` and, below the
 * diagonal, `l_ij = (a_ij − Σ_k l_ik·l_jk) · (1/l_jj)` (the reciprocal
 * rounded first, as `scal` does). When it fails, **every entry of the lower
 * triangle (diagonal included) is NaN** and the upper triangle zero, as JAX
 * returns (`potrf` reports `info > 0`; JAX fills the result with NaN, then
 * takes `tril`). A NaN pivot does not fail (`NaN ≤ 0` is false, as in
 * OpenBLAS): NaNs in the input propagate to the entries they reach.
 * Accuracy against JAX: see the module notes (a few ULP for
 * well-conditioned `A`; bit-identical for diagonal `A`).
 */
export function cholesky(
  a: ArrayLike<number>,
  n: number,
  dtype: FloatDType,
  symmetrizeInput = true,
): Float64Array {
  const round = roundTo(dtype);
  const fma = fusedMultiplyAdd(dtype);
  const s = symmetrizeInput ? symmetrize(a, n, dtype) : roundedCopy(a, n * n, dtype);
  const l = new Float64Array(n * n);
  // Work in place in the lower triangle of s, as LAPACK does.
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) l[i * n + j] = s[i * n + j];
  for (let j = 0; j < n; j++) {
    let pivot = round(l[j * n + j] - openBlasStridedDot(l, j, j, j, n, dtype));
    if (pivot <= 0) {
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) l[i * n + k] = k <= i ? NaN : 0;
      }
      return l;
    }
    pivot = round(Math.sqrt(pivot));
    l[j * n + j] = pivot;
    // gemv_n: each row's dot product with row j (fused), subtracted; then scal by 1/pivot.
    for (let i = j + 1; i < n; i++) {
      let dot = 0;
      for (let k = 0; k < j; k++) dot = fma(l[i * n + k], l[j * n + k], dot);
      l[i * n + j] = round(l[i * n + j] - dot);
    }
    const inverse = round(1 / pivot);
    for (let i = j + 1; i < n; i++) l[i * n + j] = round(inverse * l[i * n + j]);
  }
  return l;
}

/** LAPACK `?lamch('S') / ?lamch('E')`: the rescaling threshold of `?larfg`. */
function safeMinimum(dtype: FloatDType): number {
  return dtype === "float32" ? 2 ** -126 / 2 ** -24 : 2 ** -1022 / 2 ** -53;
}

/**
 * `?nrm2` of `count` values at `a[start + k·stride]`. Float32: the sum of
 * squares in float64, rounded once (OpenBLAS's x86-64 `snrm2` accumulates in
 * double precision). Float64: the sum of squares, scaled when it could
 * overflow or underflow.
 */
function norm2(
  a: Float64Array,
  start: number,
  stride: number,
  count: number,
  dtype: FloatDType,
): number {
  let largest = 0;
  for (let k = 0; k < count; k++) {
    const x = Math.abs(a[start + k * stride]);
    if (!(x <= largest)) largest = x;
  }
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  const scale = dtype === "float32" || (largest > 2 ** -500 && largest < 2 ** 500) ? 1 : largest;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const x = a[start + k * stride] / scale;
    sum += x * x;
  }
  return roundTo(dtype)(scale * Math.sqrt(sum));
}

/** LAPACK `?lapy2`: `sqrt(x² + y²)` avoiding overflow, in the dtype. */
function lapy2(x: number, y: number, dtype: FloatDType): number {
  if (Number.isNaN(y)) return y;
  if (Number.isNaN(x)) return x;
  const round = roundTo(dtype);
  const w = Math.max(Math.abs(x), Math.abs(y));
  const z = Math.min(Math.abs(x), Math.abs(y));
  const huge = dtype === "float32" ? 3.4028234663852886e38 : Number.MAX_VALUE;
  if (z === 0 || w > huge) return w;
  const q = round(z / w);
  return round(w * round(Math.sqrt(round(1 + round(q * q)))));
}

/**
 * LAPACK `?larfg` on column `col` of the row-major `rows × cols` matrix `a`,
 * rows `top..rows-1`: overwrites `a[top][col]` with β and the rows below with
 * the tail of the Householder vector `v` (`v₀ = 1`), and returns τ, so that
 * `(I − τ·v·vᵀ)·x = β·e₀`.
 */
function householderVector(
  a: Float64Array,
  rows: number,
  cols: number,
  top: number,
  col: number,
  dtype: FloatDType,
): number {
  const count = rows - top;
  if (count <= 1) return 0;
  const round = roundTo(dtype);
  const at = top * cols + col;
  let alpha = a[at];
  let xnorm = norm2(a, at + cols, cols, count - 1, dtype);
  if (xnorm === 0) return 0;
  // Fortran SIGN(r, alpha): the sign bit of alpha, so -0 counts as negative.
  const negative = alpha < 0 || Object.is(alpha, -0);
  let beta = negative ? lapy2(alpha, xnorm, dtype) : -lapy2(alpha, xnorm, dtype);
  const safmin = safeMinimum(dtype);
  const rsafmn = round(1 / safmin);
  let knt = 0;
  if (Math.abs(beta) < safmin) {
    do {
      knt++;
      for (let k = 1; k < count; k++) a[at + k * cols] = round(rsafmn * a[at + k * cols]);
      beta = round(beta * rsafmn);
      alpha = round(alpha * rsafmn);
    } while (Math.abs(beta) < safmin && knt < 20);
    xnorm = norm2(a, at + cols, cols, count - 1, dtype);
    beta = negative ? lapy2(alpha, xnorm, dtype) : -lapy2(alpha, xnorm, dtype);
  }
  const tau = round(round(beta - alpha) / beta);
  const scale = round(1 / round(alpha - beta));
  for (let k = 1; k < count; k++) a[at + k * cols] = round(scale * a[at + k * cols]);
  for (let j = 0; j < knt; j++) beta = round(beta * safmin);
  a[at] = beta;
  return tau;
}

/**
 * LAPACK `?larf('Left')`: apply `I − τ·v·vᵀ` to the block of `a` (row-major,
 * `cols` wide) at rows `top..rows-1`, columns `first..last-1`, where `v` is
 * column `col` of `a` from row `top` down (its first entry must be 1).
 * Reference BLAS order: `w = Cᵀv` (`gemv`, sums from the top row down), then
 * `C += v·(−τ·w)ᵀ` (`ger`, column by column).
 */
function applyHouseholderLeft(
  a: Float64Array,
  rows: number,
  cols: number,
  top: number,
  col: number,
  tau: number,
  first: number,
  last: number,
  dtype: FloatDType,
): void {
  if (tau === 0) return;
  const round = roundTo(dtype);
  const fma = fusedMultiplyAdd(dtype);
  for (let c = first; c < last; c++) {
    let w = 0;
    for (let i = top; i < rows; i++) w = round(w + round(a[i * cols + c] * a[i * cols + col]));
    if (w === 0) continue;
    const t = round(-tau * w);
    for (let i = top; i < rows; i++) {
      a[i * cols + c] = fma(a[i * cols + col], t, a[i * cols + c]);
    }
  }
}

/** The result of {@link qr}: `A = Q·R`. */
export interface QrResult {
  /** `m × k` with orthonormal columns, `k = min(m, n)`, row-major. */
  readonly q: Float64Array;
  /** `k × n` upper triangular, row-major. */
  readonly r: Float64Array;
}

/**
 * `jnp.linalg.qr(a, mode="reduced")` of an `m × n` matrix: `Q` (`m × k`,
 * orthonormal columns) and upper-triangular `R` (`k × n`), `k = min(m, n)`,
 * by Householder reflections exactly as LAPACK's unblocked `geqr2` (which
 * `geqrf` uses for k ≤ 128) and `org2r`: for each column j, `larfg` makes
 * `v` and τ with `β = −sign(a_jj)·‖a_{j:,j}‖` (τ = 0 and no reflection when
 * the part below the diagonal is zero), `larf` applies the reflection to the
 * columns on the right; then `Q` is accumulated from the last reflection to
 * the first. So `diag(R)` has LAPACK's signs (`R_jj` has the opposite sign
 * of the pivot it replaced), and `Q·diag(sign(diag R))` is the unique QR
 * factor with a positive diagonal. Empty matrices give JAX's `Q = eye(m, k)`
 * and zero `R`.
 */
export function qr(a: ArrayLike<number>, m: number, n: number, dtype: FloatDType): QrResult {
  const round = roundTo(dtype);
  const k = Math.min(m, n);
  const work = roundedCopy(a, m * n, dtype);
  const taus = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    taus[j] = householderVector(work, m, n, j, j, dtype);
    if (j < n - 1) {
      const diagonal = work[j * n + j];
      work[j * n + j] = 1;
      applyHouseholderLeft(work, m, n, j, j, taus[j], j + 1, n, dtype);
      work[j * n + j] = diagonal;
    }
  }
  const r = new Float64Array(k * n);
  for (let i = 0; i < k; i++) for (let j = i; j < n; j++) r[i * n + j] = work[i * n + j];
  // org2r on the m × k block of reflectors.
  const q = new Float64Array(m * k);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) q[i * k + j] = work[i * n + j];
  for (let j = k - 1; j >= 0; j--) {
    if (j < k - 1) {
      q[j * k + j] = 1;
      applyHouseholderLeft(q, m, k, j, j, taus[j], j + 1, k, dtype);
    }
    const minusTau = -taus[j];
    for (let i = j + 1; i < m; i++) q[i * k + j] = round(minusTau * q[i * k + j]);
    q[j * k + j] = round(1 - taus[j]);
    for (let i = 0; i < j; i++) q[i * k + j] = 0;
  }
  return { q, r };
}

/**
 * Flip the sign of column `j` of `vectors` (`rows × cols`, row-major), and of
 * the same column of `partner` if given, so that the column's component of
 * largest magnitude (the first one on ties) is positive.
 */
function fixSign(
  vectors: Float64Array,
  rows: number,
  cols: number,
  j: number,
  partner?: { data: Float64Array; rows: number; cols: number },
): void {
  let best = 0;
  let bestAbs = -1;
  for (let i = 0; i < rows; i++) {
    const x = Math.abs(vectors[i * cols + j]);
    if (x > bestAbs) {
      bestAbs = x;
      best = i;
    }
  }
  if (!(vectors[best * cols + j] < 0)) return;
  for (let i = 0; i < rows; i++) vectors[i * cols + j] = -vectors[i * cols + j];
  if (partner) {
    for (let i = 0; i < partner.rows; i++) {
      partner.data[i * partner.cols + j] = -partner.data[i * partner.cols + j];
    }
  }
}

/** The result of {@link eigh}: `A = V·diag(values)·Vᵀ`. */
export interface EighResult {
  /** The eigenvalues, ascending. */
  readonly values: Float64Array;
  /** `n × n`, row-major; column j is the eigenvector of `values[j]`. */
  readonly vectors: Float64Array;
}

/**
 * `jnp.linalg.eigh` of an `n × n` symmetric matrix (symmetrized first, as
 * JAX, when `symmetrizeInput`): eigenvalues ascending and orthonormal
 * eigenvectors in the columns of `vectors`. Computed by the cyclic Jacobi
 * method in float64, then rounded to the dtype; each eigenvector's
 * component of largest magnitude is positive (JAX's `syevd` signs are
 * implementation-defined, so vectors are not bit-identical to JAX's; see
 * the module notes). A matrix with a NaN or infinite entry gives NaN
 * everywhere.
 */
export function eigh(
  a: ArrayLike<number>,
  n: number,
  dtype: FloatDType,
  symmetrizeInput = true,
): EighResult {
  const round = roundTo(dtype);
  const s = symmetrizeInput ? symmetrize(a, n, dtype) : roundedCopy(a, n * n, dtype);
  if (!s.every(Number.isFinite)) {
    return { values: new Float64Array(n).fill(NaN), vectors: new Float64Array(n * n).fill(NaN) };
  }
  const { values, vectors } = jacobiEigen(s, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => values[x] - values[y]);
  const sortedValues = new Float64Array(n);
  const sortedVectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    sortedValues[to] = round(values[from]);
    for (let i = 0; i < n; i++) sortedVectors[i * n + to] = vectors[i * n + from];
  });
  for (let j = 0; j < n; j++) fixSign(sortedVectors, n, n, j);
  for (let i = 0; i < n * n; i++) sortedVectors[i] = round(sortedVectors[i]);
  return { values: sortedValues, vectors: sortedVectors };
}

/** Cyclic Jacobi eigenvalue iteration in float64 on a symmetric matrix. */
function jacobiEigen(s: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += Math.abs(a[p * n + q]);
    if (off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        const g = 100 * Math.abs(apq);
        if (
          sweep > 3 &&
          Math.abs(app) + g === Math.abs(app) &&
          Math.abs(aqq) + g === Math.abs(aqq)
        ) {
          a[p * n + q] = a[q * n + p] = 0;
          continue;
        }
        const theta = (aqq - app) / (2 * apq);
        let t: number;
        if (Math.abs(theta) > 1e150) t = 1 / (2 * theta);
        else t = (theta < 0 ? -1 : 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        const tau = sn / (1 + c);
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r !== p && r !== q) {
            const arp = a[r * n + p];
            const arq = a[r * n + q];
            a[r * n + p] = a[p * n + r] = arp - sn * (arq + tau * arp);
            a[r * n + q] = a[q * n + r] = arq + sn * (arp - tau * arq);
          }
          const vrp = v[r * n + p];
          const vrq = v[r * n + q];
          v[r * n + p] = vrp - sn * (vrq + tau * vrp);
          v[r * n + q] = vrq + sn * (vrp - tau * vrq);
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors: v };
}

/** The result of {@link svd}: `A = U·diag(s)·Vᵀ` (full matrices). */
export interface SvdResult {
  /** `m × m` orthogonal, row-major; columns are the left singular vectors. */
  readonly u: Float64Array;
  /** The `min(m, n)` singular values, descending. */
  readonly s: Float64Array;
  /** `n × n` orthogonal, row-major; rows are the right singular vectors. */
  readonly vt: Float64Array;
}

/**
 * `jnp.linalg.svd(a, full_matrices=True)` of an `m × n` matrix: `U`
 * (`m × m`), singular values descending, `Vᵀ` (`n × n`). Computed by
 * one-sided (Hestenes) Jacobi in float64, then rounded to the dtype; left
 * singular vectors whose singular value is zero, and the extra columns of a
 * full `U` (or rows of `Vᵀ`), complete the basis by Gram–Schmidt on the unit
 * vectors. Each column of `U` has its component of largest magnitude
 * positive (the matching row of `Vᵀ` flipped with it); for `m < n`, the rows
 * of `Vᵀ` beyond `m` follow the same rule. JAX's `gesdd` signs are
 * implementation-defined, so vectors are not bit-identical to JAX's (see
 * the module notes). A matrix with a NaN or infinite entry gives NaN
 * everywhere (LAPACK's `gesdd` rejects it, and JAX returns NaN).
 */
export function svd(a: ArrayLike<number>, m: number, n: number, dtype: FloatDType): SvdResult {
  const round = roundTo(dtype);
  const x = roundedCopy(a, m * n, dtype);
  const k = Math.min(m, n);
  if (!x.every(Number.isFinite)) {
    return {
      u: new Float64Array(m * m).fill(NaN),
      s: new Float64Array(k).fill(NaN),
      vt: new Float64Array(n * n).fill(NaN),
    };
  }
  // Work on B = A (m ≥ n) or Aᵀ (m < n): rows ≥ cols. Entries far from 1 are
  // scaled by a power of two first (exact), so that the squares of the
  // Jacobi rotations neither overflow nor underflow (LAPACK scales likewise);
  // the singular values are scaled back at the end.
  const tall = m >= n;
  const rows = tall ? m : n;
  const cols = tall ? n : m;
  const largest = x.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  const scale =
    largest > 2 ** 500 || (largest > 0 && largest < 2 ** -500)
      ? 2 ** Math.min(1000, -Math.round(Math.log2(largest)))
      : 1;
  const b = new Float64Array(rows * cols);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) b[tall ? i * n + j : j * m + i] = x[i * n + j] * scale;
  }
  const v = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) v[i * cols + i] = 1;
  hestenes(b, rows, cols, v);
  const sigma = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += b[i * cols + j] ** 2;
    sigma[j] = Math.sqrt(sum);
  }
  const order = Array.from({ length: cols }, (_, i) => i).sort((p, q) => sigma[q] - sigma[p]);
  // Left vectors of B (rows × rows) and right vectors (cols × cols), sorted.
  const left = new Float64Array(rows * rows);
  const right = new Float64Array(cols * cols);
  const values = new Float64Array(cols);
  let known = 0;
  order.forEach((from, to) => {
    values[to] = sigma[from];
    for (let i = 0; i < cols; i++) right[i * cols + to] = v[i * cols + from];
    if (sigma[from] > 0) {
      for (let i = 0; i < rows; i++) left[i * rows + to] = b[i * cols + from] / sigma[from];
      known = to + 1;
    }
  });
  completeBasis(left, rows, known);
  for (let j = 0; j < cols; j++) {
    fixSign(left, rows, rows, j, { data: right, rows: cols, cols });
  }
  for (let j = cols; j < rows; j++) fixSign(left, rows, rows, j);
  const s = Float64Array.from(values, (value) => round(value / scale));
  const u = new Float64Array(m * m);
  const vt = new Float64Array(n * n);
  if (tall) {
    for (let i = 0; i < m * m; i++) u[i] = round(left[i]);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[i * n + j] = round(right[j * n + i]);
  } else {
    // Aᵀ = L·S·Rᵀ, so A = R·S·Lᵀ: U = R (m × m), Vᵀ = Lᵀ (n × n).
    for (let i = 0; i < m * m; i++) u[i] = round(right[i]);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[i * n + j] = round(left[j * n + i]);
  }
  return { u, s, vt };
}

/** One-sided Jacobi: rotate columns of `b` (and `v`) until mutually orthogonal. */
function hestenes(b: Float64Array, rows: number, cols: number, v: Float64Array): void {
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols; p++) {
      for (let q = p + 1; q < cols; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < rows; i++) {
          const bp = b[i * cols + p];
          const bq = b[i * cols + q];
          alpha += bp * bp;
          beta += bq * bq;
          gamma += bp * bq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t =
          Math.abs(zeta) > 1e150
            ? 1 / (2 * zeta)
            : (zeta < 0 ? -1 : 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < rows; i++) {
          const bp = b[i * cols + p];
          const bq = b[i * cols + q];
          b[i * cols + p] = c * bp - s * bq;
          b[i * cols + q] = s * bp + c * bq;
        }
        for (let i = 0; i < cols; i++) {
          const vp = v[i * cols + p];
          const vq = v[i * cols + q];
          v[i * cols + p] = c * vp - s * vq;
          v[i * cols + q] = s * vp + c * vq;
        }
      }
    }
    if (!rotated) break;
  }
}

/**
 * Fill columns `known..size-1` of the `size × size` matrix `u`, whose first
 * `known` columns are orthonormal, with further orthonormal columns: each is
 * the unit vector with the largest component orthogonal to the columns so
 * far, orthogonalized twice (classical Gram–Schmidt) and normalized.
 */
function completeBasis(u: Float64Array, size: number, known: number): void {
  for (let j = known; j < size; j++) {
    let best: Float64Array | undefined;
    let bestNorm = -1;
    for (let e = 0; e < size; e++) {
      const w = new Float64Array(size);
      w[e] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let c = 0; c < j; c++) {
          let dot = 0;
          for (let i = 0; i < size; i++) dot += u[i * size + c] * w[i];
          for (let i = 0; i < size; i++) w[i] -= dot * u[i * size + c];
        }
      }
      const norm = Math.hypot(...w);
      if (norm > bestNorm) {
        bestNorm = norm;
        best = w;
      }
    }
    for (let i = 0; i < size; i++) u[i * size + j] = (best as Float64Array)[i] / bestNorm;
  }
}

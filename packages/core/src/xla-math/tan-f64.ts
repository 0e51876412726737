/**
 * Float64 `tan` exactly as XLA:CPU computes it: XLA lowers float64 `tan` to
 * a call of the C library's `tan`, which on x86-64 Linux is glibc's
 * `__tan_fma` (selected at load time on CPUs with FMA and AVX2). This is that
 * routine, operation for operation: glibc 2.36's
 * sysdeps/ieee754/dbl-64/s_tan.c (IBM's Accurate Mathematical Library, its
 * multi-precision slow paths removed in glibc 2.34) with the fused
 * multiply-adds GCC forms when it compiles it with `-mfma -mavx2` (a product
 * whose every use is an addition or subtraction is fused into each).
 *
 * glibc documents it as within 0.62 ULP, so it is not correctly rounded on
 * every input, and JavaScript's `Math.tan` (fdlibm) differs from it by 1 ULP
 * on 3.7 % of inputs in (−π/2, π/2) (measured on 2·10^7).
 *
 * Algorithm: tiny arguments return `x`; up to 0.0608 an odd polynomial;
 * otherwise, after reducing `x` by a multiple `n` of π/2 to a double-double
 * `a + da` with `|a| ≤ π/4`, the table {@link TAN_TABLE} gives `tan` and
 * `cot` at a point `x_i` near `|a|`, and the addition formula extends them
 * by a short polynomial in `z = |a| − x_i`. Odd `n` gives `−cot(a)`.
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";
import { reduceByHalfPiLarge } from "./tan-f64-reduction.js";
import { TAN_TABLE } from "./tan-f64-table.js";

/** Below this `tan(x)` rounds to `x` (1.259e-8). */
const TINY = 1.2589993048095494e-8;
/** Up to this `|a|` the polynomial alone is used (0.0608). */
const POLYNOMIAL_LIMIT = 0.060799986124038696;
/** Up to this `|x|` no reduction is needed (0.787, just above π/4). */
const NO_REDUCTION_LIMIT = 0.7869997024536133;
/** Up to this `|x|` the reduction uses π/2 in three parts. */
const THREE_PART_LIMIT = 25;
/** Up to this `|x|` the reduction uses π/2 in four parts; above, the 2/π table. */
const FOUR_PART_LIMIT = 1e8;

/** `tan(x) − x = x³ · P(x²)` near 0: P's coefficients (d3 … d11). */
const D3 = 0.3333333333333333;
const D5 = 0.1333333333332673;
const D7 = 0.05396825411095433;
const D9 = 0.021869380598167253;
const D11 = 0.008896546349534924;
/** `tan(z) ≈ z + z³ · (E0 + E1 · z²)` for the table's small `z`. */
const E0 = 0.3333333333332254;
const E1 = 0.13333354920669913;

/** 2/π, and 1.5 · 2^52, which rounds a double below 2^51 to an integer. */
const TWO_OVER_PI = 0.6366197723675814;
const ROUND_TO_INTEGER = 6755399441055744;
/** π/2 = HALF_PI_1 + HALF_PI_2 + HALF_PI_3 (for |x| ≤ 25); HALF_PI_1, HALF_PI_2 have few bits. */
const HALF_PI_1 = 1.5707963407039642;
const HALF_PI_2 = -1.3909067564377153e-8;
const HALF_PI_3 = -4.9789962505147994e-17;
/** π/2 = HALF_PI_1 + HALF_PI_2 + HALF_PI_3_SHORT + HALF_PI_4 (for |x| ≤ 1e8). */
const HALF_PI_3_SHORT = -4.97899623147991e-17;
const HALF_PI_4 = -1.9034889620193266e-25;

/** `x³ · P(x²)` with P evaluated by fused Horner steps (`x2 = x²`). */
function oddPolynomial(x2: number): number {
  let p = fmaF64(x2, D11, D9);
  p = fmaF64(x2, p, D7);
  p = fmaF64(x2, p, D5);
  return fmaF64(x2, p, D3);
}

/**
 * `tan(a + da)` (`cotangent` false) or `−cot(a + da)` (`cotangent` true) for
 * `|a| ≤ 0.0608`: the polynomial, then for the cotangent a double-double
 * reciprocal.
 */
function nearZero(a: number, da: number, cotangent: boolean): number {
  const a2 = a * a;
  const t2 = fmaF64(a * a2, oddPolynomial(a2), da);
  if (!cotangent) return a + t2;
  // b + db = a + t2 (Knuth's fast two-sum, larger magnitude first).
  const b = a + t2;
  const db = Math.abs(a) > Math.abs(t2) ? a - b + t2 : t2 - b + a;
  // c + cc = 1 / (b + db): c = fl(1/b), the residual 1 − c·b exact as u + uu.
  const c = 1 / b;
  const u = c * b;
  const uu = fmaF64(c, b, -u);
  const cc = fmaF64(-c, db, 1 - u - uu + 0) / b;
  const z = c + cc;
  const zz = c - z + cc;
  return -(z + zz);
}

/**
 * `tan(ya + yya)` (`cotangent` false) or `cot(ya + yya)` (`cotangent` true)
 * for `0.0608 < ya ≤ 0.787`, from the table entry nearest `ya`.
 */
function fromTable(ya: number, yya: number, cotangent: boolean): number {
  const [point, tanAtPoint, cotAtPoint] = TAN_TABLE[Math.trunc(256 * ya - 15.5)];
  const z = ya - point + yya;
  const z2 = z * z;
  const tanZ = fmaF64(z * z2, fmaF64(z2, E1, E0), z);
  if (cotangent) return cotAtPoint - (tanZ * (tanAtPoint + cotAtPoint)) / (tanAtPoint + tanZ);
  return tanAtPoint + (tanZ * (cotAtPoint + tanAtPoint)) / (cotAtPoint - tanZ);
}

/** The value for `x` reduced to `a + da` (`|a| ≤ π/4`) and the parity of the multiple of π/2. */
function reduced(a: number, da: number, odd: boolean): number {
  if (Math.abs(a) <= POLYNOMIAL_LIMIT) return nearZero(a, da, odd);
  const sign = a < 0 ? -1 : 1;
  const value = fromTable(sign * a, sign * da, odd);
  return odd ? -sign * value : sign * value;
}

/** The double-double sum `[s, e]` of `a + da` (Knuth's fast two-sum, larger magnitude first). */
function normalize(a: number, da: number): [number, number] {
  const s = a + da;
  return [s, Math.abs(a) > Math.abs(da) ? a - s + da : da - s + a];
}

/**
 * `round(x · 2/π)` as glibc computes it, `fma(x, 2/π, 1.5·2^52) − 1.5·2^52`.
 * The unfused product gives the same integer unless `x · 2/π` lies within
 * its rounding error of a half-integer; only then is the fused form needed.
 */
function nearestMultipleOfHalfPi(x: number): number {
  const q = x * TWO_OVER_PI;
  const n = q + ROUND_TO_INTEGER - ROUND_TO_INTEGER;
  if (Math.abs(Math.abs(q - n) - 0.5) > Math.abs(q) * 2 ** -50) return n;
  return fmaF64(x, TWO_OVER_PI, ROUND_TO_INTEGER) - ROUND_TO_INTEGER;
}

/** glibc's float64 `tan(x)` (the FMA build), to the bit. */
export function tanF64(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const w = Math.abs(x);
  if (w <= TINY) return x;
  if (w <= POLYNOMIAL_LIMIT) {
    const x2 = x * x;
    return fmaF64(oddPolynomial(x2), x * x2, x);
  }
  if (w <= NO_REDUCTION_LIMIT) {
    const value = fromTable(w, 0, false);
    return x < 0 ? -value : value;
  }
  if (w > FOUR_PART_LIMIT) {
    const [quadrant, a, da] = reduceByHalfPiLarge(x);
    const [s, e] = normalize(a, da);
    return reduced(s, e, (quadrant & 1) === 1);
  }
  const n = nearestMultipleOfHalfPi(x);
  const odd = Math.abs(n) % 2 === 1;
  // n·HALF_PI_1 and n·HALF_PI_2 are exact products (n has at most 27 bits,
  // the constants' trailing bits are zero), so the fused and unfused forms
  // agree there.
  const t1 = x - n * HALF_PI_1 - n * HALF_PI_2;
  if (w <= THREE_PART_LIMIT) {
    // For n a power of two (cauchy's n = ±1) n·HALF_PI_3 is exact as well.
    const exactProduct = (Math.abs(n) & (Math.abs(n) - 1)) === 0;
    const a = exactProduct ? t1 - n * HALF_PI_3 : fmaF64(-n, HALF_PI_3, t1);
    const da = exactProduct ? t1 - a - n * HALF_PI_3 : fmaF64(-n, HALF_PI_3, t1 - a);
    return reduced(a, da, odd);
  }
  const t = fmaF64(-n, HALF_PI_3_SHORT, t1);
  const dt = fmaF64(-n, HALF_PI_3_SHORT, t1 - t);
  const a = fmaF64(-n, HALF_PI_4, t);
  const da = fmaF64(-n, HALF_PI_4, t - a) + dt;
  const [s, e] = normalize(a, da);
  return reduced(s, e, odd);
}

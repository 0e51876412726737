/**
 * Float64 `pow` exactly as XLA:CPU computes it: XLA lowers float64 `pow` to a
 * call of the C library's `pow`, on x86-64 Linux glibc's `__pow_fma`
 * (selected at load time on CPUs with FMA and AVX2). This is that routine's
 * main path, operation for operation: glibc 2.36's
 * sysdeps/ieee754/dbl-64/e_pow.c (Szabolcs Nagy's algorithm from Arm's
 * optimized-routines): `log(x)` in double-double from a 128-entry table and
 * a degree-7 polynomial, then `exp(y · log x)` from a 128-entry table of
 * `2^(j/128)`, with the fused multiply-adds GCC formed when it compiled it
 * with `-mfma` (read off the machine code of libm.so.6). glibc documents it
 * as within 0.52 ULP; it is not correctly rounded.
 *
 * Inputs off the main path — `x` zero, negative, subnormal or not finite,
 * `|y|` below 2^-65 or from 2^63, or `|y · log x|` from 512 (results beyond
 * e^±512) — fall back to `Math.pow` with C's `pow(1, y) = 1`; no sampler
 * reaches them with a finite positive result it keeps.
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";
import { powC } from "../float.js";
import {
  EXP_INVERSE_LN2_N,
  EXP_NEG_LN2_HIGH_N,
  EXP_NEG_LN2_LOW_N,
  EXP_POLY as C,
  EXP_SHIFT,
  EXP_TABLE_SCALE_BITS,
  EXP_TABLE_TAIL,
  POW_LN2_HIGH,
  POW_LN2_LOW,
  POW_LOG_INVERSE_CENTRE,
  POW_LOG_OF_CENTRE,
  POW_LOG_OF_CENTRE_TAIL,
  POW_LOG_POLY as A,
} from "./pow-f64-table.js";

const view = new DataView(new ArrayBuffer(8));
/** High word of 0x1.6955p-1 (low word 0): `x = 2^k · z` with `z` in [0x1.6955p-1, 0x1.6955p0). */
const OFFSET_HIGH = 0x3fe69555;
/** The scales' bit patterns as high and low words. */
const SCALE_HIGH = Uint32Array.from(EXP_TABLE_SCALE_BITS, (bits) => Number(bits >> 32n));
const SCALE_LOW = Uint32Array.from(EXP_TABLE_SCALE_BITS, (bits) => Number(bits & 0xffffffffn));

/** The top 12 bits (sign and exponent) of `x`. */
function top12(x: number): number {
  view.setFloat64(0, x);
  return view.getUint16(0) >>> 4;
}

/** `log(x)` as `[high, low]` (glibc's `log_inline`), `x` positive and normal. */
function logDoubleDouble(x: number): [number, number] {
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  // glibc's 64-bit arithmetic, on the high word (OFFSET's low word is 0).
  const offsetHigh = (high - OFFSET_HIGH) | 0;
  const i = (offsetHigh >>> 13) & 0x7f;
  const k = offsetHigh >> 20;
  view.setUint32(0, (high - (offsetHigh & 0xfff00000)) >>> 0);
  const z = view.getFloat64(0);
  // r = z/c − 1, exact: 1/c is a short multiple of 2^-7 or 2^-8.
  const r = fmaF64(z, POW_LOG_INVERSE_CENTRE[i], -1);
  const t1 = fmaF64(k, POW_LN2_HIGH, POW_LOG_OF_CENTRE[i]);
  const t2 = t1 + r;
  const lo1 = fmaF64(k, POW_LN2_LOW, POW_LOG_OF_CENTRE_TAIL[i]);
  const lo2 = t1 - t2 + r;
  const ar = A[0] * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fmaF64(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const inner = fmaF64(fmaF64(r, A[6], A[5]), ar2, fmaF64(r, A[4], A[3]));
  const poly = fmaF64(ar2, inner, fmaF64(r, A[2], A[1]));
  const lo = fmaF64(ar3, poly, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  return [y, hi - y + lo];
}

/**
 * `exp(x + xTail)` (glibc's `exp_inline` without a sign bias), or undefined
 * for `|x|` from 512, which glibc treats apart.
 */
function expDoubleDouble(x: number, xTail: number): number | undefined {
  const abstop = top12(x) & 0x7ff;
  if (abstop < 0x3c9) return 1 + x; // |x| < 2^-54
  if (abstop >= 0x408) return undefined;
  const shifted = fmaF64(x, EXP_INVERSE_LN2_N, EXP_SHIFT);
  view.setFloat64(0, shifted);
  const ki = view.getUint32(4); // k in the low mantissa bits; only its low 19 bits matter below
  const kd = shifted - EXP_SHIFT;
  const r = fmaF64(kd, EXP_NEG_LN2_LOW_N, fmaF64(kd, EXP_NEG_LN2_HIGH_N, x)) + xTail;
  const j = ki & 0x7f;
  // scale bits = table[j] + (k << 45): the shift lands in the high word.
  view.setUint32(0, (SCALE_HIGH[j] + (ki << 13)) >>> 0);
  view.setUint32(4, SCALE_LOW[j]);
  const scale = view.getFloat64(0);
  const r2 = r * r;
  const tmp = fmaF64(
    fmaF64(r, C[3], C[2]),
    r2 * r2,
    fmaF64(fmaF64(r, C[1], C[0]), r2, EXP_TABLE_TAIL[j] + r),
  );
  return fmaF64(tmp, scale, scale);
}

/** glibc's float64 `pow(x, y)` (the FMA build), to the bit on its main path. */
export function powF64(x: number, y: number): number {
  const topX = top12(x);
  const topY = top12(y) & 0x7ff;
  if (topX - 0x001 >= 0x7ff - 0x001 || topY - 0x3be >= 0x43e - 0x3be) return powC(x, y);
  const [hi, lo] = logDoubleDouble(x);
  const ehi = y * hi;
  const elo = fmaF64(y, lo, fmaF64(hi, y, -ehi));
  return expDoubleDouble(ehi, elo) ?? powC(x, y);
}

/**
 * Float64 natural logarithm exactly as XLA:CPU computes it: XLA lowers
 * float64 `log` to a call of the C library's `log`, which on x86-64 Linux is
 * glibc's `__log_fma` (selected at load time on CPUs with FMA and AVX2).
 * This is that routine, operation for operation: glibc 2.36's
 * sysdeps/ieee754/dbl-64/e_log.c (Szabolcs Nagy's algorithm from Arm's
 * optimized-routines) with the fused multiply-adds GCC formed when it
 * compiled it with `-mfma` (read off the machine code of libm.so.6). glibc
 * documents it as within 0.52 ULP; it is not correctly rounded, so neither
 * `Math.log` nor a correctly rounded log reproduces it.
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";
import {
  LN2_HIGH,
  LN2_LOW,
  LOG_INVERSE_CENTRE,
  LOG_NEAR_ONE_POLY as B,
  LOG_OF_CENTRE,
  LOG_POLY as A,
} from "./log-f64-table.js";

const view = new DataView(new ArrayBuffer(8));
/** High word of 0x1.6p-1 (0.6875), whose low word is 0: `x = 2^k · z` with `z` in [0.6875, 1.375). */
const OFFSET_HIGH = 0x3fe60000;

/** `x` with its high word replaced by `high` (the low word kept). */
function withHighWord(x: number, high: number): number {
  view.setFloat64(0, x);
  view.setUint32(0, high >>> 0);
  return view.getFloat64(0);
}

/** `log(x)` for `x` within [1 − 2^-4, 1 + 0x1.09p-4): a degree-11 polynomial in `r = x − 1`. */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const q1 = fmaF64(r2, B[3], fmaF64(r, B[2], B[1]));
  const q2 = fmaF64(r2, B[6], fmaF64(r, B[5], B[4]));
  const q3 = fmaF64(r3, B[10], fmaF64(r2, B[9], fmaF64(r, B[8], B[7])));
  const poly = fmaF64(fmaF64(q3, r3, q2), r3, q1);
  // r = rHigh + rLow with rHigh of 26 bits, so rHigh² · B[0] is exact.
  const w = r * 2 ** 27;
  const rHigh = r + w - w;
  const rLow = r - rHigh;
  const rHigh2 = rHigh * rHigh;
  const high = fmaF64(rHigh2, B[0], r);
  const low = fmaF64(B[0] * rLow, rHigh + r, fmaF64(rHigh2, B[0], r - high));
  return high + fmaF64(poly, r3, low);
}

/** glibc's float64 `log(x)` (the FMA build), to the bit. */
export function logF64(x: number): number {
  // Inputs in [1 − 2^-4, 1 + 0x1.09p-4) take the near-1 path.
  if (x >= 0.9375 && x < 1.064697265625) return logNearOne(x);
  view.setFloat64(0, x);
  let high = view.getUint32(0);
  const top = high >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // Subnormal: scale into the normal range and take 52 off the exponent.
    x *= 2 ** 52;
    view.setFloat64(0, x);
    high = view.getUint32(0) - (52 << 20);
  }
  // The 64-bit arithmetic of glibc on the high word (OFFSET's low word is 0).
  const offsetHigh = (high - OFFSET_HIGH) | 0;
  const i = (offsetHigh >>> 13) & 0x7f;
  const k = offsetHigh >> 20;
  const z = withHighWord(x, high - (offsetHigh & 0xfff00000));
  // log(x) = log1p(z/c − 1) + log(c) + k·ln2, with r = z/c − 1 in one rounding.
  const r = fmaF64(z, LOG_INVERSE_CENTRE[i], -1);
  const w = fmaF64(k, LN2_HIGH, LOG_OF_CENTRE[i]);
  const hi = w + r;
  const low = fmaF64(k, LN2_LOW, w - hi + r);
  const r2 = r * r;
  const r3 = r * r2;
  const poly = fmaF64(fmaF64(r, A[4], A[3]), r2, fmaF64(r, A[2], A[1]));
  return fmaF64(r3, poly, fmaF64(r2, A[0], low)) + hi;
}

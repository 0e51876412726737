/**
 * XLA:CPU's float32 natural logarithm, as jaxlib 0.10.2 compiles `lax.log`.
 *
 * Source: the `log_f32` routine that XLA:CPU inlines for `llvm.log.f32`
 * (openxla/xla, `xla/codegen/intrinsic/`, at the XLA revision pinned by jax
 * commit 990e6a0b84138346e6a38785412f36356e0e5dc3, i.e. jaxlib 0.10.2),
 * read off the optimized LLVM IR that jaxlib dumps with
 * `XLA_FLAGS=--xla_dump_to=DIR`. It is Cephes' `logf`: split
 * `x = m · 2^e` with `m` in [√½, √2), evaluate a degree-8 polynomial in
 * `m - 1` in three interleaved groups, and add `e · ln 2` in two parts
 * (Cody and Waite). The backend contracts every multiply whose only use is
 * an add into a fused multiply-add (x86-64 with FMA, `AllowFPOpFusion =
 * Fast`); the fused steps are written with `fmaF32`.
 *
 * Subnormal inputs read as zero (XLA:CPU's DAZ), so their logarithm is -∞.
 *
 * @module
 */
import { bitsToFloat32, f32, flushSubnormalF32, float32ToBits, fmaF32 } from "../float.js";
import {
  LOG_LN2_HIGH_BITS,
  LOG_LN2_LOW_BITS,
  LOG_P0_BITS,
  LOG_P1_BITS,
  LOG_P2_BITS,
  LOG_P3_BITS,
  LOG_P4_BITS,
  LOG_P5_BITS,
  LOG_P6_BITS,
  LOG_P7_BITS,
  LOG_P8_BITS,
  LOG_SQRT_HALF_BITS,
} from "./float32-coefficients.js";

/** float32 √½: the mantissa threshold of the range reduction. */
const SQRT_HALF = bitsToFloat32(LOG_SQRT_HALF_BITS);
/** ln 2 in two parts: a high part with few bits (exact products) and the rest. */
const LN2_HIGH = bitsToFloat32(LOG_LN2_HIGH_BITS);
const LN2_LOW = bitsToFloat32(LOG_LN2_LOW_BITS);
/** Cephes `logf` coefficients, highest degree first (bits as in the IR). */
const P = [
  LOG_P0_BITS,
  LOG_P1_BITS,
  LOG_P2_BITS,
  LOG_P3_BITS,
  LOG_P4_BITS,
  LOG_P5_BITS,
  LOG_P6_BITS,
  LOG_P7_BITS,
  LOG_P8_BITS,
].map(bitsToFloat32);

/** `lax.log` on a float32, bit for bit as XLA:CPU (AVX2 + FMA) computes it. */
export function logF32(x: number): number {
  x = flushSubnormalF32(f32(x));
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  const bits = float32ToBits(x);
  // x = mantissa · 2^exponent with mantissa in [0.5, 1).
  const mantissa = bitsToFloat32((bits & 0x807fffff) | 0x3f000000);
  let exponent = (bits >>> 23) - 126;
  let m = mantissa - 1;
  if (mantissa < SQRT_HALF) {
    // Use 2m - 1 on [√½, 1) instead: the reduced argument stays in [√½ - 1, √2 - 1).
    m = f32(m + mantissa);
    exponent -= 1;
  }
  const m2 = f32(m * m);
  const m3 = f32(m2 * m);
  let p0 = fmaF32(m, P[0], P[1]);
  let p1 = fmaF32(m, P[3], P[4]);
  let p2 = fmaF32(m, P[6], P[7]);
  p0 = fmaF32(p0, m, P[2]);
  p1 = fmaF32(p1, m, P[5]);
  p2 = fmaF32(p2, m, P[8]);
  let y = fmaF32(p0, m3, p1);
  y = fmaF32(y, m3, p2);
  y = fmaF32(y, m3, f32(exponent * LN2_LOW));
  const head = f32(m - f32(0.5 * m2));
  return fmaF32(exponent, LN2_HIGH, f32(head + y));
}

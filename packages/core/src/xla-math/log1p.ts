/**
 * XLA:CPU's float32 `log1p`, as jaxlib 0.10.2 compiles `lax.log1p`.
 *
 * Source: `xla.log1p.f32` (openxla/xla, `xla/codegen/intrinsic/`, at the
 * XLA revision pinned by jax commit 990e6a0b84138346e6a38785412f36356e0e5dc3,
 * i.e. jaxlib 0.10.2), read off the optimized LLVM IR that jaxlib dumps with
 * `XLA_FLAGS=--xla_dump_to=DIR`. For `|x| < 0.41421357` (float32 √2 - 1) it
 * is Cephes' rational approximation `x - x²/2 + x³ · P(x) / Q(x)` with
 * degree-6 numerator and denominator; otherwise it is `logF32` of the
 * float32 sum `1 + x`. The backend contracts every multiply whose only use
 * is an add into a fused multiply-add (x86-64 with FMA, `AllowFPOpFusion =
 * Fast`), which makes both Horner recurrences fused; those steps are written
 * with `fmaF32`. Subnormal inputs read as zero and subnormal results
 * are flushed to zero (XLA's DAZ and FTZ).
 *
 * @module
 */
import { bitsToFloat32, f32, flushSubnormalF32, fmaF32 } from "../float.js";
import {
  LOG1P_D1_BITS,
  LOG1P_D2_BITS,
  LOG1P_D3_BITS,
  LOG1P_D4_BITS,
  LOG1P_D5_BITS,
  LOG1P_D6_BITS,
  LOG1P_N0,
  LOG1P_N1_BITS,
  LOG1P_N2_BITS,
  LOG1P_N3_BITS,
  LOG1P_N4_BITS,
  LOG1P_N5_BITS,
  LOG1P_N6_BITS,
  LOG1P_SMALL_BITS,
} from "./float32-coefficients.js";
import { logF32 } from "./log.js";

/** float32 √2 - 1: below it in magnitude the rational form is used. */
const SMALL = bitsToFloat32(LOG1P_SMALL_BITS);
/** Numerator coefficients, highest degree first (bits as in the IR; the first is 4.527e-5). */
const NUMERATOR = [
  f32(LOG1P_N0),
  ...[LOG1P_N1_BITS, LOG1P_N2_BITS, LOG1P_N3_BITS, LOG1P_N4_BITS, LOG1P_N5_BITS, LOG1P_N6_BITS].map(
    bitsToFloat32,
  ),
];
/** Denominator coefficients after the leading 1, highest degree first. */
const DENOMINATOR = [
  LOG1P_D1_BITS,
  LOG1P_D2_BITS,
  LOG1P_D3_BITS,
  LOG1P_D4_BITS,
  LOG1P_D5_BITS,
  LOG1P_D6_BITS,
].map(bitsToFloat32);

/** `lax.log1p` on a float32, bit for bit as XLA:CPU (AVX2 + FMA) computes it. */
export function log1pF32(x: number): number {
  x = flushSubnormalF32(f32(x));
  if (!(Math.abs(x) < SMALL)) return logF32(f32(1 + x));
  let numerator = NUMERATOR[0];
  for (let i = 1; i < NUMERATOR.length; i++) numerator = fmaF32(numerator, x, NUMERATOR[i]);
  let denominator = 1;
  for (const c of DENOMINATOR) denominator = fmaF32(denominator, x, c);
  const ratio = f32(numerator / denominator);
  const x2 = f32(x * x);
  const cubicTerm = f32(f32(x * x2) * ratio);
  return flushSubnormalF32(f32(x + fmaF32(x2, -0.5, cubicTerm)));
}

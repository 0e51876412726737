/**
 * XLA:CPU's float32 exponential, as jaxlib 0.10.2 compiles `lax.exp`.
 *
 * Source: the `exp_f32` routine that XLA:CPU inlines for `llvm.exp.f32`
 * (openxla/xla, `xla/codegen/intrinsic/`, at the XLA revision pinned by jax
 * commit 990e6a0b84138346e6a38785412f36356e0e5dc3, i.e. jaxlib 0.10.2),
 * read off the optimized LLVM IR that jaxlib dumps with
 * `XLA_FLAGS=--xla_dump_to=DIR`. It is Cephes' `expf`: clamp `x` to
 * [-87.8, 88.8], `n = floor(x · log2(e) + ½)` clamped to [-127, 127],
 * `r = x - n · ln 2` in two parts, a degree-5 polynomial for
 * `(e^r - 1 - r) / r²`, and the scale `2^n` built from its exponent bits —
 * which is 0 for `n = -127`, so `exp(x)` is 0 below about -87.68. The
 * backend contracts every multiply whose only use is an add or subtract
 * into a fused multiply-add (x86-64 with FMA, `AllowFPOpFusion = Fast`);
 * the fused steps are written with `fmaF32`. Subnormal inputs read as
 * zero and subnormal results are flushed to zero (XLA's DAZ and FTZ).
 *
 * @module
 */
import { bitsToFloat32, f32, flushSubnormalF32, fmaF32 } from "../float.js";

/** float32 log2(e) (bits 0x3FB8AA3B). */
const LOG2_E = bitsToFloat32(0x3fb8aa3b);
/** ln 2 in two parts: a high part with few bits (exact products) and the rest. */
const LN2_HIGH = bitsToFloat32(0x3f318000);
const LN2_LOW = bitsToFloat32(0xb95e8083);
/** Cephes `expf` coefficients, highest degree first (bits as in the IR). */
const P = [0x39506967, 0x3ab743ce, 0x3c088908, 0x3d2aa9c1, 0x3e2aaaaa, 0x3f000000].map(
  bitsToFloat32,
);

/** `lax.exp` on a float32, bit for bit as XLA:CPU (AVX2 + FMA) computes it. */
export function expF32(x: number): number {
  x = flushSubnormalF32(f32(x));
  if (Number.isNaN(x)) return NaN;
  const clamped = Math.min(Math.max(x, -87.8), 88.8);
  const xc = f32(clamped);
  const n = Math.min(Math.max(Math.floor(fmaF32(xc, LOG2_E, 0.5)), -127), 127);
  let r = fmaF32(-n, LN2_HIGH, xc);
  r = fmaF32(-n, LN2_LOW, r);
  let p = fmaF32(r, P[0], P[1]);
  for (let i = 2; i < P.length; i++) p = fmaF32(p, r, P[i]);
  const expMinusOne = fmaF32(p, f32(r * r), r);
  const scale = n === -127 ? 0 : 2 ** n;
  return flushSubnormalF32(f32(f32(1 + expMinusOne) * scale));
}

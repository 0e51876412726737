/**
 * The error function as JAX computes `lax.erf` on CPU (used by
 * `truncated_normal`).
 *
 * JAX lowers `lax.erf` to `chlo.erf`. Unlike `erf_inv`, XLA keeps it as an
 * HLO `erf` op (openxla/xla `xla/pjrt/mlir_to_hlo.cc`: "CHLO -> MHLO for high
 * level ops (TopK, Erf, RaggedDot, etc.)"; pattern `chlo.erf -> mhlo.erf` in
 * `chlo_legalize_to_hlo_patterns.td`), and XLA:CPU's elemental emitter
 * (`CpuElementalIrEmitter::EmitErf`) then computes
 *
 * - float32: `EmitErfF32` (openxla/xla `xla/codegen/intrinsic/erf.cc`),
 *   Eigen's rational interpolant `x·P(x²)/Q(x²)` with degree-9 odd numerator
 *   and degree-12 even denominator, both evaluated with explicit `fma`
 *   intrinsics, and `±1` once `|x| >= 3.832506856900711`. Reproduced here
 *   operation by operation, with exact float32 FMAs (`fmaF32`), so
 *   {@link erfFloat32} is meant to be bit-identical to XLA:CPU.
 * - float64: a call to the C library's `erf`. glibc (like musl and FreeBSD)
 *   uses Sun's fdlibm algorithm; {@link erfFloat64} follows that algorithm
 *   with its published constants, using JavaScript's `Math.exp`, so it is
 *   within 1 float64 ULP of the exact erf (fdlibm's bound) and within
 *   2 float64 ULP of glibc's result.
 *
 * The fdlibm constants below are from Sun Microsystems' `s_erf.c`:
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use,
 * copy, modify, and distribute this software is freely granted, provided
 * that this notice is preserved.
 *
 * @module
 */
import { f32, fmaF32 } from "./float.js";

const ALPHA_1 = f32(1.128379143519084);
const ALPHA_3 = f32(0.18520832239976145);
const ALPHA_5 = f32(0.05095569506238086);
const ALPHA_7 = f32(0.0034082910107109507);
const ALPHA_9 = f32(0.00022905065861350646);
const BETA_2 = f32(0.49746925110067536);
const BETA_4 = f32(0.11098505178285362);
const BETA_6 = f32(0.014070470171167667);
const BETA_8 = f32(0.0010179625278914884);
const BETA_10 = f32(0.000023547966471313183);
const BETA_12 = f32(-1.1791602954361697e-7);
/** `kErfInvOneMinusHalfULP`: from here on erf rounds to ±1 in float32. */
const ERF_CLAMP_32 = f32(3.832506856900711);

/**
 * XLA:CPU's float32 `erf` (`EmitErfF32`), bit for bit: `x` is rounded to
 * float32 and the result is a float32 value.
 */
export function erfFloat32(x: number): number {
  x = f32(x);
  if (ERF_CLAMP_32 <= Math.abs(x)) return x < 0 || Object.is(x, -0) ? -1 : 1;
  const x2 = f32(x * x);
  let p = fmaF32(x2, ALPHA_9, ALPHA_7);
  p = fmaF32(x2, p, ALPHA_5);
  p = fmaF32(x2, p, ALPHA_3);
  p = fmaF32(x2, p, ALPHA_1);
  p = f32(x * p);
  let q = fmaF32(x2, BETA_12, BETA_10);
  q = fmaF32(x2, q, BETA_8);
  q = fmaF32(x2, q, BETA_6);
  q = fmaF32(x2, q, BETA_4);
  q = fmaF32(x2, q, BETA_2);
  q = fmaF32(x2, q, 1);
  return f32(p / q);
}

// fdlibm s_erf.c constants.
const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const EFX8 = 1.02703333676410069053;
const PP = [
  1.28379167095512558561e-1, -3.2504210724700149937e-1, -2.84817495755985104766e-2,
  -5.77027029648944159157e-3, -2.37630166566501626084e-5,
];
const QQ = [
  1, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3,
  1.32494738004321644526e-4, -3.9602282787753681232e-6,
];
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1,
  3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2,
  -2.166375594868790843e-3,
];
const QA = [
  1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2,
  1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.1984499846799107417e-2,
];
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1,
  -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2,
  -8.12874355063065934246e1, -9.81432934416914548592,
];
const SA = [
  1, 1.96512716674392571292e1, 1.376577541435190426e2, 4.34565877475229228821e2,
  6.45387271733267880336e2, 4.29008140027567833386e2, 1.08635005541779435134e2,
  6.57024977031928170135, -6.04244152148580987438e-2,
];
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1,
  -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3,
  -4.83519191608651397019e2,
];
const SB = [
  1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3,
  3.19985821950859553908e3, 2.55305040643316442583e3, 4.74528541206955367215e2,
  -2.24409524465858183362e1,
];

/** Horner evaluation with coefficients in ascending order of degree. */
function poly(c: readonly number[], s: number): number {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) r = c[i] + s * r;
  return r;
}

const float64Scratch = new Float64Array(1);
const float64Words = new Uint32Array(float64Scratch.buffer);
const LOW_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;

/** `x` with the low 32 bits of its float64 representation cleared. */
function truncateLowWord(x: number): number {
  float64Scratch[0] = x;
  float64Words[LOW_WORD] = 0;
  return float64Scratch[0];
}

/** fdlibm's split near 1/0.35: the double with high word 0x4006DB6E, low word 0. */
const ERFC_SPLIT = (() => {
  float64Words[LOW_WORD] = 0;
  float64Words[1 - LOW_WORD] = 0x4006db6e;
  return float64Scratch[0];
})();

/**
 * The float64 error function by fdlibm's method (the algorithm of the C
 * library `erf` that XLA:CPU calls for float64): within 1 ULP of the exact
 * value, and within 2 ULP of glibc's `erf`.
 */
export function erfFloat64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const sign = x < 0 ? -1 : 1;
  if (ax === Infinity) return sign;
  if (ax < 0.84375) {
    if (ax < 2 ** -28) {
      // Below 2^-1015 fdlibm scales up to avoid underflow.
      return ax < 2 ** -1015 ? 0.125 * (8 * x + EFX8 * x) : x + EFX * x;
    }
    const z = x * x;
    return x + x * (poly(PP, z) / poly(QQ, z));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const r = poly(PA, s) / poly(QA, s);
    return sign > 0 ? ERX + r : -ERX - r;
  }
  if (ax >= 6) return sign * (1 - 1e-300);
  const s = 1 / (ax * ax);
  const near = ax < ERFC_SPLIT;
  const R = near ? poly(RA, s) : poly(RB, s);
  const S = near ? poly(SA, s) : poly(SB, s);
  const z = truncateLowWord(ax);
  const r = Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + R / S);
  return sign > 0 ? 1 - r / ax : r / ax - 1;
}

/** `erf` in the given float dtype. */
export function erf(dtype: "float32" | "float64", x: number): number {
  return dtype === "float32" ? erfFloat32(x) : erfFloat64(x);
}

// XLA's float32 routines on the four float32 lanes of an f32x4, for the relaxed
// SIMD build's kernels (normal-fused.ts, gamma.ts): the steps of src/xla-math
// (log, log1p) and src/erf-inv.ts with the constants of
// src/xla-math/float32-coefficients.ts, compiled from that same file.
//
// WebAssembly's f32x4 + − × ÷ and sqrt round correctly to float32, as the
// recipes' unfused steps do. Their fused multiply-adds are `Lanes.madd`, one
// `f32x4.relaxed_madd`, which rounds once on the engines where wasm-kernels.ts
// loads this build (`fusedMultiplyAddProbe` checks it first).

import {
  ERF_INV_LARGE_C0,
  ERF_INV_LARGE_C1,
  ERF_INV_LARGE_C2,
  ERF_INV_LARGE_C3,
  ERF_INV_LARGE_C4,
  ERF_INV_LARGE_C5,
  ERF_INV_LARGE_C6,
  ERF_INV_LARGE_C7,
  ERF_INV_LARGE_C8,
  ERF_INV_SMALL_C0,
  ERF_INV_SMALL_C1,
  ERF_INV_SMALL_C2,
  ERF_INV_SMALL_C3,
  ERF_INV_SMALL_C4,
  ERF_INV_SMALL_C5,
  ERF_INV_SMALL_C6,
  ERF_INV_SMALL_C7,
  ERF_INV_SMALL_C8,
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
} from "../src/xla-math/float32-coefficients";

/** Float32 arithmetic on the four lanes of an f32x4. */
export class Lanes {
  /** All four lanes set to the float32 rounded from `x`. */
  @inline static of(x: f64): v128 {
    return f32x4.splat(<f32>x);
  }

  /** All four lanes set to the float32 with bit pattern `bits`. */
  @inline static fromBits(bits: i64): v128 {
    return i32x4.splat(<i32>bits);
  }

  /** `a · b + c` on each lane, rounded once (wasm-kernels.ts checks that `relaxed_madd` fuses). */
  @inline static madd(a: v128, b: v128, c: v128): v128 {
    return f32x4.relaxed_madd(a, b, c);
  }
}

export const ONE = f32x4.splat(1);

/**
 * `Lanes.madd(a, b, c)` on lane 0, for the caller's check that this engine
 * fuses: with `a = b = 1 + 2^-12` and `c = -1` a fused multiply-add gives
 * `2^-11 + 2^-24`, an unfused one `2^-11`. The operands come from the caller
 * so that no optimizer folds the operation at build time.
 */
export function fusedMultiplyAddProbe(a: f32, b: f32, c: f32): f32 {
  return f32x4.extract_lane(Lanes.madd(f32x4.splat(a), f32x4.splat(b), f32x4.splat(c)), 0);
}

/**
 * XLA's float32 routines on float32 lanes, inlined where they are used so
 * that the CPU overlaps the long dependency chains of independent lanes.
 */
export class XlaFloat32 {
  /** XLA's float32 `log` (src/xla-math/log.ts) for positive normal float32 lanes. */
  @inline static log(x: v128): v128 {
    // x = mantissa · 2^exponent with mantissa in [0.5, 1).
    const mantissa = v128.or(v128.and(x, i32x4.splat(0x807fffff)), i32x4.splat(0x3f000000));
    let exponent = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(x, 23), i32x4.splat(126)));
    let m = f32x4.sub(mantissa, ONE);
    // Use 2m - 1 on [√½, 1) instead: the reduced argument stays in [√½ - 1, √2 - 1).
    const below = f32x4.lt(mantissa, Lanes.fromBits(LOG_SQRT_HALF_BITS));
    m = v128.bitselect(f32x4.add(m, mantissa), m, below);
    exponent = v128.bitselect(f32x4.sub(exponent, ONE), exponent, below);
    const m2 = f32x4.mul(m, m);
    const m3 = f32x4.mul(m2, m);
    let p0 = Lanes.madd(m, Lanes.fromBits(LOG_P0_BITS), Lanes.fromBits(LOG_P1_BITS));
    let p1 = Lanes.madd(m, Lanes.fromBits(LOG_P3_BITS), Lanes.fromBits(LOG_P4_BITS));
    let p2 = Lanes.madd(m, Lanes.fromBits(LOG_P6_BITS), Lanes.fromBits(LOG_P7_BITS));
    p0 = Lanes.madd(p0, m, Lanes.fromBits(LOG_P2_BITS));
    p1 = Lanes.madd(p1, m, Lanes.fromBits(LOG_P5_BITS));
    p2 = Lanes.madd(p2, m, Lanes.fromBits(LOG_P8_BITS));
    let y = Lanes.madd(p0, m3, p1);
    y = Lanes.madd(y, m3, p2);
    y = Lanes.madd(y, m3, f32x4.mul(exponent, Lanes.fromBits(LOG_LN2_LOW_BITS)));
    const head = f32x4.sub(m, f32x4.mul(f32x4.splat(0.5), m2));
    return Lanes.madd(exponent, Lanes.fromBits(LOG_LN2_HIGH_BITS), f32x4.add(head, y));
  }

  /** XLA's float32 `log1p` rational form (src/xla-math/log1p.ts) for |x| below √2 - 1. */
  @inline static log1pRational(x: v128): v128 {
    let numerator = Lanes.madd(Lanes.of(LOG1P_N0), x, Lanes.fromBits(LOG1P_N1_BITS));
    numerator = Lanes.madd(numerator, x, Lanes.fromBits(LOG1P_N2_BITS));
    numerator = Lanes.madd(numerator, x, Lanes.fromBits(LOG1P_N3_BITS));
    numerator = Lanes.madd(numerator, x, Lanes.fromBits(LOG1P_N4_BITS));
    numerator = Lanes.madd(numerator, x, Lanes.fromBits(LOG1P_N5_BITS));
    numerator = Lanes.madd(numerator, x, Lanes.fromBits(LOG1P_N6_BITS));
    // 1 · x + d1 is a plain float32 addition.
    let denominator = f32x4.add(x, Lanes.fromBits(LOG1P_D1_BITS));
    denominator = Lanes.madd(denominator, x, Lanes.fromBits(LOG1P_D2_BITS));
    denominator = Lanes.madd(denominator, x, Lanes.fromBits(LOG1P_D3_BITS));
    denominator = Lanes.madd(denominator, x, Lanes.fromBits(LOG1P_D4_BITS));
    denominator = Lanes.madd(denominator, x, Lanes.fromBits(LOG1P_D5_BITS));
    denominator = Lanes.madd(denominator, x, Lanes.fromBits(LOG1P_D6_BITS));
    const ratio = f32x4.div(numerator, denominator);
    const x2 = f32x4.mul(x, x);
    const cubicTerm = f32x4.mul(f32x4.mul(x, x2), ratio);
    return f32x4.add(x, Lanes.madd(x2, f32x4.splat(-0.5), cubicTerm));
  }

  /**
   * XLA's float32 `log1p` for lanes in (-1, 0]: the rational form below √2 - 1
   * in magnitude, else `log(1 + x)`. Both forms run only when the lanes need both.
   */
  @inline static log1p(x: v128): v128 {
    const small = f32x4.lt(f32x4.abs(x), Lanes.fromBits(LOG1P_SMALL_BITS));
    if (!v128.any_true(small)) return XlaFloat32.log(f32x4.add(ONE, x));
    const rational = XlaFloat32.log1pRational(x);
    if (i32x4.all_true(small)) return rational;
    return v128.bitselect(rational, XlaFloat32.log(f32x4.add(ONE, x)), small);
  }

  /** `erfInv32`'s Horner steps for `w < 5`. */
  @inline static erfInvSmallPolynomial(w: v128): v128 {
    let p = Lanes.madd(Lanes.of(ERF_INV_SMALL_C0), w, Lanes.of(ERF_INV_SMALL_C1));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C2));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C3));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C4));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C5));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C6));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C7));
    return Lanes.madd(p, w, Lanes.of(ERF_INV_SMALL_C8));
  }

  /** `erfInv32`'s Horner steps for `w >= 5` (rare: not inlined). */
  static erfInvLargePolynomial(w: v128): v128 {
    let p = Lanes.madd(Lanes.of(ERF_INV_LARGE_C0), w, Lanes.of(ERF_INV_LARGE_C1));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C2));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C3));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C4));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C5));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C6));
    p = Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C7));
    return Lanes.madd(p, w, Lanes.of(ERF_INV_LARGE_C8));
  }

  /**
   * `sqrt(2) · erf_inv(u)` for float32 lanes `u` in (-1, 1): `w = -log1p(-u²)`,
   * the `w < 5` polynomial in `w - 2.5`, else the other in `sqrt(w) - 3`.
   */
  @inline static normalOfUniform(u: v128): v128 {
    const w = f32x4.neg(XlaFloat32.log1p(f32x4.mul(u, f32x4.neg(u))));
    const small = f32x4.lt(w, f32x4.splat(5));
    let p = XlaFloat32.erfInvSmallPolynomial(f32x4.sub(w, f32x4.splat(2.5)));
    if (!i32x4.all_true(small)) {
      const large = XlaFloat32.erfInvLargePolynomial(f32x4.sub(f32x4.sqrt(w), f32x4.splat(3)));
      p = v128.bitselect(p, large, small);
    }
    return f32x4.mul(Lanes.of(Math.SQRT2), f32x4.mul(p, u));
  }
}

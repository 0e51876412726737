// XLA's float32 routines on the four float32 lanes of an f32x4, for the kernels
// that need them whole (normal-fused.ts, gamma.ts): the steps of src/xla-math
// (log, log1p) and src/erf-inv.ts with the constants of
// src/xla-math/float32-coefficients.ts, compiled from that same file.
//
// WebAssembly's f32x4 + − × ÷ and sqrt round correctly to float32, as the
// recipes' unfused steps do. Their fused multiply-adds are `Lanes.madd`: in the
// relaxed SIMD build one `f32x4.relaxed_madd`, which rounds once on the engines
// where wasm-kernels.ts loads that build (`fusedMultiplyAddProbe` checks it
// first); in the SIMD build an exact emulation on float64 halves, which turns
// the rare lanes it does not settle into NaN.

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

  /**
   * `a · b + c` on each lane, rounded once. The relaxed SIMD build uses
   * `relaxed_madd` (wasm-kernels.ts checks that it fuses). The SIMD build
   * works on float64 halves: the product is exact there, and rounding the
   * float64 sum to float32 is the single rounding unless the sum was rounded
   * onto a point halfway between two float32 values; where some lane's sum
   * lies halfway, the sums are made round-to-odd first (see
   * {@link Lanes.roundToOdd}). A result at or below float32's smallest normal
   * (whose halfway points lie elsewhere; zero included) becomes NaN, which
   * the caller, whose arithmetic makes no NaN otherwise, finds and recomputes.
   */
  @inline static madd(a: v128, b: v128, c: v128): v128 {
    if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
    const productLow = f64x2.mul(f64x2.promote_low_f32x4(a), f64x2.promote_low_f32x4(b));
    const productHigh = f64x2.mul(
      f64x2.promote_low_f32x4(v128.shuffle<i64>(a, a, 1, 1)),
      f64x2.promote_low_f32x4(v128.shuffle<i64>(b, b, 1, 1)),
    );
    const cLow = f64x2.promote_low_f32x4(c);
    const cHigh = f64x2.promote_low_f32x4(v128.shuffle<i64>(c, c, 1, 1));
    let low = f64x2.add(productLow, cLow);
    let high = f64x2.add(productHigh, cHigh);
    // Halfway: the 29 bits below float32's precision are 1 then 28 zeros (the low word of each float64).
    const lowBits = i32x4(0x1fffffff, 0, 0x1fffffff, 0);
    const halfwayBits = i32x4(0x10000000, -1, 0x10000000, -1);
    const halfway = v128.or(
      i32x4.eq(v128.and(low, lowBits), halfwayBits),
      i32x4.eq(v128.and(high, lowBits), halfwayBits),
    );
    if (v128.any_true(halfway)) {
      low = Lanes.roundToOdd(productLow, cLow, low);
      high = Lanes.roundToOdd(productHigh, cHigh, high);
    }
    const sum = v128.shuffle<i64>(
      f32x4.demote_f64x2_zero(low),
      f32x4.demote_f64x2_zero(high),
      0,
      2,
    );
    const tiny = f32x4.le(f32x4.abs(sum), f32x4.splat(<f32>1.1754943508222875e-38));
    return v128.bitselect(f32x4.splat(NaN), sum, tiny);
  }

  /**
   * The float64 sum `p + c` rounded to odd, from `s`, the sum rounded to
   * nearest: where `s` is inexact and its last bit is 0, the neighbour of `s`
   * towards the exact sum (whose last bit is 1). Rounding a float64 rounded to
   * odd to float32 is the single rounding of the exact sum (53 >= 24 + 2). The
   * rounding error comes from Knuth's TwoSum, exact for any two float64.
   */
  @inline static roundToOdd(p: v128, c: v128, s: v128): v128 {
    const cPart = f64x2.sub(s, p);
    const error = f64x2.add(f64x2.sub(p, f64x2.sub(s, cPart)), f64x2.sub(c, cPart));
    const zero = f64x2.splat(0);
    const inexactEven = v128.and(
      f64x2.ne(error, zero),
      i64x2.eq(v128.and(s, i64x2.splat(1)), i64x2.splat(0)),
    );
    // One unit away from zero where the error has the sum's sign, towards zero where not.
    const sameSign = v128.not(v128.xor(f64x2.lt(error, zero), f64x2.lt(s, zero)));
    const step = v128.bitselect(i64x2.splat(1), i64x2.splat(-1), sameSign);
    return i64x2.add(s, v128.and(step, inexactEven));
  }
}

export const ONE = f32x4.splat(1);

/**
 * `Lanes.madd(a, b, c)` on lane 0: in the relaxed SIMD build, for the
 * loader's check that this engine fuses (with `a = b = 1 + 2^-12` and
 * `c = -1` a fused multiply-add gives `2^-11 + 2^-24`, an unfused one
 * `2^-11`); in both builds, for the tests. The operands come from the caller
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

// JAX's float32 normal recipe in WebAssembly SIMD (AssemblyScript): the
// steps of src/samplers/normal.ts (uniform on (nextafter(-1, 0), 1), then
// sqrt(2) · erf_inv(u) with XLA's log1p, log and fused Horner steps), with
// the constants of src/xla-math/float32-coefficients.ts, compiled from that
// same file. The tests compare every output bit with the JavaScript path.
//
// Two float32 values ride in the two float64 lanes of an f64x2. A float64
// + − × ÷ or sqrt of float32 operands, rounded to float32, is the correctly
// rounded float32 result (53 >= 2·24 + 2: rounding twice is harmless).
// WebAssembly has no fused multiply-add: the product of two float32 values is
// exact in float64, so only the float64 sum is rounded before the float32
// rounding. That double rounding could differ from the single rounding of a
// fused multiply-add where the float64 sum lies exactly halfway between two
// float32 values. It never changes this recipe's result: a float32 normal
// depends only on the top 23 bits of its random word, and the tests run all
// 2^23 of them through this kernel and through the JavaScript routines
// (which round once, src/float.ts `fmaF32`), with no difference.

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

/** Float32 arithmetic on the two float64 lanes of an f64x2, each holding a float32 value. */
class Float32Lanes {
  /** Both lanes set to the float32 value rounded from `x`. */
  @inline static of(x: f64): v128 {
    return f64x2.splat(<f64>(<f32>x));
  }

  /** Both lanes set to the float32 with bit pattern `bits`. */
  @inline static fromBits(bits: i64): v128 {
    return f64x2.splat(<f64>reinterpret<f32>(<u32>bits));
  }

  /** Each lane rounded to float32 (ties to even). */
  @inline static round(x: v128): v128 {
    return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(x));
  }

  /**
   * `a · b + c` for float32 lanes: the exact product plus `c` in float64,
   * rounded to float32. Where `a · b` is itself a float32 value this is a
   * float32 addition, rounded correctly; elsewhere see the note at the top.
   */
  @inline static fma(a: v128, b: v128, c: v128): v128 {
    return Float32Lanes.round(f64x2.add(f64x2.mul(a, b), c));
  }
}

const ONE = f64x2.splat(1);

/**
 * XLA's float32 routines on float32 lanes, inlined where they are used so
 * that the CPU overlaps the long dependency chains of independent lanes.
 */
class XlaFloat32 {
  /**
   * XLA's float32 `log` (src/xla-math/log.ts) for positive normal float32
   * lanes (the only arguments the normal recipe gives it).
   */
  @inline static log(x: v128): v128 {
    const bits = f32x4.demote_f64x2_zero(x);
    // x = mantissa · 2^exponent with mantissa in [0.5, 1).
    const mantissaBits = v128.or(v128.and(bits, i32x4.splat(0x807fffff)), i32x4.splat(0x3f000000));
    const mantissa = f64x2.promote_low_f32x4(mantissaBits);
    let exponent = f64x2.convert_low_i32x4_s(i32x4.sub(i32x4.shr_u(bits, 23), i32x4.splat(126)));
    let m = f64x2.sub(mantissa, ONE);
    // Use 2m - 1 on [√½, 1) instead: the reduced argument stays in [√½ - 1, √2 - 1).
    const below = f64x2.lt(mantissa, Float32Lanes.fromBits(LOG_SQRT_HALF_BITS));
    m = v128.bitselect(Float32Lanes.round(f64x2.add(m, mantissa)), m, below);
    exponent = v128.bitselect(f64x2.sub(exponent, ONE), exponent, below);
    const m2 = Float32Lanes.round(f64x2.mul(m, m));
    const m3 = Float32Lanes.round(f64x2.mul(m2, m));
    let p0 = Float32Lanes.fma(
      m,
      Float32Lanes.fromBits(LOG_P0_BITS),
      Float32Lanes.fromBits(LOG_P1_BITS),
    );
    let p1 = Float32Lanes.fma(
      m,
      Float32Lanes.fromBits(LOG_P3_BITS),
      Float32Lanes.fromBits(LOG_P4_BITS),
    );
    let p2 = Float32Lanes.fma(
      m,
      Float32Lanes.fromBits(LOG_P6_BITS),
      Float32Lanes.fromBits(LOG_P7_BITS),
    );
    p0 = Float32Lanes.fma(p0, m, Float32Lanes.fromBits(LOG_P2_BITS));
    p1 = Float32Lanes.fma(p1, m, Float32Lanes.fromBits(LOG_P5_BITS));
    p2 = Float32Lanes.fma(p2, m, Float32Lanes.fromBits(LOG_P8_BITS));
    let y = Float32Lanes.fma(p0, m3, p1);
    y = Float32Lanes.fma(y, m3, p2);
    const lowPart = Float32Lanes.round(
      f64x2.mul(exponent, Float32Lanes.fromBits(LOG_LN2_LOW_BITS)),
    );
    y = Float32Lanes.fma(y, m3, lowPart);
    const head = Float32Lanes.round(
      f64x2.sub(m, Float32Lanes.round(f64x2.mul(f64x2.splat(0.5), m2))),
    );
    return Float32Lanes.fma(
      exponent,
      Float32Lanes.fromBits(LOG_LN2_HIGH_BITS),
      Float32Lanes.round(f64x2.add(head, y)),
    );
  }

  /** XLA's float32 `log1p` rational form (src/xla-math/log1p.ts) for |x| below √2 - 1. */
  @inline static log1pRational(x: v128): v128 {
    let numerator = Float32Lanes.fma(
      Float32Lanes.of(LOG1P_N0),
      x,
      Float32Lanes.fromBits(LOG1P_N1_BITS),
    );
    numerator = Float32Lanes.fma(numerator, x, Float32Lanes.fromBits(LOG1P_N2_BITS));
    numerator = Float32Lanes.fma(numerator, x, Float32Lanes.fromBits(LOG1P_N3_BITS));
    numerator = Float32Lanes.fma(numerator, x, Float32Lanes.fromBits(LOG1P_N4_BITS));
    numerator = Float32Lanes.fma(numerator, x, Float32Lanes.fromBits(LOG1P_N5_BITS));
    numerator = Float32Lanes.fma(numerator, x, Float32Lanes.fromBits(LOG1P_N6_BITS));
    let denominator = Float32Lanes.fma(ONE, x, Float32Lanes.fromBits(LOG1P_D1_BITS));
    denominator = Float32Lanes.fma(denominator, x, Float32Lanes.fromBits(LOG1P_D2_BITS));
    denominator = Float32Lanes.fma(denominator, x, Float32Lanes.fromBits(LOG1P_D3_BITS));
    denominator = Float32Lanes.fma(denominator, x, Float32Lanes.fromBits(LOG1P_D4_BITS));
    denominator = Float32Lanes.fma(denominator, x, Float32Lanes.fromBits(LOG1P_D5_BITS));
    denominator = Float32Lanes.fma(denominator, x, Float32Lanes.fromBits(LOG1P_D6_BITS));
    const ratio = Float32Lanes.round(f64x2.div(numerator, denominator));
    const x2 = Float32Lanes.round(f64x2.mul(x, x));
    const cubicTerm = Float32Lanes.round(f64x2.mul(Float32Lanes.round(f64x2.mul(x, x2)), ratio));
    const sum = Float32Lanes.fma(x2, f64x2.splat(-0.5), cubicTerm);
    return Float32Lanes.round(f64x2.add(x, sum));
  }

  /**
   * XLA's float32 `log1p` for lanes in (-1, 0] whose results are not
   * subnormal (so its flushes to zero change nothing): the
   * rational form below √2 - 1 in magnitude, else `log(1 + x)`. Both forms
   * run only when the lanes need both.
   */
  @inline static log1p(x: v128): v128 {
    const small = f64x2.lt(f64x2.abs(x), Float32Lanes.fromBits(LOG1P_SMALL_BITS));
    if (!v128.any_true(small)) return XlaFloat32.log(Float32Lanes.round(f64x2.add(ONE, x)));
    const rational = XlaFloat32.log1pRational(x);
    if (i64x2.all_true(small)) return rational;
    return v128.bitselect(rational, XlaFloat32.log(Float32Lanes.round(f64x2.add(ONE, x))), small);
  }

  /** `erfInv32`'s Horner steps for `w < 5`. */
  @inline static erfInvSmallPolynomial(w: v128): v128 {
    let p = Float32Lanes.fma(
      Float32Lanes.of(ERF_INV_SMALL_C0),
      w,
      Float32Lanes.of(ERF_INV_SMALL_C1),
    );
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C2));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C3));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C4));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C5));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C6));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C7));
    return Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_SMALL_C8));
  }

  /** `erfInv32`'s Horner steps for `w >= 5` (rare: not inlined). */
  static erfInvLargePolynomial(w: v128): v128 {
    let p = Float32Lanes.fma(
      Float32Lanes.of(ERF_INV_LARGE_C0),
      w,
      Float32Lanes.of(ERF_INV_LARGE_C1),
    );
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C2));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C3));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C4));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C5));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C6));
    p = Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C7));
    return Float32Lanes.fma(p, w, Float32Lanes.of(ERF_INV_LARGE_C8));
  }

  /**
   * `sqrt(2) · erf_inv(u)` for float32 lanes `u` in (-1, 1) (`erfInvFloat32`
   * in src/erf-inv.ts, then normal.ts's product): `w = -log1p(-u²)`, the
   * `w < 5` polynomial in `w - 2.5`, else the other in `sqrt(w) - 3`.
   */
  @inline static normalOfUniform(u: v128): v128 {
    const minusUSquared = Float32Lanes.round(f64x2.mul(u, f64x2.neg(u)));
    const w = f64x2.neg(XlaFloat32.log1p(minusUSquared));
    const small = f64x2.lt(w, f64x2.splat(5));
    let p = XlaFloat32.erfInvSmallPolynomial(Float32Lanes.round(f64x2.sub(w, f64x2.splat(2.5))));
    if (!i64x2.all_true(small)) {
      const root = Float32Lanes.round(f64x2.sqrt(w));
      const large = XlaFloat32.erfInvLargePolynomial(
        Float32Lanes.round(f64x2.sub(root, f64x2.splat(3))),
      );
      p = v128.bitselect(p, large, small);
    }
    const product = Float32Lanes.round(f64x2.mul(p, u));
    return Float32Lanes.round(f64x2.mul(Float32Lanes.of(Math.SQRT2), product));
  }
}

/**
 * Turn the `count` random words at `words` into standard normal float32
 * values in place, as `normal(key, shape, float32)` does with them: the
 * uniform `max(low, fma(bits >>> 9 · 2^-23, span, low))` with `low =
 * nextafter(-1, 0)` and `span = f32(1 - low)` (passed by the caller, which
 * computes them once), then `sqrt(2) · erf_inv(u)`. Words past `count` up
 * to the next multiple of 4 are turned too (the buffers have room).
 */
export function normalFloat32(words: usize, count: i32, low: f32, span: f32): void {
  const exponentOfOne = i32x4.splat(0x3f800000);
  const one32 = f32x4.splat(1);
  const lows = f64x2.splat(<f64>low);
  const spans = f64x2.splat(<f64>span);
  for (let j = 0; j < count; j += 4) {
    const at = words + ((<usize>j) << 2);
    // (bits >>> 9) · 2^-23, exactly: the top 23 bits as the mantissa of [1, 2), minus 1.
    const unit = f32x4.sub(v128.or(i32x4.shr_u(v128.load(at), 9), exponentOfOne), one32);
    const unitLow = f64x2.promote_low_f32x4(unit);
    const unitHigh = f64x2.promote_low_f32x4(v128.shuffle<i64>(unit, unit, 1, 1));
    const first = XlaFloat32.normalOfUniform(
      f64x2.max(lows, Float32Lanes.fma(unitLow, spans, lows)),
    );
    const second = XlaFloat32.normalOfUniform(
      f64x2.max(lows, Float32Lanes.fma(unitHigh, spans, lows)),
    );
    const normals = v128.shuffle<i64>(
      f32x4.demote_f64x2_zero(first),
      f32x4.demote_f64x2_zero(second),
      0,
      2,
    );
    v128.store(at, normals);
  }
}

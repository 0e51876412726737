/**
 * XLA:CPU's float32 reciprocal square root (`lax.rsqrt`, and `a / sqrt(b)`
 * after XLA rewrites it as `a · rsqrt(b)`), as jaxlib 0.10.2 compiles it for
 * x86-64 with AVX2 and FMA (spec/arithmetic.md §3).
 *
 * XLA's `rsqrt` intrinsic takes the processor's estimate `y0` (`vrsqrtps`,
 * about 12 correct bits) and refines it with one Newton–Raphson step, which
 * LLVM compiles as `fma(y0 · -0.5, fma(x · y0, y0, -1), y0)`. Inputs that
 * are not positive normal numbers (zeros, subnormals, negatives, infinities)
 * return the estimate itself. The estimate is the processor's: this module
 * models AMD Zen 3's, measured on every float32 input (`rsqrt-table.ts`).
 * Other processors (Intel's in particular) have other estimates, so JAX's
 * last bit differs between them; with Zen 3's estimate this routine equals
 * `jax.jit(lax.rsqrt)` on an AMD EPYC on every input compared (all of
 * [1, 4) and 16,384 random inputs of each sign and exponent).
 *
 * @module
 */
import { bitsToFloat32, f32, float32ToBits, fmaF32 } from "../float.js";
import { RSQRT_ESTIMATE_FIRST_FRACTION, RSQRT_ESTIMATE_STEPS } from "./rsqrt-table.js";

const BASE64_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Estimate classes over [1, 4): 4096 per binade. */
const CLASS_COUNT = 8192;

/** The 12-bit fraction of the estimate of each class (`rsqrt-table.ts`), decoded from its steps. */
const ESTIMATE_FRACTIONS: Uint16Array = decodeFractions();

function decodeFractions(): Uint16Array {
  const fractions = new Uint16Array(CLASS_COUNT);
  let fraction = RSQRT_ESTIMATE_FIRST_FRACTION;
  fractions[0] = fraction;
  let index = 1;
  for (const char of RSQRT_ESTIMATE_STEPS) {
    const digit = BASE64_DIGITS.indexOf(char);
    for (const shift of [4, 2, 0]) {
      if (index === CLASS_COUNT) break;
      fraction -= (digit >> shift) & 3;
      fractions[index++] = fraction;
    }
  }
  return fractions;
}

/**
 * The reciprocal-square-root estimate of AMD Zen 3 processors (`rsqrtss` /
 * `vrsqrtps`) for a float32 `x`: about `1/sqrt(x)` with a relative error
 * below 1.5 · 2^-12, exactly as the instruction returns it.
 *
 * Zeros and subnormals give an infinity of their sign (the instruction reads
 * subnormals as zero), `+∞` gives `+0`, negative numbers and NaN give NaN.
 */
export function rsqrtEstimateF32(x: number): number {
  const bits = float32ToBits(x);
  const exponentField = (bits >>> 23) & 0xff;
  const negative = bits >>> 31 === 1;
  if (Number.isNaN(x)) return NaN;
  if (exponentField === 0) return negative ? -Infinity : Infinity;
  if (negative) return NaN;
  if (exponentField === 0xff) return 0;
  // x = (1 + f) · 2^e with e = exponentField − 127; odd exponent fields are
  // the binade [1, 2) · 4^k, even ones [2, 4) · 4^k.
  const evenExponent = (exponentField & 1) === 0 ? 1 : 0;
  const k = (exponentField - 127 - evenExponent) / 2;
  const index = evenExponent * 4096 + ((bits >>> 11) & 0xfff);
  // On [1, 4) the estimate is (4096 + fraction) · 2^-13; x · 4^k scales it by 2^-k.
  return bitsToFloat32(((126 - k) << 23) | (ESTIMATE_FRACTIONS[index] << 11));
}

/**
 * XLA:CPU's float32 `rsqrt(x)`: the processor's estimate `y0`
 * ({@link rsqrtEstimateF32}) refined by one Newton step,
 * `fma(y0 · -0.5, fma(f32(x · y0), y0, -1), y0)`, for a positive normal `x`;
 * the estimate itself for any other input. Not always the correctly rounded
 * `1/sqrt(x)` (it differs on about 18 % of [1, 4)).
 */
export function rsqrtF32(x: number): number {
  x = f32(x);
  const estimate = rsqrtEstimateF32(x);
  if (!(x >= 2 ** -126 && x < Infinity)) return estimate;
  const residual = fmaF32(f32(x * estimate), estimate, -1);
  return fmaF32(estimate * -0.5, residual, estimate);
}

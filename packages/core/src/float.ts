/**
 * Floating-point building blocks shared by the samplers: turning random bits
 * into floats in [0, 1) the way JAX does, float32 rounding and `nextafter`.
 *
 * JavaScript numbers are float64. A float32 recipe rounds every intermediate
 * result with `Math.fround` (aliased `f32`) exactly where JAX computes in
 * float32, so no float64 precision leaks into it.
 *
 * @module
 */
import type { FloatDType } from "./ndarray.js";

/** Round to the nearest float32 (ties to even). */
export const f32 = Math.fround;

/** 2^-23: one float32 unit in the last place at 1. */
const FLOAT32_ULP_AT_ONE = 2 ** -23;
/** 2^-52: one float64 unit in the last place at 1. */
const FLOAT64_ULP_AT_ONE = 2 ** -52;

/**
 * JAX's float32 uniform on [0, 1) from 32 random bits: keep the top 23 bits
 * as the mantissa of a float in [1, 2) and subtract 1. The result is exactly
 * `(bits >>> 9) · 2^-23`, which this computes directly.
 */
export function bitsToUnitFloat32(bits: number): number {
  return (bits >>> 9) * FLOAT32_ULP_AT_ONE;
}

/**
 * JAX's float64 uniform on [0, 1) from 64 random bits given as high and low
 * words: the top 52 bits as mantissa of a float in [1, 2), minus 1, which is
 * exactly `(hi · 2^20 + (lo >>> 12)) · 2^-52`.
 */
export function bitsToUnitFloat64(high: number, low: number): number {
  return ((high >>> 0) * 2 ** 20 + (low >>> 12)) * FLOAT64_ULP_AT_ONE;
}

const float32Scratch = new Float32Array(1);
const float32Bits = new Uint32Array(float32Scratch.buffer);
const float64Scratch = new Float64Array(1);
const float64Bits = new BigUint64Array(float64Scratch.buffer);

/**
 * Flush a float32 subnormal to zero of the same sign. XLA:CPU runs with the
 * x86 flags that read subnormal inputs as zero and flush subnormal results
 * to zero (DAZ, FTZ), so its float32 routines see and return no subnormals.
 */
export function flushSubnormalF32(x: number): number {
  return x !== 0 && Math.abs(x) < 2 ** -126 ? x * 0 : x;
}

/**
 * Float32 fused multiply-add: `a · b + c` rounded once to float32 (ties to
 * even), as the FMA instruction XLA:CPU emits when it contracts a float32
 * multiply and add. The arguments are rounded to float32 first.
 *
 * The product of two float32 values is exact in float64 (24 + 24 bits), so
 * only the float64 sum `s = a·b + c` is rounded, and its rounding error `e`
 * is exact (Knuth's two-sum). Rounding `s` to float32 gives the correctly
 * rounded result unless `s` lies exactly halfway between two float32 values
 * while `e ≠ 0` (double rounding): then the exact sum lies strictly on
 * `e`'s side of the halfway point, and so does the result.
 */
export function fmaF32(a: number, b: number, c: number): number {
  const product = f32(a) * f32(b);
  const addend = f32(c);
  const sum = product + addend;
  const rounded = f32(sum);
  if (rounded === sum || !Number.isFinite(rounded)) return rounded;
  const addendPart = sum - product;
  const error = product - (sum - addendPart) + (addend - addendPart);
  if (error === 0) return rounded;
  // `sum` is halfway exactly when its mirror image about `rounded` is a float32
  // (the other neighbour); the mirror `2·sum - rounded` is exact in float64.
  const mirror = 2 * sum - rounded;
  if (f32(mirror) !== mirror) return rounded;
  return error > 0 === mirror > rounded ? mirror : rounded;
}

/** `numpy.nextafter` for float32: the float32 after `x` in the direction of `y`. */
export function nextAfterFloat32(x: number, y: number): number {
  x = f32(x);
  y = f32(y);
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -149 : -(2 ** -149);
  float32Scratch[0] = x;
  float32Bits[0] += x < y === x > 0 ? 1 : -1;
  return float32Scratch[0];
}

/** `numpy.nextafter` for float64: the double after `x` in the direction of `y`. */
export function nextAfterFloat64(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  float64Scratch[0] = x;
  float64Bits[0] += x < y === x > 0 ? 1n : -1n;
  return float64Scratch[0];
}

/** `nextafter` in the given float dtype. */
export function nextAfter(dtype: FloatDType, x: number, y: number): number {
  return dtype === "float32" ? nextAfterFloat32(x, y) : nextAfterFloat64(x, y);
}

/** Round to the dtype: `Math.fround` for float32, identity for float64. */
export function roundTo(dtype: FloatDType): (x: number) => number {
  return dtype === "float32" ? f32 : identity;
}

function identity(x: number): number {
  return x;
}

/**
 * A new array of `values` each rounded to `dtype` (an explicit loop: a
 * large parameter array is rounded per draw, and `map` with a callback is
 * several times slower).
 */
export function roundedTo(dtype: FloatDType, values: Float64Array): Float64Array {
  if (dtype === "float64") return values.slice();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.fround(values[i]);
  return out;
}

/** Float32 bit pattern of a number (rounded to float32 first). */
export function float32ToBits(x: number): number {
  float32Scratch[0] = x;
  return float32Bits[0];
}

/** The float32 whose bit pattern is `bits`. */
export function bitsToFloat32(bits: number): number {
  float32Bits[0] = bits;
  return float32Scratch[0];
}

/** The constants of `numpy.finfo(dtype)` that samplers use as uniform bounds. */
export interface FloatInfo {
  /** `eps`: the gap between 1 and the next float (2^-23, 2^-52). */
  readonly eps: number;
  /** `epsneg`: the gap between 1 and the float below it (2^-24, 2^-53). */
  readonly epsneg: number;
  /** `tiny` (`smallest_normal`): the smallest positive normal float (2^-126, 2^-1022). */
  readonly tiny: number;
  /** `max`: the largest finite float. */
  readonly max: number;
}

const FLOAT32_INFO: FloatInfo = {
  eps: 2 ** -23,
  epsneg: 2 ** -24,
  tiny: 2 ** -126,
  max: (2 - 2 ** -23) * 2 ** 127,
};
const FLOAT64_INFO: FloatInfo = {
  eps: 2 ** -52,
  epsneg: 2 ** -53,
  tiny: 2 ** -1022,
  max: Number.MAX_VALUE,
};

/** `numpy.finfo(dtype)` for the float dtypes: `eps`, `epsneg`, `tiny`, `max`. */
export function finfo(dtype: FloatDType): FloatInfo {
  return dtype === "float32" ? FLOAT32_INFO : FLOAT64_INFO;
}

/**
 * `pow` with C99 semantics (as XLA's `pow` on CPU): unlike `Math.pow`,
 * `pow(1, y)` is 1 for every `y` (NaN included) and `pow(-1, ±Infinity)` is 1.
 */
export function powC(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** `values` converted to `dtype` (each rounded to it), as `astype(dtype)`. */
export function convertFloats(
  dtype: FloatDType,
  values: Float32Array | Float64Array,
): Float32Array | Float64Array {
  const out =
    dtype === "float32" ? new Float32Array(values.length) : new Float64Array(values.length);
  out.set(values);
  return out;
}

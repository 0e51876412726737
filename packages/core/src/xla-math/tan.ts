/**
 * float32 `tan` as JAX computes `lax.tan` on CPU: XLA:CPU lowers it to a
 * call of the C library's `tanf`, which for jaxlib 0.10.2 on Linux is
 * glibc's (2.36 on the reference machine; checked on 2^20 inputs).
 *
 * Source: glibc `sysdeps/ieee754/flt-32/s_tanf.c` and `k_tanf.c` (Sun's
 * fdlibm `tan` converted to float): for `|x| > π/4` the argument is reduced
 * in float64 (`reduce_fast` of `s_sincosf.h`: `n = round(x · 2/π)`,
 * `x - n · π/2`) and split into a float32 head and tail, then a degree-27 odd
 * polynomial is evaluated in float32 arithmetic, with `π/4 - x` folded in
 * for `|x| ≥ 0.6744`. glibc's x86-64 build has no FMA here: every step is
 * one float32 (or float64, in the reduction) operation.
 *
 * The large-argument reduction (`|x| ≥ 120`, a 192-bit table of 4/π) is not
 * reproduced; there the result is `Math.tan` rounded to float32. No sampler
 * reaches it: `cauchy` calls `tan` on (-π/2, π/2).
 *
 * @module
 */
import { bitsToFloat32, f32, float32ToBits } from "../float.js";

/** π/4 in two float32 parts. */
const PI_OVER_4 = bitsToFloat32(0x3f490fda);
const PI_OVER_4_LOW = bitsToFloat32(0x33222168);
/** The odd polynomial's coefficients T[0..12] (bits as in `k_tanf.c`). */
const T = [
  0x3eaaaaab, 0x3e088889, 0x3d5d0dd1, 0x3cb327a4, 0x3c11371f, 0x3b6b6916, 0x3abede48, 0x3a1a26c8,
  0x398137b9, 0x38a3f445, 0x3895c07a, 0xb79bae5f, 0x37d95384,
].map(bitsToFloat32);
/** 2/π · 2^24 and π/2 as float64 (`__sincosf_table`'s `hpi_inv` and `hpi`). */
const HALF_PI_INVERSE_SCALED = 0x145f306dc9c883 * 2 ** -29;
const HALF_PI = 0x1921fb54442d18 * 2 ** -52;

/** `lax.tan` on a float32, bit for bit as glibc 2.36's `tanf` (x86-64) computes it. */
export function tanF32(x: number): number {
  x = f32(x);
  const magnitudeBits = float32ToBits(x) & 0x7fffffff;
  if (magnitudeBits <= 0x3f490fda) return kernelTan(x, 0, 1);
  if (magnitudeBits >= 0x7f800000) return NaN;
  if (Math.abs(x) >= 120) return f32(Math.tan(x));
  const scaled = x * HALF_PI_INVERSE_SCALED;
  const quadrant = ((scaled | 0) + 0x800000) >> 24;
  const reduced = x - quadrant * HALF_PI;
  const head = f32(reduced);
  const tail = f32(reduced - head);
  return kernelTan(head, tail, 1 - ((quadrant & 1) << 1));
}

/**
 * fdlibm's `__kernel_tanf(x, y, k)`: `tan(x + y)` for `k = 1`, `-1/tan(x + y)`
 * for `k = -1`, with `|x + y| ≤ π/4` given as a float32 head and tail.
 */
function kernelTan(x: number, y: number, k: number): number {
  const bits = float32ToBits(x) | 0;
  const magnitudeBits = bits & 0x7fffffff;
  if (magnitudeBits < 0x39000000) {
    // |x| < 2^-13.
    if (magnitudeBits === 0 && k === -1) return 1 / Math.abs(x);
    return k === 1 ? x : f32(-1 / x);
  }
  const large = magnitudeBits >= 0x3f2ca140; // |x| ≥ 0.6744: use tan(π/4 - x)
  const sign = bits < 0 ? -1 : 1;
  if (large) {
    if (bits < 0) {
      x = -x;
      y = -y;
    }
    x = f32(f32(PI_OVER_4 - x) + f32(PI_OVER_4_LOW - y));
    y = 0;
    if (Math.abs(x) < 2 ** -13) return f32(sign * k * f32(1 - f32(2 * k * x)));
  }
  const z = f32(x * x);
  const w = f32(z * z);
  let r = T[11];
  for (const i of [9, 7, 5, 3, 1]) r = f32(T[i] + f32(w * r));
  let v = T[12];
  for (const i of [10, 8, 6, 4, 2]) v = f32(T[i] + f32(w * v));
  v = f32(z * v);
  const s = f32(z * x);
  r = f32(y + f32(z * f32(f32(s * f32(r + v)) + y)));
  r = f32(r + f32(T[0] * s));
  const sum = f32(x + r);
  if (large) {
    const inner = f32(f32(f32(sum * sum) / f32(sum + k)) - r);
    return f32(sign * f32(k - f32(2 * f32(x - inner))));
  }
  if (k === 1) return sum;
  // -1/(x + r) computed with a split reciprocal, as fdlibm does.
  const sumHead = bitsToFloat32(float32ToBits(sum) & 0xfffff000);
  const correction = f32(r - f32(sumHead - x));
  const reciprocal = f32(-1 / sum);
  const reciprocalHead = bitsToFloat32(float32ToBits(reciprocal) & 0xfffff000);
  const residual = f32(1 + f32(reciprocalHead * sumHead));
  return f32(reciprocalHead + f32(reciprocal * f32(residual + f32(reciprocalHead * correction))));
}

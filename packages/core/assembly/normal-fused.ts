// JAX's float32 normal recipe in WebAssembly relaxed SIMD (AssemblyScript):
// the same steps as normal.ts, on four float32 lanes of an f32x4, with each of
// the recipe's fused multiply-adds done by `f32x4.relaxed_madd`
// (xla-float32x4.ts). Built into the relaxed SIMD module only; the tests
// compare every output bit with the JavaScript routines on all 2^23 inputs.

import { Lanes, ONE, XlaFloat32 } from "./xla-float32x4";

export { fusedMultiplyAddProbe } from "./xla-float32x4";

/**
 * Turn the `count` random words at `words` into standard normal float32
 * values in place, exactly as normal.ts's `normalFloat32` does (same
 * arguments; words past `count` up to the next multiple of 4 are turned too).
 */
export function normalFloat32(words: usize, count: i32, low: f32, span: f32): void {
  const exponentOfOne = i32x4.splat(0x3f800000);
  const lows = f32x4.splat(low);
  const spans = f32x4.splat(span);
  for (let j = 0; j < count; j += 4) {
    const at = words + ((<usize>j) << 2);
    // (bits >>> 9) · 2^-23, exactly: the top 23 bits as the mantissa of [1, 2), minus 1.
    const unit = f32x4.sub(v128.or(i32x4.shr_u(v128.load(at), 9), exponentOfOne), ONE);
    v128.store(at, XlaFloat32.normalOfUniform(f32x4.max(lows, Lanes.madd(unit, spans, lows))));
  }
}

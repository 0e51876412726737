/**
 * float32 `pow` as JAX computes `lax.pow` on CPU: XLA:CPU lowers it to a
 * call of the C library's `powf`.
 *
 * glibc's `powf` (since 2.28, Szabolcs Nagy's algorithm from ARM's
 * optimized-routines) computes `exp2(y · log2(x))` in float64 with an error
 * far below half a float32 ULP before its single final rounding, so it is
 * the correctly rounded float32 result except in rare near-halfway cases.
 * This is `pow` in float64 (C99 special cases, {@link powC}) rounded to
 * float32, which is correctly rounded on the same terms.
 *
 * @module
 */
import { f32, powC } from "../float.js";

/** `lax.pow` on float32 operands, as glibc's `powf`. */
export function powF32(x: number, y: number): number {
  return f32(powC(f32(x), f32(y)));
}

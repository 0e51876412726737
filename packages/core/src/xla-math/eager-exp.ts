/**
 * `jnp.exp` evaluated eagerly, as its own XLA program (rng-jax's Generator
 * applies it outside any fused kernel, e.g. `lognormal` with a mean): which
 * routine XLA:CPU uses for each element depends on the dtype and the shape.
 *
 * Measured with jax 0.10.2 on CPU (AVX2 + FMA host), on inputs where the two
 * candidate routines differ:
 * - float32 (x64 off or on): XLA's own `exp` ({@link expF32}) everywhere
 *   except in 1-D arrays of length 3, 5, 6 and 7 (every element) and 11, 13,
 *   14 and 15 (elements 8 and up), which glibc's `expf` computes
 *   ({@link glibcExpF32}; see `libm-tail.ts`). Checked for
 *   every 1-D length 1–129 and 1000–1007 and every 2-D and 3-D shape up to
 *   8×15 and 3×3×7.
 * - float64: XLA's own `exp` ({@link expF64}) on every element, as inside
 *   the fused kernels (every 1-D length 1–69, 1000, 1003, 2-D up to 4×9).
 *
 * @module
 */
import type { FloatDType } from "../ndarray.js";
import { expF32 } from "./exp.js";
import { expF64 } from "./exp-f64.js";
import { glibcExpF32 } from "./exp-glibc.js";
import { firstLibmIndex } from "./libm-tail.js";

/**
 * `exp` of element `index` (row-major) of an array of `shape` in `dtype`, as
 * an eager `jnp.exp` on that array computes it on CPU.
 */
export function eagerExp(
  dtype: FloatDType,
  shape: readonly number[],
): (x: number, index: number) => number {
  if (dtype === "float64") return expF64;
  const scalarFrom = shape.length === 1 ? firstLibmIndex(shape[0]) : Infinity;
  return (x, index) => (index >= scalarFrom ? glibcExpF32(x) : expF32(x));
}

/**
 * The stated bound of each sampler whose float results the reference does
 * not yet reproduce bit for bit (spec/vectors.md, "Rules"): the largest
 * distance from JAX, in units in the last place of the dtype, that a
 * conforming implementation may show. Cases get it only where the reference
 * is not exact; `jrng-vectors list --not-exact` prints the measured gap.
 *
 * @module
 */

/** Bounds in ULP of float32 and float64, by function (or generator method sequence). */
export const NOT_EXACT_BOUNDS: Record<string, { float32: number; float64: number }> = {};

/** The bound for a function at a dtype; unknown functions have none (0: exact). */
export function boundFor(name: string, dtype: "float32" | "float64"): number {
  return NOT_EXACT_BOUNDS[name]?.[dtype] ?? 0;
}

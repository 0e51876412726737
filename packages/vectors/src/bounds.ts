/**
 * The stated bound of each sampler whose float results the reference does
 * not yet reproduce bit for bit (spec/vectors.md, "Rules"): the largest
 * distance from JAX, in units in the last place of the dtype, that a
 * conforming implementation may show. Cases get it only where the reference
 * is not exact; `jrng-vectors list --not-exact` prints the measured gap.
 *
 * @module
 */

/**
 * Bounds in ULP of float32 and float64, by `jax.random` function and by
 * generator method (a stream case takes the largest of its methods').
 *
 * - `orthogonal`: LAPACK's QR (`geqrf`) accumulates in its own order.
 *
 * Each bound is the largest distance measured on the vectors (jax 0.10.2,
 * CPU), rounded up to a power of two.
 */
export const NOT_EXACT_BOUNDS: Record<string, { float32: number; float64: number }> = {
  orthogonal: { float32: 2, float64: 8 },
};

/** The bound for a function at a dtype; unknown functions have none (0: exact). */
export function boundFor(name: string, dtype: "float32" | "float64"): number {
  return NOT_EXACT_BOUNDS[name]?.[dtype] ?? 0;
}

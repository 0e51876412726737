/**
 * Which elements of a short float32 array XLA:CPU hands to the C library.
 *
 * A standalone elementwise `exp` or `log` (an eager `jnp.exp`, or a `log`
 * whose result several kernels read, which XLA then leaves unfused) on a
 * short 1-D array is compiled as vectors of up to 8 floats: a 6-element
 * `log` is one `llvm.log.v6f32` in the LLVM IR that jaxlib dumps. XLA
 * replaces the `exp` and `log` intrinsics with its own routines for vectors
 * of 1, 2, 4 and 8 floats; LLVM splits one of 3, 5, 6 or 7 into scalar calls
 * of glibc's `expf` and `logf`. Measured with jax 0.10.2 on CPU (AVX2 + FMA
 * host), `jax.jit(jnp.exp)` and `jax.jit(jnp.log)` on 1-D arrays of inputs
 * where XLA's routines and glibc's differ: glibc computes the whole array for
 * lengths 3, 5, 6 and 7, elements 8 and up for lengths 11, 13, 14 and 15, and
 * no element of any other length from 1 to 129 or 1000 to 1007.
 *
 * @module
 */

/**
 * The index from which elements of a float32 1-D array of `length` elements
 * are computed by glibc (`length` itself when none are).
 */
export function firstLibmIndex(length: number): number {
  if (length === 3 || length === 5 || length === 6 || length === 7) return 0;
  if (length === 11 || length === 13 || length === 14 || length === 15) return 8;
  return length;
}

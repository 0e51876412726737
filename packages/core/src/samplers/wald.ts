// Mirrors jax.random.wald (jax/_src/random/core.py: wald, _wald).
/**
 * Wald (inverse Gaussian) floats with unit shape parameter, by Michael,
 * Schucany and Haas' transformation of a normal and a uniform.
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64 (measured with
 * jax 0.10.2, both threefry modes): the normal and uniform draws are, every
 * step is rounded to the dtype as JAX computes it, with XLA's two fused
 * multiply-adds (`fma(4μ, y, μ²·y²)` under the square root and
 * `fma(-μ/2, sqrt_term, μ + μ²y/2)`), and `sqrt` is exact.
 *
 * @module
 */
import { f32 } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { normalKernel } from "./normal.js";
import { sampleFloatParams } from "./float-params.js";
import { unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample Wald floats with mean `mean`, as `jax.random.wald`.
 *
 * Like JAX, `mean` is not checked: `mean <= 0` or NaN give NaN or
 * meaningless values rather than an error (the functional API mirrors
 * `jax.random`).
 *
 * @param key - the key.
 * @param mean - the mean(s) μ > 0, broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `mean`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, `mean`, shape, dtype or options, or a float64 `mean` array with dtype float32 (JAX: cannot safely cast).
 * @throws RangeError if `mean` does not broadcast to `shape`.
 */
export function wald(
  key: KeyLike,
  mean: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleFloatParams("wald", key, { mean }, shape, dtype, options, (k, s, d, [mu], p) =>
    waldKernel(k, s, d, mu, p),
  );
}

/**
 * JAX's `_wald` on a checked key, `mean` broadcast to `shape` (or of
 * length 1):
 *
 * 1. `k1, k2 = split(key, 2)`;
 * 2. `v = normal(k1, shape, dtype)`, `z = uniform(k2, shape, dtype)`;
 * 3. `y = v²`, `y_sq = y²`, `mean_sq = μ²`;
 * 4. `sqrt_term = sqrt(4μ·y + mean_sq·y_sq)`;
 * 5. `x = μ + mean_sq·y/2 - μ/2·sqrt_term`;
 * 6. `z <= μ/(μ + x) ? x : mean_sq/x`.
 */
export function waldKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  mean: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const [k1, k2] = splitKey(key, 2, partitionable);
  const size = shapeSize(shape);
  const out = normalKernel(k1, shape, dtype, partitionable);
  const z = unitFloats(k2, size, dtype, partitionable);
  const r = dtype === "float32" ? f32 : (x: number) => x;
  // XLA:CPU contracts two of the multiply-adds: `4μ·y + μ²·y²` (on its first
  // product) and `… - μ/2 · sqrt_term`.
  const multiplyAdd = mathIn(dtype).fma;
  const scalar = mean.length === 1;
  for (let i = 0; i < size; i++) {
    const mu = r(scalar ? mean[0] : mean[i]);
    const v = out[i];
    const y = r(v * v);
    const ySq = r(y * y);
    const muSq = r(mu * mu);
    const sqrtTerm = r(Math.sqrt(multiplyAdd(r(4 * mu), y, r(muSq * ySq))));
    const x = multiplyAdd(-r(mu / 2), sqrtTerm, r(mu + r(r(muSq * y) / 2)));
    out[i] = z[i] <= r(mu / r(mu + x)) ? x : r(muSq / x);
  }
  return out;
}

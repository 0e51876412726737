// Mirrors jax.random.wald (jax/_src/random/core.py: wald, _wald).
/**
 * Wald (inverse Gaussian) floats with unit shape parameter, by Michael,
 * Schucany and Haas' transformation of a normal and a uniform.
 *
 * Accuracy. The normal `v` is within 5 ULP of JAX's CPU value
 * ({@link normalKernel}), the uniform `z` is exact, every arithmetic step is
 * rounded to the dtype as JAX computes it, and `sqrt` is exact. The formula
 * `x = μ + μ²y/2 - (μ/2)·sqrt(4μy + μ²y²)` cancels when `μ·y` is large, so
 * the samples' agreement with JAX is relative to the terms, not to `x`:
 * typically 0–2 ULP, up to `~6·(1 + μy)` ULP in bad cases (XLA may also
 * fuse its multiply-adds). A sample can take the other branch of the
 * `z <= μ/(μ + x)` test (returning `μ²/x` instead of `x`) only when `z`
 * lies within that error of the threshold.
 *
 * @module
 */
import { f32 } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { normalKernel } from "./normal.js";
import { sampleFloatParams } from "./float-params.js";
import { unitFloats } from "./uniform.js";

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
  const scalar = mean.length === 1;
  for (let i = 0; i < size; i++) {
    const mu = r(scalar ? mean[0] : mean[i]);
    const v = out[i];
    const y = r(v * v);
    const ySq = r(y * y);
    const muSq = r(mu * mu);
    let x: number;
    if (dtype === "float64") {
      // XLA:CPU fuses 4μ·y into the sum and μ/2·sqrt_term into the difference.
      const sqrtTerm = Math.sqrt(fmaF64(4 * mu, y, muSq * ySq));
      x = fmaF64(-(mu / 2), sqrtTerm, mu + (muSq * y) / 2);
    } else {
      const sqrtTerm = r(Math.sqrt(r(r(r(4 * mu) * y) + r(muSq * ySq))));
      x = r(r(mu + r(r(muSq * y) / 2)) - r(r(mu / 2) * sqrtTerm));
    }
    out[i] = z[i] <= r(mu / r(mu + x)) ? x : r(muSq / x);
  }
  return out;
}

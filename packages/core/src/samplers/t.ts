// Mirrors jax.random.t (jax/_src/random/core.py: t, _t).
/**
 * Student's t variates: `n · sqrt((df/2) / g)` with `n` standard normal and
 * `g` Gamma(`df/2`).
 *
 * Accuracy. Float32: the normal draw is bit-exact and the gamma draw follows
 * `gamma.ts`; `/ 2`, the division, `sqrt` and the product are exactly
 * rounded as in XLA (measured with jax 0.10.2 on CPU, both threefry modes:
 * `df = 4` and `2.7` bit-exact). Float64 does the same with the float64
 * draws of `normal.ts` and `gamma.ts`.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { gammaKernel } from "./gamma.js";
import { sampleCastFloatParams } from "./float-params.js";
import { normalKernel } from "./normal.js";

/**
 * Sample Student's t variates with `df` degrees of freedom, as
 * `jax.random.t`.
 *
 * `df` is rounded to `dtype`. Like JAX, it is not validated (non-positive
 * or NaN values propagate through JAX's arithmetic; `df = +Infinity` gives
 * NaN, as `Infinity / Infinity` does in JAX).
 *
 * @param key - the key.
 * @param df - the degrees of freedom, broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `df`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, a float64 NdArray parameter with `dtype` float32 (JAX's `_check_all_safe_to_cast`), `df` or options.
 * @throws RangeError if `df` does not broadcast to `shape`.
 */
export function t(
  key: KeyLike,
  df: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("t", key);
  return sampleCastFloatParams(
    "t",
    checkedKey,
    { df },
    shape,
    dtype,
    options,
    (k, s, d, [dfs], p) => tKernel(k, s, d, dfs, p),
  );
}

/**
 * JAX's `_t` on a checked key, `df` broadcast to `shape` and rounded to
 * `dtype`:
 *
 * 1. `(keyN, keyG) = split(key)`.
 * 2. `n = normal(keyN, shape)`; `h = df / 2`; `g = gamma(keyG, h, shape)`.
 * 3. Result `n · sqrt(h / g)`.
 */
export function tKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  df: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const size = shapeSize(shape);
  const [keyN, keyG] = splitKey(key, 2, partitionable);
  const n = normalKernel(keyN, shape, dtype, partitionable);
  const halfDf = df.map((x) => r(x / 2));
  const g = gammaKernel(keyG, shape, dtype, halfDf, partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) out[i] = r(n[i] * r(Math.sqrt(r(halfDf[i] / g[i]))));
  return out;
}

// Mirrors jax.random.bernoulli (jax/_src/random/core.py: bernoulli, _bernoulli).
/**
 * Bernoulli booleans: `uniform < p` (mode `"low"`), or JAX's two-draw
 * higher-resolution comparison (mode `"high"`).
 *
 * Exact: only float comparisons, a subtraction and a power-of-two scaling,
 * all rounded to the dtype like XLA's float arithmetic.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  isPartitionable,
  isX64,
  SLICE_OPTION_KEYS,
  type SliceOptions,
  type X64Options,
} from "../options.js";

export { isX64, type X64Options };
import { resolveShape, toParam, type ArrayParam } from "../params.js";
import { sampleElements } from "../slice.js";
import { describe } from "../validate.js";
import { unitFloats } from "./uniform.js";

/**
 * The float dtype JAX gives a probability-like parameter (`lax.dtype(p)` after
 * promotion to inexact): a float NdArray keeps its dtype; numbers and nested
 * arrays are float32, or float64 with `x64`; an integer or bool NdArray is
 * integer in JAX, which `what` decides about (`undefined` here).
 */
export function paramFloatDType(value: unknown, x64: boolean): FloatDType | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const dtype = (value as { dtype?: unknown }).dtype;
    if (dtype === "float32" || dtype === "float64") return dtype;
    if (typeof dtype === "string") return undefined;
  }
  return x64 ? "float64" : "float32";
}

/** The `mode` of {@link bernoulli}. */
export type BernoulliMode = "low" | "high";

/**
 * Sample Bernoulli booleans with mean `p`, as `jax.random.bernoulli`.
 *
 * `p` is held in its float dtype (float32 for numbers and nested arrays, or
 * float64 with `options.x64`; a float NdArray keeps its dtype) and compared
 * with a uniform draw of that dtype: mode `"low"` returns `u < p`; mode
 * `"high"` draws `u1, u2` as one uniform of shape `[2, ...shape]` and returns
 * `u2 · 2^-nmant < p - u1`, which resolves probabilities below `2^-nmant`.
 * Like JAX, `p` outside [0, 1] or NaN is not an error: `p <= 0` and NaN give
 * `false`, `p >= 1` gives `true` (the functional API mirrors `jax.random`).
 *
 * @param key - the key.
 * @param p - the mean, a number or array broadcast-compatible with `shape` (default 0.5).
 * @param shape - the result shape; default (`undefined`) is `p`'s shape.
 * @param mode - `"low"` (default) or `"high"`.
 * @param options - the threefry mode (default partitionable) and `slice: [start, end]` for a slice of the result (spec/sharding.md) and `x64`.
 * @returns a `bool` array (bytes 0/1).
 * @throws TypeError for a bad key, shape or `p` (an integer NdArray `p` included, as JAX).
 * @throws RangeError for a bad `mode` or if `p` does not broadcast to `shape`.
 */
export function bernoulli(
  key: KeyLike,
  p: ArrayParam = 0.5,
  shape?: number | readonly number[],
  mode: BernoulliMode = "low",
  options?: SliceOptions,
): NdArray<"bool"> {
  if (mode !== "low" && mode !== "high") {
    throw new RangeError(`bernoulli: got mode=${describe(mode)}, expected "high" or "low"`);
  }
  const checkedKey = checkKey("bernoulli", key);
  const x64 = isX64(options);
  const dtype = paramFloatDType(p, x64);
  if (dtype === undefined) {
    throw new TypeError(
      `bernoulli probability p must have a floating dtype, got an NdArray of dtype ${describe((p as NdArray).dtype)}`,
    );
  }
  const prob = toParam("p", p);
  const checkedShape = resolveShape("bernoulli", shape, prob);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) => bernoulliKernel(k, s, dtype, broadcast(prob), mode, partitionable),
  );
  return { dtype: "bool", shape: resultShape, data };
}

/**
 * JAX's `_bernoulli` on a checked key, with `p` broadcast to `shape` (or of
 * length 1) and held in `dtype`.
 */
export function bernoulliKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  p: Float64Array | readonly number[],
  mode: BernoulliMode,
  partitionable: boolean,
): Uint8Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const out = new Uint8Array(size);
  const prob = (i: number) => round(p.length === 1 ? p[0] : p[i]);
  if (mode === "low") {
    // uniform(key, shape, dtype) < p; uniform on [0, 1) is the unit floats themselves.
    const u = unitFloats(key, size, dtype, partitionable);
    for (let i = 0; i < size; i++) out[i] = u[i] < prob(i) ? 1 : 0;
    return out;
  }
  // u1, u2 = uniform(key, (2, *shape), dtype); u2 *= 2**-nmant; u2 < p - u1.
  const u = unitFloats(key, 2 * size, dtype, partitionable);
  const scale = dtype === "float32" ? 2 ** -23 : 2 ** -52;
  for (let i = 0; i < size; i++) {
    out[i] = round(u[size + i] * scale) < round(prob(i) - u[i]) ? 1 : 0;
  }
  return out;
}

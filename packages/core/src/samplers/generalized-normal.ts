// Mirrors jax.random.generalized_normal (jax/_src/random/core.py: generalized_normal, _generalized_normal).
/**
 * Generalized normal variates (density proportional to `exp(−|x|^p)`):
 * a random sign times `g^(1/p)` with `g` Gamma(`1/p`).
 *
 * Accuracy. The gamma draw follows `gamma.ts`; `1/p` is exactly rounded;
 * `pow` is glibc's (`powF32`, `powF64`); the sign is exact. Float32,
 * measured with jax 0.10.2 on CPU (AMD EPYC), both threefry modes and x64
 * off and on: `p = 1.5` (16384 samples) and `3` (8192) bit-exact, and
 * `p = 3.5`, `2`, `0.7` with shapes `[]`, `[1]`, `[2]`, `[3]`, `[8]` (40
 * keys each) bit-exact. Float64 is bit-exact.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  isX64,
  SLICE_OPTION_KEYS,
  type SliceOptions,
  type ThreefryOptions,
} from "../options.js";
import { splitKey } from "../random-words.js";
import { checkFloatDType, checkShape, describe } from "../validate.js";
import { gammaKernel } from "./gamma.js";
import { unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { sampleElements } from "../slice.js";

/**
 * Check the `p` of `generalizedNormal` / `ball`: a number (JAX documents a
 * Python float). Its value is not restricted, as in JAX.
 *
 * @throws TypeError for anything but a number.
 */
export function checkShapeExponent(name: string, p: unknown): number {
  if (typeof p !== "number") {
    throw new TypeError(`${name} must be a number, got ${describe(p)}`);
  }
  return p;
}

/**
 * Sample from the generalized normal distribution with shape parameter `p`
 * (density proportional to `exp(−|x|^p)`; `p = 2` is a normal with variance
 * 1/2, `p = 1` a Laplace), as `jax.random.generalized_normal`.
 *
 * `p` is a Python float in JAX, traced in JAX's default float dtype: `1/p`
 * is computed in float32 without x64 and in float64 with it, then rounded
 * to `dtype`. Like JAX, it is not validated: `p <= 0` or NaN gives
 * what JAX's arithmetic gives (infinities or NaN).
 *
 * The random sign is JAX's `rademacher`, i.e. `bernoulli(key, 0.5)`, whose
 * uniform has the dtype of the Python float 0.5: float32 without x64,
 * float64 with `options.x64` — also for a float32 result, where the two
 * give different signs. A float64 result implies x64.
 *
 * @param key - the key.
 * @param p - the shape parameter, a number.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, `p`, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function generalizedNormal(
  key: KeyLike,
  p: number,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedShape = checkShape("shape", shape);
  const checkedKey = checkKey("generalizedNormal", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const exponent = checkShapeExponent("p", p);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const signDType = signFloatDType(checkedDType, options);
  const { shape: resultShape, data } = sampleElements(checkedKey, checkedShape, options, (k, s) =>
    generalizedNormalKernel(k, s, checkedDType, exponent, partitionable, signDType),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The float dtype of the uniform behind JAX's `rademacher` signs (the dtype of
 * the Python float 0.5): float64 with x64, else float32; a float64 result
 * implies x64.
 */
export function signFloatDType(
  dtype: FloatDType,
  options: ThreefryOptions | undefined,
): FloatDType {
  return isX64(options) || dtype === "float64" ? "float64" : "float32";
}

/**
 * JAX's `_generalized_normal` on a checked key, `p` the Python float:
 *
 * 1. `(k0, k1) = split(key)`.
 * 2. `g = gamma(k0, 1/p, shape)`, `1/p` computed in `signDType` (the
 *    dtype of a Python float) and rounded to `dtype`.
 * 3. `s = rademacher(k1, shape)`: `+1` where `uniform(k1, shape, signDType) < 0.5`, else `−1`.
 * 4. Result `s · g^(1/p)`.
 */
export function generalizedNormalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  p: number,
  partitionable: boolean,
  signDType: FloatDType,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const pow = mathIn(dtype).pow;
  const size = shapeSize(shape);
  const [k0, k1] = splitKey(key, 2, partitionable);
  const invP = r(pythonFloatReciprocal(p, signDType));
  // Where 1/p reaches gamma without a conversion (the Python float traced in
  // the result's dtype), XLA simplifies gamma's 1/(1/p) to p; not for a single
  // element, where a reshape of 1/p to shape [1] separates the two divisions.
  const inverseAlpha = signDType === dtype && size > 1 ? r(p) : undefined;
  const alpha = new Float64Array(size).fill(invP);
  const g = gammaKernel(k0, shape, dtype, alpha, partitionable, "exact", inverseAlpha);
  const u = unitFloats(k1, size, signDType, partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    const sign = u[i] < 0.5 ? 1 : -1;
    out[i] = sign * pow(g[i], invP);
  }
  return out;
}

/** `1 / p` for a Python float `p`, computed in `pythonFloatDType` (float32 without x64, float64 with it). */
export function pythonFloatReciprocal(p: number, pythonFloatDType: FloatDType): number {
  const r = roundTo(pythonFloatDType);
  return r(1 / r(p));
}

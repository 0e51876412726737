// Mirrors jax.random.maxwell and jax.random.double_sided_maxwell (jax/_src/random/core.py: maxwell, _maxwell, double_sided_maxwell, _double_sided_maxwell).
/**
 * Maxwell floats: the Euclidean norm of three standard normals; and the
 * double-sided Maxwell: a Maxwell sample with a random sign, scaled and
 * shifted.
 *
 * Accuracy. Float32 is bit-exact with JAX on CPU (measured with jax 0.10.2,
 * both threefry modes): the normals are ({@link normalKernel}), and the sum
 * of squares follows how XLA:CPU compiles it, which depends on the size: up
 * to 4096 normals one loop computes `fma(x2, x2, fma(x0, x0, x1²))`, above
 * that a separate reduction computes `(x0² + x2²) + x1²` with every step
 * rounded; `sqrt` is exact. The double-sided sample `sign·m·scale + loc` is
 * one fused multiply-add in that loop and rounded step by step beyond it.
 * Float64 is bit-exact too: XLA:CPU computes
 * `fma(x2, x2, fma(x1, x1, x0²))` and fuses the double-sided tail.
 *
 * @module
 */
import { f32, fmaF32 } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  isX64,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { broadcastShapes, toParam, type ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { checkFloatDType, checkShape } from "../validate.js";
import { normalKernel } from "./normal.js";
import { rademacherKernel } from "./rademacher.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { sampleElements } from "../slice.js";

/**
 * Sample one-sided Maxwell floats, as `jax.random.maxwell`: the norm of
 * three standard normals drawn as one `normal(key, [...shape, 3])` (no
 * split).
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function maxwell(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("maxwell", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const checkedShape = checkShape("shape", shape);
  checkShape("shape", [...checkedShape, 3]);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(checkedKey, checkedShape, options, (k, s) =>
    maxwellKernel(k, s, checkedDType, partitionable),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/** The largest number of normals whose float32 sum of squares XLA:CPU fuses into one loop. */
const SMALL_REDUCTION_LIMIT = 4096;

/**
 * JAX's `_maxwell` on a checked key: `normal(key, [...shape, 3], dtype)`,
 * then `sqrt(sum(x·x))` over the last axis, summed in order from 0.
 */
export function maxwellKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const normals = normalKernel(key, [...shape, 3], dtype, partitionable);
  const out = dtype === "float32" ? new Float32Array(size) : new Float64Array(size);
  if (dtype === "float32") {
    // XLA:CPU compiles the sum of squares one way for up to 4096 normals
    // (one loop, contracted into fused multiply-adds) and another above
    // (a separate reduction that pairs the first and last terms, unfused);
    // measured against jax 0.10.2: 1365 samples use the first, 1366 the second.
    const fused = normals.length <= SMALL_REDUCTION_LIMIT;
    for (let i = 0; i < size; i++) {
      const x0 = normals[3 * i];
      const x1 = normals[3 * i + 1];
      const x2 = normals[3 * i + 2];
      const sum = fused
        ? fmaF32(x2, x2, fmaF32(x0, x0, f32(x1 * x1)))
        : f32(f32(f32(x0 * x0) + f32(x2 * x2)) + f32(x1 * x1));
      out[i] = f32(Math.sqrt(sum));
    }
  } else {
    for (let i = 0; i < size; i++) {
      const x0 = normals[3 * i];
      const x1 = normals[3 * i + 1];
      const x2 = normals[3 * i + 2];
      // XLA:CPU's reduce fuses each square into the running sum.
      out[i] = Math.sqrt(fmaF64(x2, x2, fmaF64(x1, x1, x0 * x0)));
    }
  }
  return out;
}

/**
 * Sample double-sided Maxwell floats, as `jax.random.double_sided_maxwell`:
 * `sign · m · scale + loc` with `m` Maxwell and `sign` Rademacher (±1).
 *
 * The result shape follows JAX exactly, including its quirk: it is
 * `[...shape, ...broadcast(loc, scale)]`, where an empty `shape` is first
 * replaced by the parameters' broadcast shape. So scalar parameters give
 * `shape`, but `loc` of shape `[2]` with the default `shape` gives `[2, 2]`.
 * Like JAX, `scale` is not checked for sign (a negative scale mirrors the
 * distribution; NaN gives NaN), as the functional API mirrors `jax.random`.
 * Parameters are rounded to the dtype.
 *
 * @param key - the key.
 * @param loc - the centre(s).
 * @param scale - the scale(s), broadcast-compatible with `loc`.
 * @param shape - the leading result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64`: the; `slice: [start, end]` for a slice of the result (spec/sharding.md).
 *   random signs come from `jax.random.rademacher`, whose Bernoulli draw uses
 *   the default float dtype (float64 with `jax_enable_x64`, else float32).
 *   `dtype: "float64"` implies x64; pass `x64: true` to mirror a float32
 *   request made with x64 enabled.
 * @throws TypeError for a bad key, parameter, shape, dtype or options.
 * @throws RangeError if `loc` and `scale` do not broadcast, or for too many elements.
 */
export function doubleSidedMaxwell(
  key: KeyLike,
  loc: ArrayParam,
  scale: ArrayParam,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("double_sided_maxwell", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const checkedShape = checkShape("shape", shape);
  const l = toParam("loc", loc);
  const s = toParam("scale", scale);
  const paramsShape = broadcastShapes("double_sided_maxwell", l.shape, s.shape);
  const resultShape = checkShape("shape", [
    ...(checkedShape.length === 0 ? paramsShape : checkedShape),
    ...paramsShape,
  ]);
  checkShape("shape", [...resultShape, 3]);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const signDType = isX64(options) || checkedDType === "float64" ? "float64" : "float32";
  const { shape: sampledShape, data } = sampleElements(
    checkedKey,
    resultShape,
    options,
    (k, sliceShape, broadcast) =>
      doubleSidedMaxwellKernel(
        k,
        sliceShape,
        checkedDType,
        broadcast(l),
        broadcast(s),
        partitionable,
        signDType,
      ),
  );
  return { dtype: checkedDType, shape: sampledShape, data };
}

/**
 * JAX's `_double_sided_maxwell` on a checked key, for the final result
 * `shape`, with `loc` and `scale` broadcast to it (or of length 1):
 *
 * 1. `maxwellKey, rademacherKey = split(key)`;
 * 2. `m = maxwell(maxwellKey, shape, dtype)`;
 * 3. `sign = rademacher(rademacherKey, shape)`, i.e.
 *    `2 · bernoulli(rademacherKey, 0.5, shape) - 1`, the Bernoulli uniform
 *    being drawn in `signDType` (JAX's default float dtype: float32 without
 *    x64, float64 with it; default: `dtype`);
 * 4. `sign · m · scale + loc`, left to right, in the dtype.
 */
export function doubleSidedMaxwellKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  loc: Float64Array | readonly number[],
  scale: Float64Array | readonly number[],
  partitionable: boolean,
  signDType: FloatDType = dtype,
): Float32Array | Float64Array {
  const [maxwellKey, rademacherKey] = splitKey(key, 2, partitionable);
  const out = maxwellKernel(maxwellKey, shape, dtype, partitionable);
  const sign = rademacherKernel(
    rademacherKey,
    shape,
    "int32",
    signDType,
    partitionable,
  ) as Int32Array;
  const round = dtype === "float32" ? f32 : (x: number) => x;
  const scalar = loc.length === 1 && scale.length === 1;
  // With the Maxwell norms in the same loop (float32: up to 4096 normals, see
  // maxwellKernel), XLA:CPU contracts `(sign · m) · scale + loc` into one FMA.
  const fusedTail = dtype === "float64" || 3 * out.length <= SMALL_REDUCTION_LIMIT;
  const math = mathIn(dtype);
  for (let i = 0; i < out.length; i++) {
    const l = round(scalar ? loc[0] : loc[i]);
    const s = round(scalar ? scale[0] : scale[i]);
    out[i] = fusedTail ? math.fma(sign[i] * out[i], s, l) : round(round(sign[i] * out[i] * s) + l);
  }
  return out;
}

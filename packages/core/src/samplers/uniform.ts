// Mirrors jax.random.uniform (jax/_src/random/core.py: uniform, _uniform).
/**
 * Uniform floats in [minval, maxval).
 *
 * @module
 */
import { bitsToUnitFloat32, bitsToUnitFloat64, f32, fmaF32, roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { type ArrayParam, checkParamsFitShape, toParam } from "../params.js";
import { randomBits32, randomBits64 } from "../random-words.js";
import { checkFloatDType, checkShape } from "../validate.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { sampleElements } from "../slice.js";

/**
 * Sample uniform floats in `[minval, maxval)`, as `jax.random.uniform`.
 *
 * Each element takes `width` random bits (32 for float32, 64 for float64),
 * keeps the top mantissa bits as a float `u` in [0, 1), and returns
 * `max(minval, u · (maxval - minval) + minval)`, every step rounded to
 * `dtype`; in float32 the multiply and add are one fused multiply-add, as
 * XLA:CPU compiles them.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`); `minval` and `maxval` must broadcast to it.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param minval - inclusive lower bound (default 0).
 * @param maxval - exclusive upper bound (default 1).
 * @param options - the threefry mode (default partitionable), `x64` (default `false`, JAX's `jax_enable_x64`) and `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or parameter.
 * @throws RangeError if the parameters do not broadcast to `shape`.
 */
export function uniform(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  minval: ArrayParam = 0,
  maxval: ArrayParam = 1,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("uniform", key);
  const checkedShape = checkShape("shape", shape);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const low = toParam("minval", minval);
  const high = toParam("maxval", maxval);
  checkParamsFitShape("uniform", checkedShape, low.shape, high.shape);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    // A scalar bound stays one value: no per-element broadcast.
    (k, s, broadcast) =>
      uniformKernel(
        k,
        s,
        checkedDType,
        low.data.length === 1 ? low.data : broadcast(low),
        high.data.length === 1 ? high.data : broadcast(high),
        partitionable,
      ),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * JAX's `_uniform` on a checked key, with `minval` and `maxval` already
 * broadcast to `shape` (or of length 1, applying to every element).
 */
export function uniformKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  minval: Float64Array | readonly number[],
  maxval: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  if (dtype === "float32" && minval.length === 1 && maxval.length === 1) {
    return uniformFloat32Scalar(key, size, minval[0], maxval[0], partitionable);
  }
  const out = allocate(dtype, size);
  const round = roundTo(dtype);
  // XLA:CPU contracts `u · (maxval - minval) + minval` into one FMA.
  const fma = mathIn(dtype).fma;
  const unit = unitFloats(key, size, dtype, partitionable);
  const scalarBounds = minval.length === 1 && maxval.length === 1;
  for (let i = 0; i < size; i++) {
    const low = round(scalarBounds ? minval[0] : minval[i]);
    const high = round(scalarBounds ? maxval[0] : maxval[i]);
    out[i] = Math.max(low, fma(unit[i], round(high - low), low));
  }
  return out;
}

/**
 * {@link uniformKernel} in float32 with one `minval` and one `maxval`: the
 * same steps on each word, with nothing per element but the arithmetic.
 */
function uniformFloat32Scalar(
  key: Key,
  size: number,
  minval: number,
  maxval: number,
  partitionable: boolean,
): Float32Array {
  const out = new Float32Array(size);
  const low = f32(minval);
  const span = f32(f32(maxval) - low);
  const words = randomBits32(key, size, partitionable);
  for (let i = 0; i < size; i++) {
    out[i] = Math.max(low, fmaF32(bitsToUnitFloat32(words[i]), span, low));
  }
  return out;
}

/** JAX's uniform floats in [0, 1) before scaling: `size` of them in `dtype`. */
export function unitFloats(
  key: Key,
  size: number,
  dtype: FloatDType,
  partitionable: boolean,
): Float64Array {
  const out = new Float64Array(size);
  if (dtype === "float32") {
    const words = randomBits32(key, size, partitionable);
    for (let i = 0; i < size; i++) out[i] = bitsToUnitFloat32(words[i]);
  } else {
    const words = randomBits64(key, size, partitionable);
    for (let i = 0; i < size; i++) out[i] = bitsToUnitFloat64(words[2 * i], words[2 * i + 1]);
  }
  return out;
}

// Mirrors jax.random.geometric (jax/_src/random/core.py: geometric, _geometric).
/**
 * Geometric counts (number of trials up to and including the first success):
 * `floor(log(u) / log1p(-p)) + 1`.
 *
 * Accuracy. `log` and `log1p` are the routines XLA:CPU runs in the float
 * dtype (`mathIn`) and the quotient is exactly rounded, so the counts are
 * JAX's.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import {
  allocate,
  shapeSize,
  type FloatDType,
  type NdArray,
  type TypedArrayOf,
} from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  isX64,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { resolveShape, toParam, type ArrayParam } from "../params.js";
import { paramFloatDType } from "./bernoulli.js";
import { checkIntegerDType, floatToInteger, INTEGER_INFO, type IntegerDType } from "./randint.js";
import { unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { sampleElements } from "../slice.js";

/**
 * Sample geometric counts with success probability `p`, as
 * `jax.random.geometric`.
 *
 * `p` is held in its float dtype (float32 for numbers and nested arrays, or
 * float64 with `options.x64`; a float NdArray keeps its dtype; an integer
 * NdArray is promoted to float32, or float64 with `x64`, as
 * `promote_dtypes_inexact`). A uniform `u` of that dtype (0 mapped to 1)
 * gives `floor(log(u) / log1p(-p)) + 1`, converted to `dtype` like XLA's
 * `astype`: truncated, saturated to the dtype's range, NaN to 0. Like JAX,
 * `p` outside (0, 1] is not an error: `p = 0` gives the dtype's maximum, `p = 1`
 * gives 1, `p > 1` or NaN gives 0 (the functional API mirrors `jax.random`).
 *
 * @param key - the key.
 * @param p - success probability, a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `p`'s shape.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`.
 * @param options - the threefry mode (default partitionable) and `x64`; `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or `p`.
 * @throws RangeError if `p` does not broadcast to `shape`.
 */
export function geometric<D extends IntegerDType = "int32">(
  key: KeyLike,
  p: ArrayParam,
  shape?: number | readonly number[],
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("geometric", key);
  const checkedDType = checkIntegerDType(
    "dtype",
    "geometric",
    dtype ?? defaultIntDType(options),
  ) as D;
  const prob = toParam("p", p);
  const checkedShape = resolveShape("geometric", shape, prob);
  const x64 = isX64(options);
  const floatDType = paramFloatDType(p, x64) ?? (x64 ? "float64" : "float32");
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  // Whether p is broadcast to the result's whole shape (XLA then multiplies by 1/log1p(-p)).
  const broadcast =
    prob.shape.length !== checkedShape.length || prob.shape.some((e, i) => e !== checkedShape[i]);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcastTo) =>
      geometricKernel(
        k,
        s,
        checkedDType,
        floatDType,
        broadcastTo(prob),
        partitionable,
        broadcast,
      ) as TypedArrayOf[D],
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * JAX's `_geometric` on a checked key, `p` broadcast to `shape` (or of
 * length 1). JAX broadcasts `log1p(-p)` to the shape; where that is a real
 * broadcast (`broadcast`, default: `p` of length 1) XLA divides by it as a
 * multiplication by its reciprocal.
 */
export function geometricKernel(
  key: Key,
  shape: readonly number[],
  dtype: IntegerDType,
  floatDType: FloatDType,
  p: Float64Array | readonly number[],
  partitionable: boolean,
  broadcast: boolean = p.length === 1,
): TypedArrayOf[IntegerDType] {
  const size = shapeSize(shape);
  const round = roundTo(floatDType);
  const math = mathIn(floatDType);
  const u = unitFloats(key, size, floatDType, partitionable);
  const out = allocate(dtype, size);
  const wide = INTEGER_INFO[dtype].bits === 64;
  const low = Number(INTEGER_INFO[dtype].min);
  const high = Number(INTEGER_INFO[dtype].max);
  let lastP = NaN;
  let logOneMinusP = NaN;
  let inverseLogOneMinusP = NaN;
  for (let i = 0; i < size; i++) {
    const prob = round(p.length === 1 ? p[0] : p[i]);
    if (!Object.is(prob, lastP)) {
      lastP = prob;
      logOneMinusP = round(math.log1p(round(-prob)));
      inverseLogOneMinusP = round(1 / logOneMinusP);
    }
    const ui = u[i] === 0 ? 1 : u[i];
    const logU = round(math.log(ui));
    const quotient = broadcast ? round(logU * inverseLogOneMinusP) : round(logU / logOneMinusP);
    const g = round(Math.floor(quotient) + 1);
    if (wide) (out as BigInt64Array | BigUint64Array)[i] = floatToInteger(g, dtype);
    else
      (out as Int32Array)[i] = Number.isNaN(g) ? 0 : Math.min(Math.max(Math.trunc(g), low), high);
  }
  return out;
}

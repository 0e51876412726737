// Mirrors jax.random.geometric (jax/_src/random/core.py: geometric, _geometric).
/**
 * Geometric counts (number of trials up to and including the first success):
 * `floor(log(u) / log1p(-p)) + 1`.
 *
 * Accuracy. `log` and `log1p` are JavaScript's float64 functions rounded to
 * the float dtype: within 1 float32 ULP of the exact value (0.5 ULP plus
 * double rounding), against XLA CPU's float32 approximations within about 1
 * ULP, so each may differ from XLA's by up to 2 float32 ULP (float64: up to 2
 * float64 ULP against XLA's float64 functions). The quotient is then exactly
 * rounded. A count can therefore differ from JAX's only when
 * `log(u)/log1p(-p)` lies within about 4 ULP of an integer, which happens for
 * a fraction of order 10^-6 of float32 draws (far less in float64).
 *
 * @module
 */
import { log1pIn, logIn } from "../xla-math/by-dtype.js";
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
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      geometricKernel(
        k,
        s,
        checkedDType,
        floatDType,
        broadcast(prob),
        partitionable,
      ) as TypedArrayOf[D],
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/** JAX's `_geometric` on a checked key, `p` broadcast to `shape` (or of length 1). */
export function geometricKernel(
  key: Key,
  shape: readonly number[],
  dtype: IntegerDType,
  floatDType: FloatDType,
  p: Float64Array | readonly number[],
  partitionable: boolean,
): TypedArrayOf[IntegerDType] {
  const size = shapeSize(shape);
  const round = roundTo(floatDType);
  const log = logIn(floatDType);
  const log1p = log1pIn(floatDType);
  const u = unitFloats(key, size, floatDType, partitionable);
  const out = allocate(dtype, size);
  const wide = INTEGER_INFO[dtype].bits === 64;
  const low = Number(INTEGER_INFO[dtype].min);
  const high = Number(INTEGER_INFO[dtype].max);
  let lastP = NaN;
  let logOneMinusP = NaN;
  for (let i = 0; i < size; i++) {
    const prob = round(p.length === 1 ? p[0] : p[i]);
    if (!Object.is(prob, lastP)) {
      lastP = prob;
      logOneMinusP = log1p(round(-prob));
    }
    const ui = u[i] === 0 ? 1 : u[i];
    const logU = log(ui);
    const g = round(Math.floor(round(logU / logOneMinusP)) + 1);
    if (wide) (out as BigInt64Array | BigUint64Array)[i] = floatToInteger(g, dtype);
    else
      (out as Int32Array)[i] = Number.isNaN(g) ? 0 : Math.min(Math.max(Math.trunc(g), low), high);
  }
  return out;
}

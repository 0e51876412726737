// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §5); built on exponential.ts.
/**
 * Power-distribution variates on [0, 1] with exponent `a − 1`
 * (density `a·x^(a−1)`, CDF `x^a`; Beta(a, 1)), as NumPy's `power`.
 *
 * Algorithm: `x = exp(−E / a)` with `E = exponential(key)` (JAX's
 * `-log1p(-u)`, no split). Since `exp(−E)` is uniform on (0, 1],
 * `exp(−E)^(1/a)` has CDF `x^a` exactly. NumPy computes
 * `pow(−expm1(−E), 1/a)`, i.e. `(1 − e^(−E))^(1/a)`, the same distribution;
 * ours needs one transcendental after `E` instead of two and never rounds
 * `1/a`. Fixed work: one 32- (float32) or 64-bit (float64) word per element.
 *
 * Values lie in [0, 1]: `u = 0` gives `E = 0` and exactly 1 (probability
 * 2^-23 in float32, 2^-52 in float64), and `exp` underflows to 0 when
 * `E / a` exceeds about 103 (float32) or 745 (float64).
 *
 * Accuracy. `E` is JAX's `exponential` to the bit (`exponential.ts`), the
 * division is exactly rounded and `exp` is XLA:CPU's routine in the dtype
 * (`expF32`, `expF64`), so a result equals what JAX on CPU computes for
 * `exp(-exponential(key) / a)`.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { type ArrayParam, resolveShape, toParam } from "../params.js";
import { checkFloatDType } from "../validate.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { checkNumpyConstraint } from "./defined-common.js";
import { exponentialKernel } from "./exponential.js";
import { sampleElements } from "../slice.js";

/**
 * Sample power-distribution variates with exponent parameter `a`
 * (CDF `x^a` on [0, 1]), as NumPy's `Generator.power`.
 *
 * `a` is rounded to `dtype` and must be positive (NumPy's `"a <= 0"`, NaN
 * rejected). `a = +Infinity` gives 1.
 *
 * @param key - the key.
 * @param a - the exponent parameter (> 0), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `a`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `a` or options.
 * @throws RangeError for `a <= 0` or NaN, or if `a` does not broadcast to `shape`.
 */
export function power(
  key: KeyLike,
  a: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("power", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const exponent = toParam("a", a);
  const checkedShape = resolveShape("power", shape, exponent);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("power", "a", exponent, "CONS_POSITIVE");
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      powerKernel(
        k,
        s,
        checkedDType,
        broadcast(exponent).map(roundTo(checkedDType)),
        partitionable,
      ),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The power kernel on a checked key, `a` broadcast to `shape` and rounded
 * to `dtype`: `E = exponential(key, shape)` (no split), result
 * `r(exp(r(−E / a)))`.
 */
export function powerKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const exp = mathIn(dtype).exp;
  const size = shapeSize(shape);
  const e = exponentialKernel(key, shape, dtype, partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) out[i] = r(exp(r(-e[i] / a[i])));
  return out;
}

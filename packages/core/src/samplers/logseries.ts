// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §8).
/**
 * Logarithmic-series counts `k >= 1` with `P(k) = −p^k / (k·log(1 − p))`, as
 * NumPy's `logseries`: Kemp's (1981) algorithm LK, which is exact without
 * rejection — two uniforms per element, fixed work.
 *
 * Algorithm. `(kV, kU) = split(key, 2)`; float64 uniforms for the whole
 * shape, `V = 1 − uniform(kV)` in (0, 1] and `U = uniform(kU)` in [0, 1).
 * Per element, with `r = log1p(−p)` and `x = r·U`:
 * `V >= p` gives 1; else with `q = −expm1(x)`: `V <= q²` gives
 * `floor(1 + log(V) / log(q))`, `V >= q` gives 1, otherwise 2.
 * `log(q)` is evaluated as `log1mexp(x)`: `log(−expm1(x))` for `x > −ln 2`,
 * else `log1p(−exp(x))` — accurate also when `q` is close to 1.
 *
 * Differences from NumPy's `random_logseries`, which draws `V` in [0, 1)
 * and loops again when `V = 0` or the floor is below 1: with `V` in (0, 1]
 * and the `log1mexp` form, `log(V) <= 0` and `log(q) < 0` whenever that
 * branch runs, so the quotient is never negative and no retry is ever
 * needed. Counts beyond the dtype's range (possible for `p` very close to 1)
 * saturate to its maximum. Uniforms are float64 (64 random bits per element)
 * for every output dtype.
 *
 * Accuracy. Float64 throughout: results agree with any float64 evaluation of
 * these steps except where a comparison or the floor lands within a few
 * float64 ULP of its threshold (of order 10^-15 per draw).
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type NdArray, type TypedArrayOf } from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { type ArrayParam, resolveShape, toParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { checkNumpyConstraint, storeIntegers, unitFloats64 } from "./defined-common.js";
import { checkIntegerDType, type IntegerDType } from "./randint.js";
import { sampleElements } from "../slice.js";

/**
 * Sample logarithmic-series counts with parameter `p`, as NumPy's
 * `Generator.logseries`.
 *
 * `p` is read as float64 and must lie in [0, 1) (NumPy's
 * `"p < 0, p >= 1 or p is NaN"`); `p = 0` gives 1.
 *
 * @param key - the key.
 * @param p - the parameter in [0, 1), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `p`'s shape.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `p` or options.
 * @throws RangeError for `p` outside [0, 1), or if `p` does not broadcast to `shape`.
 */
export function logseries<D extends IntegerDType = "int32">(
  key: KeyLike,
  p: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("logseries", key);
  const checkedDType = checkIntegerDType(
    "dtype",
    "logseries",
    dtype ?? defaultIntDType(options),
  ) as D;
  const prob = toParam("p", p);
  const checkedShape = resolveShape("logseries", shape, prob);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("logseries", "p", prob, "CONS_BOUNDED_LT_0_1");
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) => logseriesKernel(k, s, checkedDType, broadcast(prob), partitionable),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/** `log(1 − exp(x))` for `x <= 0`, accurately (Mächler's `log1mexp`). */
export function log1mexp(x: number): number {
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/**
 * The logarithmic-series kernel on a checked key, `p` (float64 in [0, 1))
 * broadcast to `shape`: Kemp's LK with fixed key splits, as in the module
 * notes.
 */
export function logseriesKernel<D extends IntegerDType>(
  key: Key,
  shape: readonly number[],
  dtype: D,
  p: Float64Array,
  partitionable: boolean,
): TypedArrayOf[D] {
  const size = shapeSize(shape);
  const [kV, kU] = splitKey(key, 2, partitionable);
  const vs = unitFloats64(kV, size, partitionable);
  const us = unitFloats64(kU, size, partitionable);
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const v = 1 - vs[i];
    if (v >= p[i]) {
      out[i] = 1;
      continue;
    }
    const x = Math.log1p(-p[i]) * us[i];
    const q = -Math.expm1(x);
    if (v <= q * q) out[i] = Math.floor(1 + Math.log(v) / log1mexp(x));
    else out[i] = v >= q ? 1 : 2;
  }
  return storeIntegers(out, dtype);
}

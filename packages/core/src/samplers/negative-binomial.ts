// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §2); built on gamma.ts and poisson.ts.
/**
 * Negative binomial counts, NumPy's definition: the number of failures
 * before the `n`-th success in Bernoulli trials of success probability `p`
 * (`n` may be any positive real).
 *
 * Algorithm (the gamma–Poisson mixture, as NumPy's
 * `random_negative_binomial`): `(kGamma, kPoisson) = split(key)`,
 * `lam = gamma(kGamma, n) · ((1 − p) / p)` in float32, result
 * `poisson(kPoisson, lam)`. Both draws are JAX's own samplers
 * (`gammaKernel`, `poissonKernel`), so the result is exactly what
 * the JAX one-liner `poisson(k2, gamma(k1, n, shape) * ((1 - p) / p), shape)`
 * gives with `k1, k2 = split(key)`. Work per element is that of one gamma and
 * one Poisson draw: bounded in expectation, with JAX's loops.
 *
 * Accuracy. The gamma draw carries `gamma.ts`'s bound (a few float32 ULP of
 * JAX's when its rejection loop takes JAX's path); the two float32 products
 * add 1 ULP; counts then equal a JAX evaluation of the one-liner except when
 * a Poisson threshold lies within those ULP (see `poisson.ts`).
 *
 * @module
 */
import { f32 } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type NdArray, type TypedArrayOf } from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { broadcastParam, resolveShape, toParam, type ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { checkNumpyConstraint } from "./defined-common.js";
import { gammaKernel } from "./gamma.js";
import { poissonKernel } from "./poisson.js";
import { checkIntegerDType, type IntegerDType } from "./randint.js";
import { sampleElements } from "../slice.js";

/**
 * NumPy's `POISSON_LAM_MAX`: `iinfo(int64).max − 10·sqrt(iinfo(int64).max)`
 * (`numpy/random/_generator.pyx`), the bound on `(1 − p)/p · (n + 10·sqrt(n))`.
 */
export const POISSON_LAM_MAX = 2 ** 63 - 1 - Math.sqrt(2 ** 63 - 1) * 10;

/**
 * Sample negative binomial counts: failures before the `n`-th success with
 * success probability `p` (NumPy's `Generator.negative_binomial`).
 *
 * `n` and `p` are rounded to float32. NumPy's rules apply: `n` must be
 * positive (not NaN), `p` in (0, 1], and `(1 − p)/p · (n + 10·sqrt(n))` at
 * most NumPy's `POISSON_LAM_MAX` (about 9.2·10^18). `p = 1` gives 0. Counts
 * above the dtype's range saturate to its maximum.
 *
 * @param key - the key.
 * @param n - number of successes (> 0, real), broadcast-compatible with `shape`.
 * @param p - success probability in (0, 1], broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of `n` and `p`.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, parameter or options.
 * @throws RangeError for parameters outside NumPy's domain or that do not broadcast to `shape`.
 */
export function negativeBinomial<D extends IntegerDType = "int32">(
  key: KeyLike,
  n: ArrayParam,
  p: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("negativeBinomial", key);
  const checkedDType = checkIntegerDType(
    "dtype",
    "negativeBinomial",
    dtype ?? defaultIntDType(options),
  ) as D;
  const successes = toParam("n", n);
  const prob = toParam("p", p);
  const checkedShape = resolveShape("negativeBinomial", shape, successes, prob);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("negativeBinomial", "n", successes, "CONS_POSITIVE_NOT_NAN");
  checkNumpyConstraint("negativeBinomial", "p", prob, "CONS_BOUNDED_GT_0_1");
  const nValues = broadcastParam(successes, checkedShape).map(f32);
  const pValues = broadcastParam(prob, checkedShape).map(f32);
  for (let i = 0; i < nValues.length; i++) {
    const maxLam = ((1 - pValues[i]) / pValues[i]) * (nValues[i] + 10 * Math.sqrt(nValues[i]));
    if (maxLam > POISSON_LAM_MAX) {
      throw new RangeError(
        `negativeBinomial: n too large or p too small, see Generator.negative_binomial Notes ` +
          `((1 - p)/p · (n + 10·sqrt(n)) must be at most ${POISSON_LAM_MAX}), got n = ${nValues[i]}, p = ${pValues[i]}`,
      );
    }
  }
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s) => negativeBinomialKernel(k, s, checkedDType, nValues, pValues, partitionable),
    false,
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The negative binomial kernel on a checked key, `n` and `p` broadcast to
 * `shape` (rounded to float32 inside):
 *
 * 1. `(kGamma, kPoisson) = split(key, 2)`.
 * 2. `g = gamma(kGamma, n)` in float32 (JAX's exact method).
 * 3. `lam = f32(g · f32(f32(1 − p) / p))`.
 * 4. Result `poisson(kPoisson, lam)` in `dtype`.
 */
export function negativeBinomialKernel<D extends IntegerDType>(
  key: Key,
  shape: readonly number[],
  dtype: D,
  n: Float64Array,
  p: Float64Array,
  partitionable: boolean,
): TypedArrayOf[D] {
  const [kGamma, kPoisson] = splitKey(key, 2, partitionable);
  const size = shapeSize(shape);
  const g = gammaKernel(kGamma, shape, "float32", n.map(f32), partitionable);
  const lam = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const p32 = f32(p[i]);
    lam[i] = f32(g[i] * f32(f32(1 - p32) / p32));
  }
  return poissonKernel(kPoisson, shape, dtype, lam, partitionable);
}

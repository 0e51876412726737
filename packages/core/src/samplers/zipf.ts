// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §7).
/**
 * Zipf (zeta) counts `k >= 1` with `P(k) = k^(−a) / ζ(a)`, as NumPy's
 * `zipf`: Devroye's rejection method (Non-Uniform Random Variate
 * Generation, 1986, X.6.1), run as a JAX-style fixed-shape loop.
 *
 * Algorithm. Per element, `am1 = a − 1`; `a >= 1025` gives 1 with no draws
 * (NumPy's rule: `P(k > 1) < 3e-309` there). Otherwise, while some element is
 * pending (and fewer than `MAX_REJECTION_ITERATIONS` iterations ran):
 * `(rng, kU, kV) = split(rng, 3)` (starting from `rng = key`), float64
 * uniforms `U01`, `V` of the whole shape; for each pending element
 * `X = floor(exp(−log1p(−U01·c) / am1))` with `c = −expm1(−am1·log M)`;
 * reject if `X` is not in `[1, M]`; accept where
 * `V·X·t/b <= (1 + t)/(1 + b)`, `t = expm1(am1·log1p(1/X))`,
 * `b = expm1(am1·log 2)`. `M` is the largest double not above the dtype's
 * maximum: like NumPy (which truncates at int64's maximum), the result
 * follows the Zipf law truncated to `[1, M]`, and drawing `U` from
 * `(M^(−am1), 1]` (NumPy's `Umin`) makes the truncation cost no rejections.
 *
 * Numerical form. NumPy evaluates `U = U01·Umin + (1 − U01)`,
 * `X = floor(U^(−1/am1))`, `T = (1 + 1/X)^am1` and tests
 * `V·X·(T − 1)/(b − 1) <= T/b` with `b = 2^am1`. Written with `log1p`/`expm1`
 * as above it is the same test, but it keeps full precision as `a → 1`,
 * where `T − 1` and `b − 1` cancel and `1 − U` is tiny (NumPy's form divides
 * by `b − 1 = 0` at `a = 1 + 2^-52`).
 *
 * Uniforms are float64 (64 random bits per element) for every output dtype,
 * so the tail is resolved to 2^-52 rather than float32's 2^-23.
 *
 * Termination. Devroye's method accepts with probability above 0.7 for every
 * `a > 1` (measured here: 0.71 at `a → 1`, 0.82 at 2, 0.90 at 3, → 1 as `a`
 * grows; 0.77 or more when truncated at int8's 127), so an element is pending
 * after 1000 iterations with probability below 10^-520; such an element
 * gives −1 (the dtype's maximum for unsigned dtypes).
 *
 * Accuracy. Float64 throughout; `X` is an integer, so results agree with any
 * float64 evaluation of these steps except where `exp(…)` or the acceptance
 * test lies within a few float64 ULP of an integer or threshold (of order
 * 10^-15 per draw).
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
import {
  checkNumpyConstraint,
  largestDoubleIn,
  MAX_REJECTION_ITERATIONS,
  storeIntegers,
  unitFloats64,
} from "./defined-common.js";
import { checkIntegerDType, type IntegerDType } from "./randint.js";
import { sampleElements } from "../slice.js";

/**
 * Sample Zipf counts with exponent `a` (`P(k) ∝ k^(−a)`, `k >= 1`), as
 * NumPy's `Generator.zipf`, truncated to the dtype's range.
 *
 * `a` is read as float64 and must exceed 1 (NumPy's `"a <= 1 or a is NaN"`).
 * `a = +Infinity` (like any `a >= 1025`) gives 1.
 *
 * @param key - the key.
 * @param a - the exponent (> 1), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `a`'s shape.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `a` or options.
 * @throws RangeError for `a <= 1` or NaN, or if `a` does not broadcast to `shape`.
 */
export function zipf<D extends IntegerDType = "int32">(
  key: KeyLike,
  a: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("zipf", key);
  const checkedDType = checkIntegerDType("dtype", "zipf", dtype ?? defaultIntDType(options)) as D;
  const exponent = toParam("a", a);
  const checkedShape = resolveShape("zipf", shape, exponent);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("zipf", "a", exponent, "CONS_GT_1");
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) => zipfKernel(k, s, checkedDType, broadcast(exponent), partitionable),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The Zipf kernel on a checked key, `a` (float64, > 1) broadcast to
 * `shape`: Devroye's rejection loop of the module notes, truncated to
 * `[1, M]` for `M` = `largestDoubleIn`(`dtype`).
 */
export function zipfKernel<D extends IntegerDType>(
  key: Key,
  shape: readonly number[],
  dtype: D,
  a: Float64Array,
  partitionable: boolean,
): TypedArrayOf[D] {
  const size = shapeSize(shape);
  const maxValue = largestDoubleIn(dtype);
  const logMax = Math.log(maxValue);
  const out = new Float64Array(size).fill(-1);
  const am1 = new Float64Array(size);
  const c = new Float64Array(size);
  const b = new Float64Array(size);
  const pending = new Uint8Array(size);
  let pendingCount = 0;
  for (let i = 0; i < size; i++) {
    if (a[i] >= 1025) {
      out[i] = 1;
      continue;
    }
    am1[i] = a[i] - 1;
    c[i] = -Math.expm1(-am1[i] * logMax);
    b[i] = Math.expm1(am1[i] * Math.LN2);
    pending[i] = 1;
    pendingCount++;
  }
  let rng = key;
  for (let iter = 0; pendingCount > 0 && iter < MAX_REJECTION_ITERATIONS; iter++) {
    const [next, kU, kV] = splitKey(rng, 3, partitionable);
    rng = next;
    const us = unitFloats64(kU, size, partitionable);
    const vs = unitFloats64(kV, size, partitionable);
    for (let i = 0; i < size; i++) {
      if (!pending[i]) continue;
      const x = Math.floor(Math.exp(-Math.log1p(-us[i] * c[i]) / am1[i]));
      if (!(x >= 1 && x <= maxValue)) continue;
      const t = Math.expm1(am1[i] * Math.log1p(1 / x));
      if ((vs[i] * x * t) / b[i] <= (1 + t) / (1 + b[i])) {
        out[i] = x;
        pending[i] = 0;
        pendingCount--;
      }
    }
  }
  return storeIntegers(out, dtype);
}

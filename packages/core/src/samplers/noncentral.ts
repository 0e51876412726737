// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §3–4); built on chisquare.ts, normal.ts, poisson.ts.
/**
 * Noncentral chi-square and noncentral F variates.
 *
 * `noncentralChisquare` follows NumPy's construction
 * (`random_noncentral_chisquare`), vectorised with fixed key splits
 * `(kChi, kNormal, kPoisson) = split(key, 3)`: where `nonc = 0`, a central
 * `chisquare(kChi, df)`; where `df > 1`, `chisquare(kChi, df − 1) + (z + √nonc)²`
 * with `z = normal(kNormal)`; where `df <= 1`, `i = poisson(kPoisson, nonc/2)`
 * and `chisquare(kChi, df + 2i)` (the Poisson mixture of central chi-squares,
 * exact for any `df > 0`). One chi-square call serves every element (JAX's
 * chi-square draws each element from its own key, so element `i` uses the
 * same key whichever degrees of freedom it gets); the normal and Poisson
 * draws are skipped when no element uses them, which does not change any
 * value (the Poisson rates of elements outside the `df <= 1` branch are 0).
 * Work per element is bounded in expectation: JAX's gamma and Poisson loops.
 *
 * `noncentralF` is `jax.random.f`'s recipe with a noncentral numerator:
 * `(kDen, kNum) = split(key)`, `(ncchi2(kNum, dfnum, nonc) / dfnum) /
 * (chisquare(kDen, dfden) / dfden)`.
 *
 * Accuracy. Every arithmetic step is one IEEE operation in the dtype; `sqrt`
 * is correctly rounded. The chi-square draws carry `chisquare.ts`'s bound and
 * the normal draw `normal.ts`'s 5 ULP, against an XLA CPU evaluation of the
 * same steps. `(z + √nonc)²` can cancel (`z ≈ −√nonc`), so the error is
 * bounded relative to the largest term, not the result: a float32 result is
 * within about 2·(5 + 1) + 4 = 16 ULP of `max(chi, z², nonc)` of such an
 * evaluation when the gamma rejection loops take the same path (in practice
 * 0–3 ULP of the result). The F ratio adds 3 roundings.
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
import { splitKey } from "../random-words.js";
import { checkFloatDType } from "../validate.js";
import { chisquareKernel } from "./chisquare.js";
import { checkNumpyConstraint } from "./defined-common.js";
import { normalKernel } from "./normal.js";
import { poissonKernel } from "./poisson.js";
import { sampleElements } from "../slice.js";

/**
 * Sample noncentral chi-square variates with `df` degrees of freedom and
 * noncentrality `nonc` (NumPy's `Generator.noncentral_chisquare`).
 *
 * `df` and `nonc` are rounded to `dtype`. NumPy's rules: `df > 0`
 * (`"df <= 0"`, NaN rejected), `nonc >= 0` (`"nonc < 0"`, also for `-0`;
 * NaN passes and gives NaN). `nonc = +Infinity` gives `+Infinity`.
 *
 * @param key - the key.
 * @param df - degrees of freedom (> 0), broadcast-compatible with `shape`.
 * @param nonc - noncentrality (>= 0), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of `df` and `nonc`.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, parameter or options.
 * @throws RangeError for parameters outside NumPy's domain or that do not broadcast to `shape`.
 */
export function noncentralChisquare(
  key: KeyLike,
  df: ArrayParam,
  nonc: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("noncentralChisquare", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const degrees = toParam("df", df);
  const noncentrality = toParam("nonc", nonc);
  const checkedShape = resolveShape("noncentralChisquare", shape, degrees, noncentrality);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("noncentralChisquare", "df", degrees, "CONS_POSITIVE");
  checkNumpyConstraint("noncentralChisquare", "nonc", noncentrality, "CONS_NON_NEGATIVE");
  const round = roundTo(checkedDType);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      noncentralChisquareKernel(
        k,
        s,
        checkedDType,
        broadcast(degrees).map(round),
        broadcast(noncentrality).map(round),
        partitionable,
      ),
    false,
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The noncentral chi-square kernel on a checked key, `df` and `nonc`
 * broadcast to `shape` and rounded to `dtype`:
 *
 * 1. `(kChi, kNormal, kPoisson) = split(key, 3)`.
 * 2. Per element: `central = (nonc == 0)`, `viaNormal = !central && df > 1`,
 *    `viaPoisson = !central && !viaNormal`.
 * 3. `i = poisson(kPoisson, viaPoisson ? f32(r(nonc / 2)) : 0)` (int64 counts).
 * 4. `dfEff = central ? df : viaNormal ? r(df − 1) : r(df + 2i)`;
 *    `c = chisquare(kChi, dfEff)`.
 * 5. `z = normal(kNormal)`; result `viaNormal ? r(c + r(t·t))` with
 *    `t = r(z + r(sqrt(nonc)))`, else `c`; NaN where `nonc` is NaN,
 *    `+Infinity` where `nonc` is `+Infinity`.
 */
export function noncentralChisquareKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  df: Float64Array,
  nonc: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const size = shapeSize(shape);
  const [kChi, kNormal, kPoisson] = splitKey(key, 3, partitionable);
  const mode = new Uint8Array(size); // 0 central, 1 via normal, 2 via Poisson
  const rate = new Float64Array(size);
  let anyNormal = false;
  let anyPoisson = false;
  for (let i = 0; i < size; i++) {
    if (nonc[i] === 0 || !(nonc[i] < Infinity)) continue; // NaN / Infinity: fixed below
    if (df[i] > 1) {
      mode[i] = 1;
      anyNormal = true;
    } else {
      mode[i] = 2;
      rate[i] = r(nonc[i] / 2);
      anyPoisson = true;
    }
  }
  const counts = anyPoisson ? poissonKernel(kPoisson, shape, "int64", rate, partitionable) : null;
  const dfEff = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (mode[i] === 0) dfEff[i] = df[i];
    else if (mode[i] === 1) dfEff[i] = r(df[i] - 1);
    else dfEff[i] = r(df[i] + 2 * Number(counts![i]));
  }
  const chi = chisquareKernel(kChi, shape, dtype, dfEff, partitionable);
  const z = anyNormal ? normalKernel(kNormal, shape, dtype, partitionable) : null;
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    if (Number.isNaN(nonc[i])) out[i] = NaN;
    else if (nonc[i] === Infinity) out[i] = Infinity;
    else if (mode[i] === 1) {
      const t = r(z![i] + r(Math.sqrt(nonc[i])));
      out[i] = r(chi[i] + r(t * t));
    } else out[i] = chi[i];
  }
  return out;
}

/**
 * Sample noncentral F variates: a noncentral chi-square over `dfnum`
 * (noncentrality `nonc`) divided by a central chi-square over `dfden`
 * (NumPy's `Generator.noncentral_f`).
 *
 * Parameters are rounded to `dtype`. NumPy's rules: `dfnum > 0`,
 * `dfden > 0` (`"dfnum <= 0"`, `"dfden <= 0"`, NaN rejected), `nonc >= 0`
 * (`"nonc < 0"`; NaN passes and gives NaN).
 *
 * @param key - the key.
 * @param dfnum - numerator degrees of freedom (> 0), broadcast-compatible with `shape`.
 * @param dfden - denominator degrees of freedom (> 0), broadcast-compatible with `shape`.
 * @param nonc - noncentrality of the numerator (>= 0), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of the parameters.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, parameter or options.
 * @throws RangeError for parameters outside NumPy's domain or that do not broadcast to `shape`.
 */
export function noncentralF(
  key: KeyLike,
  dfnum: ArrayParam,
  dfden: ArrayParam,
  nonc: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("noncentralF", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const numerator = toParam("dfnum", dfnum);
  const denominator = toParam("dfden", dfden);
  const noncentrality = toParam("nonc", nonc);
  const checkedShape = resolveShape("noncentralF", shape, numerator, denominator, noncentrality);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("noncentralF", "dfnum", numerator, "CONS_POSITIVE");
  checkNumpyConstraint("noncentralF", "dfden", denominator, "CONS_POSITIVE");
  checkNumpyConstraint("noncentralF", "nonc", noncentrality, "CONS_NON_NEGATIVE");
  const round = roundTo(checkedDType);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      noncentralFKernel(
        k,
        s,
        checkedDType,
        broadcast(numerator).map(round),
        broadcast(denominator).map(round),
        broadcast(noncentrality).map(round),
        partitionable,
      ),
    false,
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The noncentral F kernel on a checked key, parameters broadcast to `shape`
 * and rounded to `dtype`:
 *
 * 1. `(kDen, kNum) = split(key, 2)` — the denominator's key first, as `jax.random.f`.
 * 2. `cn = noncentralChisquare(kNum, dfnum, nonc)`, `cd = chisquare(kDen, dfden)`.
 * 3. Result `r(r(cn / dfnum) / r(cd / dfden))`.
 */
export function noncentralFKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  dfnum: Float64Array,
  dfden: Float64Array,
  nonc: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const size = shapeSize(shape);
  const [kDen, kNum] = splitKey(key, 2, partitionable);
  const num = noncentralChisquareKernel(kNum, shape, dtype, dfnum, nonc, partitionable);
  const den = chisquareKernel(kDen, shape, dtype, dfden, partitionable);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) out[i] = r(r(num[i] / dfnum[i]) / r(den[i] / dfden[i]));
  return out;
}

// Mirrors jax.random.gamma and jax.random.loggamma (jax/_src/random/core.py: gamma, loggamma, _gamma, _gamma_impl, _gamma_one, _gamma_approx, _loggamma_chisquare).
/**
 * Standard gamma variates, and their logarithms, as `jax.random.gamma` and
 * `jax.random.loggamma`.
 *
 * The default `method: "exact"` is JAX's `random_gamma_p`: the key is split
 * into one key per element (`_split(key, size)`), and each element runs
 * Marsaglia and Tsang's rejection sampler (`_gamma_one`) on its own key with
 * scalar draws, boosting `a < 1` to `a + 1` and multiplying by
 * `U^(1/a)` (or adding `log(U)/a` in log space). `method: "approximate"` is
 * JAX's loop-free `_gamma_approx` (a chi-square quantile series at `a + 4`
 * plus Stuart's boosting sum).
 *
 * Accuracy. Every step JAX computes in the dtype is rounded to the dtype
 * (`f32` for float32). `+ − × ÷ sqrt` are then exact: a float64 result
 * rounded to float32 is the correctly rounded float32 result. The
 * transcendentals are JavaScript's float64 `Math.log`, `Math.log1p`,
 * `Math.exp`, `Math.pow` (V8's fdlibm ports, under 1 float64 ULP) rounded to
 * the dtype: for float32 that is within 0.5 ULP (+ a 2^-29 relative double
 * rounding term) of the exact value; XLA CPU's float32 `log`/`log1p`/`exp`
 * polynomials and libm `powf` are within about 1 ULP of exact, so each of
 * our transcendentals is **within 2 float32 ULP** of XLA's. Float64 is
 * exact: XLA:CPU's float64 `log`, `log1p`, `pow`, its fused `1 + x·c` and
 * `1 − 0.0331·X²` and its `(1/3)·rsqrt(d)` rewrite (spec/x64.md). The standard normal draws come from
 * `normalKernel`, which states 5 ULP against JAX's CPU value.
 * Through `v = 1 + x·c`, `V = v³` and the final products these give a
 * float32 sample within a few ULP of JAX's (in practice 0 to 4; bounded by
 * about 3·(5 + 1)·|x·c|/v + 3 ULP for the accepted `v`, which has
 * `|x·c|/v` below 2 except with vanishing probability), **provided the
 * rejection loop takes the same path**: a squeeze or log test whose two
 * sides are within those few ULP of each other can decide differently, and
 * then the element differs completely. A rough estimate from the density of
 * the two sides near equality puts that at the order of 10^-6 per float32
 * element or less. XLA CPU may contract `a·b + c` into a fused
 * multiply-add; that changes such an intermediate by at most 0.5 ULP and is
 * covered by the same bound.
 *
 * @module
 */
import { powIn } from "../xla-math/by-dtype.js";
import { f32, roundTo } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import { log1pIn, logIn } from "../xla-math/by-dtype.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { type ArrayParam, resolveShape, toParam } from "../params.js";
import { splitKey, splitPerElement } from "../random-words.js";
import { checkFloatDType, describe } from "../validate.js";
import { normalKernel } from "./normal.js";
import { unitFloats } from "./uniform.js";
import { sampleElements } from "../slice.js";

/** The sampling algorithm of the gamma family (JAX's keyword-only `method`). */
export type GammaMethod = "exact" | "approximate";

/** Options of the gamma family: the threefry mode and JAX's keyword-only `method`. */
export interface GammaOptions extends SliceOptions {
  /**
   * `"exact"` (default, JAX's default): Marsaglia–Tsang rejection per
   * element. `"approximate"`: JAX's loop-free `_gamma_approx`, which carries
   * a small bias.
   */
  method?: GammaMethod;
}

/** The option keys of the gamma family: the threefry mode, `x64` and `method`. */
export const GAMMA_OPTION_KEYS: readonly string[] = [...SLICE_OPTION_KEYS, "method"];

/**
 * Read JAX's `method` keyword from the options of `name`.
 *
 * @throws RangeError for anything but `"exact"` or `"approximate"`, with JAX's message.
 */
export function checkGammaMethod(name: string, options: GammaOptions | undefined): GammaMethod {
  if (options === undefined || options === null || typeof options !== "object") return "exact";
  const { method } = options as { method?: unknown };
  if (method === undefined || method === "exact") return "exact";
  if (method === "approximate") return "approximate";
  throw new RangeError(
    `method argument to ${name} must be one of {"exact", "approximate"}, got ${describe(method)}`,
  );
}

/**
 * Sample standard gamma variates with shape parameter `a` (density
 * proportional to `x^(a-1) e^(-x)`), as `jax.random.gamma`.
 *
 * `a` is rounded to `dtype` first. Like JAX, no parameter raises:
 * `a = 0` gives 0 (or `d·V` in the 2^-23-probability case that the boost
 * uniform is exactly 0), a negative `a` above -1 gives finite but meaningless
 * values, `a <= -1` and NaN give NaN, and `a = +Infinity` gives Infinity;
 * the functional API mirrors `jax.random`, it does not validate the domain.
 *
 * @param key - the key.
 * @param a - the shape parameter, a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `a`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `method` (default `"exact"`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `a` or options.
 * @throws RangeError if `a` does not broadcast to `shape`, or for an unknown `method`.
 *
 * @example
 * ```ts
 * const x = gamma(key(0), 0.8, [5]); // five Gamma(0.8) floats
 * ```
 */
export function gamma(
  key: KeyLike,
  a: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: GammaOptions,
): NdArray<FloatDType> {
  return gammaFamily("gamma", key, a, shape, dtype, false, options);
}

/**
 * Sample the logarithm of standard gamma variates, as `jax.random.loggamma`:
 * `exp(loggamma(...))` matches `gamma(...)` with the same arguments up to
 * rounding, but small values (frequent when `a` is far below 1) keep their
 * precision instead of underflowing to 0.
 *
 * `a` is rounded to `dtype` first. Like JAX, no parameter raises: `a = 0`
 * gives `-Infinity` (or the finite `log(d·V)` when the boost uniform is
 * exactly 0, JAX's NaN fix for issue #17922); NaN gives NaN.
 *
 * @param key - the key.
 * @param a - the shape parameter, a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `a`'s shape.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `method` (default `"exact"`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `a` or options.
 * @throws RangeError if `a` does not broadcast to `shape`, or for an unknown `method`.
 */
export function loggamma(
  key: KeyLike,
  a: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: GammaOptions,
): NdArray<FloatDType> {
  return gammaFamily("loggamma", key, a, shape, dtype, true, options);
}

function gammaFamily(
  name: string,
  key: KeyLike,
  a: ArrayParam,
  shape: number | readonly number[] | null | undefined,
  dtype: FloatDType | undefined,
  logSpace: boolean,
  options: GammaOptions | undefined,
): NdArray<FloatDType> {
  const checkedKey = checkKey(name, key);
  const method = checkGammaMethod(name, options);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const alpha = toParam("a", a);
  const checkedShape = resolveShape(name, shape, alpha);
  const partitionable = isPartitionable(options, name, GAMMA_OPTION_KEYS);
  const round = roundTo(checkedDType);
  const kernel = logSpace ? loggammaKernel : gammaKernel;
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      kernel(k, s, checkedDType, broadcast(alpha).map(round), partitionable, method),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * `jax.random.gamma` after its checks: `a` broadcast to `shape` and rounded
 * to `dtype`; `gammaExactKernel` or, for `"approximate"`,
 * `gammaApproxKernel`, not in log space.
 */
export function gammaKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  partitionable: boolean,
  method: GammaMethod = "exact",
): Float32Array | Float64Array {
  const kernel = method === "exact" ? gammaExactKernel : gammaApproxKernel;
  return kernel(key, shape, dtype, a, false, partitionable);
}

/**
 * `jax.random.loggamma` after its checks: as `gammaKernel`, in log space.
 */
export function loggammaKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  partitionable: boolean,
  method: GammaMethod = "exact",
): Float32Array | Float64Array {
  const kernel = method === "exact" ? gammaExactKernel : gammaApproxKernel;
  return kernel(key, shape, dtype, a, true, partitionable);
}

/**
 * JAX's `_gamma` / `_gamma_impl` (the exact method) on a checked key: `a`
 * holds one value per element of `shape`, already rounded to `dtype`. The
 * key is split into `size` keys (`_split(key, size)`, one per element in
 * row-major order) and element `i` is `gammaOne` on key `i`.
 */
export function gammaExactKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  logSpace: boolean,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  if (size === 0) return out;
  const keys = splitPerElement(key, size, partitionable);
  for (let i = 0; i < size; i++) {
    out[i] = gammaOne(keys.subarray(2 * i, 2 * i + 2), a[i], dtype, logSpace, partitionable);
  }
  return out;
}

const ONE_THIRD_32 = f32(1 / 3);
const SQUEEZE_32 = f32(0.0331);

/**
 * JAX's `_gamma_one`: one Gamma(`alpha`) variate (or its log) from one key,
 * by Marsaglia and Tsang's method. `alpha` must already be in `dtype`.
 *
 * 1. `boost = alpha >= 1`; if not, `alpha ← alpha + 1`.
 * 2. `d = alpha − 1/3`, `c = (1/3) / sqrt(d)`.
 * 3. `(key, subkey) = split(key)`; state `(key, X = 0, V = 1, U = 2)`.
 * 4. While `U >= 1 − 0.0331·X·X` and `log U >= X/2 + d·(1 − V + log V)`:
 *    `(key, xKey, uKey) = split(key, 3)`; then, starting from `(xKey, v = −1)`,
 *    while `v <= 0`: `(xKey, sub) = split(xKey)`, `x = normal(sub)`,
 *    `v = 1 + x·c`; then `X = x·x`, `V = v·v·v`, `U = uniform(uKey)`.
 * 5. Not log space: `d·V·(boost ? 1 : (1 − uniform(subkey))^(1/alpha_orig))`.
 *    Log space: `l = log1p(−uniform(subkey))` (JAX's `−exponential`);
 *    `log d + log V + (boost or l == 0 ? 0 : l·(1/alpha_orig))`.
 */
export function gammaOne(
  key: Key,
  alpha: number,
  dtype: FloatDType,
  logSpace: boolean,
  partitionable: boolean,
): number {
  const r = roundTo(dtype);
  const pow = powIn(dtype);
  const log = logIn(dtype);
  const log1p = log1pIn(dtype);
  // XLA:CPU fuses `1 + x·c` and `1 − 0.0331·X²` into FMAs (modelled in float64).
  const fused = dtype === "float64";
  const third = dtype === "float32" ? ONE_THIRD_32 : 1 / 3;
  const squeeze = dtype === "float32" ? SQUEEZE_32 : 0.0331;
  const alphaOrig = alpha;
  const boost = alpha >= 1;
  if (!boost) alpha = r(alpha + 1);
  const d = r(alpha - third);
  // float64: XLA rewrites (1/3) / sqrt(d) as (1/3) · rsqrt(d), rsqrt(d) = 1 / sqrt(d).
  const c = fused ? third * (1 / Math.sqrt(d)) : r(third / r(Math.sqrt(d)));

  const [loopKey0, subkey] = splitKey(key, 2, partitionable);
  let loopKey = loopKey0;
  let X = 0;
  let V = 1;
  let U = 2;
  while (
    U >= (fused ? fmaF64(-squeeze, X * X, 1) : r(1 - r(squeeze * r(X * X)))) &&
    log(U) >= r(r(X * 0.5) + r(d * r(r(1 - V) + log(V))))
  ) {
    const [nextKey, xKey0, uKey] = splitKey(loopKey, 3, partitionable);
    loopKey = nextKey;
    let xKey = xKey0;
    let x = 0;
    let v = -1;
    while (v <= 0) {
      const [nextXKey, sub] = splitKey(xKey, 2, partitionable);
      xKey = nextXKey;
      x = normalKernel(sub, [], dtype, partitionable)[0];
      v = fused ? fmaF64(x, c, 1) : r(1 + r(x * c));
    }
    X = r(x * x);
    V = r(r(v * v) * v);
    U = unitFloats(uKey, 1, dtype, partitionable)[0];
  }

  const u = unitFloats(subkey, 1, dtype, partitionable)[0];
  if (logSpace) {
    const logSample = log1p(-u);
    const logBoost = boost || logSample === 0 ? 0 : r(logSample * r(1 / alphaOrig));
    return r(r(log(d) + log(V)) + logBoost);
  }
  const sample = r(1 - u);
  const boostFactor = boost ? 1 : pow(sample, r(1 / alphaOrig));
  return r(r(d * V) * boostFactor);
}

/** Number of Stuart boosting steps of JAX's `_gamma_approx` (`_LOGGAMMA_NUM_BOOSTS`). */
const NUM_BOOSTS = 4;

/**
 * Rows `k = 0..6` of JAX's `_CHI2_QUANTILE_COEF`: the coefficient of
 * `t^k` is `c0 + u·(c1 + u·c2)` with `u = 1/nu`. These are the published
 * coefficients of the Goldstein / Johnson–Kotz–Balakrishnan chi-square
 * quantile series (with the leading 1.0000886 set to 1, as JAX does).
 */
const CHI2_QUANTILE_COEF: readonly (readonly [number, number, number])[] = [
  [1.0, -0.2237368, -0.01513904],
  [0.4713941, 0.02607083, -0.008986007],
  [0.0001348028, 0.01128186, 0.02277679],
  [-0.008553069, -0.01153761, -0.01323293],
  [0.00312558, 0.005169654, -0.006950356],
  [-0.0008426812, 0.00253001, 0.001060438],
  [0.00009780499, -0.001450117, 0.001565326],
];

/**
 * JAX's `_gamma_approx` (the `"approximate"` method) on a checked key, `a`
 * broadcast to `shape` and rounded to `dtype`:
 *
 * 1. `(keyBase, keyBoost) = split(key)`.
 * 2. Base: `b = a + 4`, `nu = 2b`, `x = normal(keyBase, shape)`,
 *    `t = x · rsqrt(nu)`, `poly` = the degree-6 Horner polynomial in `t` whose
 *    coefficients are quadratics in `1/nu`, clipped below at the dtype's
 *    smallest normal; `logBase = log(b) + 3·log(poly)`.
 * 3. Boost: `l = log1p(−uniform(keyBoost, [4, ...shape]))` (JAX's
 *    `−exponential`); `log x = logBase + Σ_k l[k] / (a + k)`, summed in order
 *    `k = 0, 1, 2, 3`.
 * 4. `exp` of it unless in log space.
 *
 * `rsqrt` is computed as `1 / sqrt` (one more rounding than a correctly
 * rounded rsqrt) and XLA may sum the four terms in another order: both add
 * at most a few ULP to the bound stated for the module.
 */
export function gammaApproxKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  logSpace: boolean,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  const [keyBase, keyBoost] = splitKey(key, 2, partitionable);
  const tiny = dtype === "float32" ? 2 ** -126 : 2 ** -1022;
  const coef = CHI2_QUANTILE_COEF.map((row) => row.map(r));
  const x = normalKernel(keyBase, shape, dtype, partitionable);
  const u = unitFloats(keyBoost, NUM_BOOSTS * size, dtype, partitionable);
  for (let i = 0; i < size; i++) {
    // _loggamma_chisquare(key_base, a + n)
    const boosted = r(a[i] + NUM_BOOSTS);
    const nu = r(2 * boosted);
    const inv = r(1 / nu);
    const t = r(x[i] * r(1 / r(Math.sqrt(nu))));
    const rowCoef = (c: readonly number[]) => r(c[0] + r(inv * r(c[1] + r(inv * c[2]))));
    let poly = rowCoef(coef[coef.length - 1]);
    for (let k = coef.length - 2; k >= 0; k--) poly = r(r(poly * t) + rowCoef(coef[k]));
    poly = Number.isNaN(poly) ? NaN : Math.max(poly, tiny);
    const logBase = r(r(Math.log(boosted)) + r(3 * r(Math.log(poly))));
    // Boosting sum: sum over k of log(U_k) / (a + k).
    let sum = 0;
    for (let k = 0; k < NUM_BOOSTS; k++) {
      const logU = r(Math.log1p(-u[k * size + i]));
      sum = r(sum + r(logU / r(a[i] + k)));
    }
    const logSample = r(logBase + sum);
    out[i] = logSpace ? logSample : r(Math.exp(logSample));
  }
  return out;
}

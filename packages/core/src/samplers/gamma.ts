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
 * Accuracy. Both dtypes follow XLA:CPU's compiled arithmetic: every step is
 * rounded to the dtype, `1 + x·c` and `1 - 0.0331·X²` are fused
 * multiply-adds, `c = (1/3)/sqrt(d)` is `(1/3)·rsqrt(d)` (XLA's rewrite),
 * and `log`, `log1p`, `exp` and `pow` are the routines XLA:CPU runs
 * (`mathIn`; spec/arithmetic.md), except glibc's `logf` where XLA calls it
 * in a short float32 draw (`gammaExactKernel`). In float32 XLA:CPU evaluates that `rsqrt`
 * with the processor's approximate reciprocal square root refined by one
 * Newton step; `rsqrtF32` models AMD Zen 3's approximation, so float32 is
 * bit-exact with JAX on those processors (measured with jax 0.10.2 on an AMD
 * EPYC, both threefry modes, x64 off and on: gamma and loggamma with
 * `a = 7.3`, `0.17`, `2.5`, `0.3`, `0.5`, `41.7`, 8192 samples each, all
 * equal; for 7.3 and 0.17 `c` is not the correctly rounded value), and may
 * differ by a few ULP from JAX on processors whose estimate differs.
 * Float64 matched JAX with x64 on every sample measured (spec/arithmetic.md).
 *
 * @module
 */
import { f32, roundedTo, roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { resolveShape, toParam, type ArrayParam } from "../params.js";
import { hashIndexRange } from "../layouts.js";
import { rangeOfKey, splitKey, splitPerElement } from "../random-words.js";
import { checkFloatDType, describe } from "../validate.js";
import { wasmKernels, type GammaKernel } from "../wasm-kernels.js";
import { LOW_FLOAT32, normalKernel, SPAN_FLOAT32 } from "./normal.js";
import { normalOf, splitKeyInto, unitFloatOf } from "../single-draws.js";
import { unitFloats } from "./uniform.js";
import { sampleElements } from "../slice.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { firstLibmIndex } from "../xla-math/libm-tail.js";
import { glibcLogF32 } from "../xla-math/log-glibc.js";

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
  const kernel = logSpace ? loggammaKernel : gammaKernel;
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      kernel(
        k,
        s,
        checkedDType,
        // One `a` for every element stays one value (see gammaExactKernel); the approximate method reads `a[i]`.
        roundedTo(
          checkedDType,
          alpha.data.length === 1 && method === "exact" ? alpha.data : broadcast(alpha),
        ),
        partitionable,
        method,
      ),
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
  inverseAlpha?: number,
): Float32Array | Float64Array {
  if (method === "exact")
    return gammaExactKernel(key, shape, dtype, a, false, partitionable, inverseAlpha);
  return gammaApproxKernel(key, shape, dtype, a, false, partitionable);
}

/**
 * `jax.random.loggamma` after its checks: as `gammaKernel`, in log space.
 * `standaloneLogOfV` says that XLA computes the result's `log V` in a kernel
 * of its own (see `gammaExactKernel`): `dirichlet` with a batch axis.
 */
export function loggammaKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  partitionable: boolean,
  method: GammaMethod = "exact",
  standaloneLogOfV = false,
): Float32Array | Float64Array {
  if (method === "approximate") return gammaApproxKernel(key, shape, dtype, a, true, partitionable);
  return gammaExactKernel(key, shape, dtype, a, true, partitionable, undefined, standaloneLogOfV);
}

/**
 * JAX's `_gamma` / `_gamma_impl` (the exact method) on a checked key: `a`
 * holds one value per element of `shape`, or one value for all of them,
 * already rounded to `dtype`. The
 * key is split into `size` keys (`_split(key, size)`, one per element in
 * row-major order) and element `i` is `gammaOne` on key `i`. `inverseAlpha`,
 * where given, replaces every `1/alpha` (see `gammaOne`).
 *
 * Which `log` each element uses: XLA runs the elements as one batch (a
 * `vmap` of the loop), and the batched loop decides which elements go on
 * with the test's `log U` and `log V` computed in kernels of their own; so
 * does the log-space result's `log V` where `standaloneLogOfV` says so. In
 * float32 such a kernel of 3, 5, 6, 7, 11, 13, 14 or 15 elements computes
 * some of them with glibc's `logf` (`libm-tail.ts`); everything else uses
 * XLA's own `log` (`mathIn`). A draw restricted to an element range counts
 * elements in the whole draw.
 */
export function gammaExactKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  a: Float64Array,
  logSpace: boolean,
  partitionable: boolean,
  inverseAlpha?: number,
  standaloneLogOfV = false,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  if (size === 0) return out;
  const range = rangeOfKey(key);
  const firstIndex = range?.start ?? 0;
  const total = range?.total ?? size;
  const libmFrom = dtype === "float32" ? firstLibmIndex(total) : total;
  const xlaLogs = xlaLogsOf(dtype);
  const libmLogs = standaloneLogOfV ? GLIBC_LOGS : GLIBC_TEST_LOGS;
  let splitKeys: Uint32Array | undefined;
  const keysOfElements = () => (splitKeys ??= splitPerElement(key, size, partitionable));
  const kernel = wasmKernels()?.gamma;
  const wasmEnd = Math.min(size, libmFrom - firstIndex);
  let i = 0;
  if (
    kernel !== undefined &&
    dtype === "float32" &&
    !logSpace &&
    wasmEnd >= GAMMA_WASM_MIN_ELEMENTS
  ) {
    const alpha = a[0];
    const d = f32(alpha - ONE_THIRD_32);
    if (alpha >= 1 && Number.isFinite(d) && (a.length === 1 || allEqualTo(a, alpha))) {
      const recompute = (k0: number, k1: number) =>
        gammaOneOfWords(k0, k1, alpha, dtype, false, partitionable, inverseAlpha, xlaLogs);
      gammaFloat32Wasm(
        kernel,
        key,
        firstIndex,
        wasmEnd,
        d,
        partitionable,
        keysOfElements,
        out as Float32Array,
        recompute,
      );
      i = wasmEnd;
    }
  }
  const keys = i < size ? keysOfElements() : new Uint32Array(0);
  for (; i < size; i++) {
    out[i] = gammaOneOfWords(
      keys[2 * i],
      keys[2 * i + 1],
      a.length === 1 ? a[0] : a[i],
      dtype,
      logSpace,
      partitionable,
      inverseAlpha,
      firstIndex + i >= libmFrom ? libmLogs : xlaLogs,
    );
  }
  return out;
}

/** Whether every element of `values` is `value`. */
function allEqualTo(values: Float64Array, value: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== value) return false;
  return true;
}

/** Below this many elements the JavaScript loop is as fast as the WebAssembly kernel. */
const GAMMA_WASM_MIN_ELEMENTS = 64;

/**
 * Elements `[0, count)` of a float32 exact gamma draw whose elements share one
 * `alpha >= 1` (so `d = alpha - 1/3`), not in log space, with XLA's `log`
 * throughout, by the WebAssembly kernel (`assembly/gamma.ts`). The
 * draw's element `j` is element `firstIndex + j` of the whole. In
 * partitionable mode the kernel hashes each element's key itself (the block
 * of counter (0, firstIndex + j) under `key`); otherwise it reads them from
 * `keysOfElements()`. The elements it flags (see there) are computed by
 * `recompute` on their key, the JavaScript routine.
 */
function gammaFloat32Wasm(
  kernel: GammaKernel,
  key: Key,
  firstIndex: number,
  count: number,
  d: number,
  partitionable: boolean,
  keysOfElements: () => Uint32Array,
  out: Float32Array,
  recompute: (k0: number, k1: number) => number,
): void {
  const c = marsagliaTsangC(d, "float32");
  const derive = partitionable && firstIndex + count <= 2 ** 32;
  const elementKey = new Uint32Array(2);
  for (let start = 0; start < count; start += kernel.chunk) {
    const chunk = Math.min(kernel.chunk, count - start);
    if (!derive) kernel.keys.set(keysOfElements().subarray(2 * start, 2 * (start + chunk)));
    const flagged = kernel.run(
      chunk,
      d,
      c,
      LOW_FLOAT32,
      SPAN_FLOAT32,
      partitionable,
      key[0],
      key[1],
      firstIndex + start,
      derive,
    );
    out.set(kernel.samples.subarray(0, chunk), start);
    for (let j = 0; flagged !== 0 && j < chunk; j++) {
      if (kernel.flags[j] === 0) continue;
      const element = start + j;
      if (derive)
        hashIndexRange(key[0], key[1], firstIndex + element, 1, elementKey, 0, elementKey, 1, 2);
      else elementKey.set(keysOfElements().subarray(2 * element, 2 * element + 2));
      out[element] = recompute(elementKey[0], elementKey[1]);
    }
  }
}

/**
 * The `log` routines of one element of the exact method: `test` for the
 * rejection test's `log U` and `log V`, `ofV` for the log-space result's
 * `log V` (its `log d` is always XLA's).
 */
interface GammaLogs {
  readonly test: (x: number) => number;
  readonly ofV: (x: number) => number;
}

const XLA_LOGS_F32: GammaLogs = { test: mathIn("float32").log, ofV: mathIn("float32").log };
const XLA_LOGS_F64: GammaLogs = { test: mathIn("float64").log, ofV: mathIn("float64").log };
/** glibc's `logf` in the rejection test, XLA's `log` for the result. */
const GLIBC_TEST_LOGS: GammaLogs = { test: glibcLogF32, ofV: mathIn("float32").log };
/** glibc's `logf` in the rejection test and for the result's `log V`. */
const GLIBC_LOGS: GammaLogs = { test: glibcLogF32, ofV: glibcLogF32 };

/** XLA's own `log` for every use: what an element of a fused kernel sees. */
function xlaLogsOf(dtype: FloatDType): GammaLogs {
  return dtype === "float32" ? XLA_LOGS_F32 : XLA_LOGS_F64;
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
 *
 * `inverseAlpha` is `1/alpha_orig` where XLA simplifies it: when `alpha` is
 * itself `1/q` in the same compiled program (`generalized_normal`'s
 * `gamma(1/p)`), XLA rewrites `1/(1/q)` as `q`.
 */
export function gammaOne(
  key: Key,
  alpha: number,
  dtype: FloatDType,
  logSpace: boolean,
  partitionable: boolean,
  inverseAlpha?: number,
): number {
  return gammaOneOfWords(
    key[0],
    key[1],
    alpha,
    dtype,
    logSpace,
    partitionable,
    inverseAlpha,
    xlaLogsOf(dtype),
  );
}

/**
 * Marsaglia and Tsang's `c = (1/3) / sqrt(d)` in `dtype`: XLA rewrites it as
 * `(1/3) · rsqrt(d)`, with XLA:CPU's `rsqrt` (`mathIn`).
 */
function marsagliaTsangC(d: number, dtype: FloatDType): number {
  if (Object.is(d, lastC.d) && dtype === lastC.dtype) return lastC.c;
  const third = dtype === "float32" ? ONE_THIRD_32 : 1 / 3;
  const c = roundTo(dtype)(third * mathIn(dtype).rsqrt(d));
  lastC.d = d;
  lastC.dtype = dtype;
  lastC.c = c;
  return c;
}

/** The last {@link marsagliaTsangC}: the elements of a draw usually share one alpha. */
const lastC: { d: number; dtype: FloatDType; c: number } = { d: NaN, dtype: "float32", c: NaN };

/** The keys of one split, reused by every {@link gammaOneOfWords} call (read out at once). */
const splitScratch = new Uint32Array(6);

/**
 * {@link gammaOne} on the key (k0, k1): the keys of every split and the
 * normal and uniform draws are scalars (`single-draws.ts`), so an element
 * allocates nothing.
 */
function gammaOneOfWords(
  k0: number,
  k1: number,
  alpha: number,
  dtype: FloatDType,
  logSpace: boolean,
  partitionable: boolean,
  inverseAlpha: number | undefined,
  logs: GammaLogs,
): number {
  const r = roundTo(dtype);
  const math = mathIn(dtype);
  const third = dtype === "float32" ? ONE_THIRD_32 : 1 / 3;
  const squeeze = dtype === "float32" ? SQUEEZE_32 : 0.0331;
  const alphaOrig = alpha;
  const inverseAlphaOrig = inverseAlpha ?? r(1 / alphaOrig);
  const boost = alpha >= 1;
  if (!boost) alpha = r(alpha + 1);
  const d = r(alpha - third);
  const c = marsagliaTsangC(d, dtype);

  const keys = splitScratch;
  splitKeyInto(k0, k1, 2, partitionable, keys);
  let loop0 = keys[0];
  let loop1 = keys[1];
  const boostKey0 = keys[2];
  const boostKey1 = keys[3];
  let V = 1;
  // JAX's loop starts from U = 2, X = 0, V = 1, where its test reduces to
  // `log 2 >= d · 0` (log 1 is 0): true for every finite d, false (NaN) for
  // an infinite or NaN d. Testing that directly saves two logs per element.
  if (Number.isFinite(d)) {
    let X: number;
    let U: number;
    do {
      splitKeyInto(loop0, loop1, 3, partitionable, keys);
      loop0 = keys[0];
      loop1 = keys[1];
      let xKey0 = keys[2];
      let xKey1 = keys[3];
      const uKey0 = keys[4];
      const uKey1 = keys[5];
      let x = 0;
      let v = -1;
      while (v <= 0) {
        splitKeyInto(xKey0, xKey1, 2, partitionable, keys);
        xKey0 = keys[0];
        xKey1 = keys[1];
        x = normalOf(keys[2], keys[3], dtype, partitionable);
        v = math.fma(x, c, 1);
      }
      X = r(x * x);
      V = r(r(v * v) * v);
      U = unitFloatOf(uKey0, uKey1, dtype, partitionable);
    } while (
      U >= math.fma(-squeeze, r(X * X), 1) &&
      logs.test(U) >= r(r(X * 0.5) + r(d * r(r(1 - V) + logs.test(V))))
    );
  }

  const u = unitFloatOf(boostKey0, boostKey1, dtype, partitionable);
  if (logSpace) {
    const logSample = math.log1p(-u);
    const logBoost = boost || logSample === 0 ? 0 : r(logSample * inverseAlphaOrig);
    return r(r(math.log(d) + logs.ofV(V)) + logBoost);
  }
  const sample = r(1 - u);
  const boostFactor = boost ? 1 : math.pow(sample, inverseAlphaOrig);
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
  const math = mathIn(dtype);
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
    const logBase = r(math.log(boosted) + r(3 * math.log(poly)));
    // Boosting sum: sum over k of log(U_k) / (a + k).
    let sum = 0;
    for (let k = 0; k < NUM_BOOSTS; k++) {
      const logU = math.log1p(-u[k * size + i]);
      sum = r(sum + r(logU / r(a[i] + k)));
    }
    const logSample = r(logBase + sum);
    out[i] = logSpace ? logSample : math.exp(logSample);
  }
  return out;
}

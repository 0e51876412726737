// Mirrors jax.random.poisson (jax/_src/random/core.py: poisson, _poisson, _poisson_knuth, _poisson_rejection).
/**
 * Poisson counts: Knuth's product-of-uniforms method below rate 10,
 * Hörmann's transformed rejection (PTRS) from rate 10 on, exactly as JAX's
 * `method='exact'` sampler.
 *
 * Accuracy. Every step JAX computes in float32 is rounded with `f32`, and
 * `log`/`log1p` (also inside `lgamma`) are XLA's float32 routines; `lgamma`
 * follows XLA's Lanczos lowering (StableHLO `materializeLgamma`) operation
 * by operation. The rejection branch takes the fused multiply-adds and
 * folded constants of what XLA:CPU compiles (read off its optimized HLO):
 * its `t = -lam + k·log lam - lgamma(k + 1)` cancels terms of size
 * `k log k`, so at rates in the thousands a single rounding there decides
 * acceptance.
 *
 * @module
 */
import { f32, fmaF32 } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type NdArray, type TypedArrayOf } from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { resolveShape, toParam, type ArrayParam } from "../params.js";
import { splitKey } from "../random-words.js";
import { describe } from "../validate.js";
import { unitFloats } from "./uniform.js";
import { sampleElements } from "../slice.js";
import { logF32 } from "../xla-math/log.js";
import { log1pF32 } from "../xla-math/log1p.js";

/** Integer dtypes `poisson` can return (JAX accepts any integer dtype). */
export type PoissonDType =
  "int8" | "int16" | "int32" | "int64" | "uint8" | "uint16" | "uint32" | "uint64";

/** Options of {@link poisson}: the threefry mode and JAX's keyword-only `method`. */
export interface PoissonOptions extends SliceOptions {
  /**
   * `"exact"` (default, JAX's default): Knuth / transformed rejection.
   * JAX's loop-free `"approximate"` method is not implemented here yet and
   * is rejected with a RangeError.
   */
  method?: "exact";
}

const INTEGER_RANGES: Record<PoissonDType, readonly [number, number]> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64 - 1],
};

const INTEGER_BITS: Record<PoissonDType, number> = {
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
};

function checkPoissonDType(dtype: unknown): PoissonDType {
  if (typeof dtype === "string" && Object.hasOwn(INTEGER_RANGES, dtype)) {
    return dtype as PoissonDType;
  }
  throw new TypeError(
    `dtype must be an integer dtype (${Object.keys(INTEGER_RANGES)
      .map((d) => JSON.stringify(d))
      .join(", ")}), got ${describe(dtype)}`,
  );
}

function checkMethod(options: PoissonOptions | undefined): void {
  if (options === undefined || options === null || typeof options !== "object") return;
  const { method } = options as { method?: unknown };
  if (method === undefined || method === "exact") return;
  if (method === "approximate") {
    throw new RangeError(
      `poisson: method "approximate" (JAX's loop-free approximate sampler) is not implemented; use "exact"`,
    );
  }
  throw new RangeError(
    `method argument to poisson must be one of {"exact", "approximate"}, got ${describe(method)}`,
  );
}

/**
 * Sample Poisson counts with rate `lam`, as `jax.random.poisson` with
 * `method='exact'`.
 *
 * `lam` is rounded to float32 first (JAX converts it to float32 even with
 * `jax_enable_x64`). Rates below 10 use Knuth's algorithm, rates of 10 and
 * more Hörmann's transformed rejection; both run on the same key, as in JAX.
 * Like JAX, `lam = 0` gives 0, and a negative or NaN `lam` gives `k - 1 = -1`
 * (wrapped to the maximum for unsigned dtypes) instead of an error: the
 * functional API mirrors `jax.random`. Counts above the dtype's range
 * saturate to its maximum, as XLA's float-to-integer conversion does;
 * `lam = +Infinity` gives the maximum or 0 (JAX's rejection step yields
 * `+inf` or NaN there, and XLA converts NaN to 0).
 *
 * @param key - the key.
 * @param lam - the rate, a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `lam`'s shape.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`, as JAX.
 * @param options - the threefry mode (default partitionable) and `method` (only `"exact"`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `lam` or options.
 * @throws RangeError if `lam` does not broadcast to `shape`, or for a `method` other than `"exact"`.
 */
export function poisson<D extends PoissonDType = "int32">(
  key: KeyLike,
  lam: ArrayParam,
  shape?: number | readonly number[],
  dtype?: D,
  options?: PoissonOptions,
): NdArray<D> {
  const checkedKey = checkKey("poisson", key);
  checkMethod(options);
  const checkedDType = checkPoissonDType(dtype ?? defaultIntDType(options)) as D;
  const rate = toParam("lam", lam);
  const checkedShape = resolveShape("poisson", shape, rate);
  const partitionable = isPartitionable(options, "poisson", [...SLICE_OPTION_KEYS, "method"]);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) => poissonKernel(k, s, checkedDType, broadcast(rate).map(f32), partitionable),
    false,
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * JAX's `_poisson` on a checked key: `lam` (float32 values, broadcast to
 * `shape`) selects Knuth (`lam < 10` or NaN) or rejection per element; both
 * samplers run on the same key over the whole shape, with the rate of the
 * other branch replaced (0 for Knuth, 1e5 for rejection) as JAX does; then
 * `lam == 0` gives 0.
 */
export function poissonKernel<D extends PoissonDType>(
  key: Key,
  shape: readonly number[],
  dtype: D,
  lam: Float64Array,
  partitionable: boolean,
): TypedArrayOf[D] {
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  lam = lam.map(f32); // JAX converts lam to float32 (idempotent for the public path)
  const useKnuth = new Uint8Array(size);
  const lamKnuth = new Float64Array(size);
  const lamRejection = new Float64Array(size);
  let anyKnuth = false;
  let anyRejection = false;
  for (let i = 0; i < size; i++) {
    const knuth = Number.isNaN(lam[i]) || lam[i] < 10;
    useKnuth[i] = knuth ? 1 : 0;
    lamKnuth[i] = knuth ? lam[i] : 0;
    lamRejection[i] = knuth ? 1e5 : lam[i];
    if (knuth) anyKnuth = true;
    else anyRejection = true;
  }
  const maxIters = INTEGER_RANGES[dtype][1];
  // Each branch's values only enter the output where it is selected, and a
  // branch whose rates are all replaced contributes nothing: skip it then.
  const knuth = anyKnuth ? poissonKnuthKernel(key, size, lamKnuth, maxIters, partitionable) : null;
  const rejection = anyRejection
    ? poissonRejectionKernel(key, size, lamRejection, maxIters, partitionable)
    : null;
  const bits = INTEGER_BITS[dtype];
  const signed = dtype.startsWith("int");
  for (let i = 0; i < size; i++) {
    let value: number | bigint;
    if (lam[i] === 0) value = 0;
    else if (useKnuth[i]) value = wrapInteger(knuth![i], bits, signed);
    else value = saturateToInteger(rejection![i], dtype);
    if (bits === 64) (out as BigInt64Array | BigUint64Array)[i] = BigInt(value);
    else (out as Exclude<TypedArrayOf[D], BigInt64Array | BigUint64Array>)[i] = Number(value);
  }
  return out;
}

/**
 * JAX's `_poisson_knuth` for `size` elements with float32 rates `lam`:
 * `k - 1` where `k` counts the uniforms multiplied (as a float32 sum of
 * logs) until the product falls to `exp(-lam)` or below. Each iteration
 * splits the loop key into `(next, subkey)` and draws float32 uniforms of
 * the whole shape from `subkey`. Returns the counts as numbers (`-1` for a
 * rate that is not positive or NaN).
 */
export function poissonKnuthKernel(
  key: Key,
  size: number,
  lam: Float64Array,
  maxIters: number,
  partitionable: boolean,
): Float64Array {
  const k = new Float64Array(size);
  const logProd = new Float64Array(size);
  const negLam = lam.map((x) => -x);
  let rng = key;
  let pending = 0;
  for (let i = 0; i < size; i++) if (logProd[i] > negLam[i]) pending++;
  for (let iter = 0; pending > 0 && iter < maxIters; iter++) {
    const [next, subkey] = splitKey(rng, 2, partitionable);
    rng = next;
    const u = unitFloats(subkey, size, "float32", partitionable);
    pending = 0;
    for (let i = 0; i < size; i++) {
      if (!(logProd[i] > negLam[i])) continue;
      k[i] += 1;
      logProd[i] = f32(logProd[i] + logF32(u[i]));
      if (logProd[i] > negLam[i]) pending++;
    }
  }
  for (let i = 0; i < size; i++) k[i] -= 1;
  return k;
}

/**
 * JAX's `_poisson_rejection` (Hörmann's PTRS) for `size` elements with
 * float32 rates `lam`, all in float32. Each iteration splits the loop key
 * into `(next, subkey0, subkey1)`, draws float32 uniforms `u` (minus 0.5)
 * and `v` of the whole shape, and — as JAX does — overwrites the output of
 * every element that accepts in that iteration, even one accepted before;
 * the loop runs until every element has accepted at least once. Returns the
 * float32 counts (`-1` where nothing was accepted within `maxIters`).
 */
export function poissonRejectionKernel(
  key: Key,
  size: number,
  lam: Float64Array,
  maxIters: number,
  partitionable: boolean,
): Float64Array {
  const logLam = new Float64Array(size);
  const b = new Float64Array(size);
  const a = new Float64Array(size);
  const invAlpha = new Float64Array(size);
  const vR = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const l = lam[i];
    const sqrtLam = f32(Math.sqrt(l));
    logLam[i] = logF32(l);
    b[i] = fmaF32(sqrtLam, C_2_53, C_0_931);
    a[i] = fmaF32(b[i], C_0_02483, C_M0_059);
    // XLA folds `(2.53·√lam + 0.931) - 3.4` (and `- 2`) into one constant and fuses.
    invAlpha[i] = f32(C_1_1239 + f32(C_1_1328 / fmaF32(sqrtLam, C_2_53, C_0_931_MINUS_3_4)));
    vR[i] = f32(C_0_9277 - f32(C_3_6224 / fmaF32(sqrtLam, C_2_53, C_0_931_MINUS_2)));
  }
  const kOut = new Float64Array(size).fill(-1);
  const accepted = new Uint8Array(size);
  let pending = size;
  let rng = key;
  for (let iter = 0; pending > 0 && iter < maxIters; iter++) {
    const [next, subkey0, subkey1] = splitKey(rng, 3, partitionable);
    rng = next;
    const us0 = unitFloats(subkey0, size, "float32", partitionable);
    const vs = unitFloats(subkey1, size, "float32", partitionable);
    for (let i = 0; i < size; i++) {
      const u = f32(us0[i] - 0.5);
      const v = vs[i];
      const uShifted = f32(0.5 - Math.abs(u));
      const k = Math.floor(
        f32(fmaF32(f32(f32(f32(2 * a[i]) / uShifted) + b[i]), u, lam[i]) + C_0_43),
      );
      const accept1 = uShifted >= C_0_07 && v <= vR[i];
      let accept = accept1;
      if (!accept) {
        const reject = k < 0 || (uShifted < C_0_013 && v > uShifted);
        if (!reject) {
          const s = f32(
            logF32(f32(f32(v * invAlpha[i]) / f32(f32(a[i] / f32(uShifted * uShifted)) + b[i]))),
          );
          const t = f32(fmaF32(k, logLam[i], -lam[i]) - lanczosLgamma(f32(k + 1), k));
          accept = s <= t;
        }
      }
      if (accept) {
        kOut[i] = k;
        if (!accepted[i]) {
          accepted[i] = 1;
          pending--;
        }
      }
    }
  }
  return kOut;
}

// Python float constants, weakly typed: rounded to float32 in JAX's float32 graph.
const C_0_931 = f32(0.931);
const C_2_53 = f32(2.53);
const C_M0_059 = f32(-0.059);
const C_0_02483 = f32(0.02483);
const C_1_1239 = f32(1.1239);
const C_1_1328 = f32(1.1328);
const C_0_931_MINUS_3_4 = f32(C_0_931 - f32(3.4));
const C_0_9277 = f32(0.9277);
const C_3_6224 = f32(3.6224);
const C_0_931_MINUS_2 = f32(C_0_931 - 2);
const C_0_43 = f32(0.43);
const C_0_07 = f32(0.07);
const C_0_013 = f32(0.013);

// XLA's lgamma lowering (StableHLO ChloLegalizeToStablehlo.cpp, materializeLgamma):
// Lanczos approximation with g = 7 and 8 coefficients, constants rounded to float32.
const LANCZOS_GAMMA = 7;
// The C++ literals, as the doubles they parse to (then rounded to float32).
const LANCZOS_BASE = f32(0.9999999999998099);
const LANCZOS_COEFFICIENTS = [
  676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
].map(f32);
const LANCZOS_G_PLUS_HALF = f32(LANCZOS_GAMMA + 0.5);
const LOG_LANCZOS_G_PLUS_HALF = f32(Math.log(LANCZOS_GAMMA + 0.5));
const INVERSE_LANCZOS_G_PLUS_HALF = f32(1 / LANCZOS_G_PLUS_HALF);
const HALF_LOG_TWO_PI = f32((Math.log(2) + Math.log(Math.PI)) / 2);
const LOG_PI = f32(Math.log(Math.PI));
const PI32 = f32(Math.PI);

/**
 * `lax.lgamma` on a float32 value as XLA:CPU computes it: the Lanczos
 * approximation of StableHLO's `materializeLgamma`, every operation rounded
 * to float32, with XLA's float32 `log` and `log1p`, its algebraic rewrites
 * (`z / 7.5` becomes `z · f32(1/7.5)`) and its fused multiply-add
 * (`r · log t + ½ log 2π`); `sin` is JavaScript's, rounded to float32.
 */
export function lgammaFloat32(x: number): number {
  x = f32(x);
  return lanczosLgamma(x, f32(x - 1));
}

/**
 * {@link lgammaFloat32} of `x` given `x - 1` (used when `x ≥ 0.5`): XLA
 * simplifies `(k + 1) - 1` to `k`, so PTRS's `lgamma(k + 1)` reads `k`
 * itself, which differs from `f32(f32(k + 1) - 1)` from 2^24 on.
 */
function lanczosLgamma(x: number, xMinusOne: number): number {
  const reflect = x < 0.5;
  const z = reflect ? -x : xMinusOne;
  let a = LANCZOS_BASE;
  for (let i = 0; i < LANCZOS_COEFFICIENTS.length; i++) {
    a = f32(a + f32(LANCZOS_COEFFICIENTS[i] / f32(z + (i + 1))));
  }
  const t = f32(LANCZOS_G_PLUS_HALF + z);
  const logT = f32(LOG_LANCZOS_G_PLUS_HALF + log1pF32(f32(z * INVERSE_LANCZOS_G_PLUS_HALF)));
  let result = f32(fmaF32(f32(f32(z + 0.5) - f32(t / logT)), logT, HALF_LOG_TWO_PI) + logF32(a));
  if (reflect) {
    const abs = Math.abs(x);
    let absFrac = f32(abs - Math.floor(abs));
    if (0.5 < absFrac) absFrac = f32(1 - absFrac);
    const denominator = logF32(f32(Math.sin(f32(PI32 * absFrac))));
    result = Number.isFinite(denominator) ? f32(f32(LOG_PI - denominator) - result) : -denominator;
  }
  return x === Infinity || x === -Infinity ? Infinity : result;
}

/** Two's-complement wrap of an integer to `bits` bits (XLA integer arithmetic). */
function wrapInteger(value: number, bits: number, signed: boolean): number | bigint {
  if (bits === 64) {
    const big = BigInt(value);
    return signed ? BigInt.asIntN(64, big) : BigInt.asUintN(64, big);
  }
  const modulus = 2 ** bits;
  let wrapped = ((value % modulus) + modulus) % modulus;
  if (signed && wrapped >= modulus / 2) wrapped -= modulus;
  return wrapped;
}

/**
 * XLA's float-to-integer conversion: truncate toward zero, saturate to the
 * dtype's range, NaN to 0.
 */
function saturateToInteger(value: number, dtype: PoissonDType): number | bigint {
  if (Number.isNaN(value)) return 0;
  const [low, high] = INTEGER_RANGES[dtype];
  const truncated = Math.trunc(value);
  if (INTEGER_BITS[dtype] === 64) {
    if (truncated <= low) return dtype === "int64" ? -(1n << 63n) : 0n;
    if (truncated >= high) return dtype === "int64" ? (1n << 63n) - 1n : (1n << 64n) - 1n;
    return BigInt(truncated);
  }
  return Math.min(high, Math.max(low, truncated));
}

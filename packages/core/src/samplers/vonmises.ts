// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §6).
/**
 * Von Mises (circular normal) variates on [−π, π], as NumPy's `vonmises`:
 * Best and Fisher's (1979) wrapped-Cauchy rejection sampler, run as a
 * JAX-style fixed-shape loop.
 *
 * Algorithm. `(kLoop, kSign, kWide) = split(key, 3)`. Per element, by
 * `kappa` (NumPy's thresholds): NaN gives NaN; `kappa < 1e-8` gives the
 * uniform angle `π·(2u − 1)` with `u = uniform(kWide)` (NumPy ignores `mu`
 * there too); `kappa > 1e6` gives the wrapped normal approximation
 * `mu + z/√kappa` with `z = normal(kWide)` (NumPy's fallback); otherwise
 * Best–Fisher: `s = (1 + ρ²)/(2ρ)` with `ρ = 2κ / (τ + √(2τ))`,
 * `τ = 1 + √(1 + 4κ²)` — algebraically Best and Fisher's
 * `ρ = (τ − √(2τ))/(2κ)`, without its cancellation at small `κ` (so NumPy's
 * separate Taylor branch for `κ < 1e-5` is not needed). The loop: while some
 * element is pending (and fewer than `MAX_REJECTION_ITERATIONS`
 * iterations ran), `(kLoop, kU, kV) = split(kLoop, 3)`, draw `U` and `V` of
 * the whole shape, and for every pending element compute `Z = cos(πU)`,
 * `W = (1 + sZ)/(s + Z)`, `Y = κ(s − W)`; accept (keep `W`, stop drawing for
 * it) where `Y(2 − Y) − V >= 0` or `log(Y/V) + 1 − Y >= 0`. Each element's
 * value depends only on its own draws (iteration `t` uses element `i` of
 * iteration `t`'s arrays). Then `θ = ±acos(W)` (negative where
 * `uniform(kSign) < 0.5`), `θ + mu` wrapped into [−π, π] with NumPy's
 * `fmod` rule (also applied to the normal approximation, where NumPy only
 * corrects by one turn).
 *
 * Termination. The acceptance probability per iteration is at least 0.65 for
 * every `κ` (Best and Fisher; measured here: 0.95 at κ = 0.5, 0.77 at 2,
 * 0.66 at 100 and beyond), so an element is pending after 1000 iterations
 * with probability below 10^-450; such an element would give NaN.
 *
 * Precision choice. The uniforms have the dtype's width (32 bits per float32
 * element, 64 per float64 element), but the arithmetic is float64 for both
 * dtypes and the angle is rounded to the dtype once: in float32, `s − W`
 * (and so `Y`) loses all precision once `κ` exceeds a few thousand.
 *
 * Accuracy. Every step but `cos`, `acos`, `log` and `sqrt` is an exactly
 * rounded float64 operation; those come from JavaScript's `Math` (under
 * 1 float64 ULP). For float32 the final rounding dominates: a result is
 * within 1 float32 ULP of any float64 evaluation of these steps whose
 * `cos`/`acos`/`log` are within a few float64 ULP (the `acos` near `W = 1`
 * amplifies a `W` error by at most `κ·2^-50` relative, below 2^-30 for
 * `κ <= 1e6`), unless an acceptance test lands within rounding of its
 * threshold (probability of order 10^-15 per draw). For float64 the same
 * amplification bounds the difference by about `1 + κ/4` float64 ULP.
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
import { checkNumpyConstraint, MAX_REJECTION_ITERATIONS } from "./defined-common.js";
import { normalKernel } from "./normal.js";
import { unitFloats } from "./uniform.js";
import { sampleElements } from "../slice.js";

/** Below this `kappa` the angle is uniform (NumPy's threshold). */
export const VONMISES_UNIFORM_KAPPA = 1e-8;
/** Above this `kappa` the wrapped normal approximation is used (NumPy's threshold). */
export const VONMISES_NORMAL_KAPPA = 1e6;

/**
 * Sample von Mises angles with mode `mu` and concentration `kappa`, as
 * NumPy's `Generator.vonmises`; results lie in [−π, π] (float32: within
 * `±f32(π)`).
 *
 * `mu` and `kappa` are rounded to `dtype`. NumPy's rule: `kappa >= 0`
 * (`"kappa < 0"`, also for `-0`); NaN `kappa` or `mu` passes and gives NaN.
 *
 * @param key - the key.
 * @param mu - the mode (any real), broadcast-compatible with `shape`.
 * @param kappa - the concentration (>= 0), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of `mu` and `kappa`.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, parameter or options.
 * @throws RangeError for `kappa < 0`, or parameters that do not broadcast to `shape`.
 */
export function vonmises(
  key: KeyLike,
  mu: ArrayParam,
  kappa: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("vonmises", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const mode = toParam("mu", mu);
  const concentration = toParam("kappa", kappa);
  const checkedShape = resolveShape("vonmises", shape, mode, concentration);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  checkNumpyConstraint("vonmises", "kappa", concentration, "CONS_NON_NEGATIVE");
  const round = roundTo(checkedDType);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      vonmisesKernel(
        k,
        s,
        checkedDType,
        broadcast(mode).map(round),
        broadcast(concentration).map(round),
        partitionable,
      ),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/** NumPy's wrap of an angle into [−π, π]: `sign(x)·(fmod(|x| + π, 2π) − π)`. */
export function wrapAngle(x: number): number {
  const mod = ((Math.abs(x) + Math.PI) % (2 * Math.PI)) - Math.PI;
  return x < 0 ? -mod : mod;
}

/**
 * Best and Fisher's `s = (1 + ρ²)/(2ρ)`, with `ρ = 2κ/(τ + √(2τ))` and
 * `τ = 1 + √(1 + 4κ²)`, in float64.
 */
export function vonmisesS(kappa: number): number {
  const tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
  const rho = (2 * kappa) / (tau + Math.sqrt(2 * tau));
  return (1 + rho * rho) / (2 * rho);
}

/**
 * The von Mises kernel on a checked key, `mu` and `kappa` broadcast to
 * `shape` and rounded to `dtype` (steps as in the module notes and
 * spec/samplers/jrng-defined.md §6).
 */
export function vonmisesKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  mu: Float64Array,
  kappa: Float64Array,
  partitionable: boolean,
): Float32Array | Float64Array {
  const r = roundTo(dtype);
  const size = shapeSize(shape);
  const [kLoop, kSign, kWide] = splitKey(key, 3, partitionable);
  // 0: NaN, 1: uniform, 2: normal approximation, 3: Best–Fisher.
  const branch = new Uint8Array(size);
  const s = new Float64Array(size);
  const w = new Float64Array(size).fill(NaN);
  const pending = new Uint8Array(size);
  let pendingCount = 0;
  let anyUniform = false;
  let anyNormal = false;
  for (let i = 0; i < size; i++) {
    const k = kappa[i];
    if (Number.isNaN(k)) branch[i] = 0;
    else if (k < VONMISES_UNIFORM_KAPPA) {
      branch[i] = 1;
      anyUniform = true;
    } else if (k > VONMISES_NORMAL_KAPPA) {
      branch[i] = 2;
      anyNormal = true;
    } else {
      branch[i] = 3;
      s[i] = vonmisesS(k);
      pending[i] = 1;
      pendingCount++;
    }
  }
  let rng = kLoop;
  for (let iter = 0; pendingCount > 0 && iter < MAX_REJECTION_ITERATIONS; iter++) {
    const [next, kU, kV] = splitKey(rng, 3, partitionable);
    rng = next;
    const us = unitFloats(kU, size, dtype, partitionable);
    const vs = unitFloats(kV, size, dtype, partitionable);
    for (let i = 0; i < size; i++) {
      if (!pending[i]) continue;
      const z = Math.cos(Math.PI * us[i]);
      const wi = (1 + s[i] * z) / (s[i] + z);
      const y = kappa[i] * (s[i] - wi);
      const v = vs[i];
      if (y * (2 - y) - v >= 0 || Math.log(y / v) + 1 - y >= 0) {
        w[i] = wi;
        pending[i] = 0;
        pendingCount--;
      }
    }
  }
  const sign = unitFloats(kSign, size, dtype, partitionable);
  const wide = anyUniform ? unitFloats(kWide, size, dtype, partitionable) : null;
  const normal = anyNormal ? normalKernel(kWide, shape, dtype, partitionable) : null;
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    let angle: number;
    switch (branch[i]) {
      case 1:
        angle = Math.PI * (2 * wide![i] - 1);
        break;
      case 2:
        angle = wrapAngle(mu[i] + Math.sqrt(1 / kappa[i]) * normal![i]);
        break;
      case 3: {
        const theta = Math.acos(w[i]);
        angle = wrapAngle((sign[i] < 0.5 ? -theta : theta) + mu[i]);
        break;
      }
      default:
        angle = NaN;
    }
    out[i] = r(angle);
  }
  return out;
}

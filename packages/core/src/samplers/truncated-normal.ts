// Mirrors jax.random.truncated_normal (jax/_src/random/core.py: truncated_normal, _truncated_normal).
/**
 * Standard normal floats truncated to `(lower, upper)`, by inversion:
 * `sqrt(2) · erf_inv(u)` with `u` uniform on `[erf(lower/√2), erf(upper/√2))`,
 * clipped to `[nextafter(lower, +∞), nextafter(upper, -∞)]`.
 *
 * Accuracy. Float32 is bit-exact with JAX on CPU: `erf` is XLA's
 * ({@link erfFloat32} reproduces `EmitErfF32`), the divisions by √2 are
 * multiplications by `1/√2` as XLA compiles them, the uniform step is JAX's
 * with its fused multiply-add, and {@link erfInvFloat32} is XLA's `erf_inv`.
 * Float64 uses {@link erfInvFloat64} (XLA's, bit-exact) and the fdlibm
 * `erf` of the C library ({@link erfFloat64}, within 2 float64 ULP of
 * glibc's), so a float64 sample can differ from JAX's with `jax_enable_x64`
 * where `erf` does, by a few float64 ULP, most where `erf_inv` is
 * ill-conditioned near `u = ±1`.
 *
 * @module
 */
import { erfFloat32, erfFloat64 } from "../erf.js";
import { erfInvFloat32, erfInvFloat64 } from "../erf-inv.js";
import { f32, nextAfter } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { type ArrayParam, resolveShape, toParam } from "../params.js";
import { checkFloatDType } from "../validate.js";
import { SQRT2_FLOAT32 } from "./normal.js";
import { uniformKernel } from "./uniform.js";
import { sampleElements } from "../slice.js";

/**
 * Sample truncated standard normal floats, as `jax.random.truncated_normal`.
 *
 * Values lie in the open interval `(lower, upper)` (after rounding to the
 * dtype). Like JAX, no parameter is rejected for its value: with
 * `lower >= upper` every sample is `nextafter(upper, -∞)` (the clip's upper
 * bound wins), and NaN bounds give NaN; the functional API mirrors
 * `jax.random`.
 *
 * @param key - the key.
 * @param lower - the lower truncation bound(s), broadcast-compatible with `upper` and `shape`.
 * @param upper - the upper truncation bound(s).
 * @param shape - the result shape; default (`undefined`) broadcasts `lower` and `upper`.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, bound, shape, dtype or options.
 * @throws RangeError if the bounds do not broadcast (to `shape`).
 */
export function truncatedNormal(
  key: KeyLike,
  lower: ArrayParam,
  upper: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("truncated_normal", key);
  const low = toParam("lower", lower);
  const high = toParam("upper", upper);
  const checkedShape = resolveShape("truncated_normal", shape, low, high);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      truncatedNormalKernel(k, s, checkedDType, broadcast(low), broadcast(high), partitionable),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * JAX's `_truncated_normal` on a checked key, with `lower` and `upper`
 * broadcast to `shape` (or of length 1):
 *
 * 1. `a = erf(lower / √2)`, `b = erf(upper / √2)` in the dtype, each division
 *    compiled by XLA as a multiplication by the rounded constant `1 / √2`;
 * 2. `u = uniform(key, shape, dtype, a, b)` (no split);
 * 3. `out = √2 · erf_inv(u)`;
 * 4. `clip(out, nextafter(lower, +∞), nextafter(upper, -∞))`, i.e.
 *    `min(nextafter(upper, -∞), max(nextafter(lower, +∞), out))`.
 */
export function truncatedNormalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  lower: Float64Array | readonly number[],
  upper: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const single = dtype === "float32";
  const round = single ? f32 : (x: number) => x;
  const sqrt2 = single ? SQRT2_FLOAT32 : Math.SQRT2;
  const erf = single ? erfFloat32 : erfFloat64;
  const erfInv = single ? erfInvFloat32 : erfInvFloat64;
  const scalar = lower.length === 1 && upper.length === 1;
  const n = scalar ? 1 : size;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  // XLA's algebraic simplifier turns float32 `x / constant` into
  // `x · (1 / constant)`; float64 keeps the division.
  const inverseSqrt2 = round(1 / sqrt2);
  const overSqrt2 = single ? (x: number) => f32(x * inverseSqrt2) : (x: number) => x / sqrt2;
  for (let i = 0; i < n; i++) {
    lo[i] = round(lower[i]);
    hi[i] = round(upper[i]);
    a[i] = erf(overSqrt2(lo[i]));
    b[i] = erf(overSqrt2(hi[i]));
  }
  const out = uniformKernel(key, shape, dtype, a, b, partitionable);
  for (let i = 0; i < size; i++) {
    const j = scalar ? 0 : i;
    const x = round(sqrt2 * erfInv(out[i]));
    const clipLow = nextAfter(dtype, lo[j], Infinity);
    const clipHigh = nextAfter(dtype, hi[j], -Infinity);
    out[i] = minimum(clipHigh, maximum(clipLow, x));
  }
  return out;
}

/** `lax.max`: NaN if either operand is NaN. */
function maximum(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
}

/** `lax.min`: NaN if either operand is NaN. */
function minimum(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
}

// Mirrors jax.random.lognormal (jax/_src/random/core.py: lognormal, _lognormal).
/**
 * Lognormal floats: `exp(sigma · normal)`.
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64: the normal
 * draw is ({@link normalKernel}), `exp` is XLA's routine in the dtype, and
 * `sigma` is folded into the factor `√2 · sigma` as XLA compiles it.
 *
 * @module
 */
import { erfInvFloat32, erfInvFloat64 } from "../erf-inv.js";
import { nextAfter, roundTo } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import type { ArrayParam } from "../params.js";
import { SQRT2_FLOAT32 } from "./normal.js";
import { uniformKernel } from "./uniform.js";
import { sampleFloatParams } from "./float-params.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample lognormal floats, as `jax.random.lognormal`: `exp(sigma · z)` for
 * a standard normal `z` drawn from the key (no split).
 *
 * Like JAX, `sigma` is not checked for sign: a negative `sigma` gives
 * `exp(-|sigma|·z)`, the same distribution, and NaN gives NaN (the functional
 * API mirrors `jax.random`).
 *
 * @param key - the key.
 * @param sigma - the standard deviation of the underlying normal (default 1), broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is `sigma`'s shape (JAX's `_check_broadcast_shapes`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, `sigma`, shape, dtype or options, or a float64 `sigma` array with dtype float32 (JAX: cannot safely cast).
 * @throws RangeError if `sigma` does not broadcast to `shape`.
 */
export function lognormal(
  key: KeyLike,
  sigma: ArrayParam = 1,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleFloatParams(
    "lognormal",
    key,
    { sigma },
    shape,
    dtype,
    options,
    (k, s, d, [ss], p, [broadcast]) => lognormalKernel(k, s, d, ss, p, broadcast),
  );
}

/**
 * JAX's `_lognormal` on a checked key, `sigma` broadcast to `shape` (or of
 * length 1): `exp(normal(key, shape, dtype) · sigma)` in the dtype. Where
 * `sigma` is broadcast to the shape (`broadcast`, default: `sigma` of length
 * 1) XLA folds `√2 · sigma` into one factor; a `sigma` of the full shape is
 * multiplied after `√2 · erf_inv(u)`.
 */
export function lognormalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  sigma: Float64Array | readonly number[],
  partitionable: boolean,
  broadcast: boolean = sigma.length === 1,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const exp = mathIn(dtype).exp;
  // XLA reassociates `(√2 · erf_inv(u)) · sigma` into `erf_inv(u) · (√2 · sigma)`
  // where sigma is broadcast.
  const low = nextAfter(dtype, -1, 0);
  const out = uniformKernel(key, shape, dtype, [low], [1], partitionable);
  const erfInv = dtype === "float32" ? erfInvFloat32 : erfInvFloat64;
  const sqrt2 = dtype === "float32" ? SQRT2_FLOAT32 : Math.SQRT2;
  const scalar = sigma.length === 1;
  for (let i = 0; i < size; i++) {
    const s = round(scalar ? sigma[0] : sigma[i]);
    const scaled = broadcast
      ? round(erfInv(out[i]) * round(sqrt2 * s))
      : round(round(sqrt2 * erfInv(out[i])) * s);
    out[i] = exp(scaled);
  }
  return out;
}

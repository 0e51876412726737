// Mirrors jax.random.categorical (jax/_src/random/core.py: categorical, _categorical).
/**
 * Categorical indices by the Gumbel-max trick (with replacement) or the
 * Gumbel-top-k trick (without replacement).
 *
 * Accuracy: the Gumbel noise carries the bound stated in `gumbel.ts`
 * (float32: `2 ulp(g) + 2·2^-23`); the sums with the logits are rounded to
 * the dtype. An index can differ from JAX's only when two perturbed logits
 * are within that bound of each other, which for float32 happens for a
 * fraction of order 10^-7 of comparisons.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { isPartitionable, isX64, type X64Options } from "../options.js";
import {
  broadcastParam,
  checkParamsFitShape,
  toParam,
  type ArrayParam,
  type Param,
} from "../params.js";
import { checkShape, describe } from "../validate.js";
import { paramFloatDType } from "./bernoulli.js";
import { checkGumbelMode, gumbelKernel, type GumbelMode } from "./gumbel.js";

const sign = new Float64Array(1);
const signBits = new BigUint64Array(sign.buffer);

function signBit(x: number): boolean {
  sign[0] = x;
  return signBits[0] >> 63n === 1n;
}

/**
 * XLA's total order on floats, as its TopK uses: -NaN < -Inf < … < -0 < +0 <
 * … < +Inf < +NaN. Returns true when `a` is strictly greater than `b`.
 */
export function totalOrderGreater(a: number, b: number): boolean {
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) {
    const aRank = aNaN ? (signBit(a) ? -1 : 1) : 0;
    const bRank = bNaN ? (signBit(b) ? -1 : 1) : 0;
    return aRank > bRank;
  }
  if (a !== b) return a > b;
  return a === 0 && !signBit(a) && signBit(b);
}

/**
 * `lax.top_k` indices of one row: the `k` largest values in XLA's total
 * order, largest first, equal values by lower index first (stable).
 */
export function topKIndices(values: ArrayLike<number>, k: number): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((i, j) =>
    totalOrderGreater(values[i], values[j])
      ? -1
      : totalOrderGreater(values[j], values[i])
        ? 1
        : i - j,
  );
  return order.slice(0, k);
}

/**
 * `jnp.argmax` of one strided row: the first NaN if any, else the first
 * maximum (`-0` and `+0` compare equal, as XLA's argmax reducer does).
 */
export function argmaxStrided(
  values: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
): number {
  let best = 0;
  let bestValue = values[start];
  if (Number.isNaN(bestValue)) return 0;
  for (let j = 1; j < count; j++) {
    const v = values[start + j * stride];
    if (Number.isNaN(v)) return j;
    if (v > bestValue) {
      best = j;
      bestValue = v;
    }
  }
  return best;
}

function checkAxis(name: string, axis: unknown, rank: number): number {
  const message = `${name} must be an integer in [${-rank}, ${rank - 1}] for an array of rank ${rank}, got ${describe(axis)}`;
  // The wrong kind of value is a TypeError, an integer out of range a RangeError.
  if (typeof axis !== "number" || !Number.isInteger(axis)) throw new TypeError(message);
  if (axis < -rank || axis >= rank) throw new RangeError(message);
  return axis < 0 ? axis + rank : axis;
}

export { checkAxis };

/**
 * Sample category indices from unnormalised log-probabilities, as
 * `jax.random.categorical`.
 *
 * With replacement (default): Gumbel noise of shape
 * `[...prefix, ...logits shape with the batch axes taken from shape]` is
 * added to the logits and the argmax taken along `axis` (the first maximum;
 * a NaN wins). Without replacement: Gumbel noise of the logits' shape is
 * added, and the `k = prod(prefix)` largest along `axis` (XLA's `top_k`:
 * total order, ties by lower index) become the leading axes of the result.
 * `prefix` is the part of `shape` before the batch shape (the logits' shape
 * without `axis`).
 *
 * The logits' float dtype is that of a float NdArray, else float32 (float64
 * with `options.x64`). Indices are int32, or int64 with `x64` and
 * `replace = true` (JAX's `argmax`; its `top_k` without replacement returns
 * int32 under x64 too).
 *
 * @param key - the key.
 * @param logits - unnormalised log-probabilities, at least one axis.
 * @param axis - the category axis (default -1).
 * @param shape - the result shape; must end with a shape broadcast-compatible with the batch shape (exactly it when `replace` is false). Default: the batch shape.
 * @param replace - sample with (default) or without replacement.
 * @param mode - the Gumbel mode (default `"low"`).
 * @param options - the threefry mode (default partitionable) and `x64`.
 * @throws TypeError for a bad key, shape, logits (an integer NdArray included, as JAX) or `replace`.
 * @throws RangeError for a bad axis or mode, a shape that does not fit, or more samples without replacement than categories.
 */
export function categorical(
  key: KeyLike,
  logits: ArrayParam,
  axis = -1,
  shape?: number | readonly number[],
  replace = true,
  mode?: GumbelMode,
  options?: X64Options,
): NdArray<"int32" | "int64"> {
  const checkedKey = checkKey("categorical", key);
  const x64 = isX64(options);
  const dtype = paramFloatDType(logits, x64);
  if (dtype === undefined) {
    throw new TypeError(
      `dtype argument to gumbel must be a float dtype: categorical logits must be floats, got an NdArray of dtype ${describe((logits as NdArray).dtype)}`,
    );
  }
  const param = toParam("logits", logits);
  if (param.shape.length === 0) {
    throw new RangeError("categorical: logits must have at least one axis, got a scalar");
  }
  const ax = checkAxis("axis", axis, param.shape.length);
  if (typeof replace !== "boolean") {
    throw new TypeError(`replace must be true or false, got ${describe(replace)}`);
  }
  const checkedMode = checkGumbelMode(mode);
  const batchShape = param.shape.filter((_, i) => i !== ax);
  let checkedShape: number[];
  if (shape === undefined || shape === null) {
    checkedShape = batchShape;
  } else {
    checkedShape = checkShape("shape", shape);
    checkParamsFitShape("categorical", checkedShape, batchShape);
  }
  const partitionable = isPartitionable(options);
  const indices = categoricalKernel(
    checkedKey,
    param,
    dtype,
    ax,
    checkedShape,
    replace,
    checkedMode,
    partitionable,
  );
  if (replace && x64) {
    // JAX's argmax gives int64 under x64; top_k (without replacement) stays int32.
    return { dtype: "int64", shape: checkedShape, data: BigInt64Array.from(indices, BigInt) };
  }
  return { dtype: "int32", shape: checkedShape, data: indices };
}

/**
 * JAX's `_categorical` on a checked key: `logits` with its shape, the
 * non-negative category axis `axis`, and the checked result `shape`.
 */
export function categoricalKernel(
  key: Key,
  logits: Param,
  dtype: FloatDType,
  axis: number,
  shape: readonly number[],
  replace: boolean,
  mode: GumbelMode,
  partitionable: boolean,
): Int32Array {
  const round = roundTo(dtype);
  const rank = logits.shape.length;
  const n = logits.shape[axis];
  const batchRank = rank - 1;
  const prefix = shape.slice(0, shape.length - batchRank);
  if (replace) {
    const gShape = [...prefix, ...shape.slice(shape.length - batchRank)];
    gShape.splice(prefix.length + axis, 0, n);
    const noise = gumbelKernel(key, gShape, dtype, mode, partitionable);
    const base = broadcastParam(
      { shape: logits.shape, data: logits.data.map(round) as Float64Array },
      gShape,
    );
    const sums = new Float64Array(noise.length);
    for (let i = 0; i < sums.length; i++) sums[i] = round(noise[i] + base[i]);
    const at = prefix.length + axis;
    const outer = shapeSize(gShape.slice(0, at));
    const inner = shapeSize(gShape.slice(at + 1));
    const out = new Int32Array(outer * inner);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        out[o * inner + j] = argmaxStrided(sums, o * n * inner + j, n, inner);
      }
    }
    return out;
  }
  const k = shapeSize(prefix);
  if (k > n) {
    throw new RangeError(
      `Number of samples without replacement (${k}) cannot exceed number of categories (${n}).`,
    );
  }
  const batchShape = logits.shape.filter((_, i) => i !== axis);
  const tail = shape.slice(shape.length - batchRank);
  if (tail.length !== batchShape.length || tail.some((e, i) => e !== batchShape[i])) {
    throw new RangeError(
      `categorical without replacement: shape [${shape.join(", ")}] must end with the batch shape ` +
        `[${batchShape.join(", ")}] exactly (JAX fails an assertion otherwise)`,
    );
  }
  const noise = gumbelKernel(key, logits.shape, dtype, mode, partitionable);
  const perturbed = new Float64Array(noise.length);
  for (let i = 0; i < noise.length; i++) perturbed[i] = round(round(logits.data[i]) + noise[i]);
  const outer = shapeSize(logits.shape.slice(0, axis));
  const inner = shapeSize(logits.shape.slice(axis + 1));
  const batch = outer * inner;
  const out = new Int32Array(k * batch);
  const row = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      for (let c = 0; c < n; c++) row[c] = perturbed[o * n * inner + c * inner + j];
      const top = topKIndices(row, k);
      const b = o * inner + j;
      for (let t = 0; t < k; t++) out[t * batch + b] = top[t];
    }
  }
  return out;
}

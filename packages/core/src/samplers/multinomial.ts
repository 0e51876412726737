// Mirrors jax.random.multinomial (jax/_src/random/core.py: multinomial).
/**
 * Multinomial counts (as floats) by sequential conditional binomials over
 * the categories, exactly as JAX.
 *
 * Accuracy: that of {@link binomial} (the binomials are the only
 * transcendental steps); the reverse cumulative sums of `p` are computed in
 * the order XLA CPU uses for JAX's reverse `cumsum` (a reduce-window, which
 * XLA's `ReduceWindowRewriter` tiles by 16 beyond 16 categories).
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { defaultFloatDType, isPartitionable, isX64, type ThreefryOptions } from "../options.js";
import {
  broadcastParam,
  checkParamsFitShape,
  promotedFloatDType,
  toParam,
  type ArrayParam,
} from "../params.js";
import { convertFloats, roundTo } from "../float.js";
import { splitKey } from "../random-words.js";
import { checkFloatDType, checkShape, describe } from "../validate.js";
import { binomialKernel } from "./binomial.js";

/**
 * Sample multinomial counts (as floats), as `jax.random.multinomial`.
 *
 * The categories are the last axis of `p`. `shape` is the full result shape
 * *including* the category axis: JAX's code broadcasts `p` to `shape` and
 * `n` to `shape[:-1]` (its docstring, which calls `shape` the batch shape
 * without the last axis, disagrees with its code; we follow the code). The
 * default shape is `p`'s shape. For each category `i` in order, with the
 * `i`-th key of `split(key, K)`, the count is `binomial(remaining,
 * clip(p_i / (p_i + … + p_{K-1}), 0, 1))` and `remaining` drops by it.
 * `p` need not be normalised; invalid values propagate as in
 * {@link binomial} (NaN), mirroring JAX.
 *
 * @param key - the key.
 * @param n - the number of trials, broadcast-compatible with `shape` without its last axis.
 * @param p - the category probabilities along the last axis, broadcast-compatible with `shape`.
 * @param shape - the result shape including the category axis; default `p`'s shape.
 * @param dtype - the result dtype: `"float32"` (default; `"float64"` with `options.x64`) or `"float64"`. JAX computes in the promoted dtype of `n` and `p` (numbers are Python scalars: float64 with `x64`; a nested array is an array of `dtype`; an NdArray keeps its dtype) and converts the counts to `dtype`.
 * @param unroll - JAX's `lax.scan` unroll factor (a positive integer or a boolean): it changes only speed in JAX, and nothing here; checked and ignored.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`).
 * @throws TypeError for a bad key, shape, dtype, `n`, `p` or `unroll`.
 * @throws RangeError if the result would have no category axis, or `n` / `p` do not broadcast.
 */
export function multinomial(
  key: KeyLike,
  n: ArrayParam,
  p: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  unroll: number | boolean = 1,
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("multinomial", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const count = toParam("n", n);
  const prob = toParam("p", p);
  if (typeof unroll !== "boolean" && !(Number.isInteger(unroll) && (unroll as number) >= 1)) {
    throw new TypeError(`unroll must be a positive integer or a boolean, got ${describe(unroll)}`);
  }
  const checkedShape =
    shape === undefined || shape === null ? [...prob.shape] : checkShape("shape", shape);
  if (checkedShape.length === 0) {
    throw new RangeError(
      "multinomial: the result shape must have a last (category) axis, but it is [] " +
        "(give p at least one axis, or a shape with at least one axis)",
    );
  }
  const batchShape = checkedShape.slice(0, -1);
  checkParamsFitShape("multinomial", checkedShape, prob.shape);
  checkParamsFitShape("multinomial", batchShape, count.shape);
  const partitionable = isPartitionable(options);
  // A float64 result implies x64 (JAX has no float64 without it).
  const x64 = isX64(options) || checkedDType === "float64";
  const computeDType = promotedFloatDType([n, p], checkedDType, x64);
  const counts = multinomialKernel(
    checkedKey,
    checkedShape,
    computeDType,
    broadcastParam(count, batchShape),
    broadcastParam(prob, checkedShape),
    partitionable,
  );
  return {
    dtype: checkedDType,
    shape: checkedShape,
    data: computeDType === checkedDType ? counts : convertFloats(checkedDType, counts),
  };
}

/**
 * JAX's `multinomial` body on a checked key: `n` broadcast to the batch
 * shape `shape[:-1]`, `p` to `shape` (categories last), both rounded to
 * `dtype`.
 *
 * 1. `remaining[i] = p[i] + p[i+1] + … + p[K-1]` per batch element, in
 *    `dtype`, in the order XLA CPU computes JAX's reverse `cumsum` (see
 *    `reverseCumulativeSum`).
 * 2. `ratio[i] = p[i] / (remaining[i] == 0 ? 1 : remaining[i])`.
 * 3. `keys = split(key, K)`; for `i = 0 … K-1`:
 *    `count_i = binomial(keys[i], rest, clip(ratio[i], 0, 1))` over the batch
 *    shape, `rest -= count_i`.
 */
export function multinomialKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  n: Float64Array | readonly number[],
  p: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const round = roundTo(dtype);
  const categories = shape[shape.length - 1];
  const batchShape = shape.slice(0, -1);
  const batch = shapeSize(batchShape);
  const out = allocate(dtype, batch * categories);
  if (categories === 0) return out;
  const ratios = new Float64Array(batch * categories);
  const probs = new Float64Array(categories);
  for (let j = 0; j < batch; j++) {
    const row = j * categories;
    for (let i = 0; i < categories; i++) probs[i] = round(p[row + i]);
    const remaining = reverseCumulativeSum(probs, round);
    for (let i = 0; i < categories; i++) {
      const ratio = round(probs[i] / (remaining[i] === 0 ? 1 : remaining[i]));
      ratios[row + i] = Math.min(Math.max(ratio, 0), 1);
    }
  }
  const keys = splitKey(key, categories, partitionable);
  const rest = new Float64Array(batch);
  for (let j = 0; j < batch; j++) rest[j] = round(n[j]);
  const ratio = new Float64Array(batch);
  for (let i = 0; i < categories; i++) {
    for (let j = 0; j < batch; j++) ratio[j] = ratios[j * categories + i];
    const counts = binomialKernel(keys[i], batchShape, dtype, rest, ratio, partitionable);
    for (let j = 0; j < batch; j++) {
      out[j * categories + i] = counts[j];
      rest[j] = round(rest[j] - counts[j]);
    }
  }
  return out;
}

/** XLA's `xla_reduce_window_rewrite_base_length` default. */
const SCAN_BASE_LENGTH = 16;

/**
 * JAX's `cumsum(x, reverse=True)` on XLA CPU, each addition rounded by
 * `round`. JAX lowers it to a reduce-window; up to 16 elements XLA sums each
 * window sequentially, `((0 + x[i]) + x[i+1]) + … + x[N-1]`. Longer scans
 * are rewritten by XLA's `ReduceWindowRewriter`: pad with zeros to a
 * multiple of 16, scan each row of 16 sequentially (as above), take the row
 * totals, reverse-scan them the same way (recursively), and add to each
 * element of a row the total of the rows after it.
 */
export function reverseCumulativeSum(
  x: Float64Array | readonly number[],
  round: (value: number) => number,
): Float64Array {
  const length = x.length;
  const out = new Float64Array(length);
  if (length <= SCAN_BASE_LENGTH) {
    for (let i = 0; i < length; i++) {
      let acc = 0;
      for (let l = i; l < length; l++) acc = round(acc + x[l]);
      out[i] = acc;
    }
    return out;
  }
  const rows = Math.ceil(length / SCAN_BASE_LENGTH);
  const padded = new Float64Array(rows * SCAN_BASE_LENGTH);
  padded.set(x);
  const rowScans: Float64Array[] = [];
  const rowTotals = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const scan = reverseCumulativeSum(
      padded.subarray(r * SCAN_BASE_LENGTH, (r + 1) * SCAN_BASE_LENGTH),
      round,
    );
    rowScans.push(scan);
    rowTotals[r] = scan[0];
  }
  const totals = reverseCumulativeSum(rowTotals, round);
  for (let r = 0; r < rows; r++) {
    const after = r + 1 < rows ? totals[r + 1] : 0;
    for (let c = 0; c < SCAN_BASE_LENGTH; c++) {
      const i = r * SCAN_BASE_LENGTH + c;
      if (i < length) out[i] = round(rowScans[r][c] + after);
    }
  }
  return out;
}

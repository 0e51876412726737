// Mirrors jax.random.choice (jax/_src/random/core.py: choice).
/**
 * Random samples from `arange(a)` or from an array along an axis: uniform
 * with replacement (randint), uniform without replacement (permutation),
 * weighted with replacement (cumulative sum and binary search) and weighted
 * without replacement (Gumbel top-k), each exactly as JAX.
 *
 * Accuracy. Unweighted branches are exact. The weighted-with-replacement
 * branch rounds every step to the float dtype and reproduces XLA CPU's
 * summation order for `cumsum` (its `ReduceWindowRewriter`, base length 16:
 * sequential sums within blocks of 16, block totals scanned recursively the
 * same way, then added), so it is exact too. The weighted-without-replacement
 * branch adds `log(p)` (XLA's float32 `log` for float32) to Gumbel noise, so
 * it is exact in float32.
 *
 * @module
 */
import { randint32Into } from "../bulk.js";
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type DType, type FloatDType, type NdArray } from "../ndarray.js";
import { isPartitionable, isX64, type X64Options } from "../options.js";
import { toParam, type ArrayParam, type NestedNumbers } from "../params.js";
import { checkShape, describe } from "../validate.js";
import { paramFloatDType } from "./bernoulli.js";
import { checkAxis, topKIndices } from "./categorical.js";
import { checkGumbelMode, gumbelKernel, type GumbelMode } from "./gumbel.js";
import { isIntegerDType, randintKernel } from "./randint.js";
import { takeAlongAxis, toNdArray } from "./permutation.js";
import { shuffledPrefix } from "./shuffled-prefix.js";
import { unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/** The largest population `choice` samples without replacement: int32's maximum (JAX's `arange(n)` indices). */
const MAX_SHUFFLED_POPULATION = 2 ** 31 - 1;

/** XLA CPU's base length for rewriting cumulative reduce-windows (`xla_reduce_window_rewrite_base_length`). */
const SCAN_BASE = 16;

/**
 * `jnp.cumsum` of a vector as XLA CPU computes it: a sequential sum for at
 * most 16 elements; otherwise blocks of 16 (zero-padded) summed sequentially,
 * the block totals scanned recursively, and each block's exclusive prefix
 * added to its elements. Every addition is rounded with `round`.
 */
export function xlaCumsum(values: ArrayLike<number>, round: (x: number) => number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n <= SCAN_BASE) {
    let acc = 0;
    for (let i = 0; i < n; i++) out[i] = acc = round(acc + values[i]);
    return out;
  }
  const blocks = Math.ceil(n / SCAN_BASE);
  const totals = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let acc = 0;
    for (let j = 0; j < SCAN_BASE; j++) {
      const i = b * SCAN_BASE + j;
      acc = round(acc + (i < n ? values[i] : 0));
      if (i < n) out[i] = acc;
    }
    totals[b] = acc;
  }
  const scanned = xlaCumsum(totals, round);
  for (let b = 1; b < blocks; b++) {
    for (let j = 0; j < SCAN_BASE && b * SCAN_BASE + j < n; j++) {
      const i = b * SCAN_BASE + j;
      out[i] = round(out[i] + scanned[b - 1]);
    }
  }
  return out;
}

/** JAX's sort-order `<=` on floats (`-0` equals `+0`; NaN is largest and equals NaN). */
function sortLessEqual(a: number, b: number): boolean {
  if (Number.isNaN(b)) return true;
  if (Number.isNaN(a)) return false;
  return a <= b;
}

/**
 * `jnp.searchsorted(sorted, query, side='left')` with JAX's default `'scan'`
 * method: `ceil(log2(n + 1))` halvings of `[low, high)` from `[0, n)`, moving
 * left when `query <= sorted[mid]` in sort order; the answer is `high`.
 */
export function searchSortedLeft(sorted: ArrayLike<number>, query: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  let low = 0;
  let high = n;
  const levels = Math.ceil(Math.log2(n + 1));
  for (let level = 0; level < levels; level++) {
    const mid = low + Math.floor((high - low) / 2);
    if (sortLessEqual(query, sorted[mid])) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * Draw samples from `arange(a)` or from the array `a` along `axis`, as
 * `jax.random.choice`.
 *
 * - No `p`, with replacement: indices `randint(key, shape, 0, n)` (int32, or
 *   int64 with `options.x64`, which draws different bits).
 * - No `p`, without replacement: the first `prod(shape)` entries of
 *   `permutation(key, n)`.
 * - `p`, with replacement: `c = cumsum(p)`, `r = c[-1]·(1 - uniform(key, shape))`,
 *   index `searchsorted(c, r)`.
 * - `p`, without replacement: the `prod(shape)` largest of
 *   `gumbel(key, (n,), mode) + log(p)` (XLA's `top_k` order).
 *
 * With an integer `a` the result is the indices (int32, or int64 with `x64`),
 * of shape `shape`; with an array, the selected entries along `axis`, of shape
 * `a.shape[:axis] + shape + a.shape[axis+1:]`. NdArrays keep their dtype;
 * nested arrays are read as float64. As in JAX, no samples (`prod(shape) = 0`)
 * returns zeros of shape `shape`, and `p` is not checked for sign or sum
 * (negative or NaN weights give JAX's ill-defined output, mirrored; an index
 * out of range reads `jnp.take`'s fill value). `p`'s float dtype is that of a
 * float NdArray, else float32 (float64 with `x64`).
 *
 * @param key - the key.
 * @param a - a positive integer, or an array of at least one axis.
 * @param shape - the sample shape, an array (default `[]`: one sample).
 * @param replace - with replacement (default true).
 * @param p - optional weights, a vector of length `n` (`a`, or `a.shape[axis]`).
 * @param axis - the axis of `a` to sample along (default 0).
 * @param mode - the Gumbel mode for weighted sampling without replacement (default `"low"`).
 * @param options - the threefry mode (default partitionable) and `x64`.
 * @throws TypeError for a bad key, `a`, shape, `replace`, `p` or options.
 * @throws RangeError for a bad axis or mode, `n <= 0` with samples, more samples than `n` without replacement, or `p` of the wrong shape.
 */
export function choice(
  key: KeyLike,
  a: number | NestedNumbers | NdArray,
  shape: readonly number[] = [],
  replace = true,
  p?: ArrayParam,
  axis = 0,
  mode?: GumbelMode,
  options?: X64Options,
): NdArray {
  const checkedKey = checkKey("choice", key);
  if (!Array.isArray(shape)) {
    throw new TypeError(
      `shape argument of choice must be an array (a sequence), got ${describe(shape)}`,
    );
  }
  const checkedShape = checkShape("shape", shape);
  if (typeof replace !== "boolean") {
    throw new TypeError(`replace must be true or false, got ${describe(replace)}`);
  }
  const checkedMode = checkGumbelMode(mode);
  const x64 = isX64(options);
  const partitionable = isPartitionable(options);
  const indexDType = x64 ? "int64" : "int32";
  let array: NdArray | undefined;
  let n: number;
  if (typeof a === "number") {
    if (!Number.isInteger(a)) {
      throw new TypeError(
        `a must be an integer or an array of at least one axis, got ${describe(a)}`,
      );
    }
    n = a;
  } else {
    const candidate = toNdArray("a", a, x64);
    if (candidate.shape.length === 0) {
      if (!isIntegerDType(candidate.dtype)) {
        throw new TypeError(
          `a must be an integer or an array of at least one axis, got a 0-d ${candidate.dtype} array`,
        );
      }
      n = Number(candidate.data[0]);
    } else {
      array = candidate;
      n = candidate.shape[checkAxis("axis", axis, candidate.shape.length)];
    }
  }
  const ax = array ? checkAxis("axis", axis, array.shape.length) : 0;
  const draws = shapeSize(checkedShape);
  if (draws === 0) {
    const dtype: DType = array ? array.dtype : indexDType;
    return { dtype, shape: checkedShape, data: allocate(dtype, 0) };
  }
  if (n <= 0)
    throw new RangeError(`a must be greater than 0 unless no samples are taken, got ${n}`);
  if (!replace && n > MAX_SHUFFLED_POPULATION) {
    throw new RangeError(
      `choice: without replacement, a population of ${n} cannot be indexed: JAX shuffles arange(n) ` +
        `with int32 indices, so n must be at most ${MAX_SHUFFLED_POPULATION}`,
    );
  }
  if (!replace && draws > n) {
    throw new RangeError(
      `Cannot take a larger sample (size ${draws}) than population (size ${n}) when 'replace=false'`,
    );
  }
  let weights: { dtype: FloatDType; data: Float64Array } | undefined;
  if (p !== undefined && p !== null) {
    const param = toParam("p", p);
    if (param.shape.length !== 1 || param.shape[0] !== n) {
      throw new RangeError(
        `p must be undefined or a 1D vector with the same size as a.shape[axis]. ` +
          `p has shape [${param.shape.join(", ")}] and a.shape[axis] is ${n}.`,
      );
    }
    weights = { dtype: paramFloatDType(p, x64) ?? (x64 ? "float64" : "float32"), data: param.data };
  }
  const indices = choiceIndices(
    checkedKey,
    n,
    checkedShape,
    replace,
    weights,
    checkedMode,
    x64,
    partitionable,
  );
  if (!array) {
    const data = allocate(indexDType, draws);
    if (x64) (data as BigInt64Array).set(Array.from(indices, BigInt));
    else (data as Int32Array).set(indices);
    return { dtype: indexDType, shape: checkedShape, data };
  }
  return takeAlongAxis(array, indices, ax, checkedShape);
}

/**
 * The indices `jax.random.choice` draws from `n` candidates for a sample of
 * `shape`, in row-major order, on a checked key; `p` (if given) already
 * checked to have length `n`.
 */
export function choiceIndices(
  key: Key,
  n: number,
  shape: readonly number[],
  replace: boolean,
  p: { dtype: FloatDType; data: ArrayLike<number> } | undefined,
  mode: GumbelMode,
  x64: boolean,
  partitionable: boolean,
): Int32Array {
  const draws = shapeSize(shape);
  const out = new Int32Array(draws);
  if (p === undefined) {
    if (replace && !x64 && n <= 2 ** 31) return randint32Into(key, out, 0, n, partitionable);
    if (replace) {
      const ind = randintKernel(
        key,
        shape,
        x64 ? "int64" : "int32",
        [0n],
        [BigInt(n)],
        partitionable,
      );
      for (let i = 0; i < draws; i++) out[i] = Number(ind[i]);
      return out;
    }
    // The head of the permutation; for a small sample of a large population,
    // only the sample is followed through the shuffle's rounds (same values).
    return shuffledPrefix(key, n, draws, partitionable);
  }
  const round = roundTo(p.dtype);
  const weights = Array.from(p.data, round);
  if (replace) {
    const cumulative = xlaCumsum(weights, round);
    const total = cumulative[n - 1];
    const u = unitFloats(key, draws, p.dtype, partitionable);
    for (let i = 0; i < draws; i++) {
      out[i] = searchSortedLeft(cumulative, round(total * round(1 - u[i])));
    }
    return out;
  }
  const noise = gumbelKernel(key, [n], p.dtype, mode, partitionable);
  const log = mathIn(p.dtype).log;
  const perturbed = noise.map((g, i) => round(g + log(weights[i])));
  out.set(topKIndices(perturbed, draws));
  return out;
}

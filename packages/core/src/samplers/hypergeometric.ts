// jrng-defined: no jax.random counterpart (spec/samplers/jrng-defined.md §9–10).
/**
 * Hypergeometric counts, and multivariate hypergeometric count vectors, as
 * NumPy's `hypergeometric` and `multivariate_hypergeometric`.
 *
 * `hypergeometric` chooses NumPy's algorithm per element, both in forms
 * with fixed-shape work. With `total = ngood + nbad` and
 * `m = min(nsample, total − nsample)` (NumPy samples the complement when
 * `nsample > floor(total/2)`), `(kSeq, kHrua) = split(key, 2)`:
 *
 * - `m < 10`: NumPy's `hypergeometric_sample`, drawing the sample item by
 *   item. Its at most 9 steps each take one float64 uniform from a fixed
 *   `[9, ...shape]` block drawn from `kSeq`: step `j` picks item
 *   `floor(u_j·N)` of the `N` items left, good if below the good count left.
 *   Fixed work: 9 uniforms per element (unused ones are ignored).
 * - `m >= 10`: Stadlober's ratio-of-uniforms method HRUA (NumPy's
 *   `hypergeometric_hrua`, same constants and squeezes, NumPy's
 *   `logfactorial`), as a JAX-style fixed-shape rejection loop from `kHrua`:
 *   every iteration splits `(rng, kU, kV) = split(rng, 3)` and draws float64
 *   `U`, `V` for the whole shape; pending elements accept or stay pending.
 *   The bounded item-by-item method would need `m` steps (up to 10^9); the
 *   rejection method needs O(1) iterations in expectation for every
 *   parameter: measured acceptance per iteration (ours, Math.random, 10^5
 *   trials per point, populations 20 to 2·10^8) is 0.7 for large populations,
 *   0.4–0.7 for small ones and 0.23 at worst (degenerate or near-degenerate
 *   cases such as `ngood = 0` or `ngood = 3, nbad = 997`), so an element is
 *   pending after `MAX_REJECTION_ITERATIONS` iterations with
 *   probability below `0.77^1000 < 10^-113`; it would give −1 (the maximum
 *   for unsigned dtypes).
 *
 * `multivariateHypergeometric` follows NumPy's two methods: `"marginals"`,
 * successive hypergeometric draws over the colors (`split(key, k − 1)`, one
 * key per color but the last); `"count"`, a partial Fisher–Yates selection
 * of `m` items from the population laid out color by color.
 *
 * Accuracy. Counts are integers computed in float64 from float64 uniforms
 * (64 random bits each); they agree with any float64 evaluation of these
 * steps except where a comparison lands within a few float64 ULP of its
 * threshold (of order 10^-14 per draw; the HRUA log-factorial differences are
 * the least precise step).
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { shapeSize, type NdArray, type TypedArrayOf } from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
  type ThreefryOptions,
} from "../options.js";
import { broadcastParam, resolveShape, toParam, type ArrayParam, type Param } from "../params.js";
import { splitKey } from "../random-words.js";
import { checkShape, describe, MAX_ELEMENTS } from "../validate.js";
import { MAX_REJECTION_ITERATIONS, storeIntegers, unitFloats64 } from "./defined-common.js";
import { checkIntegerDType, type IntegerDType } from "./randint.js";
import { sampleElements } from "../slice.js";

/** NumPy's `HYPERGEOM_MAX`: `ngood` and `nbad` must be below 10^9. */
export const HYPERGEOM_MAX = 1_000_000_000;

/** Below this `min(nsample, total − nsample)` the item-by-item method is used (NumPy's 10). */
const SEQUENTIAL_LIMIT = 10;
/** The uniforms drawn per element for the item-by-item method. */
const SEQUENTIAL_DRAWS = SEQUENTIAL_LIMIT - 1;

const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;
const HALF_LOG_2PI = 0.9189385332046728;

/** `log(k!)` for `k < 126`: `Σ_{i=2..k} log(i)` summed in increasing `i` in float64. */
const LOG_FACTORIAL_TABLE: Float64Array = (() => {
  const table = new Float64Array(126);
  for (let k = 2; k < table.length; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
})();

/**
 * NumPy's `logfactorial`: a table below 126, else Stirling's series to the
 * `1/k³` term, `(k + 0.5)·log k − k + (½·log 2π + (1/k)·(1/12 − 1/(360k²)))`.
 */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE.length) return LOG_FACTORIAL_TABLE[k];
  return (k + 0.5) * Math.log(k) - k + (HALF_LOG_2PI + (1 / k) * (1 / 12 - 1 / (360 * k * k)));
}

/**
 * Sample hypergeometric counts: the good items among `nsample` drawn
 * without replacement from `ngood` good and `nbad` bad items (NumPy's
 * `Generator.hypergeometric`).
 *
 * The parameters must be integers (TypeError otherwise) with NumPy's rules:
 * `ngood`, `nbad` below 10^9 (`"both ngood and nbad must be less than
 * 1000000000"`), `ngood + nbad >= nsample` (`"ngood + nbad < nsample"`), none
 * negative (`"ngood < 0"`, `"nbad < 0"`, `"nsample < 0"`).
 *
 * @param key - the key.
 * @param ngood - number of good items, broadcast-compatible with `shape`.
 * @param nbad - number of bad items, broadcast-compatible with `shape`.
 * @param nsample - number of items drawn, broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of the parameters.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, options or a non-integer parameter.
 * @throws RangeError for parameters outside NumPy's domain or that do not broadcast to `shape`.
 */
export function hypergeometric<D extends IntegerDType = "int32">(
  key: KeyLike,
  ngood: ArrayParam,
  nbad: ArrayParam,
  nsample: ArrayParam,
  shape?: number | readonly number[] | null,
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("hypergeometric", key);
  const checkedDType = checkIntegerDType(
    "dtype",
    "hypergeometric",
    dtype ?? defaultIntDType(options),
  ) as D;
  const good = toParam("ngood", ngood);
  const bad = toParam("nbad", nbad);
  const sample = toParam("nsample", nsample);
  const checkedShape = resolveShape("hypergeometric", shape, good, bad, sample);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  for (const [name, param] of [
    ["ngood", good],
    ["nbad", bad],
    ["nsample", sample],
  ] as const) {
    for (const x of param.data) {
      if (!Number.isInteger(x)) {
        throw new TypeError(`hypergeometric: ${name} must be integers, got ${describe(x)}`);
      }
    }
  }
  for (const [name, param] of [
    ["ngood", good],
    ["nbad", bad],
  ] as const) {
    for (const x of param.data) {
      if (x >= HYPERGEOM_MAX) {
        throw new RangeError(
          `hypergeometric: both ngood and nbad must be less than ${HYPERGEOM_MAX}, got ${name} = ${x}`,
        );
      }
    }
  }
  const g = broadcastParam(good, checkedShape);
  const b = broadcastParam(bad, checkedShape);
  const s = broadcastParam(sample, checkedShape);
  for (let i = 0; i < g.length; i++) {
    if (g[i] + b[i] < s[i]) {
      throw new RangeError(
        `hypergeometric: ngood + nbad < nsample (nsample must be at most ngood + nbad), ` +
          `got ngood = ${g[i]}, nbad = ${b[i]}, nsample = ${s[i]}`,
      );
    }
  }
  checkNonNegative("hypergeometric", "ngood", good);
  checkNonNegative("hypergeometric", "nbad", bad);
  checkNonNegative("hypergeometric", "nsample", sample);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, sliceShape, broadcast) =>
      hypergeometricKernel(
        k,
        sliceShape,
        checkedDType,
        broadcast(good),
        broadcast(bad),
        broadcast(sample),
        partitionable,
      ),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

function checkNonNegative(sampler: string, name: string, param: Param): void {
  for (const x of param.data) {
    if (x < 0) throw new RangeError(`${sampler}: ${name} < 0 (${name} must be >= 0), got ${x}`);
  }
}

/**
 * The hypergeometric kernel on a checked key, integer parameters (valid per
 * NumPy's rules) broadcast to `shape`; see the module notes and
 * spec/samplers/jrng-defined.md §9.
 */
export function hypergeometricKernel<D extends IntegerDType>(
  key: Key,
  shape: readonly number[],
  dtype: D,
  ngood: Float64Array,
  nbad: Float64Array,
  nsample: Float64Array,
  partitionable: boolean,
): TypedArrayOf[D] {
  return storeIntegers(
    hypergeometricCounts(key, shapeSize(shape), ngood, nbad, nsample, partitionable),
    dtype,
  );
}

/** `hypergeometricKernel` for `size` elements, as float64 counts. */
function hypergeometricCounts(
  key: Key,
  size: number,
  ngood: Float64Array,
  nbad: Float64Array,
  nsample: Float64Array,
  partitionable: boolean,
): Float64Array {
  const [kSeq, kHrua] = splitKey(key, 2, partitionable);
  const out = new Float64Array(size).fill(-1);
  const useHrua = new Uint8Array(size);
  let anySequential = false;
  let pendingCount = 0;
  for (let i = 0; i < size; i++) {
    const total = ngood[i] + nbad[i];
    if (Math.min(nsample[i], total - nsample[i]) >= SEQUENTIAL_LIMIT) {
      useHrua[i] = 1;
      pendingCount++;
    } else anySequential = true;
  }

  if (anySequential) {
    const u = unitFloats64(kSeq, SEQUENTIAL_DRAWS * size, partitionable);
    for (let i = 0; i < size; i++) {
      if (useHrua[i]) continue;
      const good = ngood[i];
      const total = good + nbad[i];
      const complement = nsample[i] > Math.floor(total / 2);
      let remaining = complement ? total - nsample[i] : nsample[i];
      let remainingTotal = total;
      let remainingGood = good;
      for (let j = 0; remaining > 0 && remainingGood > 0 && remainingTotal > remainingGood; j++) {
        if (Math.floor(u[j * size + i] * remainingTotal) < remainingGood) remainingGood--;
        remainingTotal--;
        remaining--;
      }
      if (remainingTotal === remainingGood) remainingGood -= remaining;
      out[i] = complement ? remainingGood : good - remainingGood;
    }
  }

  if (pendingCount > 0) {
    hrua(kHrua, size, ngood, nbad, nsample, useHrua, pendingCount, out, partitionable);
  }
  return out;
}

/** HRUA for the elements flagged in `pending`, writing `out`. */
function hrua(
  key: Key,
  size: number,
  ngood: Float64Array,
  nbad: Float64Array,
  nsample: Float64Array,
  pending: Uint8Array,
  pendingCount: number,
  out: Float64Array,
  partitionable: boolean,
): void {
  const a = new Float64Array(size);
  const h = new Float64Array(size);
  const g = new Float64Array(size);
  const bound = new Float64Array(size);
  const computed = new Float64Array(size);
  const minGoodBad = new Float64Array(size);
  const maxGoodBad = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (!pending[i]) continue;
    const popsize = ngood[i] + nbad[i];
    const cs = Math.min(nsample[i], popsize - nsample[i]);
    const mingb = Math.min(ngood[i], nbad[i]);
    const maxgb = Math.max(ngood[i], nbad[i]);
    const p = mingb / popsize;
    const q = maxgb / popsize;
    const mu = cs * p;
    a[i] = mu + 0.5;
    const variance = ((popsize - cs) * cs * p * q) / (popsize - 1);
    const c = Math.sqrt(variance + 0.5);
    h[i] = D1 * c + D2;
    const mode = Math.floor(((cs + 1) * (mingb + 1)) / (popsize + 2));
    g[i] =
      logFactorial(mode) +
      logFactorial(mingb - mode) +
      logFactorial(cs - mode) +
      logFactorial(maxgb - cs + mode);
    bound[i] = Math.min(Math.min(cs, mingb) + 1, Math.floor(a[i] + 16 * c));
    computed[i] = cs;
    minGoodBad[i] = mingb;
    maxGoodBad[i] = maxgb;
  }
  let rng = key;
  for (let iter = 0; pendingCount > 0 && iter < MAX_REJECTION_ITERATIONS; iter++) {
    const [next, kU, kV] = splitKey(rng, 3, partitionable);
    rng = next;
    const us = unitFloats64(kU, size, partitionable);
    const vs = unitFloats64(kV, size, partitionable);
    for (let i = 0; i < size; i++) {
      if (!pending[i]) continue;
      const u = us[i];
      const x = a[i] + (h[i] * (vs[i] - 0.5)) / u;
      if (!(x >= 0 && x < bound[i])) continue; // also rejects the NaN of u = 0, v = 0.5
      const k = Math.floor(x);
      const gp =
        logFactorial(k) +
        logFactorial(minGoodBad[i] - k) +
        logFactorial(computed[i] - k) +
        logFactorial(maxGoodBad[i] - computed[i] + k);
      const t = g[i] - gp;
      let accept = u * (4 - u) - 3 <= t;
      if (!accept) {
        if (u * (u - t) >= 1) continue;
        accept = 2 * Math.log(u) <= t;
      }
      if (!accept) continue;
      let result = k;
      if (ngood[i] > nbad[i]) result = computed[i] - result;
      if (computed[i] < nsample[i]) result = ngood[i] - result;
      out[i] = result;
      pending[i] = 0;
      pendingCount--;
    }
  }
}

/** The method of `multivariateHypergeometric` (NumPy's `method`). */
export type MultivariateHypergeometricMethod = "marginals" | "count";

/** The largest `sum(colors)` for `method: "count"` (jrng's bound, see the TSDoc). */
export const MULTIVARIATE_COUNT_MAX = 2 ** 31 - 1;

const COLORS_MESSAGE =
  "colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.";

/**
 * Sample multivariate hypergeometric count vectors: how many items of each
 * color are among `nsample` drawn without replacement from a population with
 * `colors[j]` items of color `j` (NumPy's
 * `Generator.multivariate_hypergeometric`). The result has shape
 * `[...shape, colors.length]`; every row sums to `nsample`.
 *
 * Checks, in NumPy's order and with its messages: `method` is `"marginals"`
 * or `"count"`; `nsample` a non-negative integer; `colors` a one-dimensional
 * array of non-negative integers; for `"marginals"`, `sum(colors)` below
 * 10^9; `nsample <= sum(colors)`. jrng adds: for `"count"`, `sum(colors)` at
 * most 2^31 − 1 (NumPy's limit is memory), and the result must have at most
 * 2^32 − 1 elements.
 *
 * @param key - the key.
 * @param colors - the number of items of each color, a one-dimensional array of integers.
 * @param nsample - the number of items drawn (integer, `0 <= nsample <= sum(colors)`).
 * @param shape - the shape of the batch of draws (default `[]`, a single vector).
 * @param method - `"marginals"` (default) or `"count"`.
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64` (NumPy returns int64).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @throws TypeError for a bad key, shape, dtype, options, non-integer `nsample` or `colors` that are not a 1-D integer array.
 * @throws RangeError for values outside NumPy's domain or an unknown `method`.
 */
export function multivariateHypergeometric<D extends IntegerDType = "int32">(
  key: KeyLike,
  colors: ArrayParam,
  nsample: number,
  shape?: number | readonly number[] | null,
  method: MultivariateHypergeometricMethod = "marginals",
  dtype?: D,
  options?: ThreefryOptions,
): NdArray<D> {
  const name = "multivariateHypergeometric";
  const checkedKey = checkKey(name, key);
  if (method !== "marginals" && method !== "count") {
    throw new RangeError(
      `${name}: method must be "count" or "marginals"., got ${describe(method)}`,
    );
  }
  if (typeof nsample !== "number" || !Number.isInteger(nsample)) {
    throw new TypeError(`${name}: nsample must be an integer, got ${describe(nsample)}`);
  }
  if (nsample < 0) throw new RangeError(`${name}: nsample must be nonnegative., got ${nsample}`);
  const palette = toParam("colors", colors);
  if (palette.shape.length !== 1) {
    throw new TypeError(
      `${name}: ${COLORS_MESSAGE} Got colors of shape [${palette.shape.join(", ")}]`,
    );
  }
  let total = 0;
  for (const x of palette.data) {
    if (!Number.isInteger(x)) throw new TypeError(`${name}: ${COLORS_MESSAGE} Got ${describe(x)}`);
    if (x < 0) throw new RangeError(`${name}: ${COLORS_MESSAGE} Got ${x}`);
    total += x;
  }
  if (method === "marginals" && total >= HYPERGEOM_MAX) {
    throw new RangeError(
      `${name}: When method is "marginals", sum(colors) must be less than ${HYPERGEOM_MAX}., got ${total}`,
    );
  }
  if (method === "count" && total > MULTIVARIATE_COUNT_MAX) {
    throw new RangeError(
      `${name}: When method is "count", sum(colors) must not exceed ${MULTIVARIATE_COUNT_MAX} in jrng, got ${total}`,
    );
  }
  if (nsample > total) {
    throw new RangeError(`${name}: nsample > sum(colors) (${nsample} > ${total})`);
  }
  const checkedDType = checkIntegerDType("dtype", name, dtype ?? defaultIntDType(options)) as D;
  const batch = shape === undefined || shape === null ? [] : checkShape("shape", shape);
  const outShape = [...batch, palette.data.length];
  checkShape("result shape", outShape);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  return {
    dtype: checkedDType,
    shape: outShape,
    data: multivariateHypergeometricKernel(
      checkedKey,
      batch,
      checkedDType,
      palette.data,
      nsample,
      method,
      partitionable,
    ),
  };
}

/**
 * The multivariate hypergeometric kernel on a checked key: `colors` (valid
 * non-negative integers), `nsample <= sum(colors)`, and the batch shape; the
 * result is row-major `[...shape, colors.length]`. See the module notes and
 * spec/samplers/jrng-defined.md §10.
 */
export function multivariateHypergeometricKernel<D extends IntegerDType>(
  key: Key,
  shape: readonly number[],
  dtype: D,
  colors: Float64Array | readonly number[],
  nsample: number,
  method: MultivariateHypergeometricMethod,
  partitionable: boolean,
): TypedArrayOf[D] {
  const numColors = colors.length;
  const numVariates = shapeSize(shape);
  const out = new Float64Array(numVariates * numColors);
  let total = 0;
  for (let j = 0; j < numColors; j++) total += colors[j];
  if (total === 0 || nsample === 0 || numVariates === 0 || numColors === 0) {
    return storeIntegers(out, dtype);
  }
  const moreThanHalf = nsample > Math.floor(total / 2);
  const m = moreThanHalf ? total - nsample : nsample;

  if (method === "marginals") {
    if (numColors >= 2) {
      const keys = splitKey(key, numColors - 1, partitionable);
      const toSample = new Float64Array(numVariates).fill(m);
      let remaining = total;
      for (let j = 0; j + 1 < numColors; j++) {
        remaining -= colors[j];
        const good = new Float64Array(numVariates).fill(colors[j]);
        const bad = new Float64Array(numVariates).fill(remaining);
        const draws = hypergeometricCounts(
          keys[j],
          numVariates,
          good,
          bad,
          toSample,
          partitionable,
        );
        for (let v = 0; v < numVariates; v++) {
          out[v * numColors + j] = draws[v];
          toSample[v] -= draws[v];
        }
      }
      for (let v = 0; v < numVariates; v++) out[v * numColors + numColors - 1] = toSample[v];
    } else {
      for (let v = 0; v < numVariates; v++) out[v] = m;
    }
  } else {
    if (numVariates * m > MAX_ELEMENTS) {
      throw new RangeError(
        `multivariateHypergeometric: method "count" needs ${numVariates * m} uniforms; at most ${MAX_ELEMENTS} are supported`,
      );
    }
    const ends = new Float64Array(numColors); // cumulative counts: item i has color j iff ends[j-1] <= i < ends[j]
    let running = 0;
    for (let j = 0; j < numColors; j++) ends[j] = running += colors[j];
    const u = unitFloats64(key, numVariates * m, partitionable);
    for (let v = 0; v < numVariates; v++) {
      const swapped = new Map<number, number>();
      const at = (position: number) => swapped.get(position) ?? position;
      for (let j = 0; j < m; j++) {
        const k = j + Math.floor(u[v * m + j] * (total - j));
        const itemK = at(k);
        swapped.set(k, at(j));
        swapped.set(j, itemK);
        out[v * numColors + colorOf(ends, itemK)] += 1;
      }
    }
  }
  if (moreThanHalf) {
    for (let v = 0; v < numVariates; v++) {
      for (let j = 0; j < numColors; j++)
        out[v * numColors + j] = colors[j] - out[v * numColors + j];
    }
  }
  return storeIntegers(out, dtype);
}

/** The color of item `item`: the first `j` with `item < ends[j]` (binary search). */
function colorOf(ends: Float64Array, item: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (item < ends[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Mirrors jax.random.permutation (jax/_src/random/core.py: permutation, _permutation, _shuffle).
/**
 * Random permutations by JAX's repeated sort on fresh 32-bit random keys.
 *
 * Exact: only integer keys and a stable sort.
 *
 * @module
 */
import { checkNdArray, looksLikeNdArray } from "../input.js";
import { RADIX_MIN_LENGTH, StableKeySorter } from "../radix-sort.js";
import { sortWorkspace } from "../stable-sort-wasm.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type DType, type NdArray, type TypedArrayOf } from "../ndarray.js";
import { isPartitionable, isX64, type X64Options } from "../options.js";
import { toParam, type NestedNumbers } from "../params.js";
import { drawBits, splitKey } from "../random-words.js";
import { checkInteger, describe, MAX_ELEMENTS } from "../validate.js";
import { checkAxis } from "./categorical.js";
import { isIntegerDType } from "./randint.js";

/** JAX's static number of sort rounds for `size` elements: `ceil(3·ln(max(1, size)) / ln(2^32 - 1))`. */
export function shuffleRounds(size: number): number {
  return Math.ceil((3 * Math.log(Math.max(1, size))) / Math.log(4294967295));
}

/**
 * JAX's `_shuffle(key, x, axis)` as source indices: for an array of `shape`,
 * element `t` of each 1-D slice along `axis` of the result is element
 * `result[...]` of the same slice of `x`. Each round splits the key
 * (`key, subkey = _split(key)`), draws uint32 sort keys of the whole shape
 * from `subkey`, and stably sorts every slice by them (ties keep order, as
 * XLA's stable sort).
 */
export function shuffleIndices(
  key: Key,
  shape: readonly number[],
  axis: number,
  partitionable: boolean,
): Int32Array {
  const size = shapeSize(shape);
  const n = shape.length === 0 ? 1 : shape[axis];
  const inner = shape.length === 0 ? 1 : shapeSize(shape.slice(axis + 1));
  const outer = n * inner === 0 ? 0 : size / (n * inner);
  if (outer === 1 && inner === 1 && n >= RADIX_MIN_LENGTH) {
    const shuffled = shuffleInWorkspace(key, n, partitionable);
    if (shuffled !== null) return shuffled;
  }
  const index = new Int32Array(size);
  // Element (o, j, i) starts as j, its position along the axis.
  for (let flat = 0, o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < inner; i++) index[flat++] = j;
    }
  }
  const sortKeys = new Uint32Array(size);
  const sorter = new StableKeySorter(n);
  // A slice along a middle axis is strided: it is gathered, sorted and put back.
  const sliceKeys = inner === 1 ? sortKeys : new Uint32Array(n);
  const sliceValues = inner === 1 ? index : new Int32Array(n);
  let current = key;
  for (let round = shuffleRounds(size); round > 0; round--) {
    const [next, subkey] = splitKey(current, 2, partitionable);
    current = next;
    drawBits(subkey, sortKeys, partitionable);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const start = o * n * inner + i;
        if (inner === 1) {
          const values = index.subarray(start, start + n);
          sorter.sortValues(sortKeys.subarray(start, start + n), values, values);
          continue;
        }
        for (let j = 0; j < n; j++) {
          sliceKeys[j] = sortKeys[start + j * inner];
          sliceValues[j] = index[start + j * inner];
        }
        sorter.sortValues(sliceKeys, sliceValues, sliceValues);
        for (let j = 0; j < n; j++) index[start + j * inner] = sliceValues[j];
      }
    }
  }
  return index;
}

/**
 * {@link shuffleIndices} of one slice of `n` elements in the WebAssembly
 * sort's memory, or `null` where that kernel does not run: each round's
 * keys are drawn straight into it and the values stay there between rounds;
 * the first round sorts the positions without reading them.
 */
function shuffleInWorkspace(key: Key, n: number, partitionable: boolean): Int32Array | null {
  const workspace = sortWorkspace(n);
  if (workspace === null) return null;
  let current = key;
  const rounds = shuffleRounds(n);
  for (let round = 0; round < rounds; round++) {
    const [next, subkey] = splitKey(current, 2, partitionable);
    current = next;
    drawBits(subkey, workspace.keys, partitionable);
    workspace.sort(round === 0);
  }
  return workspace.values.slice();
}

/** Gather `source` (of `shape`) along `axis` with one index list shared by every slice. */
export function takeAlongAxis<D extends DType>(
  source: NdArray<D>,
  indices: ArrayLike<number>,
  axis: number,
  indexShape: readonly number[],
): NdArray<D> {
  const n = source.shape[axis];
  const inner = shapeSize(source.shape.slice(axis + 1));
  const outer = shapeSize(source.shape.slice(0, axis));
  const count = indices.length;
  const data = allocate(source.dtype, outer * count * inner);
  const src = source.data as ArrayLike<number | bigint>;
  const dst = data as unknown as (number | bigint)[];
  const fill = takeFillValue(source.dtype);
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < count; t++) {
      const j = indices[t];
      for (let i = 0; i < inner; i++) {
        dst[(o * count + t) * inner + i] = j >= 0 && j < n ? src[(o * n + j) * inner + i] : fill;
      }
    }
  }
  return {
    dtype: source.dtype,
    shape: [...source.shape.slice(0, axis), ...indexShape, ...source.shape.slice(axis + 1)],
    data,
  };
}

/** `jnp.take`'s default fill for out-of-range indices: NaN, the signed minimum, the unsigned maximum, true. */
function takeFillValue(dtype: DType): number | bigint {
  switch (dtype) {
    case "float32":
    case "float64":
      return NaN;
    case "bool":
      return 1;
    case "int64":
      return -(1n << 63n);
    case "uint64":
      return (1n << 64n) - 1n;
    case "int8":
      return -128;
    case "int16":
      return -32768;
    case "int32":
      return -(2 ** 31);
    default:
      return -1; // wraps to the unsigned maximum in the typed array
  }
}

/**
 * Read an array argument (`x` of permutation, `a` of choice) as an NdArray.
 * Nested numbers are read as JAX reads a Python list: all integers become
 * int32 (int64 with `x64`), anything else float32 (float64 with `x64`).
 *
 * @throws RangeError for integers int32 cannot hold without `x64` (JAX's OverflowError).
 */
export function toNdArray(name: string, value: unknown, x64 = false): NdArray {
  if (looksLikeNdArray(value)) return checkNdArray(name, value);
  const { shape, data } = toParam(name, value);
  if (data.every((v) => Number.isInteger(v))) {
    if (x64) return { dtype: "int64", shape, data: BigInt64Array.from(data, (v) => BigInt(v)) };
    const outside = data.find((v) => v < -(2 ** 31) || v >= 2 ** 31);
    if (outside !== undefined) {
      throw new RangeError(
        `${name}: ${outside} does not fit int32 (JAX reads integers as int32 without x64)`,
      );
    }
    return { dtype: "int32", shape, data: Int32Array.from(data) };
  }
  return x64
    ? { dtype: "float64", shape, data: Float64Array.from(data) }
    : { dtype: "float32", shape, data: Float32Array.from(data) };
}

/**
 * Randomly permute `arange(x)` or an array along `axis`, as
 * `jax.random.permutation`.
 *
 * An integer `x` (or a 0-d integer NdArray) permutes `arange(x)` (empty for
 * `x <= 0`), as int32, or int64 with `options.x64`. An array is permuted
 * along `axis`: with `independent` false (default) every slice gets the same
 * permutation (JAX shuffles `arange(n)` and takes along `axis`; a 1-D array is
 * shuffled directly, which is the same); with `independent` true each 1-D
 * slice along `axis` is shuffled by its own sort keys. NdArrays keep their
 * dtype; nested JavaScript arrays are read as JAX reads a Python list
 * (integers as int32, else float32; int64 and float64 with `options.x64`).
 *
 * @param key - the key.
 * @param x - an integer, or an array of at least one axis.
 * @param axis - the axis to permute (default 0).
 * @param independent - shuffle each slice independently (default false).
 * @param options - the threefry mode (default partitionable) and `x64`.
 * @throws TypeError for a bad key, a non-integer scalar `x`, or a bad `independent`.
 * @throws RangeError for a bad axis or a too-large `x`.
 */
export function permutation(
  key: KeyLike,
  x: number | NestedNumbers | NdArray,
  axis = 0,
  independent = false,
  options?: X64Options,
): NdArray {
  const checkedKey = checkKey("permutation", key);
  if (typeof independent !== "boolean") {
    throw new TypeError(`independent must be true or false, got ${describe(independent)}`);
  }
  const x64 = isX64(options);
  const partitionable = isPartitionable(options);
  let n: number | undefined;
  if (typeof x === "number") {
    if (!Number.isInteger(x)) {
      throw new TypeError(`x must be an integer or at least 1-dimensional, got ${describe(x)}`);
    }
    n = x;
  } else if (
    !Array.isArray(x) &&
    typeof x === "object" &&
    x !== null &&
    (x as NdArray).shape?.length === 0
  ) {
    const scalar = x as NdArray;
    if (!isIntegerDType(scalar.dtype)) {
      throw new TypeError(
        `x must be an integer or at least 1-dimensional, got a 0-d ${scalar.dtype} array`,
      );
    }
    n = Number(scalar.data[0]);
  }
  if (n !== undefined) {
    checkAxis("axis", axis, 1);
    const count = Math.max(0, n);
    checkInteger("x", count, 0, MAX_ELEMENTS);
    const index = shuffleIndices(checkedKey, [count], 0, partitionable);
    // The indices are a new array: int32 results take it as it is.
    if (!x64) return { dtype: "int32", shape: [count], data: index };
    return { dtype: "int64", shape: [count], data: BigInt64Array.from(index, BigInt) };
  }
  const array = toNdArray("x", x, x64);
  if (array.shape.length === 0) {
    throw new TypeError(`x must be an integer or at least 1-dimensional, got a 0-d array`);
  }
  const ax = checkAxis("axis", axis, array.shape.length);
  return permutationKernel(checkedKey, array, ax, independent, partitionable);
}

/** JAX's `_permutation` on a checked key and an array of at least one axis. */
export function permutationKernel<D extends DType>(
  key: Key,
  x: NdArray<D>,
  axis: number,
  independent: boolean,
  partitionable: boolean,
): NdArray<D> {
  const n = x.shape[axis];
  if (!independent && x.shape.length > 1) {
    return takeAlongAxis(x, shuffleIndices(key, [n], 0, partitionable), axis, [n]);
  }
  const index = shuffleIndices(key, x.shape, axis, partitionable);
  const inner = shapeSize(x.shape.slice(axis + 1));
  const data = allocate(x.dtype, index.length) as TypedArrayOf[D];
  const src = x.data as ArrayLike<number | bigint>;
  const dst = data as unknown as (number | bigint)[];
  for (let f = 0; f < index.length; f++) {
    const i = f % inner;
    const o = Math.floor(f / (inner * n));
    dst[f] = src[(o * n + index[f]) * inner + i];
  }
  return { dtype: x.dtype, shape: [...x.shape], data };
}

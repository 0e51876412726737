/**
 * `jax.random.bits`: uniform random bits of width 8, 16, 32 or 64
 * (JAX's `threefry_random_bits`, both modes).
 *
 * @module
 */
import { splitWords } from "./split.js";
import { hashIndexRange, hashIotaHalvesRange } from "./layouts.js";
import { checkKey, type KeyLike } from "./keys.js";
import { allocate, shapeSize, type NdArray, type UnsignedDType } from "./ndarray.js";
import {
  isPartitionable,
  isX64,
  resolveSlice,
  SLICE_OPTION_KEYS,
  type SliceOptions,
  type ThreefryOptions,
} from "./options.js";
import { checkShape, describe } from "./validate.js";

/** A typed array that {@link bitsInto} can fill. */
export type BitsBuffer = Uint8Array | Uint16Array | Uint32Array | BigUint64Array;

const BIT_WIDTH: Record<UnsignedDType, 8 | 16 | 32 | 64> = {
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
};

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Elements hashed per pass, so that scratch buffers stay in the L1 cache. */
const CHUNK = 2048;
const scratch = new Uint32Array(CHUNK);

/**
 * Sample uniform random bits, as `jax.random.bits(key, shape, dtype)`.
 *
 * Partitionable mode: element i comes from the block at counter
 * (hi(i), lo(i)); 32-bit output is the XOR of its two words, 8- and 16-bit
 * output the low bits of that XOR, 64-bit output `word0 << 32 | word1`.
 * Legacy mode: `ceil(width·size / 32)` words of `threefry_2x32(key, iota)`;
 * 8/16-bit elements are their little-endian pieces, 64-bit element i is
 * `word[i] << 32 | word[size + i]`.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`, a scalar).
 * @param dtype - `"uint8"`, `"uint16"`, `"uint32"` or `"uint64"`; default `"uint32"`, or `"uint64"` with `options.x64`, as JAX.
 * @param options - the threefry mode (default partitionable), `x64` (default `false`) and an optional
 *   `slice: [start, end]`: only elements `start … end - 1` of the row-major
 *   flattening, as a one-dimensional array (spec/sharding.md).
 * @throws TypeError if `key` is not one key, `shape` is not a shape, `dtype` is not unsigned or `options.slice` is not two integers.
 * @throws RangeError if `shape` has negative extents or too many elements, or `options.slice` is out of range.
 *
 * @example
 * ```ts
 * bits(key(1701), [3], "uint32", { partitionable: false }).data;
 * // Uint32Array [56197195, 4200222568, 961309823]
 * ```
 */
export function bits<D extends UnsignedDType = "uint32">(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const words = checkKey("bits", key);
  const checkedShape = checkShape("shape", shape);
  if (dtype === undefined) dtype = (isX64(options) ? "uint64" : "uint32") as D;
  if (typeof dtype !== "string" || !Object.hasOwn(BIT_WIDTH, dtype)) {
    throw new TypeError(
      `dtype must be one of "uint8", "uint16", "uint32", "uint64", got ${describe(dtype)}`,
    );
  }
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const total = shapeSize(checkedShape);
  const range = resolveSlice(options, total);
  if (range === undefined) {
    const data = allocate(dtype, total);
    fillBits(words[0], words[1], data as BitsBuffer, partitionable);
    return { dtype, shape: checkedShape, data };
  }
  const data = allocate(dtype, range.end - range.start);
  fillBits(words[0], words[1], data as BitsBuffer, partitionable, range.start, total);
  return { dtype, shape: [range.end - range.start], data };
}

/**
 * Fill a caller-supplied typed array with the bits `bits(key, [out.length],
 * dtype)` would return, the dtype following the array type. This is the
 * allocation-free path for bulk generation.
 *
 * @param key - the key.
 * @param out - the array to fill; its whole length is written.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @returns `out`.
 * @throws TypeError if `key` is not one key or `out` is not an unsigned typed array.
 */
export function bitsInto<B extends BitsBuffer>(key: KeyLike, out: B, options?: ThreefryOptions): B {
  const words = checkKey("bitsInto", key);
  if (!(
    out instanceof Uint8Array ||
    out instanceof Uint16Array ||
    out instanceof Uint32Array ||
    out instanceof BigUint64Array
  )) {
    throw new TypeError(
      `out must be a Uint8Array, Uint16Array, Uint32Array or BigUint64Array, got ${describe(out)}`,
    );
  }
  fillBits(words[0], words[1], out, isPartitionable(options));
  return out;
}

/**
 * Fill `out` with bits of its own width under key (k0, k1): elements
 * `[start, start + out.length)` of the row-major flattening of a draw of
 * `total` elements (by default the whole draw is `out`).
 */
export function fillBits(
  k0: number,
  k1: number,
  out: BitsBuffer,
  partitionable: boolean,
  start = 0,
  total: number = start + out.length,
): void {
  if (partitionable) {
    if (out instanceof BigUint64Array) fillPartitionable64(k0, k1, out, start);
    else fillPartitionableNarrow(k0, k1, out, start);
    return;
  }
  if (out instanceof Uint32Array) {
    legacyRandomWordsRange(k0, k1, total, start, start + out.length, out);
  } else if (out instanceof BigUint64Array) {
    fillLegacy64(k0, k1, out, start, total);
  } else {
    fillLegacyNarrow(k0, k1, out, start, total);
  }
}

function fillPartitionableNarrow(
  k0: number,
  k1: number,
  out: Uint8Array | Uint16Array | Uint32Array,
  start: number,
): void {
  // 32-bit output is word0 ^ word1; narrower widths keep its low bits (the
  // typed-array store truncates, as JAX's convert_element_type does).
  if (out instanceof Uint32Array) {
    hashIndexRange(k0, k1, start, out.length, out, 0, out, 0, 1, true);
    return;
  }
  for (let done = 0; done < out.length; done += CHUNK) {
    const count = Math.min(CHUNK, out.length - done);
    hashIndexRange(k0, k1, start + done, count, scratch, 0, scratch, 0, 1, true);
    for (let t = 0; t < count; t++) out[done + t] = scratch[t];
  }
}

function fillPartitionable64(k0: number, k1: number, out: BigUint64Array, start: number): void {
  // Write the two words straight into the 64-bit elements' halves.
  const halves = new Uint32Array(out.buffer, out.byteOffset, 2 * out.length);
  const highOffset = LITTLE_ENDIAN ? 1 : 0;
  hashIndexRange(k0, k1, start, out.length, halves, highOffset, halves, 1 - highOffset, 2);
}

function fillLegacy64(
  k0: number,
  k1: number,
  out: BigUint64Array,
  start: number,
  total: number,
): void {
  // Element i is word[i] << 32 | word[total + i] of 2·total legacy words.
  const count = out.length;
  const high = legacyRandomWordsRange(
    k0,
    k1,
    2 * total,
    start,
    start + count,
    new Uint32Array(count),
  );
  const low = legacyRandomWordsRange(
    k0,
    k1,
    2 * total,
    total + start,
    total + start + count,
    new Uint32Array(count),
  );
  const halves = new Uint32Array(out.buffer, out.byteOffset, 2 * count);
  const highOffset = LITTLE_ENDIAN ? 1 : 0;
  for (let i = 0; i < count; i++) {
    halves[2 * i + highOffset] = high[i];
    halves[2 * i + 1 - highOffset] = low[i];
  }
}

function fillLegacyNarrow(
  k0: number,
  k1: number,
  out: Uint8Array | Uint16Array,
  start: number,
  total: number,
): void {
  const width = out instanceof Uint8Array ? 8 : 16;
  const perWord = 32 / width;
  const firstWord = Math.floor(start / perWord);
  const endWord = Math.ceil((start + out.length) / perWord);
  const words = legacyRandomWordsRange(
    k0,
    k1,
    Math.ceil(total / perWord),
    firstWord,
    endWord,
    new Uint32Array(endWord - firstWord),
  );
  // Element k is piece k mod perWord, lowest bits first, of word k / perWord:
  // JAX's "bits.view(dtype)[:size]" written with shifts.
  for (let t = 0; t < out.length; t++) {
    const k = start + t;
    out[t] = words[Math.floor(k / perWord) - firstWord] >>> (width * (k % perWord));
  }
}

/** Largest number of words one legacy `threefry_2x32` call hashes: uint32 max. */
export const LEGACY_BLOCK_WORDS = 2 ** 32 - 1;

/**
 * Legacy mode's `count` random words under key (k0, k1), written to `out`.
 *
 * JAX hashes `iota(count)` in one `threefry_2x32` call when `count` is below
 * `blockWords` (uint32 max). Otherwise it splits the key into
 * `floor(count / blockWords) + 1` keys (legacy split), hashes a full
 * `iota(blockWords)` under each but the last, and `iota(count mod
 * blockWords)` under the last. `blockWords` is a parameter only so tests can
 * reach that path without 16 GiB arrays.
 */
export function legacyRandomWords(
  k0: number,
  k1: number,
  count: number,
  out: Uint32Array,
  blockWords: number = LEGACY_BLOCK_WORDS,
): Uint32Array {
  return legacyRandomWordsRange(k0, k1, count, 0, count, out, blockWords);
}

/**
 * Words `[start, end)` of legacy mode's `count` random words under key
 * (k0, k1) ({@link legacyRandomWords}), written to `out[0 … end - start - 1]`.
 * Only the blocks and pairs those words come from are hashed.
 */
export function legacyRandomWordsRange(
  k0: number,
  k1: number,
  count: number,
  start: number,
  end: number,
  out: Uint32Array,
  blockWords: number = LEGACY_BLOCK_WORDS,
): Uint32Array {
  const blocks = Math.floor(count / blockWords);
  if (blocks === 0) {
    hashIotaHalvesRange(k0, k1, count, start, end, out, 0);
    return out;
  }
  const keys = splitWords(k0, k1, blocks + 1, false);
  for (let b = 0; b <= blocks; b++) {
    const blockStart = b * blockWords;
    const blockSize = b < blocks ? blockWords : count % blockWords;
    const from = Math.max(start, blockStart);
    const to = Math.min(end, blockStart + blockSize);
    if (from >= to) continue;
    hashIotaHalvesRange(
      keys[2 * b],
      keys[2 * b + 1],
      blockSize,
      from - blockStart,
      to - blockStart,
      out,
      from - start,
    );
  }
  return out;
}

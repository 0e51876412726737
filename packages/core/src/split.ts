/**
 * `jax.random.split`: derive new keys from one key (JAX's `threefry_split`).
 *
 * @module
 */
import { hashIndexRange, hashIotaHalves } from "./layouts.js";
import { checkKey, type KeyArray, type KeyLike } from "./keys.js";
import { shapeSize } from "./ndarray.js";
import { isPartitionable, type ThreefryOptions } from "./options.js";
import { checkShape } from "./validate.js";

/**
 * Split a key into `num` new keys (or an array of keys of shape `num`).
 *
 * Partitionable mode: key i is Threefry-2x32 of the counter (hi(i), lo(i)),
 * so `split(k, n)` key i equals `foldIn(k, i)` and a longer split extends a
 * shorter one. Legacy mode: the 2n words of JAX's `threefry_2x32(key,
 * iota(2n))` read as n pairs.
 *
 * @param key - the key to split.
 * @param num - how many keys (default 2), or the shape of the key array.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @returns a key array of shape `[...shape, 2]`; take keys out with {@link keyAt}.
 * @throws TypeError if `key` is not a single key or `num` is not a shape.
 * @throws RangeError if `num` has negative extents.
 *
 * @example
 * ```ts
 * const keys = split(key(0), 4, { partitionable: false });
 * keyAt(keys, 0); // Uint32Array [2285895361, 1501764800]
 * ```
 */
export function split(
  key: KeyLike,
  num: number | readonly number[] = 2,
  options?: ThreefryOptions,
): KeyArray {
  const [k0, k1] = checkKey("split", key);
  const shape = checkShape("num", num);
  const partitionable = isPartitionable(options);
  const count = shapeSize(shape);
  return {
    dtype: "uint32",
    shape: [...shape, 2],
    data: splitWords(k0, k1, count, partitionable),
  };
}

/** The `2·count` words of `count` keys split from (k0, k1), key after key. */
export function splitWords(
  k0: number,
  k1: number,
  count: number,
  partitionable: boolean,
): Uint32Array {
  const words = new Uint32Array(2 * count);
  if (partitionable) {
    hashIndexRange(k0, k1, 0, count, words, 0, words, 1, 2);
  } else {
    hashIotaHalves(k0, k1, 2 * count, words, 0);
  }
  return words;
}

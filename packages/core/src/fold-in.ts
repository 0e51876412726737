/**
 * `jax.random.fold_in`: derive a key from a key and a 32-bit integer
 * (JAX's `threefry_fold_in`). Identical in both threefry modes.
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "./keys.js";
import { threefry2x32 } from "./threefry.js";
import { describe } from "./validate.js";

/**
 * Fold a 32-bit integer into a key.
 *
 * JAX converts `data` to uint32, seeds a key `[0, data]` from it and hashes
 * that pair with `threefry_2x32`: the new key is Threefry-2x32 of the counter
 * `(0, data)` under `key`. Negative data in `[-2^31, 0)` is taken as int32 and
 * wraps to `2^32 + data`, as JAX's conversion of an int32 counter does.
 *
 * @param key - the key to fold into.
 * @param data - an integer in `[-2^31, 2^32)`.
 * @returns a new key.
 * @throws TypeError if `key` is not one key or `data` is not an integer.
 * @throws RangeError if `data` is outside `[-2^31, 2^32)`.
 *
 * @example
 * ```ts
 * foldIn(key(0), 4); // Uint32Array [2285895361, 433833334]
 * ```
 */
export function foldIn(key: KeyLike, data: number): Key {
  const words = checkKey("foldIn", key);
  if (typeof data !== "number" || !Number.isInteger(data)) {
    throw new TypeError(`data must be an integer, got ${describe(data)}`);
  }
  if (data < -(2 ** 31) || data >= 2 ** 32) {
    throw new RangeError(`data must be an integer in [-2^31, 2^32), got ${data}`);
  }
  const [y0, y1] = threefry2x32(words, [0, data >>> 0]);
  return Uint32Array.of(y0, y1);
}

/**
 * Threefry keys: making them from seeds (`jax.random.key`, JAX's
 * `threefry_seed`), checking them, and moving between keys and raw key data
 * (`jax.random.key_data`, `jax.random.wrap_key_data`).
 *
 * A key is two uint32 words. A batch of keys is a uint32 array of shape
 * `[..., 2]`, exactly JAX's `key_data` of a key array.
 *
 * @module
 */
import { shapeSize, type NdArray } from "./ndarray.js";
import { readNested } from "./input.js";
import { describe, isUint32 } from "./validate.js";

/** A single threefry key: two uint32 words `[k0, k1]`. */
export type Key = Uint32Array;

/** A batch of keys: uint32 elements with a trailing axis of length 2. */
export type KeyArray = NdArray<"uint32">;

/** Anything accepted where one key is expected. */
export type KeyLike = Uint32Array | KeyArray | readonly number[];

const TWO_32 = 2 ** 32;
const TWO_32_BIG = 1n << 32n;

/**
 * Make a key from an integer seed, as `jax.random.key(seed)` does.
 *
 * The seed is read as a 64-bit two's-complement integer whose high word
 * becomes `k0` and low word `k1`, so a seed in `[0, 2^32)` gives `[0, seed]`.
 * JavaScript integers carry no dtype, so the width rule is:
 *
 * - a `number` in `[0, 2^53)` is that integer (JAX gives the same key in both
 *   x64 modes below 2^32, and with `jax_enable_x64` above it);
 * - a negative `number` in `[-2^31, 0)` is an int32: `[0, 2^32 + seed]`, as
 *   JAX gives for any negative int32 seed and for Python ints in its default
 *   (32-bit) mode. More negative numbers are rejected: pass a `bigint`;
 * - a `bigint` in `[-2^63, 2^64)` is an int64/uint64, as JAX with
 *   `jax_enable_x64`: `-1n` gives `[0xffffffff, 0xffffffff]`.
 *
 * @param seed - an integer seed, see above.
 * @returns a new key.
 * @throws TypeError if the seed is not an integer `number` or a `bigint`.
 * @throws RangeError if the seed is outside the ranges above.
 *
 * @example
 * ```ts
 * key(42);  // Uint32Array [0, 42]
 * key(-2);  // Uint32Array [0, 4294967294]
 * key(2n ** 32n + 7n); // Uint32Array [1, 7]
 * ```
 */
export function key(seed: number | bigint): Key {
  if (typeof seed === "bigint") {
    if (seed < -(1n << 63n) || seed >= 1n << 64n) {
      throw new RangeError(`seed must be a bigint in [-2^63, 2^64), got ${seed}n`);
    }
    const bits = BigInt.asUintN(64, seed);
    return Uint32Array.of(Number(bits / TWO_32_BIG), Number(bits % TWO_32_BIG));
  }
  if (typeof seed !== "number") {
    throw new TypeError(`seed must be an integer number or a bigint, got ${describe(seed)}`);
  }
  if (!Number.isInteger(seed)) {
    throw new TypeError(`seed must be an integer, got ${describe(seed)}`);
  }
  if (seed < -(2 ** 31) || seed > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(
      `seed must be a number in [-2^31, 2^53 - 1] (pass a bigint for other 64-bit seeds), got ${seed}`,
    );
  }
  if (seed < 0) return Uint32Array.of(0, seed + TWO_32);
  return Uint32Array.of(Math.floor(seed / TWO_32), seed % TWO_32);
}

/**
 * Check that `value` is one key and return its two words as a fresh
 * `Uint32Array`. `name` is the calling function, for messages (JAX says
 * "split accepts a single key …").
 *
 * @throws TypeError for anything that is not one key.
 */
export function checkKey(name: string, value: unknown): Key {
  if (value instanceof Uint32Array) {
    if (value.length !== 2) {
      throw new TypeError(
        `${name} expects a key: a Uint32Array of length 2, got a Uint32Array of length ${value.length}`,
      );
    }
    return Uint32Array.of(value[0], value[1]);
  }
  if (Array.isArray(value)) {
    if (value.length !== 2 || !value.every(isUint32)) {
      throw new TypeError(`${name} expects a key: two uint32 words, got ${describe(value)}`);
    }
    return Uint32Array.of(value[0], value[1]);
  }
  if (isKeyArray(value)) {
    if (value.shape.length !== 1) {
      throw new TypeError(
        `${name} accepts a single key, but was given a key array of shape [${value.shape.join(", ")}]; ` +
          `take one key with keyAt() first`,
      );
    }
    return Uint32Array.of(value.data[0], value.data[1]);
  }
  throw new TypeError(`${name} expects a key (a Uint32Array of length 2), got ${describe(value)}`);
}

function isKeyArray(value: unknown): value is KeyArray {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<KeyArray>;
  return (
    candidate.dtype === "uint32" &&
    Array.isArray(candidate.shape) &&
    candidate.shape.length >= 1 &&
    candidate.shape[candidate.shape.length - 1] === 2 &&
    candidate.data instanceof Uint32Array &&
    candidate.data.length === shapeSize(candidate.shape)
  );
}

/**
 * Wrap raw key data in a key array, as `jax.random.wrap_key_data`: a uint32
 * array whose trailing axis has length 2. A flat `Uint32Array` of even length
 * `2n` is read as shape `[n, 2]`, or `[2]` when it holds one key.
 *
 * The data is copied, so later changes to the input do not change the keys.
 *
 * @param data - a `Uint32Array`, a `{ dtype: "uint32", shape, data }` array, or nested arrays of uint32 words.
 * @throws TypeError if the data is not uint32 words with a trailing axis of 2.
 */
export function wrapKeyData(data: Uint32Array | KeyArray | readonly unknown[]): KeyArray {
  if (data instanceof Uint32Array) {
    if (data.length % 2 !== 0 || data.length === 0) {
      throw new TypeError(
        `data must hold whole keys (an even, non-zero number of uint32 words), got length ${data.length}`,
      );
    }
    const shape = data.length === 2 ? [2] : [data.length / 2, 2];
    return { dtype: "uint32", shape, data: data.slice() };
  }
  if (Array.isArray(data)) {
    const what = "nested arrays of uint32 words with a trailing axis of length 2";
    const { shape, elements: words } = readNested("data", data, what);
    if (shape[shape.length - 1] !== 2 || !words.every(isUint32)) {
      throw new TypeError(`data must be ${what}, got ${describe(data)}`);
    }
    return {
      dtype: "uint32",
      shape,
      data: Uint32Array.from(words as number[]),
    };
  }
  if (isKeyArray(data)) {
    return { dtype: "uint32", shape: [...data.shape], data: data.data.slice() };
  }
  throw new TypeError(
    `data must be a uint32 array with a trailing axis of length 2, got ${describe(data)}`,
  );
}

/**
 * The raw uint32 data of one key or a batch of keys, as `jax.random.key_data`:
 * shape `[..., 2]`. The result is a copy.
 */
export function keyData(keys: KeyLike): KeyArray {
  if (keys instanceof Uint32Array || Array.isArray(keys)) {
    const single = checkKey("keyData", keys);
    return { dtype: "uint32", shape: [2], data: single };
  }
  return wrapKeyData(keys as KeyArray);
}

/**
 * Take one key out of a batch of keys, as `keys[i, j, …]` in JAX.
 *
 * @param keys - a key array of shape `[..., 2]`.
 * @param index - one integer per leading axis; negative values count from the end.
 * @returns a new key (a copy).
 * @throws TypeError if `keys` is not a key array or the index has the wrong length.
 * @throws RangeError if an index is out of bounds.
 *
 * @example
 * ```ts
 * const keys = split(key(0), 4);
 * const third = keyAt(keys, 2);
 * ```
 */
export function keyAt(keys: KeyArray, ...index: number[]): Key {
  if (!isKeyArray(keys)) {
    throw new TypeError(`keys must be a key array of shape [..., 2], got ${describe(keys)}`);
  }
  const leading = keys.shape.slice(0, -1);
  if (index.length !== leading.length) {
    throw new TypeError(
      `index must have one integer per leading axis of keys (shape [${keys.shape.join(", ")}]), ` +
        `got ${index.length}`,
    );
  }
  let flat = 0;
  leading.forEach((extent, axis) => {
    const i = index[axis];
    if (!Number.isInteger(i) || i < -extent || i >= extent) {
      throw new RangeError(
        `index[${axis}] must be an integer in [${-extent}, ${extent - 1}], got ${describe(i)}`,
      );
    }
    flat = flat * extent + (i < 0 ? i + extent : i);
  });
  return keys.data.slice(2 * flat, 2 * flat + 2);
}

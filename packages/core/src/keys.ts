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
import { isPartitionable, isX64, type ThreefryOptions } from "./options.js";
import { describe, isUint32 } from "./validate.js";

/** A single threefry key: two uint32 words `[k0, k1]`. */
export type Key = Uint32Array;

/** A batch of keys: uint32 elements with a trailing axis of length 2. */
export type KeyArray = NdArray<"uint32">;

/** Anything accepted where one key is expected. */
export type KeyLike = Uint32Array | KeyArray | readonly number[];

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Make a key from an integer seed, as `jax.random.key(seed)` does for a
 * Python int.
 *
 * JAX's `random_seed` first converts a Python int to a NumPy int64, so the
 * seed must lie in `[-2^63, 2^63)` (JAX raises OverflowError otherwise; here
 * a RangeError). Then:
 *
 * - x64 off (default, as JAX): the int64 is narrowed to int32, and the key is
 *   `[0, seed mod 2^32]`: `key(-2147483748)` is `[0, 2147483548]` and
 *   `key(2 ** 40 + 5)` is `[0, 5]`;
 * - x64 on: the key is the high and low words of the seed's 64-bit two's
 *   complement: `key(-1, { x64: true })` is `[0xffffffff, 0xffffffff]`.
 *
 * A seed in `[0, 2^32)` gives `[0, seed]` either way. A `number` and a
 * `bigint` of the same value give the same key; a `number` must be an exact
 * integer (beyond 2^53 pass a `bigint` to say exactly which one).
 *
 * @param seed - an integer `number` or `bigint` in `[-2^63, 2^63)`.
 * @param options - `x64` (default `false`); the threefry mode does not change a key.
 * @returns a new key.
 * @throws TypeError if the seed is not an integer `number` or a `bigint`, or an option is not a boolean.
 * @throws RangeError if the seed is outside `[-2^63, 2^63)`.
 *
 * @example
 * ```ts
 * key(42);  // Uint32Array [0, 42]
 * key(-2);  // Uint32Array [0, 4294967294]
 * key(2n ** 32n + 7n); // Uint32Array [0, 7]
 * key(2n ** 32n + 7n, { x64: true }); // Uint32Array [1, 7]
 * ```
 */
export function key(seed: number | bigint, options?: ThreefryOptions): Key {
  let integer: bigint;
  if (typeof seed === "bigint") {
    integer = seed;
  } else if (typeof seed !== "number") {
    throw new TypeError(`seed must be an integer number or a bigint, got ${describe(seed)}`);
  } else if (!Number.isInteger(seed)) {
    throw new TypeError(`seed must be an integer, got ${describe(seed)}`);
  } else {
    integer = BigInt(seed);
  }
  if (integer < INT64_MIN || integer > INT64_MAX) {
    throw new RangeError(
      `seed must be an integer in [-2^63, 2^63) (JAX converts it to int64), got ${describe(seed)}`,
    );
  }
  isPartitionable(options);
  const bits = BigInt.asUintN(64, integer);
  const low = Number(bits & 0xffffffffn);
  return isX64(options) ? Uint32Array.of(Number(bits >> 32n), low) : Uint32Array.of(0, low);
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

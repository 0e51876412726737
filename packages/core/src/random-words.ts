/**
 * Internal key and bit helpers for the samplers, on already-checked keys.
 * They mirror JAX's private `_split` and `_random_bits`.
 *
 * @module
 */
import { fillBits } from "./bits.js";
import type { Key } from "./keys.js";
import { splitWords } from "./split.js";

/** JAX's `_split(key, n)` as a list of keys. */
export function splitKey(key: Key, count: number, partitionable: boolean): Key[] {
  const words = splitWords(key[0], key[1], count, partitionable);
  const keys: Key[] = [];
  for (let i = 0; i < count; i++) keys.push(words.subarray(2 * i, 2 * i + 2));
  return keys;
}

/** JAX's `_random_bits(key, 32, shape)` for `size` elements. */
export function randomBits32(key: Key, size: number, partitionable: boolean): Uint32Array {
  const out = new Uint32Array(size);
  fillBits(key[0], key[1], out, partitionable);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * JAX's `_random_bits(key, 64, shape)` for `size` elements, as interleaved
 * 32-bit words: element i is `words[2i] << 32 | words[2i + 1]` (high, low).
 */
export function randomBits64(key: Key, size: number, partitionable: boolean): Uint32Array {
  const wide = new BigUint64Array(size);
  fillBits(key[0], key[1], wide, partitionable);
  const halves = new Uint32Array(wide.buffer);
  if (!LITTLE_ENDIAN) return halves;
  const words = new Uint32Array(2 * size);
  for (let i = 0; i < size; i++) {
    words[2 * i] = halves[2 * i + 1];
    words[2 * i + 1] = halves[2 * i];
  }
  return words;
}

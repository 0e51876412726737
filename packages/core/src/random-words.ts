/**
 * Internal key and bit helpers for the samplers, on already-checked keys.
 * They mirror JAX's private `_split` and `_random_bits`.
 *
 * A key may carry an element range (see {@link keyForRange}): the draws made
 * under it, and under keys split from it, then produce only elements
 * `[start, end)` of the draws of `total` elements the sampler would make for
 * the full result. That is how one sampler kernel, unchanged, computes a
 * slice of its result (spec/sharding.md).
 *
 * @module
 */
import { fillBits } from "./bits.js";
import { hashIndexRange, hashIotaHalvesRange } from "./layouts.js";
import type { Key } from "./keys.js";
import type { ElementRange } from "./options.js";
import { splitWords } from "./split.js";

/** A key whose per-element draws are restricted to an element range. */
class RangedKey extends Uint32Array {
  constructor(
    k0: number,
    k1: number,
    readonly range: ElementRange,
  ) {
    super(2);
    this[0] = k0;
    this[1] = k1;
  }
}

/**
 * Thrown by a draw under a key with an element range whose size is not the
 * range's: the kernel draws several values per element (or none), so its
 * draws cannot be cut by element; the caller computes the whole result.
 */
export class WholeDrawNeeded extends Error {
  constructor() {
    super("this draw cannot be restricted to an element range");
    this.name = "WholeDrawNeeded";
  }
}

/** A copy of `key` whose per-element draws are restricted to `range`. */
export function keyForRange(key: Key, range: ElementRange): Key {
  return new RangedKey(key[0], key[1], range);
}

/** The element range `key` carries, if any. */
export function rangeOfKey(key: Key): ElementRange | undefined {
  return key instanceof RangedKey ? key.range : undefined;
}

function checkedRange(key: Key, size: number): ElementRange | undefined {
  if (!(key instanceof RangedKey)) return undefined;
  const { range } = key;
  if (size !== range.end - range.start) throw new WholeDrawNeeded();
  return range;
}

/**
 * JAX's `_split(key, n)` as a list of keys. Keys split from a key with an
 * element range carry the same range.
 */
export function splitKey(key: Key, count: number, partitionable: boolean): Key[] {
  const words = splitWords(key[0], key[1], count, partitionable);
  const keys: Key[] = new Array(count);
  if (key instanceof RangedKey) {
    for (let i = 0; i < count; i++) {
      keys[i] = new RangedKey(words[2 * i], words[2 * i + 1], key.range);
    }
    return keys;
  }
  for (let i = 0; i < count; i++) keys[i] = words.subarray(2 * i, 2 * i + 2);
  return keys;
}

/**
 * JAX's `split(key, size)` read as one key per element, as words: keys
 * `[start, end)` of `split(key, total)` for a key with an element range.
 */
export function splitPerElement(key: Key, size: number, partitionable: boolean): Uint32Array {
  const range = checkedRange(key, size);
  if (range === undefined) return splitWords(key[0], key[1], size, partitionable);
  const words = new Uint32Array(2 * size);
  if (partitionable) {
    hashIndexRange(key[0], key[1], range.start, size, words, 0, words, 1, 2);
  } else {
    hashIotaHalvesRange(key[0], key[1], 2 * range.total, 2 * range.start, 2 * range.end, words, 0);
  }
  return words;
}

/** Fill `out` with bits of its width under `key`, one element each (see {@link fillBits}). */
export function drawBits(
  key: Key,
  out: Uint8Array | Uint16Array | Uint32Array | BigUint64Array,
  partitionable: boolean,
): void {
  const range = checkedRange(key, out.length);
  fillBits(key[0], key[1], out, partitionable, range?.start ?? 0, range?.total ?? out.length);
}

/** JAX's `_random_bits(key, 32, shape)` for `size` elements. */
export function randomBits32(key: Key, size: number, partitionable: boolean): Uint32Array {
  const out = new Uint32Array(size);
  drawBits(key, out, partitionable);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * JAX's `_random_bits(key, 64, shape)` for `size` elements, as interleaved
 * 32-bit words: element i is `words[2i] << 32 | words[2i + 1]` (high, low).
 */
export function randomBits64(key: Key, size: number, partitionable: boolean): Uint32Array {
  const wide = new BigUint64Array(size);
  drawBits(key, wide, partitionable);
  const halves = new Uint32Array(wide.buffer);
  if (!LITTLE_ENDIAN) return halves;
  const words = new Uint32Array(2 * size);
  for (let i = 0; i < size; i++) {
    words[2 * i] = halves[2 * i + 1];
    words[2 * i + 1] = halves[2 * i];
  }
  return words;
}

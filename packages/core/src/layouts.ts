/**
 * The two ways JAX feeds counters to Threefry-2x32.
 *
 * - Partitionable mode (`jax_threefry_partitionable=True`): element i of a
 *   result of any shape is hashed from the counter pair (hi(i), lo(i)), the
 *   high and low 32-bit words of its row-major index (`prng.iota_2x32_shape`),
 *   so every element depends only on the key and its own index.
 * - Legacy mode: JAX's `threefry_2x32(key, count)` hashes a flat uint32 array
 *   by padding it to even length with one 0, cutting it into a first and a
 *   second half, hashing the pairs (first[j], second[j]) and concatenating the
 *   first output words, then the second ones, then dropping the padding.
 *   `split` and `bits` apply it to an iota 0, 1, …, n-1.
 *
 * @module
 */
import { threefry2x32Progression } from "./threefry.js";

const TWO_32 = 2 ** 32;

/**
 * Partitionable layout: hash the counters (hi(i), lo(i)) for
 * `i = start … start + count - 1`, writing word 0 of element t to
 * `out0[out0Offset + t·stride]` and word 1 to `out1[out1Offset + t·stride]`,
 * or, with `xorWords`, their XOR to `out0` alone.
 */
export function hashIndexRange(
  k0: number,
  k1: number,
  start: number,
  count: number,
  out0: Uint32Array,
  out0Offset: number,
  out1: Uint32Array,
  out1Offset: number,
  stride: number,
  xorWords = false,
): void {
  let done = 0;
  while (done < count) {
    const index = start + done;
    const high = Math.floor(index / TWO_32);
    const low = index % TWO_32;
    // A run keeps the same high word until the low word wraps.
    const run = Math.min(count - done, TWO_32 - low);
    threefry2x32Progression(
      k0,
      k1,
      high,
      0,
      low,
      1,
      run,
      out0,
      out0Offset + done * stride,
      stride,
      out1,
      out1Offset + done * stride,
      stride,
      xorWords,
    );
    done += run;
  }
}

const paddedPair = new Uint32Array(2);
const pairScratch = new Uint32Array(2);

/**
 * Legacy layout: write JAX's `threefry_2x32(key, iota(count))` to
 * `out[offset … offset + count - 1]`.
 */
export function hashIotaHalves(
  k0: number,
  k1: number,
  count: number,
  out: Uint32Array,
  offset: number,
): void {
  const half = Math.ceil(count / 2);
  const odd = count % 2 === 1;
  // Pair j is (j, half + j); for odd counts the last pair is (half - 1, 0),
  // the 0 being JAX's padding, and only its first output word is kept.
  const fullPairs = odd ? half - 1 : half;
  threefry2x32Progression(k0, k1, 0, 1, half, 1, fullPairs, out, offset, 1, out, offset + half, 1);
  if (odd) {
    threefry2x32Progression(k0, k1, half - 1, 0, 0, 0, 1, paddedPair, 0, 1, paddedPair, 1, 1);
    out[offset + half - 1] = paddedPair[0];
  }
}

/**
 * Legacy layout, a range of it: write words `[start, end)` of JAX's
 * `threefry_2x32(key, iota(count))` to `out[offset …]`, hashing only the
 * pairs those words come from, each once.
 *
 * Word i below `half = ceil(count / 2)` is the first output word of the pair
 * (i, half + i) (of (half - 1, 0) for the last one when `count` is odd); word
 * i from `half` on is the second output word of the pair (i - half, i).
 */
export function hashIotaHalvesRange(
  k0: number,
  k1: number,
  count: number,
  start: number,
  end: number,
  out: Uint32Array,
  offset: number,
): void {
  const half = Math.ceil(count / 2);
  const odd = count % 2 === 1;
  // Pairs whose first word is in range, and pairs whose second word is.
  const first: Interval = [start, Math.min(end, odd ? half - 1 : half)];
  const second: Interval = [Math.max(start, half) - half, end - half];
  const both: Interval = [Math.max(first[0], second[0]), Math.min(first[1], second[1])];
  const hash = ([from, to]: Interval, wantFirst: boolean, wantSecond: boolean) => {
    if (from >= to) return;
    threefry2x32Progression(
      k0,
      k1,
      from,
      1,
      half + from,
      1,
      to - from,
      wantFirst ? out : pairScratch,
      wantFirst ? offset + from - start : 0,
      wantFirst ? 1 : 0,
      wantSecond ? out : pairScratch,
      wantSecond ? offset + half + from - start : 1,
      wantSecond ? 1 : 0,
    );
  };
  hash(both, true, true);
  for (const part of without(first, both)) hash(part, true, false);
  for (const part of without(second, both)) hash(part, false, true);
  if (odd && start <= half - 1 && half - 1 < end) {
    threefry2x32Progression(k0, k1, half - 1, 0, 0, 0, 1, paddedPair, 0, 1, paddedPair, 1, 1);
    out[offset + half - 1 - start] = paddedPair[0];
  }
}

/** A half-open interval of integers `[from, to)`. */
type Interval = [number, number];

/** The parts of `a` outside `b` (at most two intervals; `b` may be empty). */
function without(a: Interval, b: Interval): Interval[] {
  if (b[0] >= b[1]) return [a];
  return [
    [a[0], Math.min(a[1], b[0])],
    [Math.max(a[0], b[1]), a[1]],
  ];
}

// Mirrors the head of jax.random.permutation (jax/_src/random/core.py: _shuffle, choice without replacement).
/**
 * The first `count` entries of JAX's shuffle of `arange(n)` — what `choice`
 * without replacement returns — without sorting `n` positions or holding
 * `n` sort keys.
 *
 * JAX's shuffle runs `R = shuffleRounds(n)` rounds; round `r` stably sorts
 * the array by fresh uint32 keys `K_r[p]` of its positions `p`. A stable
 * sort puts at position `t` the element that was at the position `p` whose
 * pair `(K_r[p], p)` has rank `t`. So the element at position `t` after the
 * last round is found by walking the rounds backwards: start from the ranks
 * `0 … count − 1`; in each round replace every rank by the position holding
 * that rank; after round 1 a position is the element itself (the array
 * starts as `arange(n)`).
 *
 * Finding the position of a rank takes one pass over the round's keys,
 * regenerated a chunk at a time: a histogram of the keys' top 16 bits
 * (65,536 buckets) locates each rank's bucket exactly, and the pass keeps
 * the (position, key) pairs of the buckets near where each rank is expected
 * — the count of keys below a value is binomial, so the rank's bucket lies
 * within a few standard deviations (`√n / 2`) of its expected place. A
 * bucket outside that window (probability below 10⁻⁹ per rank) costs one
 * more pass, which keeps only the rank's bucket; so do all ranks when their
 * windows would keep too many pairs. Sorting the members of the rank's
 * bucket by (key, position), as the stable sort breaks ties, gives the
 * position. The work is `R` passes (at most `2R`) of hashing `n` counters,
 * with memory bounded independently of `n` (at most 2^22 kept pairs; a
 * sample whose buckets need more takes the full shuffle).
 *
 * @module
 */
import type { Key } from "../keys.js";
import { splitKey } from "../random-words.js";
import { threefry2x32Progression } from "../threefry.js";
import { shuffleIndices, shuffleRounds } from "./permutation.js";

/** Buckets of the rank histogram: the keys' top 16 bits (narrow buckets keep few pairs). */
const BUCKET_BITS = 16;
const BUCKETS = 1 << BUCKET_BITS;
/** A key's bucket is `key >>> BUCKET_SHIFT`. */
const BUCKET_SHIFT = 32 - BUCKET_BITS;

/** Sort keys hashed per chunk. */
const CHUNK = 1 << 13;

/** Standard deviations of the count below a value that a rank's window spans on each side. */
const WINDOW_DEVIATIONS = 7;

/**
 * How many positions around its expected place a rank's window spans on
 * each side: `WINDOW_DEVIATIONS` standard deviations of a binomial count
 * (at most `√n / 2`), plus a bucket's width on each side.
 */
function windowHalfWidth(n: number): number {
  return WINDOW_DEVIATIONS * (Math.sqrt(n) / 2) + 2 * (n / BUCKETS) + 8;
}

/** The most (position, key) pairs a pass keeps: 48 MB. */
const KEPT_BUDGET = 1 << 22;

/** The pairs a pass may keep for `count` ranks: a quarter of `n`, and the budget. */
function keptLimit(n: number): number {
  return Math.min(n / 4, KEPT_BUDGET);
}

/**
 * The least population for the rank walk: below it, sorting all positions
 * costs about as much as a round's 65,536-bucket histogram.
 */
const MIN_POPULATION = 1 << 18;

/**
 * Whether following `count` ranks is cheaper than the full shuffle: a
 * large population, and the ranks' buckets hold far fewer pairs than `n`
 * and fit the memory budget.
 */
export function prefixIsCheaper(n: number, count: number): boolean {
  return n >= MIN_POPULATION && count * (n / BUCKETS + 1) <= keptLimit(n);
}

/**
 * Whether one pass per round can keep the windows of `count` ranks (else a
 * round takes two passes: the histogram, then the ranks' buckets only).
 */
function windowsFit(n: number, count: number): boolean {
  return count * (2 * windowHalfWidth(n) + n / BUCKETS) <= keptLimit(n);
}

/**
 * The first `count` entries of `shuffleIndices(key, [n], 0)`, the same
 * values (see the module comment); the full shuffle when `count` is too
 * large for the rank walk to pay.
 */
export function shuffledPrefix(
  key: Key,
  n: number,
  count: number,
  partitionable: boolean,
): Int32Array {
  if (!prefixIsCheaper(n, count)) {
    return shuffleIndices(key, [n], 0, partitionable).slice(0, count);
  }
  const rounds = shuffleRounds(n);
  const subkeys: Key[] = [];
  let current = key;
  for (let round = 0; round < rounds; round++) {
    const [next, subkey] = splitKey(current, 2, partitionable);
    subkeys.push(subkey);
    current = next;
  }
  let ranks: Float64Array = Float64Array.from({ length: count }, (_, t) => t);
  for (let round = rounds - 1; round >= 0; round--) {
    const subkey = subkeys[round];
    ranks = positionsOfRanks((visit) => visitSortKeys(subkey, n, partitionable, visit), n, ranks);
  }
  return Int32Array.from(ranks);
}

/**
 * A visitor of a round's sort keys: it calls `visit(words, length,
 * firstPosition)` for chunks of them, `words[t]` (read as int32) being the
 * key of position `firstPosition + t`, every position once.
 */
export type SortKeyVisitor = (
  visit: (words: Int32Array, length: number, firstPosition: number) => void,
) => void;

/**
 * Call `visit(words, length, firstPosition)` for chunks of the uint32 sort
 * keys `bits(key, [n])`: `words[t]` (read as int32) is the key of position
 * `firstPosition + t`. Every position is visited once; each counter is
 * hashed once (legacy mode's pair (j, half + j) gives positions j and
 * half + j).
 */
function visitSortKeys(
  key: Key,
  n: number,
  partitionable: boolean,
  visit: (words: Int32Array, length: number, firstPosition: number) => void,
): void {
  const first = new Uint32Array(CHUNK);
  const second = new Uint32Array(CHUNK);
  const firstBits = new Int32Array(first.buffer);
  const secondBits = new Int32Array(second.buffer);
  if (partitionable) {
    // Position i is the XOR of the words of counter (0, i) (n < 2^32).
    for (let start = 0; start < n; start += CHUNK) {
      const length = Math.min(CHUNK, n - start);
      threefry2x32Progression(
        key[0],
        key[1],
        0,
        0,
        start,
        1,
        length,
        first,
        0,
        1,
        first,
        0,
        1,
        true,
      );
      visit(firstBits, length, start);
    }
    return;
  }
  // Legacy: iota(n) in halves; an odd n pads the second half with a 0, whose
  // pair (half − 1, 0) gives only position half − 1.
  const half = Math.ceil(n / 2);
  const fullPairs = n % 2 === 1 ? half - 1 : half;
  for (let start = 0; start < fullPairs; start += CHUNK) {
    const length = Math.min(CHUNK, fullPairs - start);
    threefry2x32Progression(
      key[0],
      key[1],
      start,
      1,
      half + start,
      1,
      length,
      first,
      0,
      1,
      second,
      0,
      1,
    );
    visit(firstBits, length, start);
    visit(secondBits, length, half + start);
  }
  if (fullPairs < half) {
    threefry2x32Progression(key[0], key[1], half - 1, 0, 0, 0, 1, first, 0, 1, second, 0, 1);
    visit(firstBits, 1, half - 1);
  }
}

/**
 * For each rank in `ranks`, the position `p` whose `(K[p], p)` has that rank
 * in ascending order, where `K` are the `n` sort keys `visitKeys` visits: a
 * stable sort's inverse, for a few ranks (see the module comment). Exact
 * for any keys; fast when they are uniform.
 */
export function positionsOfRanks(
  visitKeys: SortKeyVisitor,
  n: number,
  ranks: Float64Array,
): Float64Array {
  const halfWidth = windowHalfWidth(n);
  const windowBuckets = new Uint8Array(BUCKETS);
  // Without windows every rank's bucket is kept by the second pass.
  for (const rank of windowsFit(n, ranks.length) ? ranks : []) {
    const low = Math.max(0, Math.floor(((rank - halfWidth) / n) * BUCKETS));
    const high = Math.min(BUCKETS - 1, Math.floor(((rank + halfWidth) / n) * BUCKETS));
    windowBuckets.fill(1, low, high + 1);
  }
  const counts = new Int32Array(BUCKETS);
  const kept = new KeptPairs();
  visitKeys((words, length, firstPosition) =>
    countAndKeep(words, length, firstPosition, counts, windowBuckets, kept),
  );
  // Exclusive prefix sums: starts[b] keys lie in the buckets below b.
  const starts = new Float64Array(BUCKETS + 1);
  for (let b = 0; b < BUCKETS; b++) starts[b + 1] = starts[b] + counts[b];
  const bucketOf = (rank: number): number => {
    let low = 0;
    let high = BUCKETS - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= rank) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const wanted = Array.from(ranks, bucketOf);
  const missing = wanted.filter((bucket) => windowBuckets[bucket] === 0);
  if (missing.length > 0) {
    // A rank far from its expected place: keep those buckets in one more pass.
    for (const bucket of missing) windowBuckets[bucket] = 2;
    visitKeys((words, length, firstPosition) => {
      for (let t = 0; t < length; t++) {
        if (windowBuckets[words[t] >>> BUCKET_SHIFT] === 2) kept.push(firstPosition + t, words[t]);
      }
    });
  }
  const membersOf = kept.byBucket(new Set(wanted));
  return ranks.map((rank, i) => {
    const bucket = wanted[i];
    return membersOf.get(bucket)![rank - starts[bucket]];
  });
}

/**
 * The hot loop of a pass, a plain function of its arguments (no closure
 * state): count each key's bucket, and keep the (position, key) pairs of
 * the window buckets.
 */
function countAndKeep(
  words: Int32Array,
  length: number,
  firstPosition: number,
  counts: Int32Array,
  windowBuckets: Uint8Array,
  kept: KeptPairs,
): void {
  for (let t = 0; t < length; t++) {
    const bucket = words[t] >>> BUCKET_SHIFT;
    counts[bucket]++;
    if (windowBuckets[bucket] === 1) kept.push(firstPosition + t, words[t]);
  }
}

/** The (position, key) pairs a pass keeps, in growable typed arrays. */
class KeptPairs {
  #positions = new Float64Array(1024);
  #keys = new Uint32Array(1024);
  #length = 0;

  push(position: number, key: number): void {
    if (this.#length === this.#positions.length) {
      const positions = new Float64Array(2 * this.#length);
      const keys = new Uint32Array(2 * this.#length);
      positions.set(this.#positions);
      keys.set(this.#keys);
      this.#positions = positions;
      this.#keys = keys;
    }
    this.#positions[this.#length] = position;
    this.#keys[this.#length] = key;
    this.#length++;
  }

  /**
   * The positions of the kept pairs in each of `buckets`, in the order of
   * their (key, position) pairs: a stable sort's order within the bucket.
   */
  byBucket(buckets: Set<number>): Map<number, number[]> {
    const members = new Map<number, number[]>();
    for (const bucket of buckets) members.set(bucket, []);
    const keys = this.#keys;
    const positions = this.#positions;
    for (let i = 0; i < this.#length; i++) {
      members.get(keys[i] >>> BUCKET_SHIFT)?.push(i);
    }
    const result = new Map<number, number[]>();
    for (const [bucket, indices] of members) {
      indices.sort((a, b) => keys[a] - keys[b] || positions[a] - positions[b]);
      result.set(
        bucket,
        indices.map((i) => positions[i]),
      );
    }
    return result;
  }
}

/**
 * A stable sort of positions by uint32 keys — XLA's stable `sort` of
 * `(keys, positions)`, which `jax.random.permutation`'s shuffle rounds
 * perform — in linear time: three counting passes over 11-bit digits
 * (2,048 counters, which stay in cache), low digit first. Each pass keeps the previous order among equal digits, so
 * equal keys stay in position order, exactly as a comparison sort by
 * `(key, position)` would leave them.
 *
 * @module
 */

/** Below this length a comparison sort is faster than the counting passes. */
const RADIX_MIN_LENGTH = 4096;

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;

/** Reusable buffers for sorting many slices of the same length. */
export class StableKeySorter {
  readonly #positions: [Int32Array, Int32Array];
  readonly #keys: [Uint32Array, Uint32Array];
  readonly #counts = new Int32Array(DIGITS);

  constructor(readonly length: number) {
    this.#positions = [new Int32Array(length), new Int32Array(length)];
    this.#keys = [new Uint32Array(length), new Uint32Array(length)];
  }

  /**
   * Fill `order` with the positions `0 … length − 1` sorted by `keys[position]`,
   * ties in position order.
   */
  sort(keys: Uint32Array, order: Int32Array): void {
    const n = this.length;
    for (let j = 0; j < n; j++) order[j] = j;
    if (n < RADIX_MIN_LENGTH) {
      order.sort((a, b) => keys[a] - keys[b] || a - b);
      return;
    }
    // The keys travel with their positions, so every pass reads memory in order.
    const [keysA, keysB] = this.#keys;
    const [positionsA, positionsB] = this.#positions;
    this.#pass(keys, order, keysA, positionsA, 0);
    this.#pass(keysA, positionsA, keysB, positionsB, DIGIT_BITS);
    this.#pass(keysB, positionsB, keysA, order, 2 * DIGIT_BITS);
  }

  /**
   * One stable counting pass on the digit at `shift`: the pairs
   * (`keys[i]`, `positions[i]`) in order, into `targetKeys`/`targetPositions`.
   */
  #pass(
    keys: Uint32Array,
    positions: Int32Array,
    targetKeys: Uint32Array,
    targetPositions: Int32Array,
    shift: number,
  ): void {
    const counts = this.#counts;
    counts.fill(0);
    const n = this.length;
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & DIGIT_MASK]++;
    let start = 0;
    for (let digit = 0; digit < DIGITS; digit++) {
      const count = counts[digit];
      counts[digit] = start;
      start += count;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const to = counts[(key >>> shift) & DIGIT_MASK]++;
      targetKeys[to] = key;
      targetPositions[to] = positions[i];
    }
  }
}

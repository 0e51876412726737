/**
 * A stable sort of values by uint32 keys — XLA's stable `sort_key_val`,
 * which `jax.random.permutation`'s shuffle rounds perform — in linear time:
 * three counting passes over 11-bit digits (2,048 counters per digit, which
 * stay in cache), low digit first. Each pass keeps the previous order among
 * equal digits, so equal keys keep their values in input order, exactly as
 * a comparison sort by `(key, position)` would leave them.
 *
 * The three digits' counts are taken in one read of the keys, and each
 * value travels with its key as an adjacent (key, value) pair, so a pass
 * writes one stream per digit and no permutation is built and gathered.
 *
 * Where WebAssembly runs, the sort is the kernel of `stable-sort-wasm.ts`
 * instead, with the same result; the passes here are its fallback.
 *
 * @module
 */
import { sortWorkspace, type SortWorkspace } from "./stable-sort-wasm.js";

/** Below this length a comparison sort is faster than the counting passes or the kernel. */
export const RADIX_MIN_LENGTH = 4096;

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;

/** Reusable buffers for sorting many arrays of the same length. */
export class StableKeySorter {
  /** (key, value) pairs between passes: key at `2t`, value at `2t + 1`; made on first use. */
  #pairs: [Int32Array, Int32Array] | undefined;
  /** The WebAssembly kernel's arrays (`null` where it does not run); made on first use. */
  #workspace: SortWorkspace | null | undefined;
  /** The three digits' counts, then start offsets: digit d of pass p at `p·DIGITS + d`. */
  readonly #counts = new Int32Array(3 * DIGITS);
  /** Below {@link RADIX_MIN_LENGTH}: the sorted positions and the values gathered by them. */
  readonly #order: Int32Array;
  readonly #gathered: Int32Array;

  constructor(readonly length: number) {
    this.#order = new Int32Array(length < RADIX_MIN_LENGTH ? length : 0);
    this.#gathered = new Int32Array(length < RADIX_MIN_LENGTH ? length : 0);
  }

  /**
   * Fill `order` with the positions `0 … length − 1` sorted by `keys[position]`,
   * ties in position order.
   */
  sort(keys: Uint32Array, order: Int32Array): void {
    for (let j = 0; j < this.length; j++) order[j] = j;
    this.sortValues(keys, order, order);
  }

  /**
   * Write `values` stably sorted by `keys` (`values[i]`'s key is `keys[i]`)
   * to `out`, which may be `values` itself. `keys` is left unchanged.
   */
  sortValues(keys: Uint32Array, values: Int32Array, out: Int32Array): void {
    const n = this.length;
    if (n < RADIX_MIN_LENGTH) {
      const order = this.#order;
      for (let j = 0; j < n; j++) order[j] = j;
      order.sort((a, b) => keys[a] - keys[b] || a - b);
      const gathered = this.#gathered;
      for (let t = 0; t < n; t++) gathered[t] = values[order[t]];
      out.set(gathered);
      return;
    }
    if (this.#workspace === undefined) this.#workspace = sortWorkspace(n);
    const workspace = this.#workspace;
    if (workspace !== null) {
      workspace.keys.set(keys);
      workspace.values.set(values);
      workspace.sort(false);
      out.set(workspace.values);
      return;
    }
    this.#radixPasses(keys, values, out);
  }

  /** The JavaScript counting passes of {@link sortValues}, for at least {@link RADIX_MIN_LENGTH} keys. */
  #radixPasses(keys: Uint32Array, values: Int32Array, out: Int32Array): void {
    const n = this.length;
    // The keys' bits as int32, which V8 keeps in integer registers (uint32s above 2^31 are doubles).
    const bitsOfKeys = new Int32Array(keys.buffer, keys.byteOffset, n);
    const counts = this.#counts;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const key = bitsOfKeys[i];
      counts[key & DIGIT_MASK]++;
      counts[DIGITS + ((key >>> DIGIT_BITS) & DIGIT_MASK)]++;
      counts[2 * DIGITS + (key >>> (2 * DIGIT_BITS))]++;
    }
    for (let pass = 0; pass < 3; pass++) {
      let start = 0;
      for (let digit = pass * DIGITS; digit < (pass + 1) * DIGITS; digit++) {
        const count = counts[digit];
        counts[digit] = start;
        start += count;
      }
    }
    this.#pairs ??= [new Int32Array(2 * n), new Int32Array(2 * n)];
    const [pairsA, pairsB] = this.#pairs;
    // Passes 1 and 2 move (key, value) pairs; pass 3 writes only the values.
    for (let i = 0; i < n; i++) {
      const key = bitsOfKeys[i];
      const to = 2 * counts[key & DIGIT_MASK]++;
      pairsA[to] = key;
      pairsA[to + 1] = values[i];
    }
    for (let t = 0; t < 2 * n; t += 2) {
      const key = pairsA[t];
      const to = 2 * counts[DIGITS + ((key >>> DIGIT_BITS) & DIGIT_MASK)]++;
      pairsB[to] = key;
      pairsB[to + 1] = pairsA[t + 1];
    }
    for (let t = 0; t < 2 * n; t += 2) {
      out[counts[2 * DIGITS + (pairsB[t] >>> (2 * DIGIT_BITS))]++] = pairsB[t + 1];
    }
  }
}

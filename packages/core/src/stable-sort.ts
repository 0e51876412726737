/**
 * A stable sort of indices by uint32 keys: the order XLA's stable sort gives
 * `jax.random.permutation`'s rounds (ties keep their order).
 *
 * @module
 */

const RADIX_BITS = 8;
const BUCKETS = 1 << RADIX_BITS;
const counts = new Int32Array(BUCKETS);

/**
 * Write to `order` the indices `0 … keys.length - 1` stably sorted by
 * `keys`: least-significant-digit radix sort, four passes of 8 bits, each
 * stable, so equal keys keep their index order. `scratch` must have
 * `keys.length` elements; both arrays are overwritten.
 */
export function stableOrderByKeys(keys: Uint32Array, order: Int32Array, scratch: Int32Array): void {
  const n = keys.length;
  let from = order;
  let to = scratch;
  for (let i = 0; i < n; i++) from[i] = i;
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & (BUCKETS - 1)]++;
    let total = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const count = counts[b];
      counts[b] = total;
      total += count;
    }
    for (let i = 0; i < n; i++) {
      const index = from[i];
      to[counts[(keys[index] >>> shift) & (BUCKETS - 1)]++] = index;
    }
    [from, to] = [to, from];
  }
  // Four passes: the result is back in `order`.
}

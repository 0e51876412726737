/**
 * A stable sort of values by uint32 keys: the order XLA's stable sort gives
 * `jax.random.permutation`'s rounds (ties keep their order).
 *
 * @module
 */

const RADIX_BITS = 8;
const BUCKETS = 1 << RADIX_BITS;
const counts = new Int32Array(BUCKETS);

/**
 * Sort `values` by `keys`, stably (equal keys keep their order), reordering
 * both arrays in place: a least-significant-digit radix sort, four passes of
 * 8 bits, each stable. Keys travel with their values, so every pass reads
 * sequentially. `keyScratch` and `valueScratch` must be as long as `keys`.
 */
export function stableSortByKeys(
  keys: Uint32Array,
  values: Int32Array,
  keyScratch: Uint32Array,
  valueScratch: Int32Array,
): void {
  const n = keys.length;
  let keysFrom = keys;
  let valuesFrom = values;
  let keysTo = keyScratch;
  let valuesTo = valueScratch;
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keysFrom[i] >>> shift) & (BUCKETS - 1)]++;
    let total = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const count = counts[b];
      counts[b] = total;
      total += count;
    }
    for (let i = 0; i < n; i++) {
      const key = keysFrom[i];
      const at = counts[(key >>> shift) & (BUCKETS - 1)]++;
      keysTo[at] = key;
      valuesTo[at] = valuesFrom[i];
    }
    const keysSwap = keysFrom;
    keysFrom = keysTo;
    keysTo = keysSwap;
    const valuesSwap = valuesFrom;
    valuesFrom = valuesTo;
    valuesTo = valuesSwap;
  }
  // An even number of passes: the sorted arrays are back in `keys` and `values`.
}

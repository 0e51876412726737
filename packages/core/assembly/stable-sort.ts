// A stable sort of int32 values by uint32 keys in WebAssembly (AssemblyScript):
// XLA's stable sort_key_val, which the shuffle rounds of
// jax.random.permutation perform. The kernel behind src/stable-sort-wasm.ts;
// compiled at build time, as a module of its own, into
// src/generated/stable-sort-wasm.ts (scripts/build-wasm.mjs): its memory grows
// with the arrays it sorts, and growing must not detach the buffers of the
// Threefry kernels.
//
// Each element travels as one 64-bit item, its key in the high word and its
// value in the low word, so every move is one load and one store. The large
// arrays are crossed twice, and the rest happens in the cache:
// 1. Scatter the items by the keys' top `topBits` bits into at most 2,048
//    buckets, in input order (a counting pass). Few buckets keep the write
//    streams within the TLB and the write-combining buffers; about a thousand
//    keys per bucket keep a bucket in the L1 cache.
// 2. Sort each bucket: a counting pass on the next bits (a sub-bucket holds
//    about one key on average), then an insertion sort by key, which then only
//    moves items within their sub-bucket. A bucket with a sub-bucket too large
//    for an insertion sort (keys that share many high bits, as with many ties)
//    is sorted instead by least-significant-digit counting passes over its
//    remaining key bits, linear for any keys.
// Every step is stable: the counting passes keep input order among equal
// digits, and the insertion sort moves an item only past greater keys. So
// equal keys keep their values in input order.

/** The most top-bit buckets: 2,048 write streams. */
const MAX_TOP_BITS: i32 = 11;
/** About this many keys per bucket: 2^9 to 2^10. */
const BUCKET_BITS: i32 = 9;
/** The most sub-buckets of a bucket. */
const MAX_SUB_BITS: i32 = 16;
/** The largest sub-bucket (and the largest bucket) an insertion sort takes. */
const INSERTION_LIMIT: i32 = 32;
/** Digit width of the counting passes of a bucket with large sub-buckets. */
const DIGIT_BITS: i32 = 8;

const topStarts: usize = memory.data(((1 << MAX_TOP_BITS) + 1) * 4, 16);
const subStarts: usize = memory.data(((1 << MAX_SUB_BITS) + 1) * 4, 16);
const digitStarts: usize = memory.data((1 << DIGIT_BITS) * 4, 16);

/** The first free byte past the static data, 16-byte aligned: the arrays are laid out from here. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

// Element access on the byte addresses of 32- and 64-bit arrays (small
// enough that -O3 inlines them).
function at(base: usize, i: i32): u32 {
  return load<u32>(base + ((<usize>i) << 2));
}
function put(base: usize, i: i32, value: u32): void {
  store<u32>(base + ((<usize>i) << 2), value);
}
function at64(base: usize, i: i32): u64 {
  return load<u64>(base + ((<usize>i) << 3));
}
function put64(base: usize, i: i32, value: u64): void {
  store<u64>(base + ((<usize>i) << 3), value);
}

/** floor(log2 x) for x >= 1. */
function log2Floor(x: i32): i32 {
  return 31 - <i32>clz(x);
}

/**
 * Write the `n` int32 values at `values` stably sorted by the uint32 keys at
 * `keys` to `out` (which may be `values`); with `iota`, the values are the
 * positions 0 … n−1 and `values` is not read. The keys are left unchanged.
 * Work arrays: `items` and `sortedItems`, of `n` 64-bit items each.
 */
export function sortValues(
  keys: usize,
  values: usize,
  iota: bool,
  out: usize,
  n: i32,
  items: usize,
  sortedItems: usize,
): void {
  if (n <= 0) return;
  const topBits = max(1, min(MAX_TOP_BITS, log2Floor(n) - BUCKET_BITS));
  const topShift = 32 - topBits;
  const buckets = 1 << topBits;
  memory.fill(topStarts, 0, (buckets + 1) << 2);
  for (let i = 0; i < n; i++) {
    const slot = topStarts + ((<usize>((at(keys, i) >>> topShift) + 1)) << 2);
    store<i32>(slot, load<i32>(slot) + 1);
  }
  for (let b = 1; b <= buckets; b++) put(topStarts, b, at(topStarts, b) + at(topStarts, b - 1));
  // The scatter; afterwards topStarts[b] is where bucket b ends.
  if (iota) {
    for (let i = 0; i < n; i++) {
      const key = at(keys, i);
      const slot = topStarts + ((<usize>(key >>> topShift)) << 2);
      const to = load<i32>(slot);
      store<i32>(slot, to + 1);
      put64(items, to, ((<u64>key) << 32) | (<u64>i));
    }
  } else {
    for (let i = 0; i < n; i++) {
      const key = at(keys, i);
      const slot = topStarts + ((<usize>(key >>> topShift)) << 2);
      const to = load<i32>(slot);
      store<i32>(slot, to + 1);
      put64(items, to, ((<u64>key) << 32) | (<u64>at(values, i)));
    }
  }
  // About one key per sub-bucket.
  const average = max(1, n >> topBits);
  const subBits = min(min(MAX_SUB_BITS, topShift), log2Floor(average) + 1);
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = <i32>at(topStarts, b);
    sortBucket(start, end, topShift, subBits, items, sortedItems);
    for (let t = start; t < end; t++) put(out, t, <u32>at64(sortedItems, t));
    start = end;
  }
}

/**
 * Sort the items [start, end) of `from`, whose keys share all but their low
 * `lowBits` bits, into the same places of `to`. `from` may be overwritten.
 */
function sortBucket(
  start: i32,
  end: i32,
  lowBits: i32,
  subBits: i32,
  from: usize,
  to: usize,
): void {
  if (end - start <= INSERTION_LIMIT) {
    memory.copy(
      to + ((<usize>start) << 3),
      from + ((<usize>start) << 3),
      (<usize>(end - start)) << 3,
    );
    insertionSort(start, end, to);
    return;
  }
  // Sub-bucket of an item: the `subBits` key bits below the shared ones.
  const subShift = 32 + lowBits - subBits;
  const subMask: u64 = (1 << subBits) - 1;
  const subBuckets = 1 << subBits;
  memory.fill(subStarts, 0, (subBuckets + 1) << 2);
  for (let i = start; i < end; i++) {
    const slot = subStarts + ((<usize>(((at64(from, i) >> subShift) & subMask) + 1)) << 2);
    store<i32>(slot, load<i32>(slot) + 1);
  }
  let largest = 0;
  let running = start;
  for (let d = 0; d < subBuckets; d++) {
    const count = <i32>at(subStarts, d + 1);
    largest = max(largest, count);
    put(subStarts, d, running);
    running += count;
  }
  if (largest > INSERTION_LIMIT) {
    countingPasses(start, end, lowBits, from, to);
    return;
  }
  for (let i = start; i < end; i++) {
    const item = at64(from, i);
    const slot = subStarts + ((<usize>((item >> subShift) & subMask)) << 2);
    const place = load<i32>(slot);
    store<i32>(slot, place + 1);
    put64(to, place, item);
  }
  insertionSort(start, end, to);
}

/** Stable insertion sort by key of the items [start, end) of `items`. */
function insertionSort(start: i32, end: i32, items: usize): void {
  for (let i = start + 1; i < end; i++) {
    const item = at64(items, i);
    const key = item >> 32;
    if (at64(items, i - 1) >> 32 <= key) continue;
    let j = i - 1;
    do {
      put64(items, j + 1, at64(items, j));
      j--;
    } while (j >= start && at64(items, j) >> 32 > key);
    put64(items, j + 1, item);
  }
}

/**
 * Least-significant-digit counting passes over the low `lowBits` key bits of
 * the items [start, end) of `from` (in input order), ending in `to`; `from`
 * is overwritten. Each pass is stable, so equal keys keep input order.
 */
function countingPasses(start: i32, end: i32, lowBits: i32, from: usize, to: usize): void {
  const passes = (lowBits + DIGIT_BITS - 1) / DIGIT_BITS;
  // Ping-pong between the arrays so that the last pass writes `to`.
  let source = from;
  let target = to;
  if (passes % 2 == 0) {
    source = to;
    target = from;
    memory.copy(
      source + ((<usize>start) << 3),
      from + ((<usize>start) << 3),
      (<usize>(end - start)) << 3,
    );
  }
  for (let pass = 0; pass < passes; pass++) {
    const shift = 32 + pass * DIGIT_BITS;
    const mask: u64 = (1 << min(DIGIT_BITS, lowBits - pass * DIGIT_BITS)) - 1;
    memory.fill(digitStarts, 0, (1 << DIGIT_BITS) << 2);
    for (let i = start; i < end; i++) {
      const slot = digitStarts + ((<usize>((at64(source, i) >> shift) & mask)) << 2);
      store<i32>(slot, load<i32>(slot) + 1);
    }
    let running = start;
    for (let d = 0; d < 1 << DIGIT_BITS; d++) {
      const count = <i32>at(digitStarts, d);
      put(digitStarts, d, running);
      running += count;
    }
    for (let i = start; i < end; i++) {
      const item = at64(source, i);
      const slot = digitStarts + ((<usize>((item >> shift) & mask)) << 2);
      const place = load<i32>(slot);
      store<i32>(slot, place + 1);
      put64(target, place, item);
    }
    const written = target;
    target = source;
    source = written;
  }
}

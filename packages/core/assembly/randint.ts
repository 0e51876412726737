// JAX's int32 `randint` with one `low` and one `span` in WebAssembly SIMD
// (AssemblyScript): the arithmetic of src/bulk.ts `randint32Into` on 4 lanes
// of i32x4, fused with the two Threefry hashes it needs. The tests compare
// every output with the JavaScript path and with the samplers.

import { CHUNK, hashProgression, words0Pointer, words1Pointer } from "./threefry";

/**
 * Counter pairs hashed before their integers are computed: the two word
 * buffers of a block (8 KiB) stay in the L1 cache between the hash and the
 * arithmetic.
 */
const BLOCK: i32 = 1024;

const integers: usize = memory.data(CHUNK * 4, 16);

/** Where `randint32Progression` writes its integers. */
export function integersPointer(): usize {
  return integers;
}

/**
 * The quotients below follow Granlund and Montgomery's unsigned division by
 * an invariant divisor ("Division by invariant integers using
 * multiplication", 1994, Figure 4.1) for 32-bit words: for `2 <= span <
 * 2^32`, with `l = ceil(log2 span)` (so `1 <= l <= 32`) and `magic =
 * floor(2^32 · (2^l - span) / span) + 1` (below 2^32), every uint32 `a` has
 * `floor(a / span) = (t + ((a - t) >> 1)) >> (l - 1)`, where `t` is the high
 * word of the 64-bit product `magic · a`. No step overflows 32 bits.
 */
function logCeiling(span: u32): i32 {
  return 32 - <i32>clz(span - 1);
}

/** Granlund and Montgomery's `magic` for `span` (see above). */
function magicOf(span: u32): u32 {
  return <u32>(((((<u64>1) << (<u64>logCeiling(span))) - <u64>span) << 32) / <u64>span + 1);
}

/** `a mod span` in each uint32 lane of `a`, `shift` being `l - 1` (see above). */
function remainders(a: v128, span: v128, magic: v128, shift: i32): v128 {
  // The high words of the four 64-bit products magic · a.
  const high = i32x4.shuffle(
    i64x2.extmul_low_i32x4_u(a, magic),
    i64x2.extmul_high_i32x4_u(a, magic),
    1,
    3,
    5,
    7,
  );
  const quotient = i32x4.shr_u(i32x4.add(high, i32x4.shr_u(i32x4.sub(a, high), 1)), shift);
  return i32x4.sub(a, i32x4.mul(quotient, span));
}

/**
 * JAX's `randint` for 32-bit integers with one `low` and one `span`, for
 * `count` (at most CHUNK) counter pairs in arithmetic progression (pair j is
 * `(x0Start + j·x0Step, x1Start + j·x1Step)` mod 2^32, as in
 * `hashProgression`): `higher` is the XOR of the pair's hash under key
 * (higherKey0, higherKey1), `lower` its hash under (lowerKey0, lowerKey1), and
 * element j, written to `integers[j]`, is `low + ((higher mod span) ·
 * multiplier + lower mod span) mod span`, every operation mod 2^32 (i32x4
 * arithmetic wraps as JAX's uint32 does). A span of 0 (the full 2^32 range)
 * leaves the operands of each `mod` as they are; a span of 1 makes every
 * element `low`.
 *
 * The words are hashed a block at a time into the hash buffers, and turned
 * into integers while still in the L1 cache.
 */
export function randint32Progression(
  higherKey0: u32,
  higherKey1: u32,
  lowerKey0: u32,
  lowerKey1: u32,
  x0Start: u32,
  x0Step: u32,
  x1Start: u32,
  x1Step: u32,
  count: i32,
  low: u32,
  span: u32,
  multiplier: u32,
): void {
  const words0 = words0Pointer();
  const words1 = words1Pointer();
  const lowVector = i32x4.splat(low);
  // Spans 0 and 1 use none of these.
  const divisor = span < 2 ? 2 : span;
  const spanVector = i32x4.splat(divisor);
  const magic = i32x4.splat(magicOf(divisor));
  const shift = logCeiling(divisor) - 1;
  const multiplierVector = i32x4.splat(multiplier);
  for (let block = 0; block < count; block += BLOCK) {
    const length = min(BLOCK, count - block);
    const first0 = x0Start + <u32>block * x0Step;
    const first1 = x1Start + <u32>block * x1Step;
    // Output 1: the XOR of each pair's words to words0; output 2: to words1.
    hashProgression(higherKey0, higherKey1, first0, x0Step, first1, x1Step, length, 1);
    hashProgression(lowerKey0, lowerKey1, first0, x0Step, first1, x1Step, length, 2);
    const target = integers + ((<usize>block) << 2);
    if (span == 1) {
      // Every remainder is 0.
      for (let j = 0; j < length; j += 4) v128.store(target + ((<usize>j) << 2), lowVector);
      continue;
    }
    if (span == 0) {
      for (let j = 0; j < length; j += 4) {
        const at = (<usize>j) << 2;
        const higher = v128.load(words0 + at);
        const lower = v128.load(words1 + at);
        const offset = i32x4.add(i32x4.mul(higher, multiplierVector), lower);
        v128.store(target + at, i32x4.add(lowVector, offset));
      }
      continue;
    }
    for (let j = 0; j < length; j += 4) {
      const at = (<usize>j) << 2;
      const higher = remainders(v128.load(words0 + at), spanVector, magic, shift);
      const lower = remainders(v128.load(words1 + at), spanVector, magic, shift);
      const offset = i32x4.add(i32x4.mul(higher, multiplierVector), lower);
      const reduced = remainders(offset, spanVector, magic, shift);
      v128.store(target + at, i32x4.add(lowVector, reduced));
    }
  }
}

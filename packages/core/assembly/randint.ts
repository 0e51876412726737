// JAX's int32 `randint` with one `low` and one `span` in WebAssembly SIMD
// (AssemblyScript): the arithmetic of src/bulk.ts `randint32Into` on 4 lanes
// of i32x4, fused with the two Threefry hashes it needs. The tests compare
// every output with the JavaScript path and with the samplers.
//
// WebAssembly SIMD has no integer division: each `a mod span` is
// `a - floor(a / span) · span`, the quotient by multiplying with a precomputed
// "magic" number and keeping the high word (Granlund and Montgomery,
// "Division by invariant integers using multiplication", 1994), exact for
// every uint32 `a`.
//
// - Short form (Theorem 4.2 there), for about three spans in four (100
//   included): with `2^(32+s) <= magic · span <= 2^(32+s) + 2^s` and `magic <
//   2^32`, `floor(a / span) = high(magic · a) >> s`.
// - General form (Figure 4.1 there), for every span from 2 on: with `l =
//   ceil(log2 span)` and `magic = floor(2^32 · (2^l - span) / span) + 1`
//   (below 2^32), `floor(a / span) = (t + ((a - t) >> 1)) >> (l - 1)`, `t`
//   being `high(magic · a)`; no step overflows 32 bits.

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

/** The short form's `s` for `span`: floor(log2 span), one less for a power of two. */
function shortShift(span: u32): i32 {
  // A power of two's magic for floor(log2 span) would be 2^32.
  return 31 - <i32>clz(span) - ((span & (span - 1)) == 0 ? 1 : 0);
}

/** The short form's magic for `span` and `s`, or 0 where the short form does not hold. */
function shortMagic(span: u32, s: i32): u32 {
  const power = (<u64>1) << (<u64>s + 32);
  const magic = (power + <u64>span - 1) / <u64>span;
  const holds = magic < 0x100000000 && magic * <u64>span - power <= (<u64>1) << (<u64>s);
  return holds ? <u32>magic : 0;
}

/** `l = ceil(log2 span)` for `span` at least 2. */
function logCeiling(span: u32): i32 {
  return 32 - <i32>clz(span - 1);
}

/** The general form's magic for `span`. */
function generalMagic(span: u32): u32 {
  const excess = ((<u64>1) << (<u64>logCeiling(span))) - <u64>span;
  return <u32>((excess << 32) / <u64>span + 1);
}

/** The high words of the four 64-bit products `magic · a`. */
function highWords(a: v128, magic: v128): v128 {
  return i32x4.shuffle(
    i64x2.extmul_low_i32x4_u(a, magic),
    i64x2.extmul_high_i32x4_u(a, magic),
    1,
    3,
    5,
    7,
  );
}

/** `a mod span` in each uint32 lane of `a`, by the short form. */
function remaindersShort(a: v128, span: v128, magic: v128, shift: i32): v128 {
  const quotient = i32x4.shr_u(highWords(a, magic), shift);
  return i32x4.sub(a, i32x4.mul(quotient, span));
}

/** `a mod span` in each uint32 lane of `a`, by the general form. */
function remaindersGeneral(a: v128, span: v128, magic: v128, shift: i32): v128 {
  const high = highWords(a, magic);
  const quotient = i32x4.shr_u(i32x4.add(high, i32x4.shr_u(i32x4.sub(a, high), 1)), shift);
  return i32x4.sub(a, i32x4.mul(quotient, span));
}

/**
 * JAX's `randint` arithmetic for 32-bit integers with one `low` and one
 * `span`, on `length` pairs of words: element j, written to `target[j]`, is
 * `low + ((higher mod span) · multiplier + lower mod span) mod span`, every
 * operation mod 2^32 (i32x4 arithmetic wraps as JAX's uint32 does), with
 * `higher` read from `words0[j]` and `lower` from `words1[j]`.
 * A span of 0 (the full 2^32 range) leaves the operands of each `mod` as they
 * are; a span of 1 makes every element `low`. Lanes past `length` up to the
 * next multiple of 4 are computed too, then ignored.
 */
function integersFromWords(length: i32, target: usize, low: u32, span: u32, multiplier: u32): void {
  const words0 = words0Pointer();
  const words1 = words1Pointer();
  const lowVector = i32x4.splat(low);
  const multiplierVector = i32x4.splat(multiplier);
  // The division by span (spans 0 and 1 need none): the short form where it holds.
  const divisor = span < 2 ? 2 : span;
  const short = shortMagic(divisor, shortShift(divisor));
  const spanVector = i32x4.splat(span);
  const magic = i32x4.splat(short != 0 ? short : generalMagic(divisor));
  const shift = short != 0 ? shortShift(divisor) : logCeiling(divisor) - 1;
  // One loop per case, so that none branches per element.
  if (span == 1) {
    for (let j = 0; j < length; j += 4) v128.store(target + ((<usize>j) << 2), lowVector);
  } else if (span == 0) {
    for (let j = 0; j < length; j += 4) {
      const at = (<usize>j) << 2;
      const higher = v128.load(words0 + at);
      const lower = v128.load(words1 + at);
      const offset = i32x4.add(i32x4.mul(higher, multiplierVector), lower);
      v128.store(target + at, i32x4.add(lowVector, offset));
    }
  } else if (short != 0) {
    for (let j = 0; j < length; j += 4) {
      const at = (<usize>j) << 2;
      const higher = remaindersShort(v128.load(words0 + at), spanVector, magic, shift);
      const lower = remaindersShort(v128.load(words1 + at), spanVector, magic, shift);
      const offset = i32x4.add(i32x4.mul(higher, multiplierVector), lower);
      const reduced = remaindersShort(offset, spanVector, magic, shift);
      v128.store(target + at, i32x4.add(lowVector, reduced));
    }
  } else {
    for (let j = 0; j < length; j += 4) {
      const at = (<usize>j) << 2;
      const higher = remaindersGeneral(v128.load(words0 + at), spanVector, magic, shift);
      const lower = remaindersGeneral(v128.load(words1 + at), spanVector, magic, shift);
      const offset = i32x4.add(i32x4.mul(higher, multiplierVector), lower);
      const reduced = remaindersGeneral(offset, spanVector, magic, shift);
      v128.store(target + at, i32x4.add(lowVector, reduced));
    }
  }
}

/**
 * JAX's `randint` arithmetic (see `integersFromWords`) on `count` (at most
 * CHUNK) words `higher` and `lower` the caller wrote to the hash buffers
 * (words0 and words1), e.g. bits in legacy mode's layout; the integers go to
 * `integers`.
 */
export function randint32Words(count: i32, low: u32, span: u32, multiplier: u32): void {
  integersFromWords(count, integers, low, span, multiplier);
}

/**
 * JAX's `randint` for 32-bit integers (see `integersFromWords`) on `count`
 * (at most CHUNK) counter pairs in arithmetic progression (pair j is
 * `(x0Start + j·x0Step, x1Start + j·x1Step)` mod 2^32, as in
 * `hashProgression`): `higher` is the XOR of the pair's hash under key
 * (higherKey0, higherKey1), `lower` its hash under (lowerKey0, lowerKey1);
 * element j goes to `integers[j]`.
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
  for (let block = 0; block < count; block += BLOCK) {
    const length = min(BLOCK, count - block);
    const first0 = x0Start + <u32>block * x0Step;
    const first1 = x1Start + <u32>block * x1Step;
    // Output 1: the XOR of each pair's words to words0; output 2: to words1.
    hashProgression(higherKey0, higherKey1, first0, x0Step, first1, x1Step, length, 1);
    hashProgression(lowerKey0, lowerKey1, first0, x0Step, first1, x1Step, length, 2);
    const target = integers + ((<usize>block) << 2);
    integersFromWords(length, target, low, span, multiplier);
  }
}

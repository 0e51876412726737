// JAX's float32 `gamma` for one shape parameter `a >= 1` in WebAssembly SIMD
// (AssemblyScript): `_gamma_one` (jax/_src/random/core.py),
// Marsaglia and Tsang's rejection loop, following src/samplers/gamma.ts's
// `gammaOneOfWords` step for step, for eight elements at a time, one per
// lane of two groups (A and B) of four, each element on its own key. Lanes
// that leave the loop keep their values while the others go on.
//
// Why two groups side by side: one element's steps form a long chain (a
// Threefry block is 20 dependent rounds, the normal and the logs dozens of
// dependent multiply-adds), and four lanes alone leave the CPU waiting; the
// statements of group B, interleaved with those of group A, fill the gaps.
//
// JAX derives keys it may not use: the next loop key and the next normal key
// of each trip matter only to lanes that go round again, so in partitionable
// mode (where each key is one block of its own) they are hashed only when
// some lane needs them. In legacy mode the blocks of a split are shared by
// its keys, and all are hashed.
//
// Its multiply-adds are `Lanes.madd` (xla-float32x4.ts): one instruction in the
// relaxed SIMD build, an exact emulation in the SIMD build (about a third of
// the speed). Lanes the kernel cannot settle exactly (a `U` or `V` below
// float32's normal range, where XLA's `log` is not the routine here, or a NaN
// from a multiply-add the emulation did not settle) are flagged, and the
// caller recomputes those elements with the JavaScript routines. The tests
// compare every element with the JavaScript path, in both threefry modes and
// both builds.

import { Lanes, ONE, XlaFloat32 } from "./xla-float32x4";

/** Elements per call (a multiple of 8). */
export const GAMMA_CHUNK: i32 = 4096;

const PARITY: u32 = 0x1bd11bda;
const keys: usize = memory.data(GAMMA_CHUNK * 8, 16);
const samples: usize = memory.data(GAMMA_CHUNK * 4, 16);
const flags: usize = memory.data(GAMMA_CHUNK * 4, 16);

/** Where the caller writes each element's key, word 0 then word 1. */
export function gammaKeysPointer(): usize {
  return keys;
}

/** Where `gammaFloat32` writes the samples. */
export function gammaSamplesPointer(): usize {
  return samples;
}

/** Where `gammaFloat32` writes, per element, nonzero if the caller must recompute it. */
export function gammaFlagsPointer(): usize {
  return flags;
}

// Byte b of each little-endian lane moves to byte b + 2 (rotation by 16) or
// b + 3 (by 24), mod 4: one byte swizzle instead of two shifts and an or (a
// swizzle with a constant table is one instruction in V8, where a shuffle
// rebuilds its mask each time).
const ROTATE_16 = i8x16(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
const ROTATE_24 = i8x16(1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12);

// Small enough that -O3 inlines it into every round, where `r` is a constant.
function rotl(x: v128, r: i32): v128 {
  if (r == 16) return i8x16.swizzle(x, ROTATE_16);
  if (r == 24) return i8x16.swizzle(x, ROTATE_24);
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

/** Threefry-2x32 blocks of both groups, one lane per element. */
class Blocks {
  /** Output words 0 and 1 of group A's last block, per lane. */
  static a0: v128 = i32x4.splat(0);
  static a1: v128 = i32x4.splat(0);
  /** Output words 0 and 1 of group B's last block, per lane. */
  static b0: v128 = i32x4.splat(0);
  static b1: v128 = i32x4.splat(0);

  /**
   * Threefry-2x32-20 of the counter (x0A, x1A) under the key (k0A, k1A) in
   * each lane of group A, and likewise for group B, the two interleaved.
   */
  @inline static hash(
    k0A: v128,
    k1A: v128,
    x0A: v128,
    x1A: v128,
    k0B: v128,
    k1B: v128,
    x0B: v128,
    x1B: v128,
  ): void {
    const ks2A = v128.xor(v128.xor(k0A, k1A), i32x4.splat(PARITY));
    const ks2B = v128.xor(v128.xor(k0B, k1B), i32x4.splat(PARITY));
    let a = i32x4.add(x0A, k0A);
    let b = i32x4.add(x1A, k1A);
    let c = i32x4.add(x0B, k0B);
    let d = i32x4.add(x1B, k1B);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 13), a);
    d = v128.xor(rotl(d, 13), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 15), a);
    d = v128.xor(rotl(d, 15), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 26), a);
    d = v128.xor(rotl(d, 26), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 6), a);
    d = v128.xor(rotl(d, 6), c);
    a = i32x4.add(a, k1A);
    c = i32x4.add(c, k1B);
    b = i32x4.add(b, i32x4.add(ks2A, i32x4.splat(1)));
    d = i32x4.add(d, i32x4.add(ks2B, i32x4.splat(1)));
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 17), a);
    d = v128.xor(rotl(d, 17), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 29), a);
    d = v128.xor(rotl(d, 29), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 16), a);
    d = v128.xor(rotl(d, 16), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 24), a);
    d = v128.xor(rotl(d, 24), c);
    a = i32x4.add(a, ks2A);
    c = i32x4.add(c, ks2B);
    b = i32x4.add(b, i32x4.add(k0A, i32x4.splat(2)));
    d = i32x4.add(d, i32x4.add(k0B, i32x4.splat(2)));
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 13), a);
    d = v128.xor(rotl(d, 13), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 15), a);
    d = v128.xor(rotl(d, 15), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 26), a);
    d = v128.xor(rotl(d, 26), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 6), a);
    d = v128.xor(rotl(d, 6), c);
    a = i32x4.add(a, k0A);
    c = i32x4.add(c, k0B);
    b = i32x4.add(b, i32x4.add(k1A, i32x4.splat(3)));
    d = i32x4.add(d, i32x4.add(k1B, i32x4.splat(3)));
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 17), a);
    d = v128.xor(rotl(d, 17), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 29), a);
    d = v128.xor(rotl(d, 29), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 16), a);
    d = v128.xor(rotl(d, 16), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 24), a);
    d = v128.xor(rotl(d, 24), c);
    a = i32x4.add(a, k1A);
    c = i32x4.add(c, k1B);
    b = i32x4.add(b, i32x4.add(ks2A, i32x4.splat(4)));
    d = i32x4.add(d, i32x4.add(ks2B, i32x4.splat(4)));
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 13), a);
    d = v128.xor(rotl(d, 13), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 15), a);
    d = v128.xor(rotl(d, 15), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 26), a);
    d = v128.xor(rotl(d, 26), c);
    a = i32x4.add(a, b);
    c = i32x4.add(c, d);
    b = v128.xor(rotl(b, 6), a);
    d = v128.xor(rotl(d, 6), c);
    a = i32x4.add(a, ks2A);
    c = i32x4.add(c, ks2B);
    b = i32x4.add(b, i32x4.add(k0A, i32x4.splat(5)));
    d = i32x4.add(d, i32x4.add(k0B, i32x4.splat(5)));
    Blocks.a0 = a;
    Blocks.a1 = b;
    Blocks.b0 = c;
    Blocks.b1 = d;
  }

  /** JAX's unit float32 of random words: `(bits >>> 9) · 2^-23`, the top 23 bits as a mantissa of [1, 2), minus 1. */
  @inline static unitOf(bits: v128): v128 {
    return f32x4.sub(v128.or(i32x4.shr_u(bits, 9), i32x4.splat(0x3f800000)), ONE);
  }

  /** The same counter (x0, x1) in every lane of both groups. */
  @inline static hashAt(k0A: v128, k1A: v128, k0B: v128, k1B: v128, x0: i32, x1: i32): void {
    const c0 = i32x4.splat(x0);
    const c1 = i32x4.splat(x1);
    Blocks.hash(k0A, k1A, c0, c1, k0B, k1B, c0, c1);
  }

  /**
   * `_random_bits(key, 32, ())` in each lane of both groups, into `a0` and
   * `b0`: partitionable, the XOR of the words of counter (0, 0); legacy, word 0.
   */
  @inline static bitsAt(k0A: v128, k1A: v128, k0B: v128, k1B: v128, partitionable: bool): void {
    Blocks.hashAt(k0A, k1A, k0B, k1B, 0, 0);
    if (partitionable) {
      Blocks.a0 = v128.xor(Blocks.a0, Blocks.a1);
      Blocks.b0 = v128.xor(Blocks.b0, Blocks.b1);
    }
  }
}

/**
 * Turn the keys of `count` elements (at most GAMMA_CHUNK; the buffer holds
 * keys up to the next multiple of 8; or, with `deriveKeys`, in partitionable
 * mode, the keys of elements `firstIndex …` of a split of the key (key0,
 * key1), hashed here) into Gamma(alpha) samples with
 * `alpha >= 1` and `d = alpha - 1/3` finite, `c` being Marsaglia and Tsang's
 * `(1/3) · rsqrt(d)` as gamma.ts computes it; `low` and `span` are the
 * normal's uniform bounds (normal.ts). Samples go to `samples`, and a
 * nonzero flag per element that the caller must recompute to `flags`;
 * returns how many groups of eight have a flag (0: nothing to recompute).
 */
export function gammaFloat32(
  count: i32,
  d: f32,
  c: f32,
  low: f32,
  span: f32,
  partitionable: bool,
  key0: u32,
  key1: u32,
  firstIndex: u32,
  deriveKeys: bool,
): i32 {
  let flaggedGroups = 0;
  const zero = i32x4.splat(0);
  const parent0 = i32x4.splat(key0);
  const parent1 = i32x4.splat(key1);
  const lane = i32x4(0, 1, 2, 3);
  const four = i32x4.splat(4);
  const allLanes = i32x4.splat(-1);
  const ds = f32x4.splat(d);
  const cs = f32x4.splat(c);
  const lows = f32x4.splat(low);
  const spans = f32x4.splat(span);
  const half = f32x4.splat(0.5);
  const minusSqueeze = f32x4.splat(-(<f32>0.0331));
  const smallestNormal = f32x4.splat(<f32>1.1754943508222875e-38);
  for (let j = 0; j < count; j += 8) {
    let k0A: v128, k1A: v128, k0B: v128, k1B: v128;
    if (deriveKeys) {
      // Partitionable _split(key, size): element i's key is the block of counter (0, i).
      const indexA = i32x4.add(i32x4.splat(firstIndex + <u32>j), lane);
      Blocks.hash(parent0, parent1, zero, indexA, parent0, parent1, zero, i32x4.add(indexA, four));
      k0A = Blocks.a0;
      k1A = Blocks.a1;
      k0B = Blocks.b0;
      k1B = Blocks.b1;
    } else {
      const at = keys + ((<usize>j) << 3);
      const keysA = v128.load(at);
      const moreKeysA = v128.load(at, 16);
      const keysB = v128.load(at, 32);
      const moreKeysB = v128.load(at, 48);
      k0A = v128.shuffle<i32>(keysA, moreKeysA, 0, 2, 4, 6);
      k1A = v128.shuffle<i32>(keysA, moreKeysA, 1, 3, 5, 7);
      k0B = v128.shuffle<i32>(keysB, moreKeysB, 0, 2, 4, 6);
      k1B = v128.shuffle<i32>(keysB, moreKeysB, 1, 3, 5, 7);
    }
    // (key, subkey) = split(key): the loop runs on key; subkey boosts only a < 1.
    let loop0A: v128, loop1A: v128, loop0B: v128, loop1B: v128;
    if (partitionable) {
      Blocks.hashAt(k0A, k1A, k0B, k1B, 0, 0);
      loop0A = Blocks.a0;
      loop1A = Blocks.a1;
      loop0B = Blocks.b0;
      loop1B = Blocks.b1;
    } else {
      Blocks.hashAt(k0A, k1A, k0B, k1B, 0, 2);
      loop0A = Blocks.a0;
      loop0B = Blocks.b0;
      Blocks.hashAt(k0A, k1A, k0B, k1B, 1, 3);
      loop1A = Blocks.a0;
      loop1B = Blocks.b0;
    }
    let activeA = allLanes;
    let activeB = allLanes;
    let hardA = zero;
    let hardB = zero;
    let VA = ONE;
    let VB = ONE;
    do {
      // (key, xKey, uKey) = split(key, 3); the next key (key) is hashed below where needed.
      let next0A = zero;
      let next1A = zero;
      let next0B = zero;
      let next1B = zero;
      let xKey0A: v128, xKey1A: v128, uKey0A: v128, uKey1A: v128;
      let xKey0B: v128, xKey1B: v128, uKey0B: v128, uKey1B: v128;
      if (partitionable) {
        Blocks.hashAt(loop0A, loop1A, loop0B, loop1B, 0, 1);
        xKey0A = Blocks.a0;
        xKey1A = Blocks.a1;
        xKey0B = Blocks.b0;
        xKey1B = Blocks.b1;
        Blocks.hashAt(loop0A, loop1A, loop0B, loop1B, 0, 2);
        uKey0A = Blocks.a0;
        uKey1A = Blocks.a1;
        uKey0B = Blocks.b0;
        uKey1B = Blocks.b1;
      } else {
        // Blocks (0, 3), (1, 4), (2, 5); keys (word 0 of each, then word 1 of each) in pairs.
        Blocks.hashAt(loop0A, loop1A, loop0B, loop1B, 0, 3);
        next0A = Blocks.a0;
        xKey1A = Blocks.a1;
        next0B = Blocks.b0;
        xKey1B = Blocks.b1;
        Blocks.hashAt(loop0A, loop1A, loop0B, loop1B, 1, 4);
        next1A = Blocks.a0;
        uKey0A = Blocks.a1;
        next1B = Blocks.b0;
        uKey0B = Blocks.b1;
        Blocks.hashAt(loop0A, loop1A, loop0B, loop1B, 2, 5);
        xKey0A = Blocks.a0;
        uKey1A = Blocks.a1;
        xKey0B = Blocks.b0;
        uKey1B = Blocks.b1;
      }
      // While v <= 0: (xKey, sub) = split(xKey); x = normal(sub); v = 1 + x·c.
      let xA = zero;
      let xB = zero;
      let vA = f32x4.splat(-1);
      let vB = f32x4.splat(-1);
      let needA = activeA;
      let needB = activeB;
      do {
        let nextX0A = zero;
        let nextX1A = zero;
        let nextX0B = zero;
        let nextX1B = zero;
        let sub0A: v128, sub1A: v128, sub0B: v128, sub1B: v128;
        if (partitionable) {
          Blocks.hashAt(xKey0A, xKey1A, xKey0B, xKey1B, 0, 1);
          sub0A = Blocks.a0;
          sub1A = Blocks.a1;
          sub0B = Blocks.b0;
          sub1B = Blocks.b1;
        } else {
          // Blocks (0, 2), (1, 3): the next key is their words 0, sub their words 1.
          Blocks.hashAt(xKey0A, xKey1A, xKey0B, xKey1B, 0, 2);
          nextX0A = Blocks.a0;
          sub0A = Blocks.a1;
          nextX0B = Blocks.b0;
          sub0B = Blocks.b1;
          Blocks.hashAt(xKey0A, xKey1A, xKey0B, xKey1B, 1, 3);
          nextX1A = Blocks.a0;
          sub1A = Blocks.a1;
          nextX1B = Blocks.b0;
          sub1B = Blocks.b1;
        }
        Blocks.bitsAt(sub0A, sub1A, sub0B, sub1B, partitionable);
        const uA = f32x4.max(lows, Lanes.madd(Blocks.unitOf(Blocks.a0), spans, lows));
        const uB = f32x4.max(lows, Lanes.madd(Blocks.unitOf(Blocks.b0), spans, lows));
        const normalA = XlaFloat32.normalOfUniform(uA);
        const normalB = XlaFloat32.normalOfUniform(uB);
        xA = v128.bitselect(normalA, xA, needA);
        xB = v128.bitselect(normalB, xB, needB);
        vA = v128.bitselect(Lanes.madd(normalA, cs, ONE), vA, needA);
        vB = v128.bitselect(Lanes.madd(normalB, cs, ONE), vB, needB);
        needA = v128.and(needA, f32x4.le(vA, zero));
        needB = v128.and(needB, f32x4.le(vB, zero));
        if (v128.any_true(v128.or(needA, needB))) {
          if (partitionable) {
            Blocks.hashAt(xKey0A, xKey1A, xKey0B, xKey1B, 0, 0);
            nextX0A = Blocks.a0;
            nextX1A = Blocks.a1;
            nextX0B = Blocks.b0;
            nextX1B = Blocks.b1;
          }
          xKey0A = v128.bitselect(nextX0A, xKey0A, needA);
          xKey1A = v128.bitselect(nextX1A, xKey1A, needA);
          xKey0B = v128.bitselect(nextX0B, xKey0B, needB);
          xKey1B = v128.bitselect(nextX1B, xKey1B, needB);
        }
      } while (v128.any_true(v128.or(needA, needB)));
      const XA = f32x4.mul(xA, xA);
      const XB = f32x4.mul(xB, xB);
      const newVA = f32x4.mul(f32x4.mul(vA, vA), vA);
      const newVB = f32x4.mul(f32x4.mul(vB, vB), vB);
      Blocks.bitsAt(uKey0A, uKey1A, uKey0B, uKey1B, partitionable);
      const UA = Blocks.unitOf(Blocks.a0);
      const UB = Blocks.unitOf(Blocks.b0);
      // Go on while U >= 1 - 0.0331·X² and log U >= X/2 + d·(1 - V + log V).
      const squeezeA = Lanes.madd(minusSqueeze, f32x4.mul(XA, XA), ONE);
      const squeezeB = Lanes.madd(minusSqueeze, f32x4.mul(XB, XB), ONE);
      const logUA = XlaFloat32.log(UA);
      const logUB = XlaFloat32.log(UB);
      const boundA = f32x4.add(
        f32x4.mul(XA, half),
        f32x4.mul(ds, f32x4.add(f32x4.sub(ONE, newVA), XlaFloat32.log(newVA))),
      );
      const boundB = f32x4.add(
        f32x4.mul(XB, half),
        f32x4.mul(ds, f32x4.add(f32x4.sub(ONE, newVB), XlaFloat32.log(newVB))),
      );
      const goOnA = v128.and(f32x4.ge(UA, squeezeA), f32x4.ge(logUA, boundA));
      const goOnB = v128.and(f32x4.ge(UB, squeezeB), f32x4.ge(logUB, boundB));
      // Also hard: a NaN, from a multiply-add of the SIMD build it did not settle (xla-float32x4.ts).
      const tinyA = v128.or(f32x4.lt(UA, smallestNormal), f32x4.lt(newVA, smallestNormal));
      const tinyB = v128.or(f32x4.lt(UB, smallestNormal), f32x4.lt(newVB, smallestNormal));
      const nanA = v128.or(
        v128.or(f32x4.ne(squeezeA, squeezeA), f32x4.ne(boundA, boundA)),
        v128.or(f32x4.ne(logUA, logUA), f32x4.ne(newVA, newVA)),
      );
      const nanB = v128.or(
        v128.or(f32x4.ne(squeezeB, squeezeB), f32x4.ne(boundB, boundB)),
        v128.or(f32x4.ne(logUB, logUB), f32x4.ne(newVB, newVB)),
      );
      hardA = v128.or(hardA, v128.and(activeA, v128.or(tinyA, nanA)));
      hardB = v128.or(hardB, v128.and(activeB, v128.or(tinyB, nanB)));
      VA = v128.bitselect(newVA, VA, activeA);
      VB = v128.bitselect(newVB, VB, activeB);
      activeA = v128.andnot(v128.and(activeA, goOnA), hardA);
      activeB = v128.andnot(v128.and(activeB, goOnB), hardB);
      if (v128.any_true(v128.or(activeA, activeB))) {
        if (partitionable) {
          Blocks.hashAt(loop0A, loop1A, loop0B, loop1B, 0, 0);
          next0A = Blocks.a0;
          next1A = Blocks.a1;
          next0B = Blocks.b0;
          next1B = Blocks.b1;
        }
        loop0A = v128.bitselect(next0A, loop0A, activeA);
        loop1A = v128.bitselect(next1A, loop1A, activeA);
        loop0B = v128.bitselect(next0B, loop0B, activeB);
        loop1B = v128.bitselect(next1B, loop1B, activeB);
      }
    } while (v128.any_true(v128.or(activeA, activeB)));
    const out = samples + ((<usize>j) << 2);
    v128.store(out, f32x4.mul(ds, VA));
    v128.store(out, f32x4.mul(ds, VB), 16);
    const flagged = flags + ((<usize>j) << 2);
    v128.store(flagged, hardA);
    v128.store(flagged, hardB, 16);
    if (v128.any_true(v128.or(hardA, hardB))) flaggedGroups++;
  }
  return flaggedGroups;
}

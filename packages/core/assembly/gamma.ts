// JAX's float32 `gamma` for one shape parameter `a >= 1` in WebAssembly SIMD
// (AssemblyScript): `_gamma_one` (jax/_src/random/core.py), Marsaglia and
// Tsang's rejection loop, for four elements at a time, one per lane, each on
// its own key, following src/samplers/gamma.ts's `gammaOneOfWords` step for
// step. Lanes that leave the loop keep their values while the others go on.
// Lanes the kernel cannot settle exactly (a `U` or `V` below float32's normal
// range, where XLA's `log` is not the routine here) are flagged, and the
// caller recomputes those elements with the JavaScript routines. In the
// relaxed SIMD build only: its multiply-adds fuse (xla-float32x4.ts). The
// tests compare every element with the JavaScript path in both threefry modes.

import { Lanes, ONE, XlaFloat32 } from "./xla-float32x4";

/** Elements per call. */
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

// Small enough that -O3 inlines it into every round.
function rotl(x: v128, r: i32): v128 {
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

/** Threefry-2x32 blocks and JAX's one-value draws, one lane per element. */
class Lanes32 {
  /** Output word 0 of the last {@link Lanes32.hash}, per lane. */
  static a: v128 = i32x4.splat(0);
  /** Output word 1 of the last {@link Lanes32.hash}, per lane. */
  static b: v128 = i32x4.splat(0);

  /**
   * Threefry-2x32-20 of the counter (x0, x1) under the key (k0, k1), one
   * block per lane, each lane with its own key, into {@link Lanes32.a} and {@link Lanes32.b}.
   */
  @inline static hash(k0: v128, k1: v128, x0: v128, x1: v128): void {
    const ks2 = v128.xor(v128.xor(k0, k1), i32x4.splat(PARITY));
    let a = i32x4.add(x0, k0);
    let b = i32x4.add(x1, k1);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 13), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 15), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 26), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 6), a);
    a = i32x4.add(a, k1);
    b = i32x4.add(b, i32x4.add(ks2, i32x4.splat(1)));
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 17), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 29), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 16), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 24), a);
    a = i32x4.add(a, ks2);
    b = i32x4.add(b, i32x4.add(k0, i32x4.splat(2)));
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 13), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 15), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 26), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 6), a);
    a = i32x4.add(a, k0);
    b = i32x4.add(b, i32x4.add(k1, i32x4.splat(3)));
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 17), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 29), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 16), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 24), a);
    a = i32x4.add(a, k1);
    b = i32x4.add(b, i32x4.add(ks2, i32x4.splat(4)));
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 13), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 15), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 26), a);
    a = i32x4.add(a, b);
    b = v128.xor(rotl(b, 6), a);
    a = i32x4.add(a, ks2);
    b = i32x4.add(b, i32x4.add(k0, i32x4.splat(5)));
    Lanes32.a = a;
    Lanes32.b = b;
  }

  /** JAX's unit float32 of a random word: `(bits >>> 9) · 2^-23`, the top 23 bits as a mantissa of [1, 2), minus 1. */
  @inline static unitOf(bits: v128): v128 {
    return f32x4.sub(v128.or(i32x4.shr_u(bits, 9), i32x4.splat(0x3f800000)), ONE);
  }

  /** `_random_bits(key, 32, ())` per lane: partitionable, the XOR of the words of counter (0, 0); legacy, word 0. */
  @inline static bitsOf(k0: v128, k1: v128, partitionable: bool): v128 {
    const zero = i32x4.splat(0);
    Lanes32.hash(k0, k1, zero, zero);
    return partitionable ? v128.xor(Lanes32.a, Lanes32.b) : Lanes32.a;
  }
}

/**
 * Turn the keys of `count` elements (at most GAMMA_CHUNK; the buffer holds
 * keys up to the next multiple of 4) into Gamma(alpha) samples with
 * `alpha >= 1` and `d = alpha - 1/3` finite, `c` being Marsaglia and Tsang's
 * `(1/3) · rsqrt(d)` as gamma.ts computes it; `low` and `span` are the
 * normal's uniform bounds (normal.ts). Samples go to `samples`, and a
 * nonzero flag per element that the caller must recompute.
 */
export function gammaFloat32(
  count: i32,
  d: f32,
  c: f32,
  low: f32,
  span: f32,
  partitionable: bool,
): void {
  const zero = i32x4.splat(0);
  const one = i32x4.splat(1);
  const two = i32x4.splat(2);
  const three = i32x4.splat(3);
  const allLanes = i32x4.splat(-1);
  const ds = f32x4.splat(d);
  const cs = f32x4.splat(c);
  const lows = f32x4.splat(low);
  const spans = f32x4.splat(span);
  const minusSqueeze = f32x4.splat(-(<f32>0.0331));
  const smallestNormal = f32x4.splat(<f32>1.1754943508222875e-38);
  for (let j = 0; j < count; j += 4) {
    const at = keys + ((<usize>j) << 3);
    const first = v128.load(at);
    const second = v128.load(at, 16);
    const k0 = v128.shuffle<i32>(first, second, 0, 2, 4, 6);
    const k1 = v128.shuffle<i32>(first, second, 1, 3, 5, 7);
    // (key, subkey) = split(key): the loop runs on key; subkey boosts only a < 1.
    let loop0: v128;
    let loop1: v128;
    if (partitionable) {
      Lanes32.hash(k0, k1, zero, zero);
      loop0 = Lanes32.a;
      loop1 = Lanes32.b;
    } else {
      Lanes32.hash(k0, k1, zero, two);
      loop0 = Lanes32.a;
      Lanes32.hash(k0, k1, one, three);
      loop1 = Lanes32.a;
    }
    let hard = zero;
    let active = allLanes;
    let V = ONE;
    do {
      // (key, xKey, uKey) = split(key, 3)
      let next0: v128, next1: v128, xKey0: v128, xKey1: v128, uKey0: v128, uKey1: v128;
      if (partitionable) {
        Lanes32.hash(loop0, loop1, zero, zero);
        next0 = Lanes32.a;
        next1 = Lanes32.b;
        Lanes32.hash(loop0, loop1, zero, one);
        xKey0 = Lanes32.a;
        xKey1 = Lanes32.b;
        Lanes32.hash(loop0, loop1, zero, two);
        uKey0 = Lanes32.a;
        uKey1 = Lanes32.b;
      } else {
        Lanes32.hash(loop0, loop1, zero, three);
        next0 = Lanes32.a;
        xKey1 = Lanes32.b;
        Lanes32.hash(loop0, loop1, one, i32x4.splat(4));
        next1 = Lanes32.a;
        uKey0 = Lanes32.b;
        Lanes32.hash(loop0, loop1, two, i32x4.splat(5));
        xKey0 = Lanes32.a;
        uKey1 = Lanes32.b;
      }
      // while v <= 0: (xKey, sub) = split(xKey); x = normal(sub); v = 1 + x·c
      let x = f32x4.splat(0);
      let v = f32x4.splat(-1);
      let need = active;
      do {
        let nextX0: v128, nextX1: v128, sub0: v128, sub1: v128;
        if (partitionable) {
          Lanes32.hash(xKey0, xKey1, zero, zero);
          nextX0 = Lanes32.a;
          nextX1 = Lanes32.b;
          Lanes32.hash(xKey0, xKey1, zero, one);
          sub0 = Lanes32.a;
          sub1 = Lanes32.b;
        } else {
          Lanes32.hash(xKey0, xKey1, zero, two);
          nextX0 = Lanes32.a;
          sub0 = Lanes32.b;
          Lanes32.hash(xKey0, xKey1, one, three);
          nextX1 = Lanes32.a;
          sub1 = Lanes32.b;
        }
        const u = f32x4.max(
          lows,
          Lanes.madd(Lanes32.unitOf(Lanes32.bitsOf(sub0, sub1, partitionable)), spans, lows),
        );
        const xNew = XlaFloat32.normalOfUniform(u);
        const vNew = Lanes.madd(xNew, cs, ONE);
        x = v128.bitselect(xNew, x, need);
        v = v128.bitselect(vNew, v, need);
        xKey0 = v128.bitselect(nextX0, xKey0, need);
        xKey1 = v128.bitselect(nextX1, xKey1, need);
        need = v128.and(need, f32x4.le(v, f32x4.splat(0)));
      } while (v128.any_true(need));
      const X = f32x4.mul(x, x);
      const newV = f32x4.mul(f32x4.mul(v, v), v);
      const U = Lanes32.unitOf(Lanes32.bitsOf(uKey0, uKey1, partitionable));
      // Go on while U >= 1 - 0.0331·X² and log U >= X/2 + d·(1 - V + log V).
      const squeezeFails = f32x4.ge(U, Lanes.madd(minusSqueeze, f32x4.mul(X, X), ONE));
      const bound = f32x4.add(
        f32x4.mul(X, f32x4.splat(0.5)),
        f32x4.mul(ds, f32x4.add(f32x4.sub(ONE, newV), XlaFloat32.log(newV))),
      );
      const goOn = v128.and(squeezeFails, f32x4.ge(XlaFloat32.log(U), bound));
      const tiny = v128.or(f32x4.lt(U, smallestNormal), f32x4.lt(newV, smallestNormal));
      hard = v128.or(hard, v128.and(active, tiny));
      V = v128.bitselect(newV, V, active);
      loop0 = v128.bitselect(next0, loop0, active);
      loop1 = v128.bitselect(next1, loop1, active);
      active = v128.andnot(v128.and(active, goOn), hard);
    } while (v128.any_true(active));
    v128.store(samples + ((<usize>j) << 2), f32x4.mul(ds, V));
    v128.store(flags + ((<usize>j) << 2), hard);
  }
}

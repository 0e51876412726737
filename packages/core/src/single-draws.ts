/**
 * Draws of one value, and splits into a few keys, under one key given as two
 * words, without allocating: what a rejection sampler's per-element loop
 * (gamma's Marsaglia–Tsang) does millions of times. Each equals the array
 * draw of the same call — JAX's `_split(key, n)` and `_random_bits(key, 32 |
 * 64, ())` in both threefry modes, and `uniform` / `normal` of shape `()` —
 * bit for bit (tests check them against `split`, `bits`, `uniform` and
 * `normal`).
 *
 * The counters of a one-element draw are fixed: each key of a split and
 * each one-value draw is one Threefry-2x32-20 block, hashed here directly
 * (the block function of `threefry.ts`'s kernel, one block at a time).
 *
 * @module
 */
import { erfInvFloat32, erfInvFloat64 } from "./erf-inv.js";
import {
  bitsToUnitFloat32,
  bitsToUnitFloat64,
  f32,
  fmaF32,
  nextAfterFloat32,
  nextAfterFloat64,
} from "./float.js";
import { fmaF64 } from "./fma-f64.js";
import type { FloatDType } from "./ndarray.js";
import { SQRT2_FLOAT32 } from "./samplers/normal.js";
import { THREEFRY_PARITY } from "./threefry.js";

/** Output words of the block {@link hashBlock} hashed last (a typed array: no boxed numbers). */
const block = new Int32Array(2);

/**
 * Threefry-2x32-20 of the counter (x0, x1) under the key (k0, k1), into
 * `block`: five groups of four rounds, rotations (13, 15, 26, 6) in odd
 * groups and (17, 29, 16, 24) in even ones, each followed by the key
 * injection (ks[g mod 3], ks[(g + 1) mod 3] + g). Unrolled: it runs ten times
 * per gamma element.
 */
function hashBlock(k0: number, k1: number, x0: number, x1: number): void {
  const ks0 = k0 | 0;
  const ks1 = k1 | 0;
  const ks2 = (ks0 ^ ks1 ^ THREEFRY_PARITY) | 0;
  let a = (x0 + ks0) | 0;
  let b = (x1 + ks1) | 0;
  a = (a + b) | 0;
  b = ((b << 13) | (b >>> 19)) ^ a;
  a = (a + b) | 0;
  b = ((b << 15) | (b >>> 17)) ^ a;
  a = (a + b) | 0;
  b = ((b << 26) | (b >>> 6)) ^ a;
  a = (a + b) | 0;
  b = ((b << 6) | (b >>> 26)) ^ a;
  a = (a + ks1) | 0;
  b = (b + ks2 + 1) | 0;
  a = (a + b) | 0;
  b = ((b << 17) | (b >>> 15)) ^ a;
  a = (a + b) | 0;
  b = ((b << 29) | (b >>> 3)) ^ a;
  a = (a + b) | 0;
  b = ((b << 16) | (b >>> 16)) ^ a;
  a = (a + b) | 0;
  b = ((b << 24) | (b >>> 8)) ^ a;
  a = (a + ks2) | 0;
  b = (b + ks0 + 2) | 0;
  a = (a + b) | 0;
  b = ((b << 13) | (b >>> 19)) ^ a;
  a = (a + b) | 0;
  b = ((b << 15) | (b >>> 17)) ^ a;
  a = (a + b) | 0;
  b = ((b << 26) | (b >>> 6)) ^ a;
  a = (a + b) | 0;
  b = ((b << 6) | (b >>> 26)) ^ a;
  a = (a + ks0) | 0;
  b = (b + ks1 + 3) | 0;
  a = (a + b) | 0;
  b = ((b << 17) | (b >>> 15)) ^ a;
  a = (a + b) | 0;
  b = ((b << 29) | (b >>> 3)) ^ a;
  a = (a + b) | 0;
  b = ((b << 16) | (b >>> 16)) ^ a;
  a = (a + b) | 0;
  b = ((b << 24) | (b >>> 8)) ^ a;
  a = (a + ks1) | 0;
  b = (b + ks2 + 4) | 0;
  a = (a + b) | 0;
  b = ((b << 13) | (b >>> 19)) ^ a;
  a = (a + b) | 0;
  b = ((b << 15) | (b >>> 17)) ^ a;
  a = (a + b) | 0;
  b = ((b << 26) | (b >>> 6)) ^ a;
  a = (a + b) | 0;
  b = ((b << 6) | (b >>> 26)) ^ a;
  a = (a + ks2) | 0;
  b = (b + ks0 + 5) | 0;
  block[0] = a;
  block[1] = b;
}

/**
 * JAX's `_split(key, count)` of the key (k0, k1): key i into
 * `out[2i]`, `out[2i + 1]`. Partitionable mode hashes the counter (0, i) for
 * key i; legacy mode hashes `iota(2·count)` in halves, the pair (j, count +
 * j) giving words j and count + j.
 */
export function splitKeyInto(
  k0: number,
  k1: number,
  count: number,
  partitionable: boolean,
  out: Uint32Array,
): void {
  for (let j = 0; j < count; j++) {
    if (partitionable) {
      hashBlock(k0, k1, 0, j);
      out[2 * j] = block[0];
      out[2 * j + 1] = block[1];
    } else {
      hashBlock(k0, k1, j, count + j);
      out[j] = block[0];
      out[count + j] = block[1];
    }
  }
}

/**
 * JAX's `_random_bits(key, 32, ())`: partitionable, the XOR of the words of
 * counter (0, 0); legacy, `iota(1)` padded to the pair (0, 0), its first word.
 */
export function bits32Of(k0: number, k1: number, partitionable: boolean): number {
  hashBlock(k0, k1, 0, 0);
  return (partitionable ? block[0] ^ block[1] : block[0]) >>> 0;
}

/**
 * JAX's `_random_bits(key, 64, ())` as a float in [0, 1), `uniform`'s
 * float64 unit: both modes hash one block whose first word is the high half
 * (partitionable: counter (0, 0); legacy: `iota(2)`, the pair (0, 1)).
 */
function unitFloat64Of(k0: number, k1: number, partitionable: boolean): number {
  hashBlock(k0, k1, 0, partitionable ? 0 : 1);
  return bitsToUnitFloat64(block[0], block[1]);
}

/** `uniform(key, (), dtype)` before scaling: JAX's unit float in [0, 1) from one draw. */
export function unitFloatOf(
  k0: number,
  k1: number,
  dtype: FloatDType,
  partitionable: boolean,
): number {
  return dtype === "float32"
    ? bitsToUnitFloat32(bits32Of(k0, k1, partitionable))
    : unitFloat64Of(k0, k1, partitionable);
}

/** The lower bound of `normal`'s uniform, `nextafter(-1, 0)`, and its width `1 - low`, per dtype. */
const NORMAL_LOW_32 = nextAfterFloat32(-1, 0);
const NORMAL_WIDTH_32 = f32(1 - NORMAL_LOW_32);
const NORMAL_LOW_64 = nextAfterFloat64(-1, 0);
const NORMAL_WIDTH_64 = 1 - NORMAL_LOW_64;

/**
 * `normal(key, (), dtype)`: `sqrt(2) · erf_inv(u)` with `u` JAX's uniform on
 * `(nextafter(-1, 0), 1)`, `max(low, fma(unit, 1 - low, low))` (the same
 * steps as `normalKernel`).
 */
export function normalOf(
  k0: number,
  k1: number,
  dtype: FloatDType,
  partitionable: boolean,
): number {
  if (dtype === "float32") {
    const unit = bitsToUnitFloat32(bits32Of(k0, k1, partitionable));
    const u = Math.max(NORMAL_LOW_32, fmaF32(unit, NORMAL_WIDTH_32, NORMAL_LOW_32));
    return f32(SQRT2_FLOAT32 * erfInvFloat32(u));
  }
  const unit = unitFloat64Of(k0, k1, partitionable);
  const u = Math.max(NORMAL_LOW_64, fmaF64(unit, NORMAL_WIDTH_64, NORMAL_LOW_64));
  return Math.SQRT2 * erfInvFloat64(u);
}

import { describe, expect, it } from "vitest";
import { bitsToFloat32, f32, float32ToBits, fmaF32 } from "../src/float.js";
import { fmaF64 } from "../src/fma-f64.js";
import { fromHex, toHex } from "./support/bit-patterns.js";

/** A float32 as an exact integer significand and power of two: x = significand · 2^exponent. */
function decompose(x: number): { significand: bigint; exponent: number } {
  const bits = float32ToBits(x);
  const biased = (bits >>> 23) & 0xff;
  const fraction = bits & 0x7fffff;
  const magnitude = BigInt(biased === 0 ? fraction : fraction | 0x800000);
  return {
    significand: bits >>> 31 ? -magnitude : magnitude,
    exponent: biased === 0 ? -149 : biased - 150,
  };
}

/**
 * The exact `a·b + c` of float32 values rounded once to float32 (ties to even),
 * in integer arithmetic: the reference that fmaF32 must equal. Exact zeros
 * are left to the caller (their sign follows IEEE's sum rule).
 */
function exactFma(a: number, b: number, c: number): number {
  const x = decompose(a);
  const y = decompose(b);
  const z = decompose(c);
  const productExponent = x.exponent + y.exponent;
  const exponent = Math.min(productExponent, z.exponent);
  const total =
    ((x.significand * y.significand) << BigInt(productExponent - exponent)) +
    (z.significand << BigInt(z.exponent - exponent));
  if (total === 0n) return NaN;
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const length = magnitude.toString(2).length;
  const quantum = Math.max(length - 24 + exponent, -149);
  let rounded: bigint;
  if (quantum <= exponent) {
    rounded = magnitude << BigInt(exponent - quantum);
  } else {
    const shift = BigInt(quantum - exponent);
    rounded = magnitude >> shift;
    const remainder = magnitude - (rounded << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (rounded & 1n) === 1n)) rounded += 1n;
  }
  const value = f32(Number(rounded) * 2 ** quantum);
  return negative ? -value : value;
}

/** A small deterministic generator of float32 bit patterns (xorshift32). */
function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** A random finite float32 with exponent field in [low, high]. */
function randomFloat32(next: () => number, low: number, high: number): number {
  const exponentField = low + (next() % (high - low + 1));
  return bitsToFloat32(((next() & 1) << 31) | (exponentField << 23) | (next() & 0x7fffff));
}

describe("fmaF32", () => {
  it("rounds once: the classic double-rounding traps", () => {
    const a = f32(1 + 2 ** -12);
    // a² = 1 + 2^-11 + 2^-24 is a float32 tie; the addend decides it.
    expect(fmaF32(a, a, 2 ** -70)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(fmaF32(a, a, -(2 ** -70))).toBe(1 + 2 ** -11);
    expect(fmaF32(a, a, 0)).toBe(1 + 2 ** -11); // exact tie: to even
    expect(fmaF32(f32(1 + 2 ** -23), f32(1 - 2 ** -24), -1)).toBe(f32(2 ** -24 - 2 ** -47));
    expect(fmaF32(2, 3, 4)).toBe(10);
  });

  it("keeps IEEE's special values and signed zeros", () => {
    expect(fmaF32(Infinity, 1, 1)).toBe(Infinity);
    expect(fmaF32(Infinity, 0, 1)).toBeNaN();
    expect(fmaF32(NaN, 1, 1)).toBeNaN();
    expect(fmaF32(2 ** 100, 2 ** 100, 0)).toBe(Infinity);
    expect(Object.is(fmaF32(-0, 1, -0), -0)).toBe(true);
    expect(Object.is(fmaF32(1, 1, -1), 0)).toBe(true);
    expect(fmaF32(2 ** -100, 2 ** -49, 0)).toBe(2 ** -149);
  });

  it("equals the exact integer reference on 200,000 random and near-halfway cases", () => {
    const next = xorshift(13);
    const sign = () => (next() & 1 ? 1 : -1);
    let mismatches = 0;
    let doubleRoundings = 0;
    for (let i = 0; i < 200_000; i++) {
      let a: number;
      let b: number;
      let c: number;
      switch (i % 4) {
        case 0: // anything finite
          a = randomFloat32(next, 1, 254);
          b = randomFloat32(next, 1, 254);
          c = randomFloat32(next, 1, 254);
          break;
        case 1: {
          // An odd 13-bit integer times an odd 12-bit one, if it has 25 bits, lies
          // exactly halfway between two float32; a tiny addend decides the rounding.
          const scale = 2 ** ((next() % 40) - 20);
          a = sign() * (4097 + 2 * (next() % 2047)) * scale;
          b = 2049 + 2 * (next() % 1023);
          c = f32(
            sign() * Math.abs(a * b) * 2 ** -(56 + (next() % 40)) * (1 + (next() % 99) / 128),
          );
          break;
        }
        case 2: {
          // The sum aimed at a float32 halfway point, give or take a few steps of c.
          a = randomFloat32(next, 100, 154);
          b = randomFloat32(next, 100, 154);
          const target = f32(a * b * (1 + ((next() % 1000) - 500) / 4096));
          const halfway = (target + bitsToFloat32(float32ToBits(target) + 1)) / 2;
          c = bitsToFloat32(float32ToBits(f32(halfway - a * b)) + (next() % 7) - 3);
          break;
        }
        default: // small magnitudes: subnormal products and results
          a = randomFloat32(next, 1, 60);
          b = randomFloat32(next, 1, 60);
          c = randomFloat32(next, 0, 20);
      }
      if (!Number.isFinite(c)) continue;
      const expected = exactFma(a, b, c);
      if (Number.isNaN(expected)) continue;
      if (f32(a * b + c) !== expected) doubleRoundings++;
      if (fmaF32(a, b, c) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
    // The set does exercise double rounding: the float64 sum rounded to float32 fails on it.
    expect(doubleRoundings).toBeGreaterThan(1000);
  });
});

/** A float64 as an exact integer significand and power of two. */
function decompose64(x: number): { significand: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = biased === 0 ? fraction : fraction | (1n << 52n);
  return {
    significand: bits >> 63n ? -magnitude : magnitude,
    exponent: biased === 0 ? -1074 : biased - 1075,
  };
}

/** The exact float64 `a·b + c` rounded once (ties to even), for normal results. */
function exactFma64(a: number, b: number, c: number): number {
  const x = decompose64(a);
  const y = decompose64(b);
  const z = decompose64(c);
  const productExponent = x.exponent + y.exponent;
  const exponent = Math.min(productExponent, z.exponent);
  const total =
    ((x.significand * y.significand) << BigInt(productExponent - exponent)) +
    (z.significand << BigInt(z.exponent - exponent));
  if (total === 0n) return NaN;
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const length = magnitude.toString(2).length;
  const shift = BigInt(Math.max(length - 53, 0));
  let rounded = magnitude >> shift;
  if (shift > 0n) {
    const remainder = magnitude - (rounded << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (rounded & 1n) === 1n)) rounded += 1n;
  }
  const value = Number(rounded) * 2 ** (exponent + Number(shift));
  return negative ? -value : value;
}

describe("fmaF64", () => {
  it("equals the exact integer reference on 50,000 random and near-halfway cases", () => {
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state / 2 ** 32;
    };
    let mismatches = 0;
    let doubleRoundings = 0;
    for (let i = 0; i < 50_000; i++) {
      const a = (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20);
      const b = (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20);
      // Half the cases cancel most of the product, where one rounding matters most.
      const c =
        i % 2
          ? (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20)
          : -a * b * (1 + (next() - 0.5) * 2 ** -30);
      const expected = exactFma64(a, b, c);
      if (Number.isNaN(expected)) continue;
      if (a * b + c !== expected) doubleRoundings++;
      if (fmaF64(a, b, c) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
    // The set has cases where two roundings (a·b, then + c) give another float64.
    expect(doubleRoundings).toBeGreaterThan(20);
  });

  // [a, b, c, fma(a, b, c)] as the processor's FMA instruction computes it: C's
  // fma() compiled with -mfma (vfmadd) on the reference machine (x86-64, glibc
  // 2.36). In each row the two-rounding a·b + c gives another float64.
  it.each([
    ["0xc0b6331a6d326d93", "0xc01503363b36023a", "0x3ee6e948a7b982c8", "0x40dd278783150d64"],
    ["0xbf49eeb92a396dc5", "0x411dfb9efc0af471", "0x405547c48ecb9fa2", "0xc072fa4ffde76961"],
    ["0x3eb54a5e713a39e3", "0x3f62bd70e731c968", "0xbe24689b6f3673e4", "0x3e021c8e1ff6638d"],
    ["0xbfa53b6e1fb633b3", "0xc0d90726cb469680", "0xc074720920969277", "0x4086fd54fc54837f"],
    ["0x40b4f996459faf67", "0x409f3f7f424f29de", "0x402ef3931a1ab98a", "0x41647b6a4c8803cc"],
    ["0x3f7440bec3660b96", "0x3ff62cb817051b26", "0xbf101c8cf6556864", "0x3f7bd12f2b21a2d4"],
    ["0x4126a79f870fbf5c", "0x41212fb2dcfc8aea", "0xc25855a325d29e5d", "0x3f4194916c039043"],
    ["0x400c6ce99f083dd1", "0xc099df4b05dc053b", "0x40b6fb7024c2b44b", "0xbdb6cd4bc025baa1"],
    ["0xbed0d5497b6e7e31", "0x3ec2447b4c07713b", "0x3da337fedacaba11", "0x3ab2a4ac6e43f24e"],
    ["0x3f3115133d1f1cd3", "0xbf969410ea4b1d02", "0x3ed81b0f7537cfcf", "0x3be15c32357d66fb"],
  ] as const)("fma(%s, %s, %s) = %s, as the FMA instruction", (a, b, c, expected) => {
    const result = fmaF64(fromHex(a), fromHex(b), fromHex(c));
    expect(toHex(result)).toBe(expected);
    expect(fromHex(a) * fromHex(b) + fromHex(c)).not.toBe(result);
  });
});

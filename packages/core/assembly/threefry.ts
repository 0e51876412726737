// Threefry-2x32-20 in WebAssembly SIMD (AssemblyScript): the block function of
// src/threefry.ts on 4 lanes of i32x4, four vectors side by side, so 16
// counter pairs are hashed per step. Compiled at build time into
// src/generated/threefry-wasm.ts (scripts/build-wasm.mjs); src/wasm-kernels.ts
// loads it and falls back to the JavaScript kernel where SIMD is missing.

/** Counter pairs per call: two 64 KiB output buffers, in the L2 cache. */
export const CHUNK: i32 = 16384;

const words0: usize = memory.data(CHUNK * 4, 16);
const words1: usize = memory.data(CHUNK * 4, 16);
const PARITY: u32 = 0x1bd11bda;

/** Where output word 0 of each pair is written. */
export function words0Pointer(): usize {
  return words0;
}

/** Where output word 1 of each pair is written. */
export function words1Pointer(): usize {
  return words1;
}

// Small enough that -O3 inlines it into every round.
function rotl(x: v128, r: i32): v128 {
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

/**
 * Hash `count` (at most CHUNK) counter pairs in arithmetic progression, pair
 * j being `(x0Start + j·x0Step, x1Start + j·x1Step)` mod 2^32, under key
 * (k0, k1). With `output` 0, word 0 of pair j goes to words0[j] and word 1
 * to words1[j]; with 1, their XOR goes to words0[j]; with 2, to words1[j];
 * with 3, their XOR turned into a float32 uniform in [0, 1) goes to
 * words0[j]. Pairs past `count` up to the next
 * multiple of 16 are hashed too (the buffers have room), then ignored.
 *
 * Four vectors (x, y, z, w) are hashed side by side: each round is a chain
 * of dependent steps, and four independent chains keep the CPU's vector
 * units busy (about 1.2x two chains and 1.8x one, in V8 on x86-64).
 */
export function hashProgression(
  k0: u32,
  k1: u32,
  x0Start: u32,
  x0Step: u32,
  x1Start: u32,
  x1Step: u32,
  count: i32,
  output: i32,
): void {
  const xorTarget = output == 2 ? words1 : words0;
  const ks0 = i32x4.splat(k0);
  const ks1 = i32x4.splat(k1);
  const ks2 = i32x4.splat(k0 ^ k1 ^ PARITY);
  const lane = i32x4(0, 1, 2, 3);
  const step0 = i32x4.splat(x0Step);
  const step1 = i32x4.splat(x1Step);
  // Counters of lanes 0-3 of vector x; y, z and w are 4, 8 and 12 steps ahead.
  let c0 = i32x4.add(i32x4.splat(x0Start), i32x4.mul(lane, step0));
  let c1 = i32x4.add(i32x4.splat(x1Start), i32x4.mul(lane, step1));
  const ahead0 = i32x4.splat(4 * x0Step);
  const ahead1 = i32x4.splat(4 * x1Step);
  const advance0 = i32x4.splat(16 * x0Step);
  const advance1 = i32x4.splat(16 * x1Step);
  const inject1 = i32x4.add(ks2, i32x4.splat(1));
  const inject2 = i32x4.add(ks0, i32x4.splat(2));
  const inject3 = i32x4.add(ks1, i32x4.splat(3));
  const inject4 = i32x4.add(ks2, i32x4.splat(4));
  const inject5 = i32x4.add(ks0, i32x4.splat(5));
  for (let j = 0; j < count; j += 16) {
    const yc0 = i32x4.add(c0, ahead0);
    const yc1 = i32x4.add(c1, ahead1);
    const zc0 = i32x4.add(yc0, ahead0);
    const zc1 = i32x4.add(yc1, ahead1);
    let x0 = i32x4.add(c0, ks0);
    let x1 = i32x4.add(c1, ks1);
    let y0 = i32x4.add(yc0, ks0);
    let y1 = i32x4.add(yc1, ks1);
    let z0 = i32x4.add(zc0, ks0);
    let z1 = i32x4.add(zc1, ks1);
    let w0 = i32x4.add(i32x4.add(zc0, ahead0), ks0);
    let w1 = i32x4.add(i32x4.add(zc1, ahead1), ks1);

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 13), x0);
    y1 = v128.xor(rotl(y1, 13), y0);
    z1 = v128.xor(rotl(z1, 13), z0);
    w1 = v128.xor(rotl(w1, 13), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 15), x0);
    y1 = v128.xor(rotl(y1, 15), y0);
    z1 = v128.xor(rotl(z1, 15), z0);
    w1 = v128.xor(rotl(w1, 15), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 26), x0);
    y1 = v128.xor(rotl(y1, 26), y0);
    z1 = v128.xor(rotl(z1, 26), z0);
    w1 = v128.xor(rotl(w1, 26), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 6), x0);
    y1 = v128.xor(rotl(y1, 6), y0);
    z1 = v128.xor(rotl(z1, 6), z0);
    w1 = v128.xor(rotl(w1, 6), w0);
    x0 = i32x4.add(x0, ks1);
    y0 = i32x4.add(y0, ks1);
    z0 = i32x4.add(z0, ks1);
    w0 = i32x4.add(w0, ks1);
    x1 = i32x4.add(x1, inject1);
    y1 = i32x4.add(y1, inject1);
    z1 = i32x4.add(z1, inject1);
    w1 = i32x4.add(w1, inject1);

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 17), x0);
    y1 = v128.xor(rotl(y1, 17), y0);
    z1 = v128.xor(rotl(z1, 17), z0);
    w1 = v128.xor(rotl(w1, 17), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 29), x0);
    y1 = v128.xor(rotl(y1, 29), y0);
    z1 = v128.xor(rotl(z1, 29), z0);
    w1 = v128.xor(rotl(w1, 29), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 16), x0);
    y1 = v128.xor(rotl(y1, 16), y0);
    z1 = v128.xor(rotl(z1, 16), z0);
    w1 = v128.xor(rotl(w1, 16), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 24), x0);
    y1 = v128.xor(rotl(y1, 24), y0);
    z1 = v128.xor(rotl(z1, 24), z0);
    w1 = v128.xor(rotl(w1, 24), w0);
    x0 = i32x4.add(x0, ks2);
    y0 = i32x4.add(y0, ks2);
    z0 = i32x4.add(z0, ks2);
    w0 = i32x4.add(w0, ks2);
    x1 = i32x4.add(x1, inject2);
    y1 = i32x4.add(y1, inject2);
    z1 = i32x4.add(z1, inject2);
    w1 = i32x4.add(w1, inject2);

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 13), x0);
    y1 = v128.xor(rotl(y1, 13), y0);
    z1 = v128.xor(rotl(z1, 13), z0);
    w1 = v128.xor(rotl(w1, 13), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 15), x0);
    y1 = v128.xor(rotl(y1, 15), y0);
    z1 = v128.xor(rotl(z1, 15), z0);
    w1 = v128.xor(rotl(w1, 15), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 26), x0);
    y1 = v128.xor(rotl(y1, 26), y0);
    z1 = v128.xor(rotl(z1, 26), z0);
    w1 = v128.xor(rotl(w1, 26), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 6), x0);
    y1 = v128.xor(rotl(y1, 6), y0);
    z1 = v128.xor(rotl(z1, 6), z0);
    w1 = v128.xor(rotl(w1, 6), w0);
    x0 = i32x4.add(x0, ks0);
    y0 = i32x4.add(y0, ks0);
    z0 = i32x4.add(z0, ks0);
    w0 = i32x4.add(w0, ks0);
    x1 = i32x4.add(x1, inject3);
    y1 = i32x4.add(y1, inject3);
    z1 = i32x4.add(z1, inject3);
    w1 = i32x4.add(w1, inject3);

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 17), x0);
    y1 = v128.xor(rotl(y1, 17), y0);
    z1 = v128.xor(rotl(z1, 17), z0);
    w1 = v128.xor(rotl(w1, 17), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 29), x0);
    y1 = v128.xor(rotl(y1, 29), y0);
    z1 = v128.xor(rotl(z1, 29), z0);
    w1 = v128.xor(rotl(w1, 29), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 16), x0);
    y1 = v128.xor(rotl(y1, 16), y0);
    z1 = v128.xor(rotl(z1, 16), z0);
    w1 = v128.xor(rotl(w1, 16), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 24), x0);
    y1 = v128.xor(rotl(y1, 24), y0);
    z1 = v128.xor(rotl(z1, 24), z0);
    w1 = v128.xor(rotl(w1, 24), w0);
    x0 = i32x4.add(x0, ks1);
    y0 = i32x4.add(y0, ks1);
    z0 = i32x4.add(z0, ks1);
    w0 = i32x4.add(w0, ks1);
    x1 = i32x4.add(x1, inject4);
    y1 = i32x4.add(y1, inject4);
    z1 = i32x4.add(z1, inject4);
    w1 = i32x4.add(w1, inject4);

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 13), x0);
    y1 = v128.xor(rotl(y1, 13), y0);
    z1 = v128.xor(rotl(z1, 13), z0);
    w1 = v128.xor(rotl(w1, 13), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 15), x0);
    y1 = v128.xor(rotl(y1, 15), y0);
    z1 = v128.xor(rotl(z1, 15), z0);
    w1 = v128.xor(rotl(w1, 15), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 26), x0);
    y1 = v128.xor(rotl(y1, 26), y0);
    z1 = v128.xor(rotl(z1, 26), z0);
    w1 = v128.xor(rotl(w1, 26), w0);
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotl(x1, 6), x0);
    y1 = v128.xor(rotl(y1, 6), y0);
    z1 = v128.xor(rotl(z1, 6), z0);
    w1 = v128.xor(rotl(w1, 6), w0);
    x0 = i32x4.add(x0, ks2);
    y0 = i32x4.add(y0, ks2);
    z0 = i32x4.add(z0, ks2);
    w0 = i32x4.add(w0, ks2);
    x1 = i32x4.add(x1, inject5);
    y1 = i32x4.add(y1, inject5);
    z1 = i32x4.add(z1, inject5);
    w1 = i32x4.add(w1, inject5);

    const at = (<usize>j) << 2;
    if (output == 3) {
      v128.store(words0 + at, unitFloats(v128.xor(x0, x1)));
      v128.store(words0 + at, unitFloats(v128.xor(y0, y1)), 16);
      v128.store(words0 + at, unitFloats(v128.xor(z0, z1)), 32);
      v128.store(words0 + at, unitFloats(v128.xor(w0, w1)), 48);
    } else if (output != 0) {
      v128.store(xorTarget + at, v128.xor(x0, x1));
      v128.store(xorTarget + at, v128.xor(y0, y1), 16);
      v128.store(xorTarget + at, v128.xor(z0, z1), 32);
      v128.store(xorTarget + at, v128.xor(w0, w1), 48);
    } else {
      v128.store(words0 + at, x0);
      v128.store(words0 + at, y0, 16);
      v128.store(words0 + at, z0, 32);
      v128.store(words0 + at, w0, 48);
      v128.store(words1 + at, x1);
      v128.store(words1 + at, y1, 16);
      v128.store(words1 + at, z1, 32);
      v128.store(words1 + at, w1, 48);
    }
    c0 = i32x4.add(c0, advance0);
    c1 = i32x4.add(c1, advance1);
  }
}

/**
 * Four words as float32 uniforms in [0, 1), as `bitsToUnitFloat32` makes
 * them: the top 23 bits as the mantissa of a float in [1, 2), minus 1
 * (exact).
 */
function unitFloats(bits: v128): v128 {
  const mantissa = v128.or(i32x4.shr_u(bits, 9), i32x4.splat(0x3f800000));
  return f32x4.sub(mantissa, f32x4.splat(1));
}

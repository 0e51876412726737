// Threefry-2x32-20 in WebAssembly SIMD (AssemblyScript): the block function of
// src/threefry.ts on 4 lanes of i32x4, four vectors side by side, and three
// more blocks in scalar registers alongside, so 19 counter pairs are hashed per
// step. Compiled at build time into src/generated/threefry-wasm.ts
// (scripts/build-wasm.mjs); src/wasm-kernels.ts loads it and falls back to the
// JavaScript kernel where SIMD is missing.

/** Counter pairs per call: two 64 KiB output buffers, in the L2 cache. */
export const CHUNK: i32 = 16384;

/** Counter pairs hashed per loop step: four vectors of 4 lanes, and 3 scalar blocks. */
const PAIRS_PER_STEP: i32 = 19;

// Each buffer has room for the pairs a last step hashes past `count`.
const words0: usize = memory.data((CHUNK + PAIRS_PER_STEP) * 4, 16);
const words1: usize = memory.data((CHUNK + PAIRS_PER_STEP) * 4, 16);
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
function rotateLanes(x: v128, r: i32): v128 {
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

// A rotation by a whole number of bytes is one byte shuffle instead of two
// shifts and an or. Byte b of each little-endian lane moves to byte b + 2
// (rotation by 16) or b + 3 (by 24), mod 4.
const ROTATE_16 = i8x16(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
const ROTATE_24 = i8x16(1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12);

// Small enough that -O3 inlines it into every round.
function rotateBytes(x: v128, table: v128): v128 {
  return i8x16.swizzle(x, table);
}

/**
 * Hash `count` (at most CHUNK) counter pairs in arithmetic progression, pair
 * j being `(x0Start + j·x0Step, x1Start + j·x1Step)` mod 2^32, under key
 * (k0, k1). With `output` 0, word 0 of pair j goes to words0[j] and word 1
 * to words1[j]; with 1, their XOR goes to words0[j]; with 2, to words1[j];
 * with 3, their XOR turned into a float32 uniform in [0, 1) goes to
 * words0[j]. Pairs past `count` up to the next multiple of 19 are hashed too
 * (the buffers have room), then ignored.
 *
 * Each step hashes pairs j to j + 15 in four vectors (x, y, z, w) and pairs
 * j + 16 to j + 18 in scalar registers (s, t, u). Each round is a chain of
 * dependent steps: four independent vector chains keep the CPU's vector
 * units busy (about 1.2x two chains and 1.8x one, in V8 on x86-64; five or
 * six chains run out of registers), and the scalar chains use the integer
 * units, idle otherwise, which have a one-instruction rotation. Measured in
 * Node 20 on a Zen 3 core: the scalar chains add about 1.1x, the byte
 * shuffles about 1.03x; two or four scalar chains gain less than three.
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
  const k2 = k0 ^ k1 ^ PARITY;
  // What the key schedule adds to word 1 after group g of four rounds.
  const inject1 = k2 + 1;
  const inject2 = k0 + 2;
  const inject3 = k1 + 3;
  const inject4 = k2 + 4;
  const inject5 = k0 + 5;
  const ks0 = i32x4.splat(k0);
  const ks1 = i32x4.splat(k1);
  const ks2 = i32x4.splat(k2);
  const injectLanes1 = i32x4.splat(inject1);
  const injectLanes2 = i32x4.splat(inject2);
  const injectLanes3 = i32x4.splat(inject3);
  const injectLanes4 = i32x4.splat(inject4);
  const injectLanes5 = i32x4.splat(inject5);
  const lane = i32x4(0, 1, 2, 3);
  const step0 = i32x4.splat(x0Step);
  const step1 = i32x4.splat(x1Step);
  // Counters of lanes 0-3 of vector x; y, z and w are 4, 8 and 12 pairs
  // ahead, the scalar blocks 16, 17 and 18.
  let counter0 = i32x4.add(i32x4.splat(x0Start), i32x4.mul(lane, step0));
  let counter1 = i32x4.add(i32x4.splat(x1Start), i32x4.mul(lane, step1));
  let scalarCounter0 = x0Start + 16 * x0Step;
  let scalarCounter1 = x1Start + 16 * x1Step;
  const ahead0 = i32x4.splat(4 * x0Step);
  const ahead1 = i32x4.splat(4 * x1Step);
  const advance0 = i32x4.splat(PAIRS_PER_STEP * x0Step);
  const advance1 = i32x4.splat(PAIRS_PER_STEP * x1Step);
  for (let j = 0; j < count; j += PAIRS_PER_STEP) {
    const yCounter0 = i32x4.add(counter0, ahead0);
    const yCounter1 = i32x4.add(counter1, ahead1);
    const zCounter0 = i32x4.add(yCounter0, ahead0);
    const zCounter1 = i32x4.add(yCounter1, ahead1);
    let x0 = i32x4.add(counter0, ks0);
    let x1 = i32x4.add(counter1, ks1);
    let y0 = i32x4.add(yCounter0, ks0);
    let y1 = i32x4.add(yCounter1, ks1);
    let z0 = i32x4.add(zCounter0, ks0);
    let z1 = i32x4.add(zCounter1, ks1);
    let w0 = i32x4.add(i32x4.add(zCounter0, ahead0), ks0);
    let w1 = i32x4.add(i32x4.add(zCounter1, ahead1), ks1);
    let s0 = scalarCounter0 + k0;
    let s1 = scalarCounter1 + k1;
    let t0 = scalarCounter0 + x0Step + k0;
    let t1 = scalarCounter1 + x1Step + k1;
    let u0 = scalarCounter0 + 2 * x0Step + k0;
    let u1 = scalarCounter1 + 2 * x1Step + k1;

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 13), x0);
    y1 = v128.xor(rotateLanes(y1, 13), y0);
    z1 = v128.xor(rotateLanes(z1, 13), z0);
    w1 = v128.xor(rotateLanes(w1, 13), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 13) ^ s0;
    t1 = rotl<u32>(t1, 13) ^ t0;
    u1 = rotl<u32>(u1, 13) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 15), x0);
    y1 = v128.xor(rotateLanes(y1, 15), y0);
    z1 = v128.xor(rotateLanes(z1, 15), z0);
    w1 = v128.xor(rotateLanes(w1, 15), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 15) ^ s0;
    t1 = rotl<u32>(t1, 15) ^ t0;
    u1 = rotl<u32>(u1, 15) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 26), x0);
    y1 = v128.xor(rotateLanes(y1, 26), y0);
    z1 = v128.xor(rotateLanes(z1, 26), z0);
    w1 = v128.xor(rotateLanes(w1, 26), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 26) ^ s0;
    t1 = rotl<u32>(t1, 26) ^ t0;
    u1 = rotl<u32>(u1, 26) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 6), x0);
    y1 = v128.xor(rotateLanes(y1, 6), y0);
    z1 = v128.xor(rotateLanes(z1, 6), z0);
    w1 = v128.xor(rotateLanes(w1, 6), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 6) ^ s0;
    t1 = rotl<u32>(t1, 6) ^ t0;
    u1 = rotl<u32>(u1, 6) ^ u0;
    x0 = i32x4.add(x0, ks1);
    y0 = i32x4.add(y0, ks1);
    z0 = i32x4.add(z0, ks1);
    w0 = i32x4.add(w0, ks1);
    x1 = i32x4.add(x1, injectLanes1);
    y1 = i32x4.add(y1, injectLanes1);
    z1 = i32x4.add(z1, injectLanes1);
    w1 = i32x4.add(w1, injectLanes1);
    s0 += k1;
    t0 += k1;
    u0 += k1;
    s1 += inject1;
    t1 += inject1;
    u1 += inject1;

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 17), x0);
    y1 = v128.xor(rotateLanes(y1, 17), y0);
    z1 = v128.xor(rotateLanes(z1, 17), z0);
    w1 = v128.xor(rotateLanes(w1, 17), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 17) ^ s0;
    t1 = rotl<u32>(t1, 17) ^ t0;
    u1 = rotl<u32>(u1, 17) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 29), x0);
    y1 = v128.xor(rotateLanes(y1, 29), y0);
    z1 = v128.xor(rotateLanes(z1, 29), z0);
    w1 = v128.xor(rotateLanes(w1, 29), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 29) ^ s0;
    t1 = rotl<u32>(t1, 29) ^ t0;
    u1 = rotl<u32>(u1, 29) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateBytes(x1, ROTATE_16), x0);
    y1 = v128.xor(rotateBytes(y1, ROTATE_16), y0);
    z1 = v128.xor(rotateBytes(z1, ROTATE_16), z0);
    w1 = v128.xor(rotateBytes(w1, ROTATE_16), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 16) ^ s0;
    t1 = rotl<u32>(t1, 16) ^ t0;
    u1 = rotl<u32>(u1, 16) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateBytes(x1, ROTATE_24), x0);
    y1 = v128.xor(rotateBytes(y1, ROTATE_24), y0);
    z1 = v128.xor(rotateBytes(z1, ROTATE_24), z0);
    w1 = v128.xor(rotateBytes(w1, ROTATE_24), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 24) ^ s0;
    t1 = rotl<u32>(t1, 24) ^ t0;
    u1 = rotl<u32>(u1, 24) ^ u0;
    x0 = i32x4.add(x0, ks2);
    y0 = i32x4.add(y0, ks2);
    z0 = i32x4.add(z0, ks2);
    w0 = i32x4.add(w0, ks2);
    x1 = i32x4.add(x1, injectLanes2);
    y1 = i32x4.add(y1, injectLanes2);
    z1 = i32x4.add(z1, injectLanes2);
    w1 = i32x4.add(w1, injectLanes2);
    s0 += k2;
    t0 += k2;
    u0 += k2;
    s1 += inject2;
    t1 += inject2;
    u1 += inject2;

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 13), x0);
    y1 = v128.xor(rotateLanes(y1, 13), y0);
    z1 = v128.xor(rotateLanes(z1, 13), z0);
    w1 = v128.xor(rotateLanes(w1, 13), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 13) ^ s0;
    t1 = rotl<u32>(t1, 13) ^ t0;
    u1 = rotl<u32>(u1, 13) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 15), x0);
    y1 = v128.xor(rotateLanes(y1, 15), y0);
    z1 = v128.xor(rotateLanes(z1, 15), z0);
    w1 = v128.xor(rotateLanes(w1, 15), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 15) ^ s0;
    t1 = rotl<u32>(t1, 15) ^ t0;
    u1 = rotl<u32>(u1, 15) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 26), x0);
    y1 = v128.xor(rotateLanes(y1, 26), y0);
    z1 = v128.xor(rotateLanes(z1, 26), z0);
    w1 = v128.xor(rotateLanes(w1, 26), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 26) ^ s0;
    t1 = rotl<u32>(t1, 26) ^ t0;
    u1 = rotl<u32>(u1, 26) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 6), x0);
    y1 = v128.xor(rotateLanes(y1, 6), y0);
    z1 = v128.xor(rotateLanes(z1, 6), z0);
    w1 = v128.xor(rotateLanes(w1, 6), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 6) ^ s0;
    t1 = rotl<u32>(t1, 6) ^ t0;
    u1 = rotl<u32>(u1, 6) ^ u0;
    x0 = i32x4.add(x0, ks0);
    y0 = i32x4.add(y0, ks0);
    z0 = i32x4.add(z0, ks0);
    w0 = i32x4.add(w0, ks0);
    x1 = i32x4.add(x1, injectLanes3);
    y1 = i32x4.add(y1, injectLanes3);
    z1 = i32x4.add(z1, injectLanes3);
    w1 = i32x4.add(w1, injectLanes3);
    s0 += k0;
    t0 += k0;
    u0 += k0;
    s1 += inject3;
    t1 += inject3;
    u1 += inject3;

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 17), x0);
    y1 = v128.xor(rotateLanes(y1, 17), y0);
    z1 = v128.xor(rotateLanes(z1, 17), z0);
    w1 = v128.xor(rotateLanes(w1, 17), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 17) ^ s0;
    t1 = rotl<u32>(t1, 17) ^ t0;
    u1 = rotl<u32>(u1, 17) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 29), x0);
    y1 = v128.xor(rotateLanes(y1, 29), y0);
    z1 = v128.xor(rotateLanes(z1, 29), z0);
    w1 = v128.xor(rotateLanes(w1, 29), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 29) ^ s0;
    t1 = rotl<u32>(t1, 29) ^ t0;
    u1 = rotl<u32>(u1, 29) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateBytes(x1, ROTATE_16), x0);
    y1 = v128.xor(rotateBytes(y1, ROTATE_16), y0);
    z1 = v128.xor(rotateBytes(z1, ROTATE_16), z0);
    w1 = v128.xor(rotateBytes(w1, ROTATE_16), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 16) ^ s0;
    t1 = rotl<u32>(t1, 16) ^ t0;
    u1 = rotl<u32>(u1, 16) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateBytes(x1, ROTATE_24), x0);
    y1 = v128.xor(rotateBytes(y1, ROTATE_24), y0);
    z1 = v128.xor(rotateBytes(z1, ROTATE_24), z0);
    w1 = v128.xor(rotateBytes(w1, ROTATE_24), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 24) ^ s0;
    t1 = rotl<u32>(t1, 24) ^ t0;
    u1 = rotl<u32>(u1, 24) ^ u0;
    x0 = i32x4.add(x0, ks1);
    y0 = i32x4.add(y0, ks1);
    z0 = i32x4.add(z0, ks1);
    w0 = i32x4.add(w0, ks1);
    x1 = i32x4.add(x1, injectLanes4);
    y1 = i32x4.add(y1, injectLanes4);
    z1 = i32x4.add(z1, injectLanes4);
    w1 = i32x4.add(w1, injectLanes4);
    s0 += k1;
    t0 += k1;
    u0 += k1;
    s1 += inject4;
    t1 += inject4;
    u1 += inject4;

    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 13), x0);
    y1 = v128.xor(rotateLanes(y1, 13), y0);
    z1 = v128.xor(rotateLanes(z1, 13), z0);
    w1 = v128.xor(rotateLanes(w1, 13), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 13) ^ s0;
    t1 = rotl<u32>(t1, 13) ^ t0;
    u1 = rotl<u32>(u1, 13) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 15), x0);
    y1 = v128.xor(rotateLanes(y1, 15), y0);
    z1 = v128.xor(rotateLanes(z1, 15), z0);
    w1 = v128.xor(rotateLanes(w1, 15), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 15) ^ s0;
    t1 = rotl<u32>(t1, 15) ^ t0;
    u1 = rotl<u32>(u1, 15) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 26), x0);
    y1 = v128.xor(rotateLanes(y1, 26), y0);
    z1 = v128.xor(rotateLanes(z1, 26), z0);
    w1 = v128.xor(rotateLanes(w1, 26), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 26) ^ s0;
    t1 = rotl<u32>(t1, 26) ^ t0;
    u1 = rotl<u32>(u1, 26) ^ u0;
    x0 = i32x4.add(x0, x1);
    y0 = i32x4.add(y0, y1);
    z0 = i32x4.add(z0, z1);
    w0 = i32x4.add(w0, w1);
    x1 = v128.xor(rotateLanes(x1, 6), x0);
    y1 = v128.xor(rotateLanes(y1, 6), y0);
    z1 = v128.xor(rotateLanes(z1, 6), z0);
    w1 = v128.xor(rotateLanes(w1, 6), w0);
    s0 += s1;
    t0 += t1;
    u0 += u1;
    s1 = rotl<u32>(s1, 6) ^ s0;
    t1 = rotl<u32>(t1, 6) ^ t0;
    u1 = rotl<u32>(u1, 6) ^ u0;
    x0 = i32x4.add(x0, ks2);
    y0 = i32x4.add(y0, ks2);
    z0 = i32x4.add(z0, ks2);
    w0 = i32x4.add(w0, ks2);
    x1 = i32x4.add(x1, injectLanes5);
    y1 = i32x4.add(y1, injectLanes5);
    z1 = i32x4.add(z1, injectLanes5);
    w1 = i32x4.add(w1, injectLanes5);
    s0 += k2;
    t0 += k2;
    u0 += k2;
    s1 += inject5;
    t1 += inject5;
    u1 += inject5;

    const at = (<usize>j) << 2;
    if (output == 3) {
      v128.store(words0 + at, unitFloats(v128.xor(x0, x1)));
      v128.store(words0 + at, unitFloats(v128.xor(y0, y1)), 16);
      v128.store(words0 + at, unitFloats(v128.xor(z0, z1)), 32);
      v128.store(words0 + at, unitFloats(v128.xor(w0, w1)), 48);
      store<f32>(words0 + at, unitFloat(s0 ^ s1), 64);
      store<f32>(words0 + at, unitFloat(t0 ^ t1), 68);
      store<f32>(words0 + at, unitFloat(u0 ^ u1), 72);
    } else if (output != 0) {
      v128.store(xorTarget + at, v128.xor(x0, x1));
      v128.store(xorTarget + at, v128.xor(y0, y1), 16);
      v128.store(xorTarget + at, v128.xor(z0, z1), 32);
      v128.store(xorTarget + at, v128.xor(w0, w1), 48);
      store<u32>(xorTarget + at, s0 ^ s1, 64);
      store<u32>(xorTarget + at, t0 ^ t1, 68);
      store<u32>(xorTarget + at, u0 ^ u1, 72);
    } else {
      v128.store(words0 + at, x0);
      v128.store(words0 + at, y0, 16);
      v128.store(words0 + at, z0, 32);
      v128.store(words0 + at, w0, 48);
      store<u32>(words0 + at, s0, 64);
      store<u32>(words0 + at, t0, 68);
      store<u32>(words0 + at, u0, 72);
      v128.store(words1 + at, x1);
      v128.store(words1 + at, y1, 16);
      v128.store(words1 + at, z1, 32);
      v128.store(words1 + at, w1, 48);
      store<u32>(words1 + at, s1, 64);
      store<u32>(words1 + at, t1, 68);
      store<u32>(words1 + at, u1, 72);
    }
    counter0 = i32x4.add(counter0, advance0);
    counter1 = i32x4.add(counter1, advance1);
    scalarCounter0 += PAIRS_PER_STEP * x0Step;
    scalarCounter1 += PAIRS_PER_STEP * x1Step;
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

/** One word as a float32 uniform in [0, 1), as {@link unitFloats} makes four. */
function unitFloat(bits: u32): f32 {
  return reinterpret<f32>((bits >>> 9) | 0x3f800000) - 1;
}

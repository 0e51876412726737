/**
 * Threefry-2x32 with 20 rounds (Salmon et al., "Parallel Random Numbers: As
 * Easy as 1, 2, 3", SC'11), the block function under every JAX threefry key.
 *
 * A block maps a key (k0, k1) and a counter (x0, x1), all uint32, to two
 * uint32 output words. JAX's `threefry2x32_p` computes exactly this:
 *
 * 1. Key schedule ks = (k0, k1, k0 ^ k1 ^ 0x1BD11BDA); x += (ks0, ks1).
 * 2. Five groups of four rounds. A round is `x0 += x1; x1 = rotl(x1, r) ^ x0`,
 *    with r from (13, 15, 26, 6) in odd groups and (17, 29, 16, 24) in even ones.
 * 3. After group g (1…5): x0 += ks[g mod 3], x1 += ks[(g + 1) mod 3] + g.
 *
 * The arithmetic is done on int32 values (`| 0`), which V8 keeps in integer
 * registers; typed-array stores turn them back into uint32.
 *
 * @module
 */

import { checkWordPair } from "./validate.js";
import { wasmKernels, wasmMinimumPairs, type WasmKernels } from "./wasm-kernels.js";

/** Key-schedule parity constant of Threefry (Skein's C240, low 32 bits). */
export const THREEFRY_PARITY = 0x1bd11bda;

const tailScratch = new Uint32Array(4);

/**
 * Hash `count` counter pairs that advance in arithmetic progression:
 * pair j is `((x0Start + j·x0Step) mod 2^32, (x1Start + j·x1Step) mod 2^32)`.
 *
 * Output word 0 of pair j is written to `out0[out0Offset + j·out0Stride]`,
 * output word 1 to `out1[out1Offset + j·out1Stride]` (the two may be the same
 * array); with `xorWords`, their XOR is written to `out0` alone.
 *
 * Every counter layout JAX uses is such a progression: partitionable mode
 * hashes (hi(i), lo(i)) for consecutive i, legacy mode hashes (j, h + j) for
 * an iota cut into halves. One kernel with these parameters keeps the 20
 * rounds in one place, unrolled, with constant rotation amounts.
 */
export function threefry2x32Progression(
  k0: number,
  k1: number,
  x0Start: number,
  x0Step: number,
  x1Start: number,
  x1Step: number,
  count: number,
  out0: Uint32Array,
  out0Offset: number,
  out0Stride: number,
  out1: Uint32Array,
  out1Offset: number,
  out1Stride: number,
  xorWords = false,
): void {
  const kernels = count >= wasmMinimumPairs() ? wasmKernels() : null;
  if (kernels !== null) {
    hashWithWasm(
      kernels,
      k0,
      k1,
      x0Start,
      x0Step,
      x1Start,
      x1Step,
      count,
      out0,
      out0Offset,
      out0Stride,
      out1,
      out1Offset,
      out1Stride,
      xorWords,
    );
    return;
  }
  const evenCount = count - (count % 2);
  hashBlockPairs(
    k0,
    k1,
    x0Start,
    x0Step,
    x1Start,
    x1Step,
    evenCount,
    out0,
    out0Offset,
    out0Stride,
    out1,
    out1Offset,
    out1Stride,
    xorWords,
  );
  if (evenCount === count) return;
  // An odd last block: hash it twice as a pair into scratch, keep one copy.
  const last = evenCount;
  hashBlockPairs(
    k0,
    k1,
    x0Start + last * x0Step,
    0,
    x1Start + last * x1Step,
    0,
    2,
    tailScratch,
    0,
    1,
    tailScratch,
    2,
    1,
    false,
  );
  if (xorWords) {
    out0[out0Offset + last * out0Stride] = tailScratch[0] ^ tailScratch[2];
  } else {
    out0[out0Offset + last * out0Stride] = tailScratch[0];
    out1[out1Offset + last * out1Stride] = tailScratch[2];
  }
}

/**
 * {@link threefry2x32Progression} on the WebAssembly SIMD kernel: a chunk of
 * pairs at a time into its buffers, then copied to the strided outputs.
 */
function hashWithWasm(
  kernels: WasmKernels,
  k0: number,
  k1: number,
  x0Start: number,
  x0Step: number,
  x1Start: number,
  x1Step: number,
  count: number,
  out0: Uint32Array,
  out0Offset: number,
  out0Stride: number,
  out1: Uint32Array,
  out1Offset: number,
  out1Stride: number,
  xorWords: boolean,
): void {
  const { exports, chunk, words0, words1 } = kernels;
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    // Counters mod 2^32: Math.imul keeps done·step exact in its low 32 bits.
    exports.hashProgression(
      k0,
      k1,
      (x0Start + Math.imul(done, x0Step)) >>> 0,
      x0Step,
      (x1Start + Math.imul(done, x1Step)) >>> 0,
      x1Step,
      n,
      xorWords ? 1 : 0,
    );
    copyStrided(words0, n, out0, out0Offset + done * out0Stride, out0Stride);
    if (!xorWords) copyStrided(words1, n, out1, out1Offset + done * out1Stride, out1Stride);
  }
}

function copyStrided(
  source: Uint32Array,
  count: number,
  out: Uint32Array,
  offset: number,
  stride: number,
): void {
  if (stride === 1) {
    out.set(source.subarray(0, count), offset);
    return;
  }
  for (let j = 0; j < count; j++) out[offset + j * stride] = source[j];
}

/**
 * The kernel behind {@link threefry2x32Progression} for an even `count`.
 * Two blocks, x and y, are hashed side by side: they are independent, so the
 * CPU overlaps their dependency chains (about 1.3x the throughput of one block
 * at a time in V8).
 */
function hashBlockPairs(
  k0: number,
  k1: number,
  x0Start: number,
  x0Step: number,
  x1Start: number,
  x1Step: number,
  count: number,
  out0: Uint32Array,
  out0Offset: number,
  out0Stride: number,
  out1: Uint32Array,
  out1Offset: number,
  out1Stride: number,
  xorWords: boolean,
): void {
  const ks0 = k0 | 0;
  const ks1 = k1 | 0;
  const ks2 = (ks0 ^ ks1 ^ THREEFRY_PARITY) | 0;
  const s0 = x0Step | 0;
  const s1 = x1Step | 0;
  let c0 = x0Start | 0;
  let c1 = x1Start | 0;
  let i0 = out0Offset;
  let i1 = out1Offset;
  for (let j = 0; j < count; j += 2) {
    let x0 = (c0 + ks0) | 0;
    let x1 = (c1 + ks1) | 0;
    let y0 = (c0 + s0 + ks0) | 0;
    let y1 = (c1 + s1 + ks1) | 0;

    // Rounds 1-4, rotations 13, 15, 26, 6; then inject (ks1, ks2 + 1).
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
    y1 = ((y1 << 13) | (y1 >>> 19)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
    y1 = ((y1 << 15) | (y1 >>> 17)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
    y1 = ((y1 << 26) | (y1 >>> 6)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
    y1 = ((y1 << 6) | (y1 >>> 26)) ^ y0;
    x0 = (x0 + ks1) | 0;
    y0 = (y0 + ks1) | 0;
    x1 = (x1 + ks2 + 1) | 0;
    y1 = (y1 + ks2 + 1) | 0;

    // Rounds 5-8, rotations 17, 29, 16, 24; then inject (ks2, ks0 + 2).
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 17) | (x1 >>> 15)) ^ x0;
    y1 = ((y1 << 17) | (y1 >>> 15)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 29) | (x1 >>> 3)) ^ x0;
    y1 = ((y1 << 29) | (y1 >>> 3)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 16) | (x1 >>> 16)) ^ x0;
    y1 = ((y1 << 16) | (y1 >>> 16)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 24) | (x1 >>> 8)) ^ x0;
    y1 = ((y1 << 24) | (y1 >>> 8)) ^ y0;
    x0 = (x0 + ks2) | 0;
    y0 = (y0 + ks2) | 0;
    x1 = (x1 + ks0 + 2) | 0;
    y1 = (y1 + ks0 + 2) | 0;

    // Rounds 9-12, rotations 13, 15, 26, 6; then inject (ks0, ks1 + 3).
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
    y1 = ((y1 << 13) | (y1 >>> 19)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
    y1 = ((y1 << 15) | (y1 >>> 17)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
    y1 = ((y1 << 26) | (y1 >>> 6)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
    y1 = ((y1 << 6) | (y1 >>> 26)) ^ y0;
    x0 = (x0 + ks0) | 0;
    y0 = (y0 + ks0) | 0;
    x1 = (x1 + ks1 + 3) | 0;
    y1 = (y1 + ks1 + 3) | 0;

    // Rounds 13-16, rotations 17, 29, 16, 24; then inject (ks1, ks2 + 4).
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 17) | (x1 >>> 15)) ^ x0;
    y1 = ((y1 << 17) | (y1 >>> 15)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 29) | (x1 >>> 3)) ^ x0;
    y1 = ((y1 << 29) | (y1 >>> 3)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 16) | (x1 >>> 16)) ^ x0;
    y1 = ((y1 << 16) | (y1 >>> 16)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 24) | (x1 >>> 8)) ^ x0;
    y1 = ((y1 << 24) | (y1 >>> 8)) ^ y0;
    x0 = (x0 + ks1) | 0;
    y0 = (y0 + ks1) | 0;
    x1 = (x1 + ks2 + 4) | 0;
    y1 = (y1 + ks2 + 4) | 0;

    // Rounds 17-20, rotations 13, 15, 26, 6; then inject (ks2, ks0 + 5).
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
    y1 = ((y1 << 13) | (y1 >>> 19)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
    y1 = ((y1 << 15) | (y1 >>> 17)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
    y1 = ((y1 << 26) | (y1 >>> 6)) ^ y0;
    x0 = (x0 + x1) | 0;
    y0 = (y0 + y1) | 0;
    x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
    y1 = ((y1 << 6) | (y1 >>> 26)) ^ y0;
    x0 = (x0 + ks2) | 0;
    y0 = (y0 + ks2) | 0;
    x1 = (x1 + ks0 + 5) | 0;
    y1 = (y1 + ks0 + 5) | 0;

    if (xorWords) {
      out0[i0] = x0 ^ x1;
      out0[i0 + out0Stride] = y0 ^ y1;
    } else {
      out0[i0] = x0;
      out1[i1] = x1;
      out0[i0 + out0Stride] = y0;
      out1[i1 + out1Stride] = y1;
    }
    i0 += 2 * out0Stride;
    i1 += 2 * out1Stride;
    c0 = (c0 + 2 * s0) | 0;
    c1 = (c1 + 2 * s1) | 0;
  }
}

const blockScratch = new Uint32Array(2);

/**
 * Threefry-2x32-20 of one counter pair under one key.
 *
 * @param key - the key words `[k0, k1]`, uint32.
 * @param counter - the counter words `[x0, x1]`, uint32.
 * @returns the two output words `[y0, y1]`, uint32.
 * @throws TypeError if `key` or `counter` is not two uint32 words.
 *
 * @example
 * ```ts
 * threefry2x32([0, 0], [0, 0]); // [0x6b200159, 0x99ba4efe] (Random123 known answer)
 * ```
 */
export function threefry2x32(key: ArrayLike<number>, counter: ArrayLike<number>): [number, number] {
  const [k0, k1] = checkWordPair("key", key);
  const [x0, x1] = checkWordPair("counter", counter);
  threefry2x32Progression(k0, k1, x0, 0, x1, 0, 1, blockScratch, 0, 1, blockScratch, 1, 1);
  return [blockScratch[0], blockScratch[1]];
}

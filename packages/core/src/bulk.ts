/**
 * Bulk fills for the hot paths of a generator: float32 uniforms in [0, 1) and
 * int32 `randint` with one `low` and one `high`, written straight into a
 * caller's typed array, for elements `[start, start + out.length)` of a draw
 * of `total` elements (sliced generation, spec/sharding.md). In partitionable
 * mode the hashing, the conversion and the integer arithmetic run fused, a
 * chunk at a time, in the WebAssembly SIMD kernel; in legacy mode `randint`'s
 * words are drawn in JAX's layout and its arithmetic runs in the kernel;
 * without WebAssembly SIMD they follow the same steps in JavaScript. Each
 * equals the corresponding sampler bit for bit (tests check it).
 *
 * @module
 */
import { fillBits } from "./bits.js";
import type { Key } from "./keys.js";
import { splitWords } from "./split.js";
import { wasmKernels } from "./wasm-kernels.js";
import { bitsToUnitFloat32 } from "./float.js";

const TWO_32 = 2 ** 32;

/**
 * Fill `out` with `uniform(key, [total], float32)` elements `[start, start +
 * out.length)`: each is `(bits >>> 9) · 2^-23`. This is `uniform`'s
 * arithmetic for `minval = 0`, `maxval = 1`: `u · 1 + 0` is exact under any
 * rounding (fused or not), and `max(0, u) = u`.
 *
 * @returns `out`.
 */
export function unitFloat32Into(
  key: Key,
  out: Float32Array,
  partitionable: boolean,
  start = 0,
  total: number = start + out.length,
): Float32Array {
  const kernels = partitionable ? wasmKernels() : null;
  if (kernels !== null) {
    const { exports, floats0 } = kernels;
    forEachRun(start, out.length, kernels.chunk, (high, low, count, offset) => {
      // Output 3: the XOR of the words, as a float32 uniform.
      exports.hashProgression(key[0], key[1], high, 0, low, 1, count, 3);
      out.set(floats0.subarray(0, count), offset);
    });
    return out;
  }
  const words = new Uint32Array(out.buffer, out.byteOffset, out.length);
  fillBits(key[0], key[1], words, partitionable, start, total);
  // In place: element i is read as a word before it is written as a float.
  for (let i = 0; i < out.length; i++) out[i] = bitsToUnitFloat32(words[i]);
  return out;
}

/**
 * Fill `out` with `randint(key, [total], low, high, int32)` elements
 * `[start, start + out.length)`, for integers `-2^31 <= low < high <= 2^31`
 * (a `high` of 2^31 is JAX's out-of-range bound that makes `int32`'s maximum
 * reachable). JAX's recipe: split the key into (k1, k2), draw 32-bit `higher`
 * under k1 and `lower` under k2, and return `low + ((higher mod span) ·
 * multiplier + lower mod span) mod span`, mod 2^32, with `multiplier = (2^16
 * mod span)^2 mod span`.
 *
 * @returns `out`.
 */
export function randint32Into(
  key: Key,
  out: Int32Array,
  low: number,
  high: number,
  partitionable: boolean,
  start = 0,
  total: number = start + out.length,
): Int32Array {
  const clippedHigh = Math.min(high, 2 ** 31 - 1);
  let span = (clippedHigh - low) >>> 0;
  if (high > clippedHigh) span = (span + 1) >>> 0;
  const multiplier = remainder(
    Math.imul(remainder(2 ** 16, span), remainder(2 ** 16, span)) >>> 0,
    span,
  );
  const keys = splitWords(key[0], key[1], 2, partitionable);
  const kernels = wasmKernels();
  if (kernels !== null && partitionable) {
    // Hashing and arithmetic fused in the kernel.
    const { exports, integers } = kernels;
    forEachRun(start, out.length, kernels.chunk, (runHigh, runLow, count, offset) => {
      exports.randint32Progression(
        keys[0],
        keys[1],
        keys[2],
        keys[3],
        runHigh,
        0,
        runLow,
        1,
        count,
        low,
        span,
        multiplier,
      );
      out.set(integers.subarray(0, count), offset);
    });
    return out;
  }
  const higher = new Uint32Array(out.buffer, out.byteOffset, out.length);
  const lower = new Uint32Array(out.length);
  fillBits(keys[0], keys[1], higher, partitionable, start, total);
  fillBits(keys[2], keys[3], lower, partitionable, start, total);
  if (kernels !== null) {
    // Legacy mode: the words in JAX's layout, then the kernel's arithmetic, a chunk at a time.
    const { exports, words0, words1, integers, chunk } = kernels;
    for (let done = 0; done < out.length; done += chunk) {
      const count = Math.min(chunk, out.length - done);
      words0.set(higher.subarray(done, done + count));
      words1.set(lower.subarray(done, done + count));
      exports.randint32Words(count, low, span, multiplier);
      out.set(integers.subarray(0, count), done);
    }
    return out;
  }
  for (let i = 0; i < out.length; i++) {
    const offset =
      (Math.imul(remainder(higher[i], span), multiplier) >>> 0) + remainder(lower[i], span);
    out[i] = low + remainder(offset >>> 0, span);
  }
  return out;
}

/**
 * `a mod n` for uint32 values, with a span of 0 standing for 2^32 (no
 * reduction). `Math.floor(a / n)` is the exact quotient: the rounded `a / n`
 * is within `a · 2^-53 / n < 1/n` of the true one, which is an integer or at
 * least `1/n` away from one; the product and the difference are exact. (`%`
 * on numbers from 2^31 on is a floating-point `fmod`, several times slower.)
 */
function remainder(a: number, n: number): number {
  return n === 0 ? a : a - Math.floor(a / n) * n;
}

/**
 * Cut elements `[start, start + count)` into runs of at most `chunk` whose
 * counters `(hi(i), lo(i))` keep one high word, and call `run` on each with
 * its high word, first low word, length and offset in the output.
 */
export function forEachRun(
  start: number,
  count: number,
  chunk: number,
  run: (high: number, low: number, length: number, offset: number) => void,
): void {
  let done = 0;
  while (done < count) {
    const index = start + done;
    const low = index % TWO_32;
    const length = Math.min(chunk, count - done, TWO_32 - low);
    run(Math.floor(index / TWO_32), low, length, done);
    done += length;
  }
}

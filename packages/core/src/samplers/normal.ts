// Mirrors jax.random.normal (jax/_src/random/core.py: normal, _normal, _normal_real).
/**
 * Standard normal floats by inversion: `sqrt(2) · erf_inv(u)` with `u`
 * uniform on `(nextafter(-1, 0), 1)`.
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64: the uniform
 * step uses the same bits and arithmetic (with XLA's fused multiply-add),
 * `sqrt(2)` is the constant `np.array(np.sqrt(2), dtype)` (1.41421354 in
 * float32), and {@link erfInvFloat32} / {@link erfInvFloat64} reproduce
 * XLA's `erf_inv` operation by operation.
 *
 * @module
 */
import { fillBits } from "../bits.js";
import { forEachRun } from "../bulk.js";
import { erfInvFloat32, erfInvFloat64 } from "../erf-inv.js";
import { bitsToUnitFloat32, f32, fmaF32, nextAfter, nextAfterFloat32 } from "../float.js";
import type { Key, KeyLike } from "../keys.js";
import { shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import type { SliceOptions } from "../options.js";
import { rangeOfKey, WholeDrawNeeded } from "../random-words.js";
import { wasmKernels, type WasmKernels } from "../wasm-kernels.js";
import { sampleShapeOnly } from "./shape-only.js";
import { uniformKernel } from "./uniform.js";

/** `np.array(np.sqrt(2), float32)`: 1.41421354… */
export const SQRT2_FLOAT32 = f32(Math.SQRT2);

/**
 * Sample standard normal floats, as `jax.random.normal`.
 *
 * Each element is `sqrt(2) · erf_inv(u)` for a uniform `u` on
 * `(nextafter(-1, 0), 1)` drawn with `jax.random.uniform`'s bits, so the
 * key is used once, without a split. Complex dtypes (which JAX also accepts)
 * are not supported.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a shape with too many elements.
 */
export function normal(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  return sampleShapeOnly("normal", normalKernel, key, shape, dtype, options);
}

/**
 * JAX's `_normal_real` on a checked key: `uniform(key, shape, dtype,
 * nextafter(-1, 0), 1)`, then `sqrt(2) · erf_inv(u)` in the dtype.
 */
export function normalKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  if (dtype === "float32") {
    const range = rangeOfKey(key);
    // A kernel drawing several normals per element of its result (maxwell) needs the whole draw.
    if (range !== undefined && range.end - range.start !== size) throw new WholeDrawNeeded();
    const out = new Float32Array(size);
    return normalFloat32Into(key, out, partitionable, range?.start ?? 0, range?.total ?? size);
  }
  const u = uniformKernel(key, shape, dtype, [nextAfter(dtype, -1, 0)], [1], partitionable);
  for (let i = 0; i < size; i++) u[i] = Math.SQRT2 * erfInvFloat64(u[i]);
  return u;
}

/** `normal`'s uniform bounds in float32: `nextafter(-1, 0)` and 1. */
/** The float32 normal's uniform: its lower bound `nextafter(-1, 0)` and its width `1 - low`. */
export const LOW_FLOAT32 = nextAfterFloat32(-1, 0);
export const SPAN_FLOAT32 = f32(1 - LOW_FLOAT32);

/**
 * Fill `out` with `normal(key, [total], float32)` elements `[start, start +
 * out.length)`. Where WebAssembly SIMD runs, the kernel (`assembly/normal.ts`)
 * turns the bits into normals a chunk at a time, with the same float32 steps
 * and constants (`xla-math/float32-coefficients.ts`); elsewhere
 * {@link normalFloat32OfBits} does. Both give the same bits (tests compare
 * them on every possible input).
 *
 * @returns `out`.
 */
export function normalFloat32Into(
  key: Key,
  out: Float32Array,
  partitionable: boolean,
  start = 0,
  total: number = start + out.length,
): Float32Array {
  const kernels = wasmKernels();
  if (kernels !== null) return normalFloat32Wasm(kernels, key, out, partitionable, start, total);
  const words = new Uint32Array(out.length);
  fillBits(key[0], key[1], words, partitionable, start, total);
  for (let i = 0; i < out.length; i++) out[i] = normalFloat32OfBits(words[i]);
  return out;
}

/**
 * One element of `normal(key, shape, float32)` from its 32 random bits:
 * the uniform `max(low, fma(u, span, low))` of {@link uniformKernel} for
 * these bounds, then `sqrt(2) · erf_inv(u)`.
 */
export function normalFloat32OfBits(bits: number): number {
  const u = Math.max(LOW_FLOAT32, fmaF32(bitsToUnitFloat32(bits), SPAN_FLOAT32, LOW_FLOAT32));
  return f32(SQRT2_FLOAT32 * erfInvFloat32(u));
}

/**
 * Turn the first `count` words of the kernels' `words0` into normals in
 * `floats0`, as {@link normalFloat32OfBits} does, with the WebAssembly
 * kernel.
 */
export function normalsFromWords(kernels: WasmKernels, count: number): void {
  const { exports } = kernels;
  exports.normalFloat32(exports.words0Pointer(), count, LOW_FLOAT32, SPAN_FLOAT32);
}

/** Random words of one chunk in legacy mode, before they go to the kernel's buffer. */
let legacyWords: Uint32Array | undefined;

function normalFloat32Wasm(
  kernels: WasmKernels,
  key: Key,
  out: Float32Array,
  partitionable: boolean,
  start: number,
  total: number,
): Float32Array {
  const { exports, chunk, words0, floats0 } = kernels;
  if (partitionable) {
    forEachRun(start, out.length, chunk, (high, low, count, offset) => {
      exports.hashProgression(key[0], key[1], high, 0, low, 1, count, 1);
      normalsFromWords(kernels, count);
      out.set(floats0.subarray(0, count), offset);
    });
    return out;
  }
  legacyWords ??= new Uint32Array(chunk);
  for (let done = 0; done < out.length; done += chunk) {
    const count = Math.min(chunk, out.length - done);
    const words = legacyWords.subarray(0, count);
    fillBits(key[0], key[1], words, false, start + done, total);
    words0.set(words);
    normalsFromWords(kernels, count);
    out.set(floats0.subarray(0, count), done);
  }
  return out;
}

/**
 * Computing an elementwise draw slice by slice (sliced generation,
 * spec/sharding.md): each slice's intermediate arrays stay in the cache, and
 * the result is written once, into the array that becomes the jax-js array.
 *
 * @module
 */
import type { FloatDType, NdArray } from "@jrng/core";
import { allocate, shapeSize } from "@jrng/core/internal";

/** Elements per slice: a few hundred KiB of intermediates. */
export const SLICE_ELEMENTS = 1 << 15;

/**
 * The draw of `shape` in `dtype`, filled from `draw([start, end])`, which
 * returns elements `[start, end)` of it (a `@jrng/core` sampler called with
 * `{ slice: [start, end] }`); equal to the whole draw, bit for bit.
 */
export function drawBySlices(
  dtype: FloatDType,
  shape: readonly number[],
  draw: (slice: [number, number]) => NdArray,
): NdArray {
  const total = shapeSize(shape);
  const data = allocate(dtype, total);
  for (let start = 0; start < total; start += SLICE_ELEMENTS) {
    const end = Math.min(total, start + SLICE_ELEMENTS);
    data.set(draw([start, end]).data as Float32Array | Float64Array, start);
  }
  return { dtype, shape, data };
}

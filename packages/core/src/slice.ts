/**
 * Sliced (sharded) generation: computing elements `[start, end)` of the
 * row-major flattening of an elementwise sampler's result, equal to the same
 * elements of the whole draw (spec/sharding.md).
 *
 * One mechanism serves every elementwise sampler: its kernel runs unchanged on
 * the slice's shape `[end - start]`, with its parameters broadcast to the full
 * shape and cut to the range, under a key that carries the range, so that
 * every per-element draw it makes (bits, uniforms, normals, one key per
 * element) yields exactly the range's elements of the full draw. A kernel
 * that draws several values per element throws {@link WholeDrawNeeded}; the
 * slice is then cut from the whole result.
 *
 * @module
 */
import type { Key } from "./keys.js";
import { shapeSize, type DType, type TypedArrayOf } from "./ndarray.js";
import { resolveSlice, type SliceOptions } from "./options.js";
import { broadcastParam, broadcastParamRange, type Param } from "./params.js";
import { keyForRange, WholeDrawNeeded } from "./random-words.js";

/** A kernel over a shape, reading its parameters broadcast by `broadcast`. */
export type ElementwiseKernel<T> = (
  key: Key,
  shape: readonly number[],
  broadcast: (param: Param) => Float64Array,
) => T;

/**
 * Run an elementwise kernel for the result `shape`, or, when
 * `options.slice` is `[start, end]`, for elements `[start, end)` of it only,
 * returned with shape `[end - start]`.
 *
 * `independentElements` is `false` for a kernel whose element i also depends
 * on the other elements' draws: JAX's Poisson (PTRS) and binomial (BTRS)
 * loops overwrite an accepted element's value whenever it accepts again,
 * until every element has accepted, so its value depends on how many rounds
 * the whole array needs. Their slice is cut from the whole result.
 *
 * @throws TypeError / RangeError for a bad `options.slice`.
 */
export function sampleElements<T extends TypedArrayOf[DType]>(
  key: Key,
  shape: readonly number[],
  options: SliceOptions | undefined,
  kernel: ElementwiseKernel<T>,
  independentElements = true,
): { shape: readonly number[]; data: T } {
  const range = resolveSlice(options, shapeSize(shape));
  const whole = () => kernel(key, shape, (param) => broadcastParam(param, shape));
  if (range === undefined) return { shape, data: whole() };
  const { start, end } = range;
  const sliceShape = [end - start];
  if (!independentElements) return { shape: sliceShape, data: whole().slice(start, end) as T };
  try {
    const data = kernel(keyForRange(key, range), sliceShape, (param) =>
      broadcastParamRange(param, shape, start, end),
    );
    return { shape: sliceShape, data };
  } catch (error) {
    if (!(error instanceof WholeDrawNeeded)) throw error;
    return { shape: sliceShape, data: whole().slice(start, end) as T };
  }
}

/**
 * NumPy's `size` argument and the broadcasting of array parameters.
 *
 * @module
 */
import {
  broadcastShapes,
  checkShape,
  toParam,
  type ArrayParam,
  type Param,
} from "@jrng/core/internal";
import type { Array as JaxArray } from "@jax-js/jax";
import { isJaxArray, readJaxArray } from "./arrays.js";

/** NumPy's `size`: `undefined` (one value, or the parameters' broadcast shape), `n`, or a shape. */
export type Size = number | readonly number[] | undefined | null;

/**
 * The output shape for `size` and parameters, as NumPy: with no size, the
 * broadcast of the parameter shapes; with one, that shape, to which every
 * parameter must broadcast.
 *
 * @throws TypeError for a size that is not an integer or an array of integers.
 * @throws RangeError for negative extents, or if the parameters do not broadcast to it.
 */
export function outputShape(method: string, size: Size, ...params: readonly Param[]): number[] {
  const paramShapes = params.map((p) => p.shape);
  if (size === undefined || size === null) return broadcastShapes(method, ...paramShapes);
  // As core's shape checks: TypeError for the wrong kind, RangeError for negative extents.
  const shape = checkShape(`${method}: size`, size);
  const joint = broadcastShapes(method, shape, ...paramShapes);
  if (joint.length !== shape.length || joint.some((d, i) => d !== shape[i])) {
    throw new RangeError(
      `${method}: parameters of shapes ${paramShapes.map((s) => `[${s.join(", ")}]`).join(", ")} ` +
        `cannot be broadcast to size [${shape.join(", ")}]`,
    );
  }
  return [...shape];
}

/** A method parameter: a number, nested arrays of numbers, an `NdArray` or a jax-js Array. */
export type ParamLike = ArrayParam | JaxArray;

/**
 * Read a parameter, naming it as NumPy does. A jax-js Array is read with
 * `dataSync()` without being consumed (its reference count is kept).
 */
export function param(name: string, value: ParamLike): Param {
  return toParam(name, isJaxArray(value) ? readJaxArray(name, value) : value);
}

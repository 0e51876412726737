/**
 * NumPy's `size` argument and the broadcasting of array parameters.
 *
 * @module
 */
import {
  broadcastShapes,
  describe,
  toParam,
  type ArrayParam,
  type Param,
} from "@jrng/core/internal";
import type { Array as JaxArray } from "@jax-js/jax";
import { isJaxArray } from "./arrays.js";

/** NumPy's `size`: `undefined` (one value, or the parameters' broadcast shape), `n`, or a shape. */
export type Size = number | readonly number[] | undefined | null;

/**
 * The output shape for `size` and parameters, as NumPy: with no size, the
 * broadcast of the parameter shapes; with one, that shape, to which every
 * parameter must broadcast.
 *
 * @throws TypeError for a malformed size.
 * @throws RangeError if the parameters do not broadcast to it.
 */
export function outputShape(method: string, size: Size, ...params: readonly Param[]): number[] {
  const paramShapes = params.map((p) => p.shape);
  if (size === undefined || size === null) return broadcastShapes(method, ...paramShapes);
  const shape = typeof size === "number" ? [size] : size;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new TypeError(
      `size must be a non-negative integer or an array of them, got ${describe(size)}`,
    );
  }
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
  if (isJaxArray(value)) {
    const data = value.ref.dataSync();
    return { shape: [...value.shape], data: Float64Array.from(data as ArrayLike<number>) };
  }
  return toParam(name, value);
}

/**
 * Array parameters of samplers (`minval`, `p`, `alpha`, …) and JAX's rules for
 * broadcasting them against the `shape` argument.
 *
 * @module
 */
import { checkNdArray, looksLikeNdArray, readNested } from "./input.js";
import { shapeSize, type FloatDType, type NdArray } from "./ndarray.js";
import { checkShape, describe } from "./validate.js";

/** A nested JavaScript array of numbers, e.g. `[[1, 2], [3, 4]]`. */
export type NestedNumbers = number | readonly NestedNumbers[];

/** A sampler parameter: a number, nested arrays of numbers, or an {@link NdArray}. */
export type ArrayParam = NestedNumbers | NdArray;

/** A parameter read into doubles, with its shape. */
export interface Param {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/**
 * Read a sampler parameter into doubles. Booleans in a `bool` array read as
 * 0/1; int64/uint64 elements are converted with `Number`.
 *
 * @throws TypeError for anything that is not numbers in a rectangular shape.
 */
export function toParam(name: string, value: unknown): Param {
  if (typeof value === "number") return { shape: [], data: Float64Array.of(value) };
  if (Array.isArray(value)) {
    const what = "a number or a rectangular nested array of numbers";
    const { shape, elements } = readNested(name, value, what);
    elements.forEach((element, i) => {
      if (typeof element !== "number") {
        throw new TypeError(
          `${name} must be ${what}, got ${describe(element)} ` +
            `at flat index ${i} of ${describe(value)}`,
        );
      }
    });
    return { shape, data: Float64Array.from(elements as number[]) };
  }
  if (looksLikeNdArray(value)) {
    const array = checkNdArray(name, value);
    const data = new Float64Array(array.data.length);
    for (let i = 0; i < data.length; i++) data[i] = Number(array.data[i]);
    return { shape: [...array.shape], data };
  }
  throw new TypeError(
    `${name} must be a number, a nested array of numbers or an NdArray, got ${describe(value)}`,
  );
}

/**
 * NumPy/JAX broadcasting of shapes: align on the right, extents must be
 * equal or 1.
 *
 * @throws RangeError naming `name` when the shapes do not broadcast.
 */
export function broadcastShapes(name: string, ...shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const result = new Array<number>(rank).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const axis = rank - shape.length + i;
      const extent = shape[i];
      if (extent === result[axis] || extent === 1) continue;
      if (result[axis] !== 1) {
        throw new RangeError(
          `${name}: shapes ${shapes.map((s) => `[${s.join(", ")}]`).join(", ")} do not broadcast together`,
        );
      }
      result[axis] = extent;
    }
  }
  return result;
}

/**
 * The result shape of a sampler, as JAX's `_check_broadcast_shapes`: with no
 * `shape` argument, the broadcast of the parameter shapes; with one, that
 * shape, which the parameters must broadcast to without enlarging it.
 *
 * @throws TypeError / RangeError for a bad `shape`.
 * @throws RangeError if the parameters do not broadcast to `shape`.
 */
export function resolveShape(name: string, shape: unknown, ...params: readonly Param[]): number[] {
  const paramShapes = params.map((p) => p.shape);
  if (shape === undefined || shape === null) return broadcastShapes(name, ...paramShapes);
  const checked = checkShape("shape", shape);
  checkParamsFitShape(name, checked, ...paramShapes);
  return checked;
}

/**
 * JAX's `_check_shape`: the parameter shapes must broadcast with `shape` to
 * exactly `shape`.
 *
 * @throws RangeError otherwise, naming the sampler and both shapes.
 */
export function checkParamsFitShape(
  name: string,
  shape: readonly number[],
  ...paramShapes: readonly (readonly number[])[]
): void {
  const broadcast = broadcastShapes(name, shape, ...paramShapes);
  if (broadcast.length !== shape.length || broadcast.some((extent, i) => extent !== shape[i])) {
    throw new RangeError(
      `${name} parameter shapes must be broadcast-compatible with shape argument, and the result of ` +
        `broadcasting the shapes must equal the shape argument, but got result [${broadcast.join(", ")}] ` +
        `for shape argument [${shape.join(", ")}]`,
    );
  }
}

/**
 * The values of `param` broadcast to `shape` (which it must broadcast to),
 * row-major. A scalar parameter gives a constant array.
 */
export function broadcastParam(param: Param, shape: readonly number[]): Float64Array {
  return broadcastParamRange(param, shape, 0, shapeSize(shape));
}

/**
 * JAX's `_check_all_safe_to_cast` for one parameter: with `jax_enable_x64`,
 * a float64 array cannot be safely cast to float32 (JAX raises
 * `TypePromotionError`). Numbers and nested arrays are Python scalars/lists
 * in JAX terms (weakly typed) and always pass; integer and float32 arrays
 * pass.
 *
 * @throws TypeError for an {@link NdArray} of dtype float64 when `dtype` is float32.
 */
export function checkSafeToCast(name: string, param: string, value: unknown, dtype: string): void {
  if (dtype === "float32" && looksLikeNdArray(value) && value.dtype === "float64") {
    throw new TypeError(
      `In arguments to ${name}, cannot safely cast ${param} of type float64 to float32`,
    );
  }
}

/**
 * Elements `[start, end)` of `param` broadcast to `shape` (which it must
 * broadcast to), row-major: {@link broadcastParam} restricted to a range,
 * without building the rest.
 */
export function broadcastParamRange(
  param: Param,
  shape: readonly number[],
  start: number,
  end: number,
): Float64Array {
  const count = end - start;
  const out = new Float64Array(count);
  if (param.data.length === 1) return out.fill(param.data[0]);
  if (param.shape.length === shape.length && param.shape.every((e, i) => e === shape[i])) {
    out.set(param.data.subarray(start, end));
    return out;
  }
  const rank = shape.length;
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let i = param.shape.length - 1; i >= 0; i--) {
    const axis = rank - param.shape.length + i;
    strides[axis] = param.shape[i] === 1 ? 0 : stride;
    stride *= param.shape[i];
  }
  // The multi-index of element `start`, and its position in the parameter.
  const index = new Array<number>(rank).fill(0);
  let source = 0;
  let rest = start;
  for (let axis = rank - 1; axis >= 0; axis--) {
    index[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
    source += index[axis] * strides[axis];
  }
  for (let t = 0; t < count; t++) {
    out[t] = param.data[source];
    for (let axis = rank - 1; axis >= 0; axis--) {
      index[axis]++;
      source += strides[axis];
      if (index[axis] < shape[axis]) break;
      source -= strides[axis] * index[axis];
      index[axis] = 0;
    }
  }
  return out;
}

/**
 * The float dtype JAX computes in for float parameters after
 * `promote_dtypes_inexact`: a plain number is a weakly typed Python scalar
 * and takes the other parameters' dtype, or JAX's default float (float64
 * with `x64`, else float32) when every parameter is a number; a float
 * NdArray keeps its dtype; an integer or bool NdArray is promoted to the
 * default float; a nested array is an array of `arrayDType` (the
 * vectors' convention: an array of the call's float dtype).
 */
export function promotedFloatDType(
  values: readonly unknown[],
  arrayDType: FloatDType,
  x64: boolean,
): FloatDType {
  const defaultDType: FloatDType = x64 ? "float64" : "float32";
  let promoted: FloatDType | undefined;
  for (const value of values) {
    if (typeof value === "number") continue;
    let dtype: FloatDType = arrayDType;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const own = (value as { dtype?: unknown }).dtype;
      dtype = own === "float32" || own === "float64" ? own : defaultDType;
    }
    promoted = promoted === "float64" ? "float64" : dtype;
  }
  return promoted ?? defaultDType;
}

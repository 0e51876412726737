/**
 * Shared steps of the generator methods: reading NumPy-style parameters,
 * validating them with NumPy's rules, and the float arithmetic that maps
 * JAX's parameterisations to NumPy's (`loc + scale · x` and friends), rounded
 * to the result dtype at each step as JAX computes it.
 *
 * @module
 */
import type { FloatDType, NdArray } from "@jrng/core";
import { allocate, broadcastParam, roundTo, shapeSize } from "@jrng/core/internal";
import { outputShape, param, type ParamLike, type Size } from "./size.js";

/** Parameters read and broadcast to the output shape. */
export interface ReadParams {
  shape: number[];
  values: Float64Array[];
}

/**
 * Read named parameters and broadcast them to the output shape (NumPy's
 * `size` rules).
 */
export function readParams(method: string, size: Size, params: [string, ParamLike][]): ReadParams {
  const read = params.map(([name, value]) => param(name, value));
  const shape = outputShape(method, size, ...read);
  return { shape, values: read.map((p) => broadcastParam(p, shape)) };
}

/**
 * NumPy's domain check: no value may satisfy `violates` — written as NumPy
 * writes its condition, so NaN passes checks like `scale < 0` exactly where
 * NumPy lets it through — otherwise a RangeError quoting NumPy's condition.
 */
export function checkDomain(
  method: string,
  name: string,
  values: Float64Array,
  violates: (value: number) => boolean,
  numpyCondition: string,
): void {
  for (const value of values) {
    if (violates(value)) {
      throw new RangeError(`${method}: ${numpyCondition} (got ${name} = ${value})`);
    }
  }
}

/** A parameter passed on to `@jrng/core`, in the result's float dtype (as JAX holds weakly typed floats). */
export function asParam(
  values: Float64Array,
  shape: readonly number[],
  dtype: FloatDType,
): NdArray {
  const data = allocate(dtype, values.length);
  data.set(values);
  return { dtype, shape: [...shape], data };
}

/** `loc + scale · x`, elementwise in the dtype (JAX: `loc + scale * sample`). */
export function locScale(sample: NdArray, loc: Float64Array, scale: Float64Array): NdArray {
  const dtype = sample.dtype as FloatDType;
  const round = roundTo(dtype);
  const data = allocate(dtype, sample.data.length);
  const x = sample.data as Float32Array | Float64Array;
  for (let i = 0; i < data.length; i++)
    data[i] = round(round(loc[i]) + round(round(scale[i]) * x[i]));
  return { dtype, shape: sample.shape, data };
}

/** `scale · x`, elementwise in the dtype (rng-jax: `array(scale) * sample`). */
export function scaled(sample: NdArray, scale: Float64Array): NdArray {
  const dtype = sample.dtype as FloatDType;
  const round = roundTo(dtype);
  const data = allocate(dtype, sample.data.length);
  const x = sample.data as Float32Array | Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = round(round(scale[i]) * x[i]);
  return { dtype, shape: sample.shape, data };
}

/** Elementwise `f(x)` in the dtype. */
export function mapFloat(sample: NdArray, f: (x: number, i: number) => number): NdArray {
  const dtype = sample.dtype as FloatDType;
  const round = roundTo(dtype);
  const data = allocate(dtype, sample.data.length);
  const x = sample.data as Float32Array | Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = round(f(x[i], i));
  return { dtype, shape: sample.shape, data };
}

/** Integer-valued float results (JAX's float `binomial`, `multinomial`) as int32. */
export function toInt32(sample: NdArray): NdArray<"int32"> {
  const data = new Int32Array(shapeSize(sample.shape));
  const x = sample.data as Float32Array | Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = x[i];
  return { dtype: "int32", shape: sample.shape, data };
}

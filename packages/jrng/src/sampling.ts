/**
 * Shared steps of the generator methods: reading NumPy-style parameters,
 * validating them with NumPy's rules, and the float arithmetic that maps
 * JAX's parameterisations to NumPy's (`loc + scale · x` and friends), rounded
 * to the result dtype at each step as JAX computes it.
 *
 * @module
 */
import type { FloatDType, NdArray } from "@jrng/core";
import { allocate, broadcastParam, roundTo } from "@jrng/core/internal";
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
      const shown = Object.is(value, -0) ? "-0" : String(value);
      throw new RangeError(`${method}: ${numpyCondition} (got ${name} = ${shown})`);
    }
  }
}

/**
 * NumPy's test for a non-negative parameter (`CONS_NON_NEGATIVE` in
 * `_common.pyx`): `signbit`, not `< 0`, so `-0` is refused as `scale < 0`
 * is, while NaN passes.
 */
export function signbit(value: number): boolean {
  return value < 0 || Object.is(value, -0);
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

/**
 * A parameter as the JAX program of a method passes it: a number stays a
 * number (a Python float, which XLA may fold or rewrite differently from an
 * array), anything else becomes an array of the result's dtype and shape.
 */
export function coreParam(
  value: ParamLike,
  values: Float64Array,
  shape: readonly number[],
  dtype: FloatDType,
): number | NdArray {
  return typeof value === "number" ? value : asParam(values, shape, dtype);
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

/** int32's maximum, where JAX's float-to-int32 conversion saturates. */
const INT32_MAX = 2 ** 31 - 1;

/**
 * JRNG's rule for count-valued methods, whose results are int32 (JAX's
 * default integer without x64): a count int32 cannot hold is never wrapped
 * or saturated. `counts` checks a result — int32 counts from `@jrng/core`
 * (saturated at 2^31 − 1 by JAX's conversion) or integer-valued floats
 * (JAX's `binomial` and `multinomial`) — and returns it as int32, or throws a
 * RangeError saying why and what to use instead (the call then consumes
 * nothing). A count of 2^31 − 1 itself is refused too: it cannot be told
 * apart from a saturated one.
 *
 * @param method - the JRNG method, for the message.
 * @param instead - what to call for counts this large.
 * @throws RangeError for a count of 2^31 − 1 or more (or a non-finite one).
 */
export function counts(method: string, sample: NdArray, instead: string): NdArray<"int32"> {
  const values = sample.data as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] < INT32_MAX)) {
      const shown = sample.dtype === "int32" ? `${INT32_MAX} or more` : String(values[i]);
      throw new RangeError(
        `${method}: a count of ${shown} does not fit the int32 result (NumPy returns int64 here); ` +
          `JRNG refuses it rather than wrap or saturate it. For counts this large use ${instead}`,
      );
    }
  }
  if (sample.data instanceof Int32Array) return sample as NdArray<"int32">;
  return { dtype: "int32", shape: sample.shape, data: Int32Array.from(values) };
}

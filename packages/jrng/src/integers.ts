/**
 * Integer bounds of `integers`: read exactly (as bigints), so that 64-bit
 * bounds and `endpoint` arithmetic never round.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import type { NdArray } from "@jrng/core";
import {
  broadcastParam,
  checkNdArray,
  describe,
  looksLikeNdArray,
  readNested,
  type Param,
} from "@jrng/core/internal";
import { isJaxArray, readJaxArray } from "./arrays.js";

/** An integer bound: a number, a bigint, nested arrays of them, an NdArray or a jax-js Array. */
export type IntegerParamLike = number | bigint | readonly IntegerParamLike[] | NdArray | JaxArray;

/** A bound read as bigints, with its shape (and a `Param` view for shape checks). */
export interface IntegerBound {
  param: Param;
  values: bigint[];
}

function toBigInt(name: string, value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  throw new TypeError(`${name} must hold integers, got ${describe(value)}`);
}

/** Read an integer bound. */
export function integerParam(name: string, value: IntegerParamLike): IntegerBound {
  if (isJaxArray(value)) {
    return integerParam(name, readJaxArray(name, value));
  }
  if (typeof value === "number" || typeof value === "bigint") {
    const values = [toBigInt(name, value)];
    return { param: { shape: [], data: Float64Array.of(Number(values[0])) }, values };
  }
  if (Array.isArray(value)) {
    const { shape, elements } = readNested(name, value, "a rectangular nested array of integers");
    const values = elements.map((x) => toBigInt(name, x));
    return { param: { shape, data: Float64Array.from(values, Number) }, values };
  }
  if (!looksLikeNdArray(value)) {
    throw new TypeError(
      `${name} must be an integer, an array of integers or an NdArray, got ${describe(value)}`,
    );
  }
  const array = checkNdArray(name, value);
  const values = Array.from(array.data as ArrayLike<number | bigint>, (x) => toBigInt(name, x));
  return { param: { shape: [...array.shape], data: Float64Array.from(values, Number) }, values };
}

/** The bound's values broadcast to `shape`. */
export function broadcastBigInts(bound: IntegerBound, shape: readonly number[]): bigint[] {
  const index = broadcastParam(
    { shape: bound.param.shape, data: Float64Array.from(bound.values.keys()) },
    shape,
  );
  return Array.from(index, (i) => bound.values[i]);
}

/**
 * Bounds passed on to `randint`, already checked to fit the dtype: uint64
 * bounds as uint64 (they may exceed int64), all others as int64.
 */
export function bigIntParam(
  values: bigint[],
  shape: readonly number[],
  dtype: string,
): NdArray<"int64" | "uint64"> {
  return dtype === "uint64"
    ? { dtype: "uint64", shape: [...shape], data: BigUint64Array.from(values) }
    : { dtype: "int64", shape: [...shape], data: BigInt64Array.from(values) };
}

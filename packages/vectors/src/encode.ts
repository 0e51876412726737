/**
 * Converting arrays to and from the vectors' JSON encoding, and comparing a
 * result with an expectation under a case's rule.
 *
 * @module
 */
import type { NdArray } from "@jrng/core";
import type { CompareRule, ExpectedArray } from "./format.js";

const f32Scratch = new Float32Array(1);
const f32Bits = new Uint32Array(f32Scratch.buffer);
const f64Scratch = new Float64Array(1);
const f64Bits = new BigUint64Array(f64Scratch.buffer);

/** The float32 bit pattern of `x` as `0x` + 8 hex digits. */
export function float32Hex(x: number): string {
  f32Scratch[0] = x;
  return "0x" + f32Bits[0].toString(16).padStart(8, "0");
}

/** The float64 bit pattern of `x` as `0x` + 16 hex digits. */
export function float64Hex(x: number): string {
  f64Scratch[0] = x;
  return "0x" + f64Bits[0].toString(16).padStart(16, "0");
}

/** The float whose bit pattern is the hex string (8 digits: float32, 16: float64). */
export function floatFromHex(hex: string): number {
  const digits = hex.slice(2);
  if (digits.length === 8) {
    f32Bits[0] = parseInt(digits, 16);
    return f32Scratch[0];
  }
  f64Bits[0] = BigInt(hex);
  return f64Scratch[0];
}

/** The shortest decimal that reads back as the same float of this width. */
export function shortestDecimal(x: number, dtype: "float32" | "float64"): number | string {
  if (!Number.isFinite(x)) return String(x);
  if (dtype === "float64") return x;
  for (let digits = 1; digits <= 9; digits++) {
    const text = x.toPrecision(digits);
    if (Math.fround(Number(text)) === x) return Number(text);
  }
  return x;
}

const FLOAT_DTYPES = new Set(["float32", "float64"]);

/** True for a floating-point dtype. */
export function isFloatDType(dtype: string): dtype is "float32" | "float64" {
  return FLOAT_DTYPES.has(dtype);
}

/** Encode a result as an {@link ExpectedArray}. */
export function encodeArray(array: NdArray): ExpectedArray {
  const { dtype, shape } = array;
  const elements = Array.from(array.data as ArrayLike<number | bigint>);
  if (dtype === "float32" || dtype === "float64") {
    const hex = dtype === "float32" ? float32Hex : float64Hex;
    return {
      dtype,
      shape: [...shape],
      data: elements.map((x) => hex(x as number)),
      values: elements.map((x) => shortestDecimal(x as number, dtype)),
    };
  }
  if (dtype === "bool") return { dtype, shape: [...shape], data: elements.map((x) => x !== 0) };
  if (dtype === "int64" || dtype === "uint64") {
    return { dtype, shape: [...shape], data: elements.map((x) => String(x)) };
  }
  return { dtype, shape: [...shape], data: elements.map((x) => Number(x)) };
}

/** Elements of an expectation as numbers, bigints or booleans. */
export function decodeElements(expected: ExpectedArray): (number | bigint | boolean)[] {
  if (isFloatDType(expected.dtype)) return expected.data.map((x) => floatFromHex(x as string));
  if (expected.dtype === "int64" || expected.dtype === "uint64") {
    return expected.data.map((x) => BigInt(x as string));
  }
  return expected.data as (number | boolean)[];
}

/** Distance in units in the last place between two floats of a width (0 for equal, Infinity across NaN). */
export function ulpDistance(a: number, b: number, dtype: "float32" | "float64"): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  if (dtype === "float32") {
    const order = (x: number) => {
      f32Scratch[0] = x;
      const bits = f32Bits[0];
      return bits & 0x80000000 ? -(bits & 0x7fffffff) : bits;
    };
    return Math.abs(order(a) - order(b));
  }
  const order = (x: number) => {
    f64Scratch[0] = x;
    const bits = f64Bits[0];
    return bits & (1n << 63n) ? -(bits & ((1n << 63n) - 1n)) : bits;
  };
  const distance = order(a) - order(b);
  return Number(distance < 0n ? -distance : distance);
}

/** The first element where a result breaks the rule, with both values shown. */
export interface Mismatch {
  /** Flat index of the element; -1 for a dtype or shape mismatch. */
  index: number;
  reason: string;
  expected?: string;
  got?: string;
  expectedBits?: string;
  gotBits?: string;
  ulp?: number;
}

/** The outcome of a comparison: `null` when the result conforms. */
export function compareArray(
  expected: ExpectedArray,
  got: { dtype: string; shape: readonly number[]; data: ArrayLike<number | bigint | boolean> },
  rule: CompareRule,
): Mismatch | null {
  if (got.dtype !== expected.dtype) {
    return { index: -1, reason: `dtype ${got.dtype} instead of ${expected.dtype}` };
  }
  if (got.shape.length !== expected.shape.length || got.shape.some((d, i) => d !== expected.shape[i])) {
    return { index: -1, reason: `shape [${got.shape.join(", ")}] instead of [${expected.shape.join(", ")}]` };
  }
  const want = decodeElements(expected);
  if (got.data.length !== want.length) {
    return { index: -1, reason: `${got.data.length} elements instead of ${want.length}` };
  }
  const float = isFloatDType(expected.dtype);
  for (let i = 0; i < want.length; i++) {
    const expectedValue = want[i];
    const gotValue = expected.dtype === "bool" ? Boolean(got.data[i]) : got.data[i];
    if (!float) {
      const equal =
        typeof expectedValue === "bigint" ? BigInt(gotValue as number | bigint) === expectedValue : gotValue === expectedValue;
      if (!equal) {
        return { index: i, reason: "integers differ", expected: String(expectedValue), got: String(gotValue) };
      }
      continue;
    }
    const dtype = expected.dtype as "float32" | "float64";
    const a = expectedValue as number;
    const b = Number(gotValue);
    const ulp = ulpDistance(a, b, dtype);
    const hex = dtype === "float32" ? float32Hex : float64Hex;
    const describe = { expected: String(a), got: String(b), expectedBits: hex(a), gotBits: hex(b), ulp };
    if (rule.rule === "exact" && (ulp !== 0 || Object.is(a, -0) !== Object.is(b, -0))) {
      return { index: i, reason: "floats differ", ...describe };
    }
    if (rule.rule === "ulp" && ulp > rule.maxUlp) {
      return { index: i, reason: `more than ${rule.maxUlp} ulp apart`, ...describe };
    }
    if (rule.rule === "rtol" && !(Math.abs(a - b) <= rule.atol + rule.rtol * Math.abs(a) || ulp === 0)) {
      return { index: i, reason: `outside rtol ${rule.rtol}, atol ${rule.atol}`, ...describe };
    }
  }
  return null;
}

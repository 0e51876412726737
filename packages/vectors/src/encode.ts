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

/**
 * The float's position on the number line of its width: the bit pattern read
 * as a sign-magnitude integer, so that consecutive floats are consecutive
 * integers and +0 and -0 are both 0.
 */
function orderedInteger(x: number, dtype: "float32" | "float64"): bigint {
  if (dtype === "float32") {
    f32Scratch[0] = x;
    const bits = f32Bits[0];
    return BigInt(bits & 0x80000000 ? -(bits & 0x7fffffff) : bits);
  }
  f64Scratch[0] = x;
  const bits = f64Bits[0];
  return bits & (1n << 63n) ? -(bits & ((1n << 63n) - 1n)) : bits;
}

/**
 * Distance in units in the last place between two floats of a width: how
 * many floats of that width lie between them, plus one (spec/vectors.md).
 * 0 for equal values, for +0 and -0 and for two NaNs; Infinity between a NaN
 * and a number. The infinities sit one step beyond the largest finite float.
 */
export function ulpDistance(a: number, b: number, dtype: "float32" | "float64"): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const distance = orderedInteger(a, dtype) - orderedInteger(b, dtype);
  return Number(distance < 0n ? -distance : distance);
}

const SMALLEST_NORMAL = { float32: 2 ** -126, float64: 2 ** -1022 } as const;

/** `x`, or a zero of its sign when it is subnormal: what a flushing CPU computes. */
export function flushSubnormal(x: number, dtype: "float32" | "float64"): number {
  return x !== 0 && Math.abs(x) < SMALLEST_NORMAL[dtype] ? (x < 0 ? -0 : 0) : x;
}

/** A rule as a reader sees it: `exact`, `≤ 4 ulp`, `exact, subnormals flushed`. */
export function describeRule(rule: CompareRule): string {
  const flush = rule.subnormals === "flush" ? ", subnormals flushed" : "";
  switch (rule.rule) {
    case "exact":
      return `exact${flush}`;
    case "ulp":
      return `≤ ${rule.maxUlp} ulp${flush}`;
  }
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
  /** How many elements break the rule (floats and integers). */
  count?: number;
  /** Floats: the largest ulp distance over all elements. */
  maxUlp?: number;
}

/** Whether two floats satisfy the rule. */
function floatsConform(a: number, b: number, ulp: number, rule: CompareRule): boolean {
  switch (rule.rule) {
    case "exact":
      // Bit for bit, except that every NaN equals every NaN and, with flushed subnormals, +0 equals -0.
      return rule.subnormals === "flush"
        ? ulp === 0
        : ulp === 0 && (Number.isNaN(a) || Object.is(a, -0) === Object.is(b, -0));
    case "ulp":
      return ulp <= rule.maxUlp;
  }
}

/** Why a float breaks the rule, for the report. */
function floatReason(rule: CompareRule): string {
  switch (rule.rule) {
    case "exact":
      return "floats differ";
    case "ulp":
      return `more than ${rule.maxUlp} ulp apart`;
  }
}

/**
 * The outcome of a comparison: `null` when the result conforms, else the
 * first element that breaks the rule, with the number of such elements and,
 * for floats, the largest ulp distance.
 */
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
  let first: Mismatch | null = null;
  let count = 0;
  let maxUlp = 0;
  if (!isFloatDType(expected.dtype)) {
    for (let i = 0; i < want.length; i++) {
      const expectedValue = want[i];
      const gotValue = expected.dtype === "bool" ? Boolean(got.data[i]) : got.data[i];
      const equal =
        typeof expectedValue === "bigint" ? BigInt(gotValue as number | bigint) === expectedValue : gotValue === expectedValue;
      if (equal) continue;
      count++;
      first ??= { index: i, reason: "integers differ", expected: String(expectedValue), got: String(gotValue) };
    }
    return first && { ...first, count };
  }
  const dtype = expected.dtype as "float32" | "float64";
  const flush = rule.subnormals === "flush";
  const hex = dtype === "float32" ? float32Hex : float64Hex;
  for (let i = 0; i < want.length; i++) {
    const rawExpected = want[i] as number;
    const rawGot = Number(got.data[i]);
    const a = flush ? flushSubnormal(rawExpected, dtype) : rawExpected;
    const b = flush ? flushSubnormal(rawGot, dtype) : rawGot;
    const ulp = ulpDistance(a, b, dtype);
    if (ulp > maxUlp) maxUlp = ulp;
    if (floatsConform(a, b, ulp, rule)) continue;
    count++;
    first ??= {
      index: i,
      reason: floatReason(rule),
      expected: String(shortestDecimal(rawExpected, dtype)),
      got: String(shortestDecimal(rawGot, dtype)),
      expectedBits: hex(rawExpected),
      gotBits: hex(rawGot),
      ulp,
    };
  }
  return first && { ...first, count, maxUlp };
}

/**
 * The rules of mirror cases: where JAX has no counterpart, the reference
 * defines the value and the case's rule is the accuracy its spec chapter
 * states. The spec-defined samplers' float results
 * (spec/samplers/jrng-defined.md) get that chapter's ULP bounds, some of them
 * relative to a larger term than the result, as the largest bound over the
 * case's elements; everything else a mirror case computes (counts, keys,
 * uniform floats, `multivariateNormal`'s Cholesky path, whose every step
 * spec/samplers/linalg.md fixes) is `exact`.
 *
 * @module
 */
import * as core from "@jrng/core";
import type { NdArray } from "@jrng/core";
import { isFloatDType } from "./encode.js";
import type { CompareRule, FunctionCall, GeneratorCall } from "./format.js";
import { boundFor } from "./bounds.js";
import { createGenerator, fromArg, runFunctionCall, runMethodCall } from "./registry.js";

type FloatDType = "float32" | "float64";

/** Significand bits after the point, and the smallest normal exponent, of each float dtype. */
const FORMAT: Record<FloatDType, { fraction: number; minExponent: number }> = {
  float32: { fraction: 23, minExponent: -126 },
  float64: { fraction: 52, minExponent: -1022 },
};

/** The unit in the last place of `x` in `dtype` (of the smallest subnormal for 0). */
export function ulpOf(x: number, dtype: FloatDType): number {
  const { fraction, minExponent } = FORMAT[dtype];
  const magnitude = Math.abs(x);
  let exponent = minExponent;
  if (magnitude >= 2 ** minExponent) {
    exponent = Math.floor(Math.log2(magnitude));
    if (2 ** exponent > magnitude) exponent--;
    if (2 ** (exponent + 1) <= magnitude) exponent++;
  }
  return 2 ** (exponent - fraction);
}

/** A scalar parameter of a call (the cases these bounds serve use scalars). */
function scalar(call: FunctionCall, name: string): number {
  const value = fromArg(call.args[name]);
  if (typeof value !== "number") {
    throw new Error(`${call.function}: the accuracy bound needs a scalar ${name}, got ${JSON.stringify(call.args[name])}`);
  }
  return value;
}

function threefry(call: FunctionCall): core.ThreefryOptions {
  return { partitionable: call.mode === "partitionable", x64: call.x64 ?? false } as core.ThreefryOptions;
}

/** `call` with another key and, for a sub-sampler, another function. */
function withKey(call: FunctionCall, key: core.Key, changes: Partial<FunctionCall> = {}): FunctionCall {
  return { ...call, ...changes, key: [key[0], key[1]] };
}

/**
 * §3: where `df > 1` and `nonc > 0` the result `c + (z + √nonc)²` is within
 * 16 ULP of `max(c, z², nonc)`, in ULP of the result at most
 * `16 · ulp(max(x, z², nonc)) / ulp(x)` (the result `x >= c`); elsewhere
 * the result is the chi-square draw `c`, within the chi-square's bound.
 */
function noncentralChisquareBounds(call: FunctionCall, result: NdArray, dtype: FloatDType): number[] {
  const df = scalar(call, "df");
  const nonc = scalar(call, "nonc");
  const keys = core.split(Uint32Array.from(call.key!), 3, threefry(call));
  const z = core.normal(core.keyAt(keys, 1), result.shape, dtype, threefry(call)).data;
  return Array.from(result.data as Float32Array | Float64Array, (x, i) => {
    if (!(df > 1 && nonc > 0) || !Number.isFinite(x)) return boundFor("chisquare", dtype);
    const largest = Math.max(Math.abs(x), z[i] * z[i], nonc);
    return Math.ceil((16 * ulpOf(largest, dtype)) / ulpOf(x, dtype));
  });
}

/**
 * §4: `r(r(cn / dfnum) / r(cd / dfden))` carries §3's bound on `cn` and the
 * chi-square's on `cd` as relative errors into the quotient, plus its 3
 * roundings. `cd`'s relative error is below `2 · bound · 2^-fraction`, at
 * most `2 · bound` ULP of the quotient.
 */
function noncentralFBounds(call: FunctionCall, result: NdArray, dtype: FloatDType): number[] {
  const keys = core.split(Uint32Array.from(call.key!), 2, threefry(call));
  const numeratorCall = withKey(call, core.keyAt(keys, 1), {
    function: "noncentralChisquare",
    args: { df: call.args.dfnum, nonc: call.args.nonc, shape: [...result.shape], dtype },
  });
  const numerator = runFunctionCall(numeratorCall);
  const numeratorBounds = noncentralChisquareBounds(numeratorCall, numerator, dtype);
  const denominatorUlp = 2 * boundFor("chisquare", dtype);
  return Array.from(result.data as Float32Array | Float64Array, (x, i) => {
    const cn = numerator.data[i] as number;
    // Infinities and NaN compare by value; a zero quotient has a zero numerator, nothing to carry.
    if (!Number.isFinite(x) || !Number.isFinite(cn) || cn === 0) return denominatorUlp + 3;
    const relative = (numeratorBounds[i] * ulpOf(cn, dtype)) / Math.abs(cn);
    return Math.ceil((relative * Math.abs(x)) / ulpOf(x, dtype)) + denominatorUlp + 3;
  });
}

/**
 * §5: an error of δ ULP in `y = E / a` becomes `δ·|y|` ULP in `exp(−y)`:
 * within `2.5·|y| + 2` ULP, `y = −log(x)`. A 0 (exp underflowed) bounds nothing.
 */
function powerBounds(result: NdArray): number[] {
  return Array.from(result.data as Float32Array | Float64Array, (x) =>
    x > 0 ? Math.ceil(2.5 * Math.abs(Math.log(x)) + 2) : 0,
  );
}

/** §6: float32 within 1 ULP; float64 within `1 + κ/4` ULP. */
function vonmisesBound(call: FunctionCall, dtype: FloatDType): number {
  if (dtype === "float32") return 1;
  const kappa = scalar(call, "kappa");
  return Math.ceil(1 + (Number.isNaN(kappa) ? 0 : kappa) / 4);
}

/** The spec-defined samplers with float results, whose bounds follow. */
const BOUNDED = new Set(["noncentralChisquare", "noncentralF", "power", "vonmises"]);

/** The largest ULP bound the spec states for a spec-defined sampler's float result (0: exact). */
function samplerBound(call: FunctionCall, result: NdArray): number {
  if (!BOUNDED.has(call.function) || !isFloatDType(result.dtype) || result.data.length === 0) return 0;
  const dtype = result.dtype;
  const largest = (bounds: number[]) => Math.max(0, ...bounds);
  switch (call.function) {
    case "noncentralChisquare":
      return largest(noncentralChisquareBounds(call, result, dtype));
    case "noncentralF":
      return largest(noncentralFBounds(call, result, dtype));
    case "power":
      return largest(powerBounds(result));
    case "vonmises":
      return vonmisesBound(call, dtype);
    default:
      return 0;
  }
}

/**
 * A method call of a generator call as the function call it makes: the key
 * it draws with (the generator replayed up to it), its parameters, and the
 * shape and dtype of its result. Checked to give the method's result.
 */
export function asFunctionCall(call: GeneratorCall, index: number, result: NdArray): FunctionCall {
  const rng = createGenerator(call);
  call.calls.slice(0, index).forEach((earlier) => runMethodCall(rng, earlier));
  const key = rng.key();
  const methodCall = call.calls[index];
  const args = Object.fromEntries(Object.entries(methodCall.args).filter(([name]) => name !== "size"));
  const functionCall: FunctionCall = {
    function: methodCall.method,
    key: [key[0], key[1]],
    mode: call.generator.mode,
    ...(call.generator.x64 ? { x64: true } : {}),
    args: { ...args, shape: [...result.shape], dtype: result.dtype },
  };
  const same = runFunctionCall(functionCall).data;
  if (same.length !== result.data.length || same.some((x, i) => !Object.is(x, result.data[i]))) {
    throw new Error(`${methodCall.method}: the function call with the method's key does not give the method's result`);
  }
  return functionCall;
}

/** The rule of a mirror case, from its call and the reference's results. */
export function mirrorRule(call: FunctionCall | GeneratorCall, results: NdArray[]): CompareRule {
  const bounds =
    "generator" in call
      ? call.calls.map((methodCall, i) =>
          BOUNDED.has(methodCall.method) ? samplerBound(asFunctionCall(call, i, results[i]), results[i]) : 0,
        )
      : [samplerBound(call, results[0])];
  const bound = Math.max(0, ...bounds);
  return bound === 0 ? { rule: "exact" } : { rule: "ulp", maxUlp: bound };
}

// Shared by the jrng-defined samplers (no jax.random counterpart; spec/samplers/jrng-defined.md).
/**
 * Helpers of the samplers whose algorithm jrng's spec defines because
 * `jax.random` has none (`negativeBinomial`, `noncentralChisquare`,
 * `noncentralF`, `power`, `vonmises`, `zipf`, `logseries`, `hypergeometric`,
 * `multivariateHypergeometric`): NumPy's parameter rules and messages, the
 * rejection-loop cap, float64 unit uniforms and integer output.
 *
 * @module
 */
import type { Key } from "../keys.js";
import { allocate, type TypedArrayOf } from "../ndarray.js";
import type { Param } from "../params.js";
import { describe } from "../validate.js";
import { INTEGER_INFO, type IntegerDType } from "./randint.js";
import { unitFloats } from "./uniform.js";

/**
 * The most iterations a jrng-defined rejection loop runs. Every loop here
 * accepts a pending element with probability at least 0.2 per iteration
 * (measured per sampler: von Mises 0.65, Zipf 0.7, hypergeometric HRUA 0.23
 * at worst), so an element is still pending after
 * `MAX_REJECTION_ITERATIONS` iterations with probability below
 * `0.8^1000 < 10^-96`: the cap only makes termination unconditional.
 */
export const MAX_REJECTION_ITERATIONS = 1000;

/**
 * NumPy's parameter constraints (`numpy/random/_common.pyx`,
 * `check_constraint`), by the name NumPy gives them.
 */
export type NumpyConstraint =
  | "CONS_POSITIVE"
  | "CONS_POSITIVE_NOT_NAN"
  | "CONS_NON_NEGATIVE"
  | "CONS_BOUNDED_GT_0_1"
  | "CONS_BOUNDED_LT_0_1"
  | "CONS_GT_1";

/**
 * Check every element of `param` against a NumPy constraint; the message
 * starts with the sampler's name and NumPy's own text (`"n <= 0"`,
 * `"p <= 0, p > 1 or p contains NaNs"`, …), then says what is allowed and
 * shows the offending value.
 *
 * @throws RangeError for the first element that violates the constraint.
 */
export function checkNumpyConstraint(
  sampler: string,
  name: string,
  param: Param,
  constraint: NumpyConstraint,
): void {
  for (const x of param.data) {
    let numpyText: string | undefined;
    let allowed = "";
    switch (constraint) {
      case "CONS_POSITIVE":
        if (!(x > 0)) numpyText = `${name} <= 0`;
        allowed = "> 0";
        break;
      case "CONS_POSITIVE_NOT_NAN":
        if (Number.isNaN(x)) numpyText = `${name} must not be NaN`;
        else if (x <= 0) numpyText = `${name} <= 0`;
        allowed = "> 0";
        break;
      case "CONS_NON_NEGATIVE":
        // NumPy tests the sign bit (so -0 fails) and lets NaN through.
        if (x < 0 || Object.is(x, -0)) numpyText = `${name} < 0`;
        allowed = ">= 0 (NaN passes and gives NaN)";
        break;
      case "CONS_BOUNDED_GT_0_1":
        if (!(x > 0 && x <= 1)) numpyText = `${name} <= 0, ${name} > 1 or ${name} contains NaNs`;
        allowed = "in (0, 1]";
        break;
      case "CONS_BOUNDED_LT_0_1":
        if (!(x >= 0 && x < 1)) numpyText = `${name} < 0, ${name} >= 1 or ${name} is NaN`;
        allowed = "in [0, 1)";
        break;
      case "CONS_GT_1":
        if (!(x > 1)) numpyText = `${name} <= 1 or ${name} is NaN`;
        allowed = "> 1";
        break;
    }
    if (numpyText !== undefined) {
      throw new RangeError(`${sampler}: ${numpyText} (${name} must be ${allowed}), got ${x}`);
    }
  }
}

/**
 * Check that every element of an integer parameter is an integer in
 * `[0, max]`, with NumPy's `"<name> < 0"` for negatives.
 *
 * @throws TypeError for a non-integer element; RangeError for a negative or too large one.
 */
export function checkCountParam(sampler: string, name: string, param: Param, max: number): void {
  for (const x of param.data) {
    if (!Number.isInteger(x)) {
      throw new TypeError(`${sampler}: ${name} must be integers, got ${describe(x)}`);
    }
    if (x < 0) {
      throw new RangeError(`${sampler}: ${name} < 0 (${name} must be >= 0), got ${x}`);
    }
    if (x > max) {
      throw new RangeError(`${sampler}: ${name} must be at most ${max}, got ${x}`);
    }
  }
}

/**
 * Float64 unit uniforms in [0, 1) for `size` elements from one key: JAX's
 * float64 uniform bits (64 random bits per element, top 52 as mantissa),
 * whatever the output dtype. The integer samplers use them so that their
 * tails are not cut at float32's 2^-23 resolution.
 */
export function unitFloats64(key: Key, size: number, partitionable: boolean): Float64Array {
  return unitFloats(key, size, "float64", partitionable);
}

/**
 * Store integer-valued doubles in an integer dtype: saturate to the dtype's
 * range (NaN to 0), except that negative values in an unsigned dtype wrap as
 * two's complement (the `-1` marker of an element that exhausted
 * `MAX_REJECTION_ITERATIONS` becomes the dtype's maximum, like JAX's
 * `poisson`).
 */
export function storeIntegers<D extends IntegerDType>(
  values: Float64Array,
  dtype: D,
): TypedArrayOf[D] {
  const out = allocate(dtype, values.length);
  const info = INTEGER_INFO[dtype];
  const signed = info.min < 0n;
  if (info.bits === 64) {
    const big = out as BigInt64Array | BigUint64Array;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      let v: bigint;
      if (Number.isNaN(x)) v = 0n;
      else if (!signed && x < 0) v = BigInt.asUintN(64, BigInt(Math.max(x, -(2 ** 63))));
      else if (x >= Number(info.max)) v = info.max;
      else if (x <= Number(info.min)) v = info.min;
      else v = BigInt(Math.trunc(x));
      big[i] = v;
    }
    return out;
  }
  const min = Number(info.min);
  const max = Number(info.max);
  const small = out as Exclude<TypedArrayOf[D], BigInt64Array | BigUint64Array>;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) small[i] = 0;
    else if (!signed && x < 0)
      small[i] = x + 2 ** info.bits; // typed-array store wraps the rest
    else small[i] = Math.min(max, Math.max(min, Math.trunc(x)));
  }
  return out;
}

/**
 * The largest double not above the dtype's maximum (`2^63 - 1024` for
 * int64, `2^64 - 2048` for uint64, the exact maximum otherwise): the
 * truncation bound of the unbounded integer samplers.
 */
export function largestDoubleIn(dtype: IntegerDType): number {
  const max = INTEGER_INFO[dtype].max;
  if (INTEGER_INFO[dtype].bits < 64) return Number(max);
  return INTEGER_INFO[dtype].bits === 64 && INTEGER_INFO[dtype].min < 0n
    ? 2 ** 63 - 1024
    : 2 ** 64 - 2048;
}

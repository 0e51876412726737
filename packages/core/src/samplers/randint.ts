// Mirrors jax.random.randint (jax/_src/random/core.py: randint, _randint, _convert_and_clip_integer).
/**
 * Uniform integers in `[minval, maxval)`, exactly as `jax.random.randint`:
 * two draws of `nbits` random bits per element combined by JAX's modulus
 * recipe, with 8- and 16-bit dtypes sampled in 32 bits and cast.
 *
 * Integer results are exact: there is no floating-point step.
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import {
  allocate,
  shapeSize,
  type NdArray,
  type SignedDType,
  type TypedArrayOf,
  type UnsignedDType,
} from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { checkParamsFitShape, type Param } from "../params.js";
import { drawBits, splitKey } from "../random-words.js";
import { checkNdArray, looksLikeNdArray, readNested } from "../input.js";
import { checkShape, describe } from "../validate.js";
import { sampleElements } from "../slice.js";

/** The integer dtypes of `randint`, `rademacher` and `geometric`. */
export type IntegerDType = SignedDType | UnsignedDType;

/** A nested JavaScript array of integers (`number` or `bigint`), e.g. `[[0, 1n], [2, 3]]`. */
export type NestedIntegers = number | bigint | readonly NestedIntegers[];

/**
 * An integer parameter (`minval`, `maxval`): a `number`, a `bigint`, nested
 * arrays of them, or an {@link NdArray} of any dtype.
 */
export type IntegerParam = NestedIntegers | NdArray;

/** Width, minimum and maximum of each integer dtype. */
export const INTEGER_INFO: Readonly<
  Record<
    IntegerDType,
    { readonly bits: 8 | 16 | 32 | 64; readonly min: bigint; readonly max: bigint }
  >
> = {
  int8: { bits: 8, min: -(1n << 7n), max: (1n << 7n) - 1n },
  int16: { bits: 16, min: -(1n << 15n), max: (1n << 15n) - 1n },
  int32: { bits: 32, min: -(1n << 31n), max: (1n << 31n) - 1n },
  int64: { bits: 64, min: -(1n << 63n), max: (1n << 63n) - 1n },
  uint8: { bits: 8, min: 0n, max: (1n << 8n) - 1n },
  uint16: { bits: 16, min: 0n, max: (1n << 16n) - 1n },
  uint32: { bits: 32, min: 0n, max: (1n << 32n) - 1n },
  uint64: { bits: 64, min: 0n, max: (1n << 64n) - 1n },
};

/** True for the eight integer dtype names. */
export function isIntegerDType(dtype: unknown): dtype is IntegerDType {
  return typeof dtype === "string" && Object.hasOwn(INTEGER_INFO, dtype);
}

/**
 * Check an integer dtype argument.
 *
 * @throws TypeError naming `name` and the allowed dtypes.
 */
export function checkIntegerDType(name: string, what: string, dtype: unknown): IntegerDType {
  if (isIntegerDType(dtype)) return dtype;
  throw new TypeError(
    `${what} only accepts integer dtypes (${Object.keys(INTEGER_INFO)
      .map((d) => JSON.stringify(d))
      .join(", ")}), got ${name} ${describe(dtype)}`,
  );
}

/**
 * XLA's float-to-integer conversion (`astype`): truncate toward zero,
 * saturate to the dtype's range, NaN to 0.
 */
export function floatToInteger(x: number, dtype: IntegerDType): bigint {
  if (Number.isNaN(x)) return 0n;
  const { min, max } = INTEGER_INFO[dtype];
  if (x === Infinity) return max;
  if (x === -Infinity) return min;
  const t = BigInt(Math.trunc(x));
  return t < min ? min : t > max ? max : t;
}

/** An integer parameter read exactly: raw values, shape, and whether it is float-typed. */
interface IntegerParamValues {
  readonly shape: readonly number[];
  readonly values: readonly (number | bigint)[];
  /** True when JAX would hold it in a float dtype (a non-integer number, or a float NdArray). */
  readonly isFloat: boolean;
}

function readIntegerParam(name: string, value: unknown): IntegerParamValues {
  const isScalar = (x: unknown): x is number | bigint =>
    typeof x === "bigint" || typeof x === "number";
  if (isScalar(value)) {
    return {
      shape: [],
      values: [value],
      isFloat: typeof value === "number" && !Number.isInteger(value),
    };
  }
  if (Array.isArray(value)) {
    const { shape, elements } = readNested(name, value, "a rectangular nested array of integers");
    elements.forEach((element) => {
      if (!isScalar(element)) {
        throw new TypeError(
          `${name} must be an integer, a bigint, a rectangular nested array of them or an NdArray, got ${describe(element)} in ${describe(value)}`,
        );
      }
    });
    const flat = elements as (number | bigint)[];
    return {
      shape,
      values: flat,
      isFloat: flat.some((x) => typeof x === "number" && !Number.isInteger(x)),
    };
  }
  if (looksLikeNdArray(value)) {
    const array = checkNdArray(name, value);
    return {
      shape: [...array.shape],
      values: Array.from(array.data as ArrayLike<number | bigint>),
      isFloat: array.dtype === "float32" || array.dtype === "float64",
    };
  }
  throw new TypeError(
    `${name} must be an integer, a bigint, a rectangular nested array of them or an NdArray, got ${describe(value)}`,
  );
}

/** JAX's `x.astype(int)` under `jax_enable_x64` (int64) for floats; integers as they are. */
function exactIntegers(param: IntegerParamValues): bigint[] {
  return param.values.map((v) => (param.isFloat ? floatToInteger(Number(v), "int64") : BigInt(v)));
}

/** JAX's `jnp.asarray(x).astype('int32')`: integers wrap, floats saturate. */
function int32Integers(param: IntegerParamValues): bigint[] {
  return param.values.map((v) =>
    param.isFloat ? floatToInteger(Number(v), "int32") : BigInt.asIntN(32, BigInt(v)),
  );
}

/**
 * Broadcast exact integer values of a parameter of shape `from` by
 * `broadcast` (to the result's shape, or a slice of it).
 */
function broadcastIntegers(
  values: readonly bigint[],
  from: readonly number[],
  broadcast: (param: Param) => Float64Array,
): bigint[] {
  if (values.length === 1) return [values[0]];
  const index: Param = { shape: from, data: Float64Array.from(values, (_, i) => i) };
  return Array.from(broadcast(index), (i) => values[i]);
}

function clip(x: bigint, low: bigint, high: bigint): bigint {
  return x < low ? low : x > high ? high : x;
}

/**
 * Sample uniform integers in `[minval, maxval)`, as `jax.random.randint`.
 *
 * Follows JAX step by step: `minval`/`maxval` are clipped to the dtype's range
 * (`_convert_and_clip_integer`), a `maxval` above the dtype's maximum widens
 * the span by one (so `randint(k, s, 0, 256, "uint8")` can return 255), a span
 * of `maxval <= minval` is 1 (always `minval`), and each element combines two
 * `nbits`-bit draws from the two halves of `split(key)` modulo the span. 8- and
 * 16-bit dtypes are sampled as int32 (bounds cast to int32 and clipped to the
 * dtype, `maxval` to its maximum + 1) and cast, as JAX does since 0.7.2.
 *
 * Bounds are exact integers (`number` or `bigint`, or an NdArray of any dtype).
 * A non-integer `number` (or a float NdArray) is converted like JAX's
 * `astype(int)`: truncated toward zero, NaN to 0, saturated to the int64 range
 * (int32 on the 8/16-bit path) — with float64 precision, as JAX with
 * `jax_enable_x64` (without it, JAX first rounds a Python float to float32).
 * On the 8/16-bit path integer bounds wrap to int32 like `astype('int32')`.
 * The 64-bit dtypes are JAX's with `jax_enable_x64` and return bigints.
 *
 * @param key - the key.
 * @param shape - the result shape; `minval` and `maxval` must broadcast to it.
 * @param minval - inclusive lower bound(s).
 * @param maxval - exclusive upper bound(s).
 * @param dtype - an integer dtype; default `"int32"`, or `"int64"` with `options.x64`, as JAX.
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or bound.
 * @throws RangeError if the bounds do not broadcast to `shape`.
 *
 * @example
 * ```ts
 * randint(key(0), [3, 3], 0, 8, "int32", { partitionable: false }).data;
 * // Int32Array [2, 1, 3, 6, 1, 5, 6, 3, 4] (JAX's testPRNGValues)
 * ```
 */
export function randint<D extends IntegerDType = "int32">(
  key: KeyLike,
  shape: number | readonly number[],
  minval: IntegerParam,
  maxval: IntegerParam,
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("randint", key);
  const checkedShape = checkShape("shape", shape);
  const checkedDType = checkIntegerDType(
    "dtype",
    "randint",
    dtype ?? defaultIntDType(options),
  ) as D;
  const low = readIntegerParam("minval", minval);
  const high = readIntegerParam("maxval", maxval);
  checkParamsFitShape("randint", checkedShape, low.shape, high.shape);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const info = INTEGER_INFO[checkedDType];
  let lowValues: bigint[];
  let highValues: bigint[];
  let samplingDType: IntegerDType = checkedDType;
  if (info.bits < 32) {
    // Sample in 32 bits to avoid biased results (JAX >= 0.7.2).
    samplingDType = "int32";
    lowValues = int32Integers(low).map((v) => clip(v, info.min, info.max));
    highValues = int32Integers(high).map((v) => clip(v, info.min, info.max + 1n));
  } else {
    lowValues = exactIntegers(low);
    highValues = exactIntegers(high);
  }
  const { shape: resultShape, data: sampled } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      randintKernel(
        k,
        s,
        samplingDType,
        broadcastIntegers(lowValues, low.shape, broadcast),
        broadcastIntegers(highValues, high.shape, broadcast),
        partitionable,
      ),
  );
  if (samplingDType === checkedDType) {
    return { dtype: checkedDType, shape: resultShape, data: sampled as TypedArrayOf[D] };
  }
  const data = allocate(checkedDType, sampled.length);
  (data as Int8Array).set(sampled as Int32Array);
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * JAX's `_randint` on a checked key: `minval` and `maxval` are exact integers
 * (length 1, or broadcast to `shape`) in any range; they are clipped to
 * `dtype` here, as `_convert_and_clip_integer` does. Works for every integer
 * dtype, including the 8/16-bit ones JAX's `_randint` still supports natively
 * (the public {@link randint} routes those through int32).
 */
export function randintKernel(
  key: Key,
  shape: readonly number[],
  dtype: IntegerDType,
  minval: readonly bigint[],
  maxval: readonly bigint[],
  partitionable: boolean,
): TypedArrayOf[IntegerDType] {
  const size = shapeSize(shape);
  const info = INTEGER_INFO[dtype];
  const nbits = info.bits;
  const [k1, k2] = splitKey(key, 2, partitionable);
  const out = allocate(dtype, size);
  if (nbits === 64) {
    const higher = new BigUint64Array(size);
    const lower = new BigUint64Array(size);
    drawBits(k1, higher, partitionable);
    drawBits(k2, lower, partitionable);
    const wide = out as BigInt64Array | BigUint64Array;
    const mod = (a: bigint) => BigInt.asUintN(64, a);
    const rem = (a: bigint, n: bigint) => (n === 0n ? a : a % n);
    let lastLow: bigint | undefined;
    let lastHigh: bigint | undefined;
    let span = 0n;
    let multiplier = 0n;
    let low = 0n;
    for (let i = 0; i < size; i++) {
      const rawLow = minval.length === 1 ? minval[0] : minval[i];
      const rawHigh = maxval.length === 1 ? maxval[0] : maxval[i];
      if (rawLow !== lastLow || rawHigh !== lastHigh) {
        lastLow = rawLow;
        lastHigh = rawHigh;
        const outOfRange = rawHigh > info.max;
        low = clip(rawLow, info.min, info.max);
        const high = clip(rawHigh, info.min, info.max);
        span = mod(high - low);
        if (high <= low) span = 1n;
        if (outOfRange && high > low) span = mod(span + 1n);
        multiplier = rem(1n << 32n, span);
        multiplier = rem(mod(multiplier * multiplier), span);
      }
      const offset = rem(mod(mod(rem(higher[i], span) * multiplier) + rem(lower[i], span)), span);
      wide[i] = low + offset;
    }
    return out;
  }
  const higher = narrowBits(k1, size, nbits, partitionable);
  const lower = narrowBits(k2, size, nbits, partitionable);
  const modulus = 2 ** nbits;
  const mod = (a: number) => a % modulus;
  const mul =
    nbits === 32
      ? (a: number, b: number) => Math.imul(a, b) >>> 0
      : (a: number, b: number) => (a * b) % modulus;
  const rem = (a: number, n: number) => (n === 0 ? a : a % n);
  const half = 2 ** (nbits / 2);
  const narrow = out as Exclude<TypedArrayOf[IntegerDType], BigInt64Array | BigUint64Array>;
  const lows = minval.map((v) => Number(clip(v, info.min, info.max)));
  const highs = maxval.map((v) => Number(clip(v, info.min, info.max)));
  const outOfRange = maxval.map((v) => v > info.max);
  let lastIndex = -1;
  let span = 0;
  let multiplier = 0;
  let low = 0;
  for (let i = 0; i < size; i++) {
    const j = lows.length === 1 && highs.length === 1 ? 0 : i;
    if (j !== lastIndex) {
      lastIndex = j;
      low = lows.length === 1 ? lows[0] : lows[i];
      const high = highs.length === 1 ? highs[0] : highs[i];
      const wider = outOfRange.length === 1 ? outOfRange[0] : outOfRange[i];
      span = mod(high - low + modulus);
      if (high <= low) span = 1;
      if (wider && high > low) span = mod(span + 1);
      multiplier = rem(half, span);
      multiplier = rem(mul(multiplier, multiplier), span);
    }
    const offset = rem(mod(mul(rem(higher[i], span), multiplier) + rem(lower[i], span)), span);
    // The typed array wraps low + offset into the dtype, as XLA's add does.
    narrow[i] = low + offset;
  }
  return out;
}

function narrowBits(
  key: Key,
  size: number,
  nbits: 8 | 16 | 32,
  partitionable: boolean,
): Uint8Array | Uint16Array | Uint32Array {
  const words =
    nbits === 8
      ? new Uint8Array(size)
      : nbits === 16
        ? new Uint16Array(size)
        : new Uint32Array(size);
  drawBits(key, words, partitionable);
  return words;
}

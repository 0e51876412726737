// Mirrors jax.random.rademacher (jax/_src/random/core.py: rademacher, _rademacher).
/**
 * Rademacher signs: `2 · bernoulli(key, 0.5, shape) - 1` in an integer or
 * float dtype.
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import {
  allocate,
  shapeSize,
  type FloatDType,
  type NdArray,
  type TypedArrayOf,
} from "../ndarray.js";
import {
  defaultIntDType,
  isPartitionable,
  isX64,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { checkShape, describe } from "../validate.js";
import { bernoulliKernel } from "./bernoulli.js";
import { INTEGER_INFO, isIntegerDType, type IntegerDType } from "./randint.js";
import { sampleElements } from "../slice.js";

/**
 * Sample -1 or +1 with equal probability, as `jax.random.rademacher`.
 *
 * JAX draws `bernoulli(key, p=0.5, shape)`, whose float dtype is that of the
 * Python float 0.5: float32, or float64 with `jax_enable_x64` (pass
 * `options.x64`) — the two give different signs for the same key. The
 * booleans become `2b - 1` in `dtype`; an unsigned dtype wraps -1 to its
 * maximum, as JAX's `astype` does, and a float dtype gives ±1.0. A float64
 * result implies x64 (without it JAX has no float64).
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - an integer or float dtype; default `"int32"`, or `"int64"` with `options.x64`.
 * @param options - the threefry mode (default partitionable) and `x64`; `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype or options.
 * @throws RangeError for a bad shape extent.
 */
export function rademacher<D extends IntegerDType | FloatDType = "int32">(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: D,
  options?: SliceOptions,
): NdArray<D> {
  const checkedKey = checkKey("rademacher", key);
  const checkedShape = checkShape("shape", shape);
  const checkedDType = checkSignDType(dtype ?? defaultIntDType(options)) as D;
  const floatDType: FloatDType =
    isX64(options) || checkedDType === "float64" ? "float64" : "float32";
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s) => rademacherKernel(k, s, checkedDType, floatDType, partitionable) as TypedArrayOf[D],
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/** `dtype` if it is an integer or float dtype, else a TypeError listing both. */
function checkSignDType(dtype: unknown): IntegerDType | FloatDType {
  if (dtype === "float32" || dtype === "float64" || isIntegerDType(dtype)) return dtype;
  const allowed = [...Object.keys(INTEGER_INFO), "float32", "float64"];
  throw new TypeError(
    `rademacher only accepts integer or float dtypes (${allowed
      .map((d) => JSON.stringify(d))
      .join(", ")}), got dtype ${describe(dtype)}`,
  );
}

/** JAX's `_rademacher` on a checked key; `floatDType` is the Bernoulli draw's dtype. */
export function rademacherKernel(
  key: Key,
  shape: readonly number[],
  dtype: IntegerDType | FloatDType,
  floatDType: FloatDType,
  partitionable: boolean,
): TypedArrayOf[IntegerDType | FloatDType] {
  const size = shapeSize(shape);
  const b = bernoulliKernel(key, shape, floatDType, [0.5], "low", partitionable);
  const out = allocate(dtype, size);
  if (dtype === "float32" || dtype === "float64") {
    const floats = out as Float32Array | Float64Array;
    for (let i = 0; i < size; i++) floats[i] = 2 * b[i] - 1;
  } else if (INTEGER_INFO[dtype].bits === 64) {
    const wide = out as BigInt64Array | BigUint64Array;
    for (let i = 0; i < size; i++) wide[i] = BigInt(2 * b[i] - 1);
  } else {
    const narrow = out as Exclude<TypedArrayOf[IntegerDType], BigInt64Array | BigUint64Array>;
    // The typed array wraps -1 for unsigned dtypes, as astype does.
    for (let i = 0; i < size; i++) narrow[i] = 2 * b[i] - 1;
  }
  return out;
}

/**
 * The public checker shared by samplers whose only arguments are a shape and
 * a float dtype (normal, cauchy, exponential, laplace, logistic).
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import type { FloatDType, NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { sampleElements } from "../slice.js";
import { checkFloatDType, checkShape } from "../validate.js";

/** A kernel taking a checked key, shape, dtype and mode. */
export type ShapeOnlyKernel = (
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  partitionable: boolean,
) => Float32Array | Float64Array;

/** Check the arguments of sampler `name`, then run its kernel (on `options.slice` if given). */
export function sampleShapeOnly(
  name: string,
  kernel: ShapeOnlyKernel,
  key: KeyLike,
  shape: number | readonly number[],
  dtype: FloatDType | undefined,
  options: SliceOptions | undefined,
): NdArray<FloatDType> {
  const checkedKey = checkKey(name, key);
  const checkedShape = checkShape("shape", shape);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(checkedKey, checkedShape, options, (k, s) =>
    kernel(k, s, checkedDType, partitionable),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * The public checkers shared by float samplers whose arguments are array
 * parameters, a shape and a float dtype. Two orders of checks occur, each
 * kept exactly as the samplers had it:
 *
 * - {@link sampleFloatParams} (pareto, lognormal, rayleigh, wald, triangular):
 *   key, dtype, every parameter read, the shape resolved, then every
 *   parameter's safe cast to the dtype;
 * - {@link sampleCastFloatParams} (chisquare, t, beta, f): on a key the
 *   caller checked (with `options.method` where the sampler has one), dtype,
 *   every parameter's safe cast, then every parameter read and the shape
 *   resolved; the kernels get the parameters rounded to the dtype.
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import type { FloatDType, NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { checkSafeToCast, resolveShape, toParam } from "../params.js";
import { sampleElements } from "../slice.js";
import { checkFloatDType } from "../validate.js";

/**
 * A sampler's kernel behind its parameters: the checked key, shape and dtype,
 * the parameters broadcast to the shape (in the order they were named), the
 * threefry mode, and for each parameter whether it is broadcast — its shape
 * is not the whole result's — which changes how XLA compiles some samplers.
 * With `options.slice` the shape is the slice's and the parameters are cut to
 * it, while `broadcast` still compares with the whole result's shape.
 */
export type FloatParamsKernel = (
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  params: readonly Float64Array[],
  partitionable: boolean,
  broadcast: readonly boolean[],
) => Float32Array | Float64Array;

/** Whether a parameter of shape `param` is broadcast to the result shape `shape` (shapes differ). */
function isBroadcast(param: readonly number[], shape: readonly number[]): boolean {
  return param.length !== shape.length || param.some((extent, axis) => extent !== shape[axis]);
}

/**
 * Check the arguments of sampler `name` — key, dtype, each of `params` read
 * (in insertion order, named by its key), the shape resolved against them,
 * then each parameter's safe cast to the dtype — and run `kernel` on the
 * parameters broadcast to the shape.
 */
export function sampleFloatParams(
  name: string,
  key: KeyLike,
  params: Readonly<Record<string, unknown>>,
  shape: unknown,
  dtype: FloatDType | undefined,
  options: SliceOptions | undefined,
  kernel: FloatParamsKernel,
): NdArray<FloatDType> {
  const checkedKey = checkKey(name, key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const entries = Object.entries(params);
  const read = entries.map(([param, value]) => toParam(param, value));
  const checkedShape = resolveShape(name, shape, ...read);
  for (const [param, value] of entries) checkSafeToCast(name, param, value, checkedDType);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      kernel(
        k,
        s,
        checkedDType,
        read.map(broadcast),
        partitionable,
        read.map((p) => isBroadcast(p.shape, checkedShape)),
      ),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/**
 * Check the arguments of sampler `name` after its key (and any option the
 * sampler checks before the dtype) — dtype, each of `params`' safe cast to
 * the dtype (in insertion order, named by its key), each parameter read, the
 * shape resolved against them — and run `kernel` on the parameters broadcast
 * to the shape and rounded to the dtype.
 */
export function sampleCastFloatParams(
  name: string,
  checkedKey: Key,
  params: Readonly<Record<string, unknown>>,
  shape: unknown,
  dtype: FloatDType | undefined,
  options: SliceOptions | undefined,
  kernel: FloatParamsKernel,
  optionKeys: readonly string[] = SLICE_OPTION_KEYS,
): NdArray<FloatDType> {
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const entries = Object.entries(params);
  for (const [param, value] of entries) checkSafeToCast(name, param, value, checkedDType);
  const read = entries.map(([param, value]) => toParam(param, value));
  const checkedShape = resolveShape(name, shape, ...read);
  const partitionable = isPartitionable(options, name, optionKeys);
  const round = roundTo(checkedDType);
  const { shape: resultShape, data } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      kernel(
        k,
        s,
        checkedDType,
        read.map((p) => broadcast(p).map(round)),
        partitionable,
        read.map((p) => isBroadcast(p.shape, checkedShape)),
      ),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

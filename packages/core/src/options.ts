/**
 * The options every function takes: the threefry mode and JAX's x64 switch.
 *
 * @module
 */
import { checkOptionKeys } from "./input.js";
import type { FloatDType } from "./ndarray.js";
import { describe } from "./validate.js";

/**
 * Options shared by every function whose output depends on the threefry mode
 * or on JAX's `jax_enable_x64`.
 */
export interface ThreefryOptions {
  /**
   * `true` (default): JAX's `jax_threefry_partitionable=True` layout, the
   * default since JAX 0.5.0. `false`: the legacy layout of older JAX.
   * The modes differ in `split`, `bits` and everything built on them;
   * `key` and `foldIn` are the same in both.
   */
  partitionable?: boolean;
  /**
   * Mirror JAX with `jax_enable_x64` (default `false`, as JAX). It changes
   * how `key` reads a seed (the whole 64-bit integer instead of its low 32
   * bits), the default dtypes (float64 and int64 instead of float32 and
   * int32), and the dtype JAX computes in wherever a Python float or a
   * default-dtype array enters a sampler (float64 instead of float32).
   */
  x64?: boolean;
}

/**
 * The options of samplers whose JAX result depends on `jax_enable_x64`.
 * Every function now takes `x64` in {@link ThreefryOptions}; this name is kept
 * for the samplers that documented it first.
 */
export type X64Options = ThreefryOptions;

/**
 * The option keys every function of `@jrng/core` knows: the threefry mode and
 * `x64` (JAX's `jax_enable_x64`).
 */
export const THREEFRY_OPTION_KEYS: readonly string[] = ["partitionable", "x64"];

/**
 * The option keys of `bits` and of every elementwise sampler: the threefry
 * options and `slice` ({@link SliceOptions}).
 */
export const SLICE_OPTION_KEYS: readonly string[] = [...THREEFRY_OPTION_KEYS, "slice"];

/**
 * Resolve the `partitionable` option, rejecting anything but a boolean, and
 * check that the options object has no key outside `known` (a misspelt
 * option would otherwise be silently ignored).
 *
 * @param owner - the function, for messages (omitted where the options are the threefry options only).
 * @param known - the option keys `owner` accepts.
 * @throws TypeError for a non-object, an unknown key or a non-boolean `partitionable`.
 */
export function isPartitionable(
  options: ThreefryOptions | undefined,
  owner?: string,
  known: readonly string[] = THREEFRY_OPTION_KEYS,
): boolean {
  const { partitionable } = checkOptionKeys(owner, options, known);
  if (partitionable === undefined) return true;
  if (typeof partitionable !== "boolean") {
    throw new TypeError(
      `options.partitionable must be true or false, got ${describe(partitionable)}`,
    );
  }
  return partitionable;
}
/** Resolve the `x64` option (default `false`), rejecting anything but a boolean. */
export function isX64(options: ThreefryOptions | undefined): boolean {
  if (options === undefined) return false;
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  const { x64 } = options;
  if (x64 === undefined) return false;
  if (typeof x64 !== "boolean") {
    throw new TypeError(`options.x64 must be true or false, got ${describe(x64)}`);
  }
  return x64;
}

/** JAX's default float dtype: float64 with `x64`, else float32. */
export function defaultFloatDType(options: ThreefryOptions | undefined): FloatDType {
  return isX64(options) ? "float64" : "float32";
}

/** JAX's default integer dtype: int64 with `x64`, else int32. */
export function defaultIntDType(options: ThreefryOptions | undefined): "int32" | "int64" {
  return isX64(options) ? "int64" : "int32";
}

/**
 * Options of `bits` and of every elementwise sampler: the threefry mode and
 * an optional slice of the result.
 */
export interface SliceOptions extends ThreefryOptions {
  /**
   * `[start, end]`: compute only elements `start … end - 1` of the row-major
   * flattening of the full result, returned as a one-dimensional array of
   * `end - start` elements. They equal the same elements of the full draw,
   * bit for bit, in both threefry modes, so workers, processes or machines
   * given the same key, shape and parameters can each fill one range of one
   * large array without talking to each other (spec/sharding.md).
   */
  slice?: readonly [start: number, end: number];
}

/** Elements `[start, end)` of the row-major flattening of a draw of `total` elements. */
export interface ElementRange {
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/**
 * Resolve `options.slice` against a result of `total` elements.
 *
 * @throws TypeError if `slice` is not a pair of integers.
 * @throws RangeError unless `0 <= start <= end <= total`.
 */
export function resolveSlice(
  options: SliceOptions | undefined,
  total: number,
): ElementRange | undefined {
  // Own properties only: an array passed as options has a `slice` method.
  if (options === undefined || !Object.prototype.hasOwnProperty.call(options, "slice")) {
    return undefined;
  }
  const slice = options.slice;
  if (slice === undefined) return undefined;
  if (
    !Array.isArray(slice) ||
    slice.length !== 2 ||
    !slice.every((bound) => typeof bound === "number" && Number.isSafeInteger(bound))
  ) {
    throw new TypeError(
      `options.slice must be a pair of integers [start, end], got ${describe(slice)}`,
    );
  }
  const [start, end] = slice as readonly [number, number];
  if (start < 0 || start > end || end > total) {
    throw new RangeError(
      `options.slice must satisfy 0 <= start <= end <= ${total} (the result's size), got [${start}, ${end}]`,
    );
  }
  return { start, end, total };
}

/**
 * The threefry mode, chosen per call.
 *
 * @module
 */
import { describe } from "./validate.js";

/**
 * Options shared by every function whose output depends on the threefry mode.
 */
export interface ThreefryOptions {
  /**
   * `true` (default): JAX's `jax_threefry_partitionable=True` layout, the
   * default since JAX 0.5.0. `false`: the legacy layout of older JAX.
   * The modes differ in `split`, `bits` and everything built on them;
   * `key` and `foldIn` are the same in both.
   */
  partitionable?: boolean;
}

/** Resolve the `partitionable` option, rejecting anything but a boolean. */
export function isPartitionable(options: ThreefryOptions | undefined): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  const { partitionable } = options;
  if (partitionable === undefined) return true;
  if (typeof partitionable !== "boolean") {
    throw new TypeError(
      `options.partitionable must be true or false, got ${describe(partitionable)}`,
    );
  }
  return partitionable;
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

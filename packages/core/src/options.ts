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

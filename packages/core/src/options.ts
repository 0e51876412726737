/**
 * The threefry mode, chosen per call.
 *
 * @module
 */
import { checkOptionKeys } from "./input.js";
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

/**
 * The option keys every function of `@jrng/core` knows: the threefry mode and
 * `x64` (JAX's `jax_enable_x64`).
 */
export const THREEFRY_OPTION_KEYS: readonly string[] = ["partitionable", "x64"];

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

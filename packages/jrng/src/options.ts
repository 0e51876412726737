/**
 * The options objects of `JRNG`'s constructors and methods: unknown keys are
 * refused (with the nearest known key suggested), and NumPy's positional
 * `dtype` string is read where NumPy's method has one.
 *
 * @module
 */
import { checkOptionKeys, describe } from "@jrng/core/internal";

/**
 * The keys of a generator's options. `x64` mirrors JAX's `jax_enable_x64`
 * (default false) and is carried in the generator's state.
 */
export const GENERATOR_OPTION_KEYS: readonly string[] = [
  "stream",
  "partitionable",
  "dtype",
  "device",
  "x64",
  "threads",
];

/** The keys `JRNG.fromState` accepts besides the state (stream and mode come from it). */
export const STATE_OPTION_KEYS: readonly string[] = ["dtype", "device", "x64"];

/**
 * The methods whose NumPy signature has a positional `dtype` right where
 * `JRNG`'s options object goes (`Generator.random(size, dtype)`, …), so that
 * `rng.random(3, "float64")` means what it means in NumPy.
 */
const POSITIONAL_DTYPE = new Set([
  "random",
  "standardNormal",
  "standardExponential",
  "standardGamma",
  "integers",
  "integers64",
]);

/**
 * Read the options argument of `JRNG.<method>`: an object whose keys are all
 * in `known`, or — for the methods with NumPy's positional `dtype` — a dtype
 * string, read as `{ dtype }`.
 *
 * @throws TypeError for any other string or non-object, or an unknown key.
 */
export function methodOptions(
  method: string,
  options: unknown,
  known: readonly string[],
): Record<string, unknown> {
  if (typeof options === "string") {
    if (POSITIONAL_DTYPE.has(method)) return { dtype: options };
    throw new TypeError(
      `${method}: options must be an object such as { dtype: ${describe(options)} }, got ${describe(options)}` +
        ` (a positional dtype string is accepted only where NumPy's method has one: ${[...POSITIONAL_DTYPE].join(", ")})`,
    );
  }
  return checkOptionKeys(method, options, known);
}

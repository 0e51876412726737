/**
 * `JRNG`'s count-valued methods with a `jax.random` sampler: `poisson`, `binomial` and `geometric`
 * (int32 results, never wrapped).
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import { binomial, geometric, poisson } from "@jrng/core";
import { asParam, checkDomain, readParams, counts } from "./sampling.js";
import type { ParamLike, Size } from "./size.js";
import { ContinuousMethods } from "./continuous-methods.js";

/**
 * The largest `lam` of {@link JRNG.poisson}: NumPy's `POISSON_LAM_MAX` rule
 * (ten standard deviations below the largest count) for JRNG's int32 result.
 */
const POISSON_LAM_MAX = Math.floor(2 ** 31 - 1 - 10 * Math.sqrt(2 ** 31 - 1));

/** Counts with a `jax.random` sampler. */
export abstract class CountMethods extends ContinuousMethods {
  /**
   * Poisson samples, as NumPy's `poisson` and JAX's `poisson(key, lam, shape)`
   * (int32).
   *
   * @param lam - rate, ≥ 0 (default 1).
   * @param size - output shape; default `lam`'s shape.
   * @throws RangeError if `lam < 0` or NaN.
   */
  poisson(lam: ParamLike = 1, size?: Size): JaxArray {
    const { shape, values } = readParams("poisson", size, [["lam", lam]]);
    checkDomain("poisson", "lam", values[0], (x) => !(x >= 0), "lam < 0 or lam is NaN");
    checkDomain(
      "poisson",
      "lam",
      values[0],
      (x) => x > POISSON_LAM_MAX,
      `lam value too large: the int32 result holds counts up to lam = ${POISSON_LAM_MAX} (NumPy's ` +
        `rule for int64, ten standard deviations below the maximum); use @jrng/core's poisson with dtype "int64"`,
    );
    return this.draw((key, partitionable) =>
      counts(
        "poisson",
        poisson(key, asParam(values[0], shape, this.pythonFloat), shape, "int32", {
          partitionable,
          x64: this.x64,
        }),
        '@jrng/core\'s poisson with dtype "int64"',
      ),
    );
  }

  /**
   * Binomial samples, as NumPy's `binomial` and JAX's `binomial(key, n, p, shape)`,
   * returned as int32 (JAX returns the same integer values as floats).
   *
   * @param n - trials, an integer ≥ 0.
   * @param p - success probability in [0, 1].
   * @param size - output shape; default the broadcast shape of the parameters.
   * @throws RangeError if `n < 0`, `n` is not an integer, or `p` is outside [0, 1] or NaN.
   */
  binomial(n: ParamLike, p: ParamLike, size?: Size): JaxArray {
    const { shape, values } = readParams("binomial", size, [
      ["n", n],
      ["p", p],
    ]);
    checkDomain(
      "binomial",
      "n",
      values[0],
      (x) => !(x >= 0 && Number.isInteger(x)),
      "n < 0 or n is not an integer",
    );
    checkDomain("binomial", "p", values[1], (x) => !(x >= 0 && x <= 1), "p < 0, p > 1 or p is NaN");
    return this.draw((key, partitionable) =>
      counts(
        "binomial",
        binomial(
          key,
          asParam(values[0], shape, this.pythonFloat),
          asParam(values[1], shape, this.pythonFloat),
          shape,
          this.pythonFloat,
          { partitionable, x64: this.x64 },
        ),
        '@jrng/core\'s binomial with dtype "float64"',
      ),
    );
  }

  /**
   * Geometric samples (trials until the first success, ≥ 1), as NumPy's
   * `geometric` and JAX's `geometric(key, p, shape)` (int32).
   *
   * @param p - success probability in (0, 1].
   * @param size - output shape; default `p`'s shape.
   * @throws RangeError if `p` is outside (0, 1] or NaN.
   */
  geometric(p: ParamLike, size?: Size): JaxArray {
    const { shape, values } = readParams("geometric", size, [["p", p]]);
    checkDomain(
      "geometric",
      "p",
      values[0],
      (x) => !(x > 0 && x <= 1),
      "p <= 0, p > 1 or p is NaN",
    );
    return this.draw((key, partitionable) =>
      counts(
        "geometric",
        geometric(key, asParam(values[0], shape, this.pythonFloat), shape, "int32", {
          partitionable,
          x64: this.x64,
        }),
        '@jrng/core\'s geometric with dtype "int64"',
      ),
    );
  }
}

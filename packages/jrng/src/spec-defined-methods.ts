/**
 * `JRNG`'s methods that NumPy has and `jax.random` does not: their algorithms are defined by the
 * spec (spec/samplers/jrng-defined.md).
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import {
  hypergeometric,
  logseries,
  multivariateHypergeometric,
  negativeBinomial,
  noncentralChisquare,
  noncentralF,
  power,
  vonmises,
  zipf,
  type MultivariateHypergeometricMethod,
} from "@jrng/core";
import { counts } from "./sampling.js";
import { outputShape, type ParamLike, type Size } from "./size.js";
import { methodOptions, type FloatOptions } from "./options.js";
import { MultivariateMethods } from "./multivariate-methods.js";

/** NumPy's `size` as the `shape` argument of a `@jrng/core` sampler (undefined: the parameters' shape). */
function sizeShape(size: Size): number[] | undefined {
  if (size === undefined || size === null) return undefined;
  return outputShape("size", size);
}

/** NumPy's methods without a `jax.random` sampler, on the spec's algorithms. */
export abstract class SpecDefinedMethods extends MultivariateMethods {
  /**
   * Negative binomial samples (failures before `n` successes), as NumPy's
   * `negative_binomial`; the spec's algorithm: `poisson(gamma(n) · (1 - p) / p)`
   * on the two halves of the subkey (spec/samplers/jrng-defined.md).
   *
   * @param n - successes, > 0.
   * @param p - success probability in (0, 1].
   * @param size - output shape; default the broadcast shape of the parameters.
   * @throws RangeError for `n <= 0` or `p` outside (0, 1] (NumPy's conditions).
   */
  negativeBinomial(n: ParamLike, p: ParamLike, size?: Size): JaxArray {
    const [ns, ps] = this.exactParams([
      ["n", n],
      ["p", p],
    ]);
    return this.draw((key, partitionable) =>
      counts(
        "negativeBinomial",
        negativeBinomial(key, ns, ps, sizeShape(size), "int32", { partitionable, x64: this.x64 }),
        '@jrng/core\'s negativeBinomial with dtype "int64"',
      ),
    );
  }

  /**
   * Noncentral chi-square samples, as NumPy's `noncentral_chisquare`
   * (algorithm in spec/samplers/jrng-defined.md).
   *
   * @param df - degrees of freedom, > 0.
   * @param nonc - non-centrality, ≥ 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError for `df <= 0` or `nonc < 0`.
   */
  noncentralChisquare(
    df: ParamLike,
    nonc: ParamLike,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    const dtype = this.floatDType("noncentralChisquare", options);
    const [dfs, noncs] = this.exactParams([
      ["df", df],
      ["nonc", nonc],
    ]);
    return this.draw((key, partitionable) =>
      noncentralChisquare(key, dfs, noncs, sizeShape(size), dtype, {
        partitionable,
        x64: this.x64,
      }),
    );
  }

  /**
   * Noncentral F samples, as NumPy's `noncentral_f` (algorithm in
   * spec/samplers/jrng-defined.md).
   *
   * @param dfnum - numerator degrees of freedom, > 0.
   * @param dfden - denominator degrees of freedom, > 0.
   * @param nonc - non-centrality, ≥ 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError for `dfnum <= 0`, `dfden <= 0` or `nonc < 0`.
   */
  noncentralF(
    dfnum: ParamLike,
    dfden: ParamLike,
    nonc: ParamLike,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    const dtype = this.floatDType("noncentralF", options);
    const [num, den, noncs] = this.exactParams([
      ["dfnum", dfnum],
      ["dfden", dfden],
      ["nonc", nonc],
    ]);
    return this.draw((key, partitionable) =>
      noncentralF(key, num, den, noncs, sizeShape(size), dtype, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * Power-distribution samples on [0, 1] (density `a·x^(a-1)`), as NumPy's
   * `power` (algorithm in spec/samplers/jrng-defined.md).
   *
   * @param a - exponent, > 0.
   * @param size - output shape; default `a`'s shape.
   * @param options - `dtype`.
   * @throws RangeError for `a <= 0`.
   */
  power(a: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.floatDType("power", options);
    const [as] = this.exactParams([["a", a]]);
    return this.draw((key, partitionable) =>
      power(key, as, sizeShape(size), dtype, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * von Mises samples on [-π, π], as NumPy's `vonmises` (Best–Fisher
   * rejection as a fixed-shape loop; spec/samplers/jrng-defined.md).
   *
   * @param mu - mode.
   * @param kappa - concentration, ≥ 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError for `kappa < 0`.
   */
  vonmises(mu: ParamLike, kappa: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.floatDType("vonmises", options);
    const [mus, kappas] = this.exactParams([
      ["mu", mu],
      ["kappa", kappa],
    ]);
    return this.draw((key, partitionable) =>
      vonmises(key, mus, kappas, sizeShape(size), dtype, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * Zipf samples, as NumPy's `zipf` (Devroye's rejection as a fixed-shape
   * loop; spec/samplers/jrng-defined.md), int32.
   *
   * @param a - exponent, > 1.
   * @param size - output shape; default `a`'s shape.
   * @throws RangeError for `a <= 1`.
   */
  zipf(a: ParamLike, size?: Size): JaxArray {
    const [as] = this.exactParams([["a", a]]);
    return this.draw((key, partitionable) =>
      counts(
        "zipf",
        zipf(key, as, sizeShape(size), "int32", { partitionable, x64: this.x64 }),
        '@jrng/core\'s zipf with dtype "int64"',
      ),
    );
  }

  /**
   * Logarithmic-series samples, as NumPy's `logseries` (Kemp's algorithm;
   * spec/samplers/jrng-defined.md), int32.
   *
   * @param p - shape, in [0, 1).
   * @param size - output shape; default `p`'s shape.
   * @throws RangeError for `p` outside [0, 1).
   */
  logseries(p: ParamLike, size?: Size): JaxArray {
    const [ps] = this.exactParams([["p", p]]);
    return this.draw((key, partitionable) =>
      counts(
        "logseries",
        logseries(key, ps, sizeShape(size), "int32", { partitionable, x64: this.x64 }),
        '@jrng/core\'s logseries with dtype "int64"',
      ),
    );
  }

  /**
   * Hypergeometric samples, as NumPy's `hypergeometric` (spec/samplers/jrng-defined.md), int32.
   *
   * @param ngood - good items, ≥ 0.
   * @param nbad - bad items, ≥ 0.
   * @param nsample - items drawn, in [0, ngood + nbad].
   * @param size - output shape; default the broadcast shape of the parameters.
   * @throws RangeError for negative counts or `nsample > ngood + nbad`.
   */
  hypergeometric(ngood: ParamLike, nbad: ParamLike, nsample: ParamLike, size?: Size): JaxArray {
    const [good, bad, sample] = this.exactParams([
      ["ngood", ngood],
      ["nbad", nbad],
      ["nsample", nsample],
    ]);
    return this.draw((key, partitionable) =>
      counts(
        "hypergeometric",
        hypergeometric(key, good, bad, sample, sizeShape(size), "int32", {
          partitionable,
          x64: this.x64,
        }),
        '@jrng/core\'s hypergeometric with dtype "int64"',
      ),
    );
  }

  /**
   * Multivariate hypergeometric samples, as NumPy's
   * `multivariate_hypergeometric`: shape `[...size, colors]`, int32.
   *
   * @param colors - items of each color, integers ≥ 0.
   * @param nsample - items drawn, ≤ the total.
   * @param size - batch shape (default none).
   * @param options - `method`: `"marginals"` (default) or `"count"`.
   * @throws RangeError for negative colors, `nsample` above the total, or a bad method.
   */
  multivariateHypergeometric(
    colors: ParamLike,
    nsample: number,
    size?: Size,
    options?: { method?: MultivariateHypergeometricMethod },
  ): JaxArray {
    const [colorCounts] = this.exactParams([["colors", colors]]);
    const { method = "marginals" } = methodOptions("multivariateHypergeometric", options, [
      "method",
    ]) as { method?: MultivariateHypergeometricMethod };
    return this.draw((key, partitionable) =>
      counts(
        "multivariateHypergeometric",
        multivariateHypergeometric(key, colorCounts, nsample, sizeShape(size), method, "int32", {
          partitionable,
        }),
        '@jrng/core\'s multivariateHypergeometric with dtype "int64"',
      ),
    );
  }
}

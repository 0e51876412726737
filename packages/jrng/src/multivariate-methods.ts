/**
 * `JRNG`'s multivariate distributions: `dirichlet`, `multinomial` and `multivariateNormal`
 * (results with a trailing axis).
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import { dirichlet, multinomial, multivariateNormal } from "@jrng/core";
import { broadcastParam, describe, eigh } from "@jrng/core/internal";
import { asParam, checkDomain, counts } from "./sampling.js";
import { outputShape, param, type ParamLike, type Size } from "./size.js";
import type { FloatOptions, MultivariateNormalOptions } from "./options.js";
import { PermutationMethods } from "./permutation-methods.js";

/** The one console method used (NumPy's `check_valid="warn"`), without DOM or Node typings. */
declare const console: { warn(message: string): void };

/** NumPy's check: symmetric within `tol` and no eigenvalue below `-tol`. */
function isPositiveSemidefinite(cov: Float64Array, n: number, tol: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) if (Math.abs(cov[i * n + j] - cov[j * n + i]) > tol) return false;
  }
  const { values } = eigh(cov, n, "float64");
  return values.every((v) => v >= -tol);
}

/** Multivariate distributions. */
export abstract class MultivariateMethods extends PermutationMethods {
  /**
   * Dirichlet samples, as NumPy's `dirichlet` and JAX's
   * `dirichlet(key, alpha, shape, dtype)`: shape `[...size, k]`.
   *
   * @param alpha - concentrations, a 1-D array of k values > 0.
   * @param size - batch shape (default none).
   * @param options - `dtype`.
   * @throws RangeError if any `alpha <= 0`.
   */
  dirichlet(alpha: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.floatDType("dirichlet", options);
    const alphas = param("alpha", alpha);
    if (alphas.shape.length !== 1) {
      throw new RangeError(
        `dirichlet: alpha must be one-dimensional, got shape [${alphas.shape.join(", ")}]`,
      );
    }
    checkDomain("dirichlet", "alpha", alphas.data, (x) => x <= 0, "alpha <= 0");
    const batch = size === undefined || size === null ? [] : outputShape("dirichlet", size);
    return this.draw((key, partitionable) =>
      dirichlet(key, asParam(alphas.data, alphas.shape, dtype), batch, dtype, {
        partitionable,
        x64: this.x64,
      }),
    );
  }

  /**
   * Multinomial counts, as NumPy's `multinomial` and JAX's
   * `multinomial(key, n, p, shape)`: shape `[...size, k]`, int32.
   *
   * @param n - trials, integers ≥ 0.
   * @param pvals - probabilities of the k categories (last axis); the first k − 1 must sum to at most 1.
   * @param size - batch shape; default the broadcast of `n`'s shape and `pvals`' leading shape.
   * @throws RangeError for negative `n`, probabilities outside [0, 1], or a sum above 1.
   */
  multinomial(n: ParamLike, pvals: ParamLike, size?: Size): JaxArray {
    const trials = param("n", n);
    const probabilities = param("pvals", pvals);
    if (probabilities.shape.length < 1)
      throw new RangeError("multinomial: pvals must have at least one axis");
    const k = probabilities.shape[probabilities.shape.length - 1];
    checkDomain(
      "multinomial",
      "n",
      trials.data,
      (x) => !(x >= 0 && Number.isInteger(x)),
      "n < 0 or n is not an integer",
    );
    checkDomain(
      "multinomial",
      "pvals",
      probabilities.data,
      (x) => !(x >= 0 && x <= 1),
      "pvals < 0, pvals > 1 or pvals contains NaNs",
    );
    for (let row = 0; row < probabilities.data.length; row += k) {
      let total = 0;
      for (let j = 0; j < k - 1; j++) total += probabilities.data[row + j];
      if (total > 1 + 1e-12)
        throw new RangeError(`multinomial: sum(pvals[:-1]) > 1.0 (got ${total})`);
    }
    const batch = outputShape("multinomial", size, trials, {
      shape: probabilities.shape.slice(0, -1),
      data: new Float64Array(0),
    });
    const shape = [...batch, k];
    const nArg = asParam(broadcastParam(trials, batch), batch, this.pythonFloat);
    return this.draw((key, partitionable) =>
      counts(
        "multinomial",
        multinomial(
          key,
          nArg,
          asParam(probabilities.data, probabilities.shape, this.pythonFloat),
          shape,
          this.pythonFloat,
          1,
          { partitionable, x64: this.x64 },
        ),
        '@jrng/core\'s multinomial with dtype "float64"',
      ),
    );
  }

  /**
   * Multivariate normal samples, as NumPy's `multivariate_normal` and JAX's
   * `multivariate_normal(key, mean, cov, shape, dtype, method)`: shape
   * `[...size, n]`. NumPy's default method, `"svd"`, is the default here too.
   *
   * @param mean - the mean, shape `[n]`.
   * @param cov - the covariance, shape `[n, n]`, symmetric positive semi-definite.
   * @param size - batch shape (default none).
   * @param options - `method` (`"svd"`, `"eigh"`, `"cholesky"`), `checkValid` (`"warn"`, `"raise"`, `"ignore"`; default `"warn"`), `tol` (default 1e-8), `dtype`.
   * @throws RangeError for mismatched shapes, or a covariance that is not PSD with `checkValid: "raise"`.
   */
  multivariateNormal(
    mean: ParamLike,
    cov: ParamLike,
    size?: Size,
    options?: MultivariateNormalOptions,
  ): JaxArray {
    const dtype = this.floatDType("multivariateNormal", options, [
      "dtype",
      "method",
      "checkValid",
      "tol",
    ]);
    const method = options?.method ?? "svd";
    const checkValid = options?.checkValid ?? "warn";
    const tol = options?.tol ?? 1e-8;
    if (typeof tol !== "number" || !(tol >= 0) || !Number.isFinite(tol)) {
      throw new RangeError(
        `multivariateNormal: tol must be a finite number >= 0, got ${describe(tol)}`,
      );
    }
    if (!["svd", "eigh", "cholesky"].includes(method)) {
      throw new RangeError(
        `multivariateNormal: method must be "svd", "eigh" or "cholesky", got ${describe(method)}`,
      );
    }
    if (!["warn", "raise", "ignore"].includes(checkValid)) {
      throw new RangeError(
        `multivariateNormal: checkValid must be "warn", "raise" or "ignore", got ${describe(checkValid)}`,
      );
    }
    const means = param("mean", mean);
    const covs = param("cov", cov);
    const n = means.shape[0];
    if (
      means.shape.length !== 1 ||
      covs.shape.length !== 2 ||
      covs.shape[0] !== n ||
      covs.shape[1] !== n
    ) {
      throw new RangeError(
        `multivariateNormal: mean must be 1 dimensional and cov 2 dimensional and square, of matching size; ` +
          `got mean [${means.shape.join(", ")}] and cov [${covs.shape.join(", ")}]`,
      );
    }
    if (checkValid !== "ignore" && !isPositiveSemidefinite(covs.data, n, tol)) {
      const message = "multivariateNormal: covariance is not symmetric positive-semidefinite";
      if (checkValid === "raise") throw new RangeError(message);
      console.warn(message);
    }
    const batch =
      size === undefined || size === null ? [] : outputShape("multivariateNormal", size);
    return this.draw((key, partitionable) =>
      multivariateNormal(
        key,
        asParam(means.data, means.shape, dtype),
        asParam(covs.data, covs.shape, dtype),
        batch,
        dtype,
        method,
        { partitionable, x64: this.x64 },
      ),
    );
  }
}

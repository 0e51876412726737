/**
 * `JRNG`'s continuous distributions that `jax.random` samples: exponential, Cauchy, the gamma
 * family, and the location–scale families.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import {
  beta,
  cauchy,
  chisquare,
  exponential,
  f,
  gumbel,
  keyAt,
  laplace,
  logistic,
  lognormal,
  normal,
  pareto,
  rayleigh,
  t,
  split,
  triangular,
  uniform,
  wald,
  weibullMin,
  type FloatDType,
  type Key,
  type NdArray,
} from "@jrng/core";
import { eagerExp, roundTo, shapeSize } from "@jrng/core/internal";
import {
  asParam,
  coreParam,
  checkDomain,
  locScale,
  mapFloat,
  scaled,
  signbit,
} from "./sampling.js";
import { outputShape, param, type ParamLike, type Size } from "./size.js";
import type { CoreOptions } from "./generator-base.js";
import type { FloatOptions } from "./options.js";
import { BasicMethods } from "./basic-methods.js";

/**
 * `wald` where JAX's scale-1 composition `scale · wald(mean / scale)`
 * overflows or underflows to a non-finite value (`mean / scale` outside the
 * dtype's range, e.g. `wald(1e-300, 1e300)`): NumPy's own formula
 * (`random_wald` in `distributions.c`) on the same normal and uniform draws
 * (`k1, k2 = split(key)`: `normal(k1)`, `uniform(k2)`, as JAX's `_wald`),
 * rounded to the dtype at each step. Finite elements are left as they are.
 */
function numpyWaldWhereOverflowed(
  key: Key,
  sample: NdArray,
  means: Float64Array,
  scales: Float64Array,
  options: CoreOptions,
): NdArray {
  const values = sample.data as Float32Array | Float64Array;
  if (values.every(Number.isFinite)) return sample;
  const dtype = sample.dtype as FloatDType;
  const round = roundTo(dtype);
  const keys = split(key, 2, options);
  const v = normal(keyAt(keys, 0), sample.shape, dtype, options).data;
  const u = uniform(keyAt(keys, 1), sample.shape, dtype, 0, 1, options).data;
  const data = values.slice();
  for (let i = 0; i < data.length; i++) {
    if (Number.isFinite(data[i])) continue;
    const mean = round(means[i]);
    const scale = round(scales[i]);
    const half = round(mean / round(2 * scale));
    const y = round(mean * round(v[i] * v[i]));
    const root = round(Math.sqrt(round(round(round(4 * scale) * y) + round(y * y))));
    const x = round(mean + round(half * round(y - root)));
    data[i] = u[i] <= round(mean / round(mean + x)) ? x : round(round(mean * mean) / x);
  }
  return { dtype, shape: sample.shape, data };
}

/** Continuous distributions with a `jax.random` sampler. */
export abstract class ContinuousMethods extends BasicMethods {
  /**
   * Standard exponential samples, as NumPy's `standard_exponential` and JAX's
   * `exponential(key, shape, dtype)`.
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  standardExponential(size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    return this.floatDraw("standardExponential", size, [], options, (key, shape, dtype, _, core) =>
      exponential(key, shape, dtype, core),
    );
  }

  /**
   * Exponential samples with the given scale, as NumPy's `exponential` and
   * rng-jax's `scale * jax.random.exponential(key, shape)`.
   *
   * @param scale - scale `1/λ`, ≥ 0 (default 1).
   * @param size - output shape; default `scale`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  exponential(scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "exponential",
      size,
      [["scale", scale]],
      options,
      (key, shape, dtype, [scales], core) => scaled(exponential(key, shape, dtype, core), scales),
      ([scales]) => checkDomain("exponential", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Standard Cauchy samples, as NumPy's `standard_cauchy` and JAX's `cauchy`.
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  standardCauchy(size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw("standardCauchy", size, [], options, (key, shape, dtype, _, core) =>
      cauchy(key, shape, dtype, core),
    );
  }

  /**
   * Gamma samples with shape `k` and scale 1, as NumPy's `standard_gamma` and
   * JAX's `gamma(key, a, shape, dtype)`.
   *
   * @param shape - the shape parameter `k`, ≥ 0.
   * @param size - output shape; default `shape`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `shape < 0`.
   */
  standardGamma(shape: ParamLike, size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    return this.floatDraw(
      "standardGamma",
      size,
      [["shape", shape]],
      options,
      (key, out, dtype, [ks], core) => this.gammaData(key, ks, out, dtype, core),
      ([ks]) => checkDomain("standardGamma", "shape", ks, signbit, "shape < 0"),
    );
  }

  /**
   * Gamma samples, as NumPy's `gamma` and rng-jax's
   * `scale * jax.random.gamma(key, shape)`.
   *
   * @param shape - the shape parameter `k`, ≥ 0.
   * @param scale - the scale `θ`, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `shape < 0` or `scale < 0`.
   */
  gamma(shape: ParamLike, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    if (typeof shape === "number" && typeof scale === "number") {
      return this.#scalarGamma(shape, scale, size, options);
    }
    return this.floatDraw(
      "gamma",
      size,
      [
        ["shape", shape],
        ["scale", scale],
      ],
      options,
      (key, out, dtype, [ks, scales], core) =>
        scaled(this.gammaData(key, ks, out, dtype, core), scales),
      ([ks, scales]) => {
        checkDomain("gamma", "shape", ks, signbit, "shape < 0");
        checkDomain("gamma", "scale", scales, signbit, "scale < 0");
      },
    );
  }
  /**
   * {@link JRNG.gamma} with one `shape` and one `scale`: the same checks and
   * values, without broadcasting them; float32 as a slice task (threads),
   * scaled in it.
   */
  #scalarGamma(a: number, scale: number, size: Size, options: FloatOptions | undefined): JaxArray {
    const dtype = this.floatDType("gamma", options);
    const shape = outputShape("gamma", size, param("shape", a), param("scale", scale));
    const total = shapeSize(shape);
    // As the broadcast path: the checks run over the result's elements (none for an empty one).
    if (total > 0) {
      checkDomain("gamma", "shape", Float64Array.of(a), signbit, "shape < 0");
      checkDomain("gamma", "scale", Float64Array.of(scale), signbit, "scale < 0");
    }
    return this.draw((key, partitionable) => {
      const core = { partitionable, x64: this.x64 };
      if (dtype === "float32" && total > 0) {
        const task = { op: "gamma32" as const, partitionable, x64: this.x64, total, a, scale };
        return { dtype, shape, data: this.runSliceTask(Float32Array, task, key) };
      }
      const scales = new Float64Array(total).fill(scale);
      return scaled(
        this.gammaData(key, new Float64Array(total).fill(a), shape, dtype, core),
        scales,
      );
    });
  }

  /**
   * Beta samples, as NumPy's `beta` and JAX's `beta(key, a, b, shape, dtype)`.
   *
   * @param a - alpha, > 0.
   * @param b - beta, > 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `a <= 0` or `b <= 0`.
   */
  beta(a: ParamLike, b: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "beta",
      size,
      [
        ["a", a],
        ["b", b],
      ],
      options,
      (key, out, dtype, [as, bs], core) =>
        beta(key, asParam(as, out, dtype), asParam(bs, out, dtype), out, dtype, core),
      ([as, bs]) => {
        checkDomain("beta", "a", as, (x) => x <= 0, "a <= 0");
        checkDomain("beta", "b", bs, (x) => x <= 0, "b <= 0");
      },
    );
  }

  /**
   * Chi-square samples, as NumPy's `chisquare` and JAX's `chisquare`.
   *
   * @param df - degrees of freedom, > 0.
   * @param size - output shape; default `df`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `df <= 0`.
   */
  chisquare(df: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "chisquare",
      size,
      [["df", df]],
      options,
      (key, out, dtype, [dfs], core) => chisquare(key, asParam(dfs, out, dtype), out, dtype, core),
      ([dfs]) => checkDomain("chisquare", "df", dfs, (x) => x <= 0, "df <= 0"),
    );
  }

  /**
   * F samples, as NumPy's `f` and JAX's `f(key, dfnum, dfden, shape, dtype)`.
   *
   * @param dfnum - numerator degrees of freedom, > 0.
   * @param dfden - denominator degrees of freedom, > 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `dfnum <= 0` or `dfden <= 0`.
   */
  f(dfnum: ParamLike, dfden: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "f",
      size,
      [
        ["dfnum", dfnum],
        ["dfden", dfden],
      ],
      options,
      (key, out, dtype, [num, den], core) =>
        f(key, asParam(num, out, dtype), asParam(den, out, dtype), out, dtype, core),
      ([num, den]) => {
        checkDomain("f", "dfnum", num, (x) => x <= 0, "dfnum <= 0");
        checkDomain("f", "dfden", den, (x) => x <= 0, "dfden <= 0");
      },
    );
  }

  /**
   * Student's t samples, as NumPy's `standard_t` and JAX's `t(key, df, shape, dtype)`.
   *
   * @param df - degrees of freedom, > 0.
   * @param size - output shape; default `df`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `df <= 0`.
   */
  standardT(df: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "standardT",
      size,
      [["df", df]],
      options,
      (key, out, dtype, [dfs], core) => t(key, asParam(dfs, out, dtype), out, dtype, core),
      ([dfs]) => checkDomain("standardT", "df", dfs, (x) => x <= 0, "df <= 0"),
    );
  }

  /**
   * Gumbel samples `loc + scale · g`, as NumPy's `gumbel` with JAX's `gumbel`.
   *
   * @param loc - location (default 0).
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  gumbel(loc: ParamLike = 0, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "gumbel",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(gumbel(key, shape, dtype, "low", core), locs, scales),
      ([, scales]) => checkDomain("gumbel", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Laplace samples `loc + scale · l`, as NumPy's `laplace` with JAX's `laplace`.
   *
   * @param loc - location (default 0).
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  laplace(loc: ParamLike = 0, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "laplace",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(laplace(key, shape, dtype, core), locs, scales),
      ([, scales]) => checkDomain("laplace", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Logistic samples `loc + scale · l`, as NumPy's `logistic` with JAX's `logistic`.
   *
   * @param loc - location (default 0).
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  logistic(
    loc: ParamLike = 0,
    scale: ParamLike = 1,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    return this.floatDraw(
      "logistic",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(logistic(key, shape, dtype, core), locs, scales),
      ([, scales]) => checkDomain("logistic", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Log-normal samples `exp(mean + sigma · z)`, as NumPy's `lognormal`. With
   * `mean = 0` this is exactly JAX's `lognormal(key, sigma, shape, dtype)`.
   *
   * @param mean - mean of the underlying normal (default 0).
   * @param sigma - its standard deviation, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `sigma < 0`.
   */
  lognormal(
    mean: ParamLike = 0,
    sigma: ParamLike = 1,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    return this.floatDraw(
      "lognormal",
      size,
      [
        ["mean", mean],
        ["sigma", sigma],
      ],
      options,
      (key, shape, dtype, [means, sigmas], core) => {
        if (means.every((m) => m === 0))
          return lognormal(key, coreParam(sigma, sigmas, shape, dtype), shape, dtype, core);
        // rng-jax: jnp.exp(mean + sigma * normal(...)), each operation eager.
        const z = locScale(normal(key, shape, dtype, core), means, sigmas);
        return mapFloat(z, eagerExp(dtype, z.shape));
      },
      ([, sigmas]) => checkDomain("lognormal", "sigma", sigmas, signbit, "sigma < 0"),
    );
  }

  /**
   * Lomax (Pareto II) samples, as NumPy's `pareto`: JAX's Pareto I
   * `pareto(key, a, shape, dtype)` minus 1.
   *
   * @param a - shape, > 0.
   * @param size - output shape; default `a`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `a <= 0`.
   */
  pareto(a: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "pareto",
      size,
      [["a", a]],
      options,
      (key, shape, dtype, [as], core) =>
        mapFloat(pareto(key, coreParam(a, as, shape, dtype), shape, dtype, core), (x) => x - 1),
      ([as]) => checkDomain("pareto", "a", as, (x) => x <= 0, "a <= 0"),
    );
  }

  /**
   * Rayleigh samples, as NumPy's `rayleigh` and JAX's `rayleigh(key, scale, shape, dtype)`.
   *
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default `scale`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  rayleigh(scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "rayleigh",
      size,
      [["scale", scale]],
      options,
      (key, shape, dtype, [scales], core) =>
        rayleigh(key, asParam(scales, shape, dtype), shape, dtype, core),
      ([scales]) => checkDomain("rayleigh", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Weibull samples with scale 1, as NumPy's `weibull` and JAX's
   * `weibull_min(key, 1, a, shape, dtype)`.
   *
   * @param a - shape, ≥ 0.
   * @param size - output shape; default `a`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `a < 0`.
   */
  weibull(a: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "weibull",
      size,
      [["a", a]],
      options,
      // NumPy returns 0 for a = 0, where JAX's `u^(1/a)` gives 0 or Infinity.
      (key, shape, dtype, [as], core) =>
        mapFloat(weibullMin(key, 1, coreParam(a, as, shape, dtype), shape, dtype, core), (x, i) =>
          as[i] === 0 ? 0 : x,
        ),
      ([as]) => checkDomain("weibull", "a", as, signbit, "a < 0"),
    );
  }

  /**
   * Triangular samples, as NumPy's `triangular` and JAX's
   * `triangular(key, left, mode, right, shape, dtype)`.
   *
   * @param left - lower limit.
   * @param mode - peak, `left ≤ mode ≤ right`.
   * @param right - upper limit, `> left`.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `left > mode`, `mode > right` or `left == right`.
   */
  triangular(
    left: ParamLike,
    mode: ParamLike,
    right: ParamLike,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    return this.floatDraw(
      "triangular",
      size,
      [
        ["left", left],
        ["mode", mode],
        ["right", right],
      ],
      options,
      (key, shape, dtype, [ls, ms, rs], core) =>
        triangular(
          key,
          asParam(ls, shape, dtype),
          asParam(ms, shape, dtype),
          asParam(rs, shape, dtype),
          shape,
          dtype,
          core,
        ),
      ([ls, ms, rs]) => {
        ls.forEach((l, i) => {
          if (l > ms[i])
            throw new RangeError(`triangular: left > mode (got left = ${l}, mode = ${ms[i]})`);
          if (ms[i] > rs[i])
            throw new RangeError(
              `triangular: mode > right (got mode = ${ms[i]}, right = ${rs[i]})`,
            );
          if (l === rs[i]) throw new RangeError(`triangular: left == right (got ${l})`);
        });
      },
    );
  }

  /**
   * Wald (inverse Gaussian) samples, as NumPy's `wald(mean, scale)`:
   * `scale · w` with `w = jax.random.wald(key, mean / scale)`, JAX's wald
   * having scale 1 (if X ~ IG(μ, λ) then X / λ ~ IG(μ / λ, 1)).
   *
   * @param mean - mean, > 0.
   * @param scale - scale λ, > 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `mean <= 0` or `scale <= 0`.
   */
  wald(mean: ParamLike, scale: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.floatDraw(
      "wald",
      size,
      [
        ["mean", mean],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [means, scales], core) => {
        const round = roundTo(dtype);
        const ratio = means.map((m, i) => round(round(m) / round(scales[i])));
        const sample = scaled(wald(key, asParam(ratio, shape, dtype), shape, dtype, core), scales);
        return numpyWaldWhereOverflowed(key, sample, means, scales, core);
      },
      ([means, scales]) => {
        checkDomain("wald", "mean", means, (x) => x <= 0, "mean <= 0");
        checkDomain("wald", "scale", scales, (x) => x <= 0, "scale <= 0");
      },
    );
  }
}

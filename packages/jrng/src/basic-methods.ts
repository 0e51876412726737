/**
 * `JRNG`'s basic methods: uniform floats, bytes, normal samples and integers — the hot paths, with
 * scalar fills, threads and WebGPU.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import { bits, randint, type FloatDType, type IntegerDType, type NdArray } from "@jrng/core";
import {
  broadcastParam,
  checkIntegerDType,
  describe,
  INTEGER_INFO,
  shapeSize,
  uniformKernel,
} from "@jrng/core/internal";
import { jaxCanHold } from "./arrays.js";
import { bigIntParam, broadcastBigInts, integerParam, type IntegerParamLike } from "./integers.js";
import { checkDomain, locScale, signbit } from "./sampling.js";
import { outputShape, param, type ParamLike, type Size } from "./size.js";
import { GeneratorBase, float32Draw, scalarOf, checkCount } from "./generator-base.js";
import {
  INTEGERS_OPTION_KEYS,
  methodOptions,
  type FloatOptions,
  type IntegersOptions,
} from "./options.js";

/** The refusal of a 64-bit integer dtype by a method that returns a jax-js array. */
function fail64(method: string): never {
  throw new TypeError(
    `${method}: jax-js arrays cannot hold 64-bit integers; call ${method}64 for those`,
  );
}

/** `random`, `uniform`, `bytes`, `normal`, `standardNormal`, `integers` and `integers64`. */
export abstract class BasicMethods extends GeneratorBase {
  /**
   * Random floats in [0, 1), as NumPy's `random` and JAX's
   * `uniform(key, shape, dtype)`. On a `"webgpu"` generator, float32 results
   * are computed on the GPU (bit for bit the CPU's).
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  random(size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    const dtype = this.floatDType("random", options);
    const shape = outputShape("random", size);
    return this.draw(
      (subkey, partitionable) => ({
        dtype,
        shape,
        // float32: the fused fill, straight into the result's buffer, on threads if large.
        data:
          dtype === "float32"
            ? this.runSliceTask(
                Float32Array,
                { op: "uniform32", partitionable, x64: this.x64, total: shapeSize(shape) },
                subkey,
                true,
              )
            : uniformKernel(subkey, shape, dtype, [0], [1], partitionable),
      }),
      float32Draw("uniform", dtype, shape, { minval: 0, maxval: 1 }),
    );
  }

  /**
   * Uniform floats in [low, high), as NumPy's `uniform` and JAX's
   * `uniform(key, shape, dtype, minval=low, maxval=high)`. On a `"webgpu"`
   * generator, float32 results with one `low` and one `high` are computed on
   * the GPU (bit for bit the CPU's).
   *
   * @param low - lower bound (default 0), broadcast to `size`.
   * @param high - upper bound (default 1), broadcast to `size`.
   * @param size - output shape; default the broadcast shape of `low` and `high`.
   * @param options - `dtype`.
   * @throws RangeError if `high - low` is not finite or is negative (NumPy's checks).
   */
  uniform(low: ParamLike = 0, high: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.floatDType("uniform", options);
    const lowParam = param("low", low);
    const highParam = param("high", high);
    const shape = outputShape("uniform", size, lowParam, highParam);
    // One low and one high stay scalars: no per-element broadcast.
    const scalarBounds = lowParam.data.length === 1 && highParam.data.length === 1;
    const lows = scalarBounds ? lowParam.data : broadcastParam(lowParam, shape);
    const highs = scalarBounds ? highParam.data : broadcastParam(highParam, shape);
    // As NumPy, the checks run over the result's elements (none for an empty one).
    if (shapeSize(shape) > 0)
      lows.forEach((lowValue, i) => {
        const range = highs[i] - lowValue;
        if (!Number.isFinite(range)) {
          throw new RangeError(
            `uniform: high - low must be finite, got low ${lowValue} and high ${highs[i]}`,
          );
        }
        if (range < 0) {
          throw new RangeError(
            `uniform: high - low < 0 (got low = ${lowValue}, high = ${highs[i]})`,
          );
        }
      });
    const [minval, maxval] = [scalarOf(lows), scalarOf(highs)];
    return this.draw(
      (subkey, partitionable) => ({
        dtype,
        shape,
        data:
          dtype === "float32" && scalarBounds
            ? this.runSliceTask(
                Float32Array,
                {
                  op: "uniformRange32",
                  partitionable,
                  x64: this.x64,
                  total: shapeSize(shape),
                  low: lows[0],
                  high: highs[0],
                },
                subkey,
                true,
              )
            : uniformKernel(subkey, shape, dtype, lows, highs, partitionable),
      }),
      minval === undefined || maxval === undefined
        ? undefined
        : float32Draw("uniform", dtype, shape, { minval, maxval }),
    );
  }

  /**
   * `length` random bytes, as NumPy's `bytes` and rng-jax's
   * `bits(key, (length,), uint8).tobytes()`.
   *
   * @returns a `Uint8Array` (JavaScript's bytes).
   */
  bytes(length: number): Uint8Array {
    const count = checkCount("length", length);
    const { subkey, next } = this.keyStream.next();
    const result = bits(subkey, [count], "uint8", {
      partitionable: this.keyStream.partitionable,
      x64: this.x64,
    }).data;
    this.keyStream = next;
    return result;
  }

  /**
   * Normal samples `loc + scale · z`, as NumPy's `normal` and JAX's
   * `stateful_rng().normal` (`z = jax.random.normal(key, shape, dtype)`). On
   * a `"webgpu"` generator, float32 results with every `loc` 0 and `scale` 1
   * are computed on the GPU (bit-identical to the CPU's); others on the CPU.
   *
   * @param loc - mean (default 0).
   * @param scale - standard deviation, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  normal(loc: ParamLike = 0, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    if (typeof loc === "number" && typeof scale === "number") {
      return this.#scalarNormal(loc, scale, size, options);
    }
    return this.floatDraw(
      "normal",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(this.standardNormalData(key, shape, dtype, core), locs, scales),
      ([, scales]) => checkDomain("normal", "scale", scales, signbit, "scale < 0"),
      // On a device only the standard normal: loc + scale · z there could be fused (an FMA).
      (shape, dtype, [locs, scales]) =>
        locs.every((l) => l === 0) && scales.every((s) => s === 1)
          ? float32Draw("normal", dtype, shape)
          : undefined,
    );
  }

  /**
   * {@link JRNG.normal} with one `loc` and one `scale`: the same checks and
   * values, without broadcasting them, float32 as a slice task (threads).
   */
  #scalarNormal(
    loc: number,
    scale: number,
    size: Size,
    options: FloatOptions | undefined,
  ): JaxArray {
    const dtype = this.floatDType("normal", options);
    const shape = outputShape("normal", size, param("loc", loc), param("scale", scale));
    const total = shapeSize(shape);
    // As the broadcast path: the check runs over the result's elements (none for an empty one).
    if (total > 0) checkDomain("normal", "scale", Float64Array.of(scale), signbit, "scale < 0");
    return this.draw(
      (key, partitionable) =>
        dtype === "float32"
          ? {
              dtype,
              shape,
              data: this.runSliceTask(
                Float32Array,
                { op: "normalLocScale32", partitionable, x64: this.x64, total, loc, scale },
                key,
                true,
              ),
            }
          : locScale(
              this.standardNormalData(key, shape, dtype, { partitionable, x64: this.x64 }),
              new Float64Array(total).fill(loc),
              new Float64Array(total).fill(scale),
            ),
      // On a device only the standard normal: loc + scale · z there could be fused (an FMA).
      loc === 0 && scale === 1 ? float32Draw("normal", dtype, shape) : undefined,
    );
  }

  /**
   * Standard normal samples, as NumPy's `standard_normal` and JAX's
   * `normal(key, shape, dtype)` (rng-jax's `standard_normal`). On a
   * `"webgpu"` generator, float32 results are computed on the GPU (bit-identical
   * to the CPU's).
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  standardNormal(size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    return this.floatDraw(
      "standardNormal",
      size,
      [],
      options,
      (key, shape, dtype, _, core) => this.standardNormalData(key, shape, dtype, core),
      undefined,
      (shape, dtype) => float32Draw("normal", dtype, shape),
    );
  }

  /**
   * Random integers in `[low, high)` (or `[low, high]` with `endpoint`), as
   * NumPy's `integers` and JAX's `randint(key, shape, low, high, dtype)`.
   * With one bound, it is `high` and `low` is 0. On a `"webgpu"` generator,
   * int32 results with one `low` and one `high` are computed on the GPU (bit
   * for bit the CPU's).
   *
   * @param low - lowest integer (or the exclusive upper bound when `high` is omitted).
   * @param high - upper bound, exclusive unless `endpoint`.
   * @param size - output shape; default the broadcast shape of the bounds.
   * @param options - `dtype` (default `"int32"`, JAX without x64; 8/16-bit dtypes come back widened to int32/uint32 jax-js arrays, 64-bit ones as `NdArray`s of bigints) and `endpoint`.
   * @throws RangeError if `low >= high` (`low > high` with `endpoint`).
   */
  integers(
    low: IntegerParamLike,
    high?: IntegerParamLike | null,
    size?: Size,
    options?: IntegersOptions | IntegerDType,
  ): JaxArray {
    const read = methodOptions("integers", options, INTEGERS_OPTION_KEYS) as IntegersOptions;
    // Refuse 64-bit dtypes before drawing, so that the refusal consumes nothing.
    if (read.dtype === "int64" || read.dtype === "uint64") fail64("integers");
    return this.#integers(low, high, size, read) as JaxArray;
  }

  /**
   * {@link JRNG.integers} for 64-bit dtypes, which jax-js arrays cannot hold:
   * the result is an `NdArray` with a `BigInt64Array`/`BigUint64Array`.
   */
  integers64(
    low: IntegerParamLike,
    high?: IntegerParamLike | null,
    size?: Size,
    options?: (IntegersOptions & { dtype?: "int64" | "uint64" }) | "int64" | "uint64",
  ): NdArray<"int64" | "uint64"> {
    const read = methodOptions("integers64", options, INTEGERS_OPTION_KEYS) as IntegersOptions;
    const dtype = read.dtype ?? "int64";
    if (dtype !== "int64" && dtype !== "uint64") {
      throw new TypeError(
        `integers64: dtype must be "int64" or "uint64", got ${describe(dtype)}; call integers for other dtypes`,
      );
    }
    return this.#integers(low, high, size, { ...read, dtype }) as NdArray<"int64" | "uint64">;
  }

  #integers(
    low: IntegerParamLike,
    high: IntegerParamLike | null | undefined,
    size: Size,
    options: IntegersOptions,
  ): JaxArray | NdArray {
    const dtype = options.dtype ?? (this.x64 ? "int64" : "int32");
    const endpoint = options.endpoint ?? false;
    if (typeof endpoint !== "boolean") {
      throw new TypeError(`endpoint must be true or false, got ${describe(endpoint)}`);
    }
    const [lowBound, highBound] = high === undefined || high === null ? [0, low] : [low, high];
    const lows = integerParam("low", lowBound);
    const highs = integerParam("high", highBound);
    const shape = outputShape("integers", size, lows.param, highs.param);
    const { min, max } = INTEGER_INFO[checkIntegerDType("dtype", "integers", dtype)];
    // NumPy's checks, with `h` the exclusive bound (high + 1 under endpoint).
    const check = (l: bigint, h: bigint) => {
      if (l < min)
        throw new RangeError(`integers: low is out of bounds for ${dtype} (got low = ${l})`);
      if (h - 1n > max) {
        throw new RangeError(
          `integers: high is out of bounds for ${dtype} (got high = ${endpoint ? h - 1n : h})`,
        );
      }
      if (l >= h) {
        throw new RangeError(
          `integers: ${endpoint ? "low > high" : "low >= high"} (got low = ${l}, high = ${endpoint ? h - 1n : h})`,
        );
      }
      if (dtype === "uint64" && h > max) {
        throw new RangeError(
          "integers: the full uint64 range (exclusive high 2^64) cannot be expressed as a uint64 maxval of randint; the largest exclusive high is 2^64 - 1",
        );
      }
    };
    if (
      dtype === "int32" &&
      this.backend.draw &&
      lows.values.length === 1 &&
      highs.values.length === 1 &&
      shape.every((d) => d > 0)
    ) {
      // Scalar bounds: the device may draw it, without broadcasting the bounds on the host.
      const [l, h] = [lows.values[0], highs.values[0] + (endpoint ? 1n : 0n)];
      check(l, h);
      const { subkey, next } = this.keyStream.next();
      // As the CPU path reads them (bigIntParam: a BigInt64Array).
      const params = { minval: l, maxval: h };
      const drawn = this.backend.draw(
        "randint",
        subkey,
        this.keyStream.partitionable,
        shape,
        dtype,
        params,
      );
      if (drawn) {
        this.keyStream = next;
        return drawn;
      }
    }
    if (dtype === "int32" && lows.values.length === 1 && highs.values.length === 1) {
      // Scalar bounds: no bigint broadcast; the fused int32 fill into the reused
      // buffer, which toArray copies into the jax-js array at once.
      const [l, h] = [lows.values[0], highs.values[0] + (endpoint ? 1n : 0n)];
      check(l, h);
      const { subkey, next } = this.keyStream.next();
      const task = {
        op: "randint32" as const,
        partitionable: this.keyStream.partitionable,
        x64: this.x64,
        total: shapeSize(shape),
        low: Number(l),
        high: Number(h),
      };
      const data = this.runSliceTask(Int32Array, task, subkey, true);
      const result = this.backend.toArray({ dtype, shape, data });
      this.keyStream = next;
      return result;
    }
    const lowValues = broadcastBigInts(lows, shape);
    const highValues = broadcastBigInts(highs, shape).map((h) => (endpoint ? h + 1n : h));
    lowValues.forEach((l, i) => check(l, highValues[i]));
    const lowArg = bigIntParam(lowValues, shape, dtype);
    const highArg = bigIntParam(highValues, shape, dtype);
    const { subkey, next } = this.keyStream.next();
    const sample = randint(subkey, shape, lowArg, highArg, dtype, {
      partitionable: this.keyStream.partitionable,
      x64: this.x64,
    });
    const result = jaxCanHold(sample.dtype) ? this.backend.toArray(sample) : sample;
    this.keyStream = next;
    return result;
  }
}

/**
 * `JRNG`: NumPy's `numpy.random.Generator` API on JAX's keys.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import {
  bits,
  key as keyFromSeed,
  type FloatDType,
  type Key,
  type KeyArray,
  type NdArray,
} from "@jrng/core";
import {
  broadcastParam,
  checkFloatDType,
  checkKey,
  describe,
  uniformKernel,
} from "@jrng/core/internal";
import { isJaxArray, jaxBackend, keyFromJaxArray, type ArrayBackend } from "./arrays.js";
import { outputShape, param, type ParamLike, type Size } from "./size.js";
import {
  streamFromKey,
  streamFromState,
  type JRNGState,
  type KeyStream,
  type StreamKind,
} from "./stream.js";

/** Options of a new generator. */
export interface JRNGOptions {
  /**
   * How each draw's key is derived (default `"split"`):
   * `"split"` is the original JRNG (`key, sub = split(key)` before every draw);
   * `"fold_in"` is JAX's `stateful_rng` (`sub = fold_in(base, counter++)`).
   */
  stream?: StreamKind;
  /** Threefry mode: `true` (default) as JAX ≥ 0.5, `false` for legacy JAX. */
  partitionable?: boolean;
  /** Default float dtype of float results: `"float32"` (default, JAX without x64) or `"float64"`. */
  dtype?: FloatDType;
}

/** Options of float-valued methods. */
export interface FloatOptions {
  /** Result dtype; defaults to the generator's `dtype`. */
  dtype?: FloatDType;
}

function checkOptions(options: unknown): Required<JRNGOptions> {
  if (options === undefined) return { stream: "split", partitionable: true, dtype: "float32" };
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  const { stream = "split", partitionable = true, dtype } = options as JRNGOptions;
  if (stream !== "split" && stream !== "fold_in") {
    throw new TypeError(`options.stream must be "split" or "fold_in", got ${describe(stream)}`);
  }
  if (typeof partitionable !== "boolean") {
    throw new TypeError(
      `options.partitionable must be true or false, got ${describe(partitionable)}`,
    );
  }
  return { stream, partitionable, dtype: checkFloatDType("options.dtype", dtype) };
}

function checkCount(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${describe(value)}`);
  }
  return value;
}

/**
 * A stateful random generator with NumPy's `Generator` methods, whose every
 * output is fixed by the seed, the options and the sequence of calls — and
 * equals what the same calls compute in JAX.
 *
 * Each method consumes exactly one key from the stream (see
 * {@link JRNGOptions.stream}) and computes with it what the corresponding
 * `jax.random` function computes. A call that throws consumes nothing.
 *
 * @example
 * ```ts
 * import { JRNG } from "jrng";
 * const rng = new JRNG(42);
 * rng.random(3);            // float32 Array of shape [3]
 * const kids = rng.spawn(4); // four independent generators
 * ```
 */
export class JRNG {
  #stream: KeyStream;
  /** Default float dtype of this generator's float results. */
  readonly dtype: FloatDType;
  readonly #backend: ArrayBackend;

  /**
   * A generator seeded like `jax.random.key(seed)`.
   *
   * @param seed - an integer `number` in [-2^31, 2^53) or a `bigint` in [-2^63, 2^64), as `key()` of `@jrng/core`.
   * @param options - stream discipline, threefry mode and default float dtype.
   * @throws TypeError / RangeError for a bad seed or options.
   */
  constructor(seed: number | bigint, options?: JRNGOptions) {
    const checked = checkOptions(options);
    this.dtype = checked.dtype;
    this.#backend = jaxBackend;
    this.#stream = streamFromKey(checked.stream, keyFromSeed(seed), checked.partitionable);
  }

  /**
   * A generator on an existing key (counter 0 for `"fold_in"`), as rng-jax's
   * `Generator.from_key`.
   *
   * @param key - a `Uint32Array` of two words, or a jax-js uint32 array of shape [2].
   * @param options - stream discipline, threefry mode and default float dtype.
   */
  static fromKey(key: Uint32Array | JaxArray | readonly number[], options?: JRNGOptions): JRNG {
    const words = isJaxArray(key) ? keyFromJaxArray(key) : checkKey("JRNG.fromKey", key);
    const checked = checkOptions(options);
    return JRNG.#fromStream(
      streamFromKey(checked.stream, words, checked.partitionable),
      checked.dtype,
    );
  }

  /**
   * A generator that continues exactly where the one whose {@link JRNG.state}
   * this is left off.
   *
   * @param state - an object from {@link JRNG.state} (possibly through JSON).
   * @param options - only `dtype` is read; stream and mode come from the state.
   * @throws TypeError if the state is malformed.
   */
  static fromState(state: JRNGState, options?: Pick<JRNGOptions, "dtype">): JRNG {
    const stream = streamFromState(state);
    return JRNG.#fromStream(stream, checkFloatDType("options.dtype", options?.dtype));
  }

  static #fromStream(stream: KeyStream, dtype: FloatDType): JRNG {
    const rng = new JRNG(0, { dtype });
    rng.#stream = stream;
    return rng;
  }

  /** The stream discipline, `"split"` or `"fold_in"`. */
  get stream(): StreamKind {
    return this.#stream.kind;
  }

  /** The threefry mode: `true` for partitionable. */
  get partitionable(): boolean {
    return this.#stream.partitionable;
  }

  /** The generator's complete state, JSON-serialisable; see {@link JRNG.fromState}. */
  get state(): JRNGState {
    return this.#stream.state();
  }

  /**
   * Fresh key(s) for use with `@jrng/core` or jax-js, advancing the state as
   * rng-jax's `Generator.split(size)` (`"split"`) or JAX's
   * `StatefulPRNG.key(shape)` (`"fold_in"`) does.
   *
   * @param size - omitted for one key (a `Uint32Array`), or a count/shape for a key array `[...shape, 2]`.
   */
  key(): Key;
  key(size: number | readonly number[]): KeyArray;
  key(size?: number | readonly number[]): Key | KeyArray {
    if (size === undefined) {
      const { subkey, next } = this.#stream.next();
      this.#stream = next;
      return subkey;
    }
    const shape = outputShape("key", size);
    const count = shape.reduce((a, b) => a * b, 1);
    const { keys, next } = this.#stream.keys(count);
    this.#stream = next;
    return { dtype: "uint32", shape: [...shape, 2], data: keys };
  }

  /**
   * `n` new independent generators, as NumPy's `spawn`. `"split"`: rng-jax's
   * `spawn` (`key, *children = split(key, n + 1)`); `"fold_in"`: JAX's
   * `StatefulPRNG.spawn` (children on `split(fold_in(base, counter++), n)`,
   * counters 0). Children share this generator's options.
   */
  spawn(nChildren: number): JRNG[] {
    const count = checkCount("nChildren", nChildren);
    const { children, next } = this.#stream.spawn(count);
    this.#stream = next;
    return children.map((child) => JRNG.#fromStream(child, this.dtype));
  }

  /**
   * `n` child generators. In both streams they use the keys {@link JRNG.key}
   * would return and equal {@link JRNG.spawn}: JAX's `StatefulPRNG.split(n)`
   * returns them as one vmappable generator, rng-jax's `split(n)` returns
   * their keys (use `key(n)` for those).
   */
  split(num: number): JRNG[] {
    return this.spawn(num);
  }

  /**
   * Run one draw: take the next key, compute, and commit the stream only if
   * nothing threw — so a failed call leaves the state untouched.
   */
  #draw(compute: (subkey: Key, partitionable: boolean) => NdArray): JaxArray {
    const { subkey, next } = this.#stream.next();
    const result = this.#backend.toArray(compute(subkey, this.#stream.partitionable));
    this.#stream = next;
    return result;
  }

  #floatDType(options: FloatOptions | undefined): FloatDType {
    return options?.dtype === undefined ? this.dtype : checkFloatDType("dtype", options.dtype);
  }

  /**
   * Random floats in [0, 1), as NumPy's `random` and JAX's
   * `uniform(key, shape, dtype)`.
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  random(size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.#floatDType(options);
    const shape = outputShape("random", size);
    return this.#draw((subkey, partitionable) => ({
      dtype,
      shape,
      data: uniformKernel(subkey, shape, dtype, [0], [1], partitionable),
    }));
  }

  /**
   * Uniform floats in [low, high), as NumPy's `uniform` and JAX's
   * `uniform(key, shape, dtype, minval=low, maxval=high)`.
   *
   * @param low - lower bound (default 0), broadcast to `size`.
   * @param high - upper bound (default 1), broadcast to `size`.
   * @param size - output shape; default the broadcast shape of `low` and `high`.
   * @param options - `dtype`.
   * @throws RangeError if `high - low` is not finite (NumPy's check).
   */
  uniform(low: ParamLike = 0, high: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.#floatDType(options);
    const lowParam = param("low", low);
    const highParam = param("high", high);
    const shape = outputShape("uniform", size, lowParam, highParam);
    const lows = broadcastParam(lowParam, shape);
    const highs = broadcastParam(highParam, shape);
    lows.forEach((lowValue, i) => {
      if (!Number.isFinite(highs[i] - lowValue)) {
        throw new RangeError(
          `uniform: high - low must be finite, got low ${lowValue} and high ${highs[i]}`,
        );
      }
    });
    return this.#draw((subkey, partitionable) => ({
      dtype,
      shape,
      data: uniformKernel(subkey, shape, dtype, lows, highs, partitionable),
    }));
  }

  /**
   * `length` random bytes, as NumPy's `bytes` and rng-jax's
   * `bits(key, (length,), uint8).tobytes()`.
   *
   * @returns a `Uint8Array` (JavaScript's bytes).
   */
  bytes(length: number): Uint8Array {
    const count = checkCount("length", length);
    const { subkey, next } = this.#stream.next();
    const result = bits(subkey, [count], "uint8", { partitionable: this.partitionable }).data;
    this.#stream = next;
    return result;
  }
}

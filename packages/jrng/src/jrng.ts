/**
 * `JRNG`: NumPy's `numpy.random.Generator` API on JAX's keys.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import { key as keyFromSeed, type FloatDType, type Key, type KeyArray } from "@jrng/core";
import { checkFloatDType, checkKey } from "@jrng/core/internal";
import { isJaxArray, jaxBackend, keyFromJaxArray, type ArrayBackend } from "./arrays.js";
import { outputShape } from "./size.js";
import {
  streamFromKey,
  readState,
  type JRNGState,
  type JRNGStateV1,
  type KeyStream,
} from "./stream.js";
import { webgpuBackend } from "./webgpu.js";
import { checkCount } from "./generator-base.js";
import {
  checkDevice,
  checkOptions,
  checkX64,
  optionsObject,
  requireCpu,
  STATE_OPTION_KEYS,
  type DeviceOption,
  type JRNGOptions,
} from "./options.js";
import { SpecDefinedMethods } from "./spec-defined-methods.js";

/** The one console method used (the `"auto"` device's fallback notice), without DOM or Node typings. */
declare const console: { warn(message: string): void };

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
export class JRNG extends SpecDefinedMethods {
  /**
   * A generator seeded like `jax.random.key(seed)`.
   *
   * @param seed - an integer `number` or `bigint` in [-2^63, 2^63), read as `key(seed, { x64 })` of `@jrng/core` reads it.
   * @param options - stream discipline, threefry mode and default float dtype; `device` must be `"cpu"` here.
   * @throws TypeError / RangeError for a bad seed or options, and TypeError for
   * `device` `"webgpu"` or `"auto"` (use {@link JRNG.create}).
   */
  constructor(seed: number | bigint, options?: JRNGOptions) {
    const checked = checkOptions("new JRNG", options);
    requireCpu(checked.device, "new JRNG", "JRNG.create");
    super({
      stream: streamFromKey(
        checked.stream,
        keyFromSeed(seed, { x64: checked.x64 }),
        checked.partitionable,
      ),
      dtype: checked.dtype,
      x64: checked.x64,
      backend: jaxBackend,
      device: "cpu",
      threads: checked.threads,
    });
  }

  /**
   * A generator seeded like `jax.random.key(seed)` on the device `options.device`
   * asks for — the way to get a WebGPU generator (see {@link JRNGOptions.device}).
   *
   * `"webgpu"` initialises jax-js's webgpu backend (`init("webgpu")`; in Node,
   * where there is no `navigator.gpu`, it is first installed from the `webgpu`
   * package, see `installNavigatorGPU` in `@jrng/webgpu`) and compiles
   * `@jrng/webgpu`'s kernels on jax-js's `GPUDevice`, once per process.
   *
   * @param seed - as for the constructor.
   * @param options - as for the constructor, `device` included.
   * @throws WebGPUUnavailableError (from `@jrng/webgpu`, its `reason` saying why) for `"webgpu"` without a usable adapter.
   * @throws WebGPUKernelError if a kernel does not compile on this device (also for `"auto"`: a bug, not absence).
   */
  static async create(seed: number | bigint, options?: JRNGOptions): Promise<JRNG> {
    const checked = checkOptions("JRNG.create", options);
    const rng = new JRNG(seed, { ...checked, device: "cpu" });
    await rng.#useDevice(checked.device);
    return rng;
  }

  /**
   * A generator on an existing key (counter 0 for `"fold_in"`), as rng-jax's
   * `Generator.from_key`.
   *
   * @param key - a `Uint32Array` of two words, or a jax-js uint32 array of shape [2].
   * @param options - stream discipline, threefry mode and default float dtype; `device` must be `"cpu"` (else use {@link JRNG.createFromKey}).
   */
  static fromKey(key: Uint32Array | JaxArray | readonly number[], options?: JRNGOptions): JRNG {
    const words = isJaxArray(key) ? keyFromJaxArray(key) : checkKey("JRNG.fromKey", key);
    const checked = checkOptions("JRNG.fromKey", options);
    requireCpu(checked.device, "JRNG.fromKey", "JRNG.createFromKey");
    return JRNG.#fromStream(
      streamFromKey(checked.stream, words, checked.partitionable),
      checked.dtype,
      checked.x64,
      jaxBackend,
      "cpu",
      checked.threads,
    );
  }

  /**
   * {@link JRNG.fromKey} on the device `options.device` asks for (see {@link JRNG.create}).
   *
   * @throws WebGPUUnavailableError for `"webgpu"` without a usable adapter.
   */
  static async createFromKey(
    key: Uint32Array | JaxArray | readonly number[],
    options?: JRNGOptions,
  ): Promise<JRNG> {
    const device = checkDevice(optionsObject("JRNG.createFromKey", options).device);
    const rng = JRNG.fromKey(key, { ...options, device: "cpu" });
    await rng.#useDevice(device);
    return rng;
  }

  /**
   * A generator that continues exactly where the one whose {@link JRNG.state}
   * this is left off.
   *
   * @param state - an object from {@link JRNG.state} (possibly through `JSON.parse`), of format version 2 or 1.
   * @param options - `dtype` and `x64`, overriding the state's (a version 1 state has neither: float32 and false unless given); `device` must be `"cpu"` (else use {@link JRNG.createFromState}).
   * @throws TypeError if the state is malformed (a JSON string included: parse it first).
   */
  static fromState(
    state: JRNGState | JRNGStateV1,
    options?: Pick<JRNGOptions, "dtype" | "device" | "x64">,
  ): JRNG {
    const restored = readState(state);
    const { dtype, device, x64 } = optionsObject("JRNG.fromState", options, STATE_OPTION_KEYS);
    requireCpu(checkDevice(device), "JRNG.fromState", "JRNG.createFromState");
    return JRNG.#fromStream(
      restored.stream,
      checkFloatDType("options.dtype", dtype ?? restored.dtype),
      x64 === undefined ? restored.x64 : checkX64(x64),
      jaxBackend,
      "cpu",
    );
  }

  /**
   * {@link JRNG.fromState} on the device `options.device` asks for (see {@link JRNG.create}).
   *
   * @throws WebGPUUnavailableError for `"webgpu"` without a usable adapter.
   */
  static async createFromState(
    state: JRNGState | JRNGStateV1,
    options?: Pick<JRNGOptions, "dtype" | "device" | "x64">,
  ): Promise<JRNG> {
    const device = checkDevice(
      optionsObject("JRNG.createFromState", options, STATE_OPTION_KEYS).device,
    );
    const rng = JRNG.fromState(state, { ...options, device: "cpu" });
    await rng.#useDevice(device);
    return rng;
  }

  static #fromStream(
    stream: KeyStream,
    dtype: FloatDType,
    x64: boolean,
    backend: ArrayBackend,
    device: "cpu" | "webgpu",
    threads?: number,
  ): JRNG {
    const rng = new JRNG(0, { dtype, x64, threads });
    rng.keyStream = stream;
    rng.backend = backend;
    rng.currentDevice = device;
    return rng;
  }

  /** Switch this (new) generator to `device`: the WebGPU set-up, or the fallback of `"auto"`. */
  async #useDevice(device: DeviceOption): Promise<void> {
    if (device === "cpu") return;
    try {
      this.backend = await webgpuBackend();
      this.currentDevice = "webgpu";
    } catch (error) {
      const unavailable = (error as Error | undefined)?.name === "WebGPUUnavailableError";
      if (device === "webgpu" || !unavailable) throw error;
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      console.warn(
        `jrng: device "auto": WebGPU is not available, generating on the CPU (${reason})`,
      );
    }
  }

  /** The generator's complete state, JSON-serialisable; see {@link JRNG.fromState}. */
  get state(): JRNGState {
    return { version: 2, ...this.keyStream.state(), dtype: this.dtype, x64: this.x64 };
  }

  /**
   * A fresh key for use with `@jrng/core` or jax-js: the subkey of one draw,
   * advancing the state as rng-jax's `Generator.split()` (`"split"`) or JAX's
   * `StatefulPRNG.key()` (`"fold_in"`) does.
   */
  key(): Key;
  /**
   * Fresh keys, advancing the state as rng-jax's `Generator.split(size)`
   * (`"split"`) or JAX's `StatefulPRNG.key(shape)` (`"fold_in"`) does.
   *
   * @param size - a count or shape; the result is a key array `[...shape, 2]`.
   */
  key(size: number | readonly number[]): KeyArray;
  key(size?: number | readonly number[]): Key | KeyArray {
    if (size === undefined) {
      const { subkey, next } = this.keyStream.next();
      this.keyStream = next;
      return subkey;
    }
    const shape = outputShape("key", size);
    const count = shape.reduce((a, b) => a * b, 1);
    const { keys, next } = this.keyStream.keys(count);
    this.keyStream = next;
    return { dtype: "uint32", shape: [...shape, 2], data: keys };
  }

  /**
   * `n` new independent generators, as NumPy's `spawn`. `"split"`: rng-jax's
   * `spawn` (`key, *children = split(key, n + 1)`); `"fold_in"`: JAX's
   * `StatefulPRNG.spawn` (children on `split(fold_in(base, counter++), n)`,
   * counters 0). Children share this generator's options.
   */
  spawn(nChildren: number): JRNG[] {
    return this.#spawn(checkCount("nChildren", nChildren));
  }

  #spawn(count: number): JRNG[] {
    const { children, next } = this.keyStream.spawn(count);
    this.keyStream = next;
    return children.map((child) =>
      JRNG.#fromStream(child, this.dtype, this.x64, this.backend, this.currentDevice, this.threads),
    );
  }

  /**
   * `n` child generators. In both streams they use the keys {@link JRNG.key}
   * would return and equal {@link JRNG.spawn}: JAX's `StatefulPRNG.split(n)`
   * returns them as one vmappable generator, rng-jax's `split(n)` returns
   * their keys (use `key(n)` for those).
   */
  split(num: number): JRNG[] {
    return this.#spawn(checkCount("num", num));
  }
}

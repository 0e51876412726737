/**
 * The state every `JRNG` method works on — the key stream, the default float
 * dtype, `x64`, the array backend and the thread count — and the one way a
 * method draws: take the next key, compute, commit the stream only if nothing
 * threw. The method families (`basic-methods.ts`, …) build on it.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import {
  gamma,
  normal,
  type FloatDType,
  type Key,
  type NdArray,
  type ThreefryOptions,
} from "@jrng/core";
import { checkFloatDType, describe, shapeSize } from "@jrng/core/internal";
import type { ArrayBackend, DrawOp, DrawParams } from "./arrays.js";
import { asParam, readParams } from "./sampling.js";
import { param, type ParamLike, type Size } from "./size.js";
import { drawBySlices } from "./slices.js";
import type { SliceTask } from "./slice-tasks.js";
import { allocateOutput, runTask, type OutputType } from "./threads.js";
import type { KeyStream } from "./stream.js";
import { methodOptions, type FloatOptions } from "./options.js";

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The `@jrng/core` options of a draw: threefry mode and x64. */
export type CoreOptions = ThreefryOptions;

/** A draw a backend may compute on its device (see {@link ArrayBackend.draw}). */
export interface Accelerated {
  op: DrawOp;
  shape: readonly number[];
  dtype: "uint32" | "float32" | "int32";
  params: DrawParams;
}

/** What a generator is made of (see {@link GeneratorBase}). */
export interface GeneratorParts {
  stream: KeyStream;
  dtype: FloatDType;
  x64: boolean;
  backend: ArrayBackend;
  device: "cpu" | "webgpu";
  threads: number;
}

/** `uniform`'s bounds for a device draw: one value each, or undefined. */
export function scalarOf(values: Float64Array): number | undefined {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (!Object.is(values[i], first)) return undefined;
  return first;
}

/**
 * A count argument: a TypeError for the wrong kind (not an integer number),
 * a RangeError for a negative one.
 */
export function checkCount(name: string, value: unknown): number {
  const message = `${name} must be a non-negative integer, got ${describe(value)}`;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(message);
  if (value < 0) throw new RangeError(message);
  return value;
}

/** A float32 draw the backend may compute, or undefined for other dtypes. */
export function float32Draw(
  op: "uniform" | "normal",
  dtype: FloatDType,
  shape: readonly number[],
  params: DrawParams = {},
): Accelerated | undefined {
  return dtype === "float32" ? { op, shape, dtype, params } : undefined;
}

/**
 * A generator's state and its drawing helpers; `JRNG` is this class with
 * every method family on top.
 */
export abstract class GeneratorBase {
  // Private, so that only a draw (or JRNG's factories) can change them; the
  // method families reach them through the protected accessors below.
  #keyStream: KeyStream;
  #backend: ArrayBackend;
  #currentDevice: "cpu" | "webgpu";
  #threads: number;
  /** Default float dtype of this generator's float results. */
  readonly dtype: FloatDType;
  /** Whether this generator mirrors JAX with `jax_enable_x64` (the generator option `x64`). */
  readonly x64: boolean;

  protected constructor(parts: GeneratorParts) {
    this.#keyStream = parts.stream;
    this.#backend = parts.backend;
    this.#currentDevice = parts.device;
    this.#threads = parts.threads;
    this.dtype = parts.dtype;
    this.x64 = parts.x64;
  }

  /** The key stream; replaced (never mutated) by each draw that succeeds. */
  protected get keyStream(): KeyStream {
    return this.#keyStream;
  }

  protected set keyStream(stream: KeyStream) {
    this.#keyStream = stream;
  }

  /** Where results become arrays: jax-js's CPU arrays, or the WebGPU backend. */
  protected get backend(): ArrayBackend {
    return this.#backend;
  }

  protected set backend(backend: ArrayBackend) {
    this.#backend = backend;
  }

  /** The device of the hot methods (see `JRNG.device`). */
  protected get currentDevice(): "cpu" | "webgpu" {
    return this.#currentDevice;
  }

  protected set currentDevice(device: "cpu" | "webgpu") {
    this.#currentDevice = device;
  }

  /** How many threads large draws may use. */
  protected get threads(): number {
    return this.#threads;
  }

  /**
   * Run one draw: take the next key, compute, and commit the stream only if
   * nothing threw — so a failed call leaves the state untouched. With
   * `accelerated`, the backend may compute the draw on its device with the
   * same subkey (it returns undefined when it does not; then the CPU does).
   */
  protected draw(
    compute: (subkey: Key, partitionable: boolean) => NdArray,
    accelerated?: Accelerated,
  ): JaxArray {
    const { subkey, next } = this.keyStream.next();
    const partitionable = this.keyStream.partitionable;
    const result =
      (accelerated &&
        this.backend.draw?.(
          accelerated.op,
          subkey,
          partitionable,
          accelerated.shape,
          accelerated.dtype,
          accelerated.params,
        )) ??
      this.backend.toArray(compute(subkey, partitionable));
    this.keyStream = next;
    return result;
  }

  /**
   * Run a slice task of this draw into a new array, on this generator's
   * threads when large. With `transient`, the result must be copied (into a
   * jax-js array) or read before the next draw: its buffer is reused.
   */
  protected runSliceTask<T extends Float32Array | Int32Array>(
    Type: OutputType<T>,
    task: DistributiveOmit<SliceTask, "key">,
    subkey: Key,
    transient = false,
  ): T {
    const out = allocateOutput(Type, task.op, task.total, this.threads, transient);
    runTask({ ...task, key: [subkey[0], subkey[1]] } as SliceTask, out, this.threads);
    return out;
  }

  /**
   * `normal(key, shape, dtype)`: float32 as a slice task, float64 slice by
   * slice. The result must be copied or read before the next draw (a reused
   * buffer).
   */
  protected standardNormalData(
    key: Key,
    shape: number[],
    dtype: FloatDType,
    core: CoreOptions,
  ): NdArray {
    if (dtype === "float32") {
      const total = shapeSize(shape);
      const { partitionable = true, x64 = false } = core;
      const task = { op: "normal32" as const, partitionable, x64, total };
      return { dtype, shape, data: this.runSliceTask(Float32Array, task, key, true) };
    }
    return drawBySlices(dtype, shape, (slice) => normal(key, shape, dtype, { ...core, slice }));
  }

  /** `gamma(key, a, shape, dtype)`: float32 with one `a` as a slice task. */
  protected gammaData(
    key: Key,
    ks: Float64Array,
    shape: number[],
    dtype: FloatDType,
    core: CoreOptions,
  ): NdArray {
    const a = scalarOf(ks);
    if (dtype === "float32" && a !== undefined && ks.length > 0) {
      const total = shapeSize(shape);
      const { partitionable = true, x64 = false } = core;
      const task = { op: "gamma32" as const, partitionable, x64, total, a, scale: 1 };
      return { dtype, shape, data: this.runSliceTask(Float32Array, task, key) };
    }
    return gamma(key, asParam(ks, shape, dtype), shape, dtype, core);
  }

  /** The dtype of a Python float in JAX: float64 with x64, else float32. */
  protected get pythonFloat(): FloatDType {
    return this.x64 ? "float64" : "float32";
  }

  /**
   * The result dtype of float method `method`: its options' `dtype` (or
   * NumPy's positional dtype string, where NumPy has one), else the
   * generator's. Every key of the options must be one of `known`.
   */
  protected floatDType(
    method: string,
    options: FloatOptions | FloatDType | undefined,
    known: readonly string[] = ["dtype"],
  ): FloatDType {
    const { dtype } = methodOptions(method, options, known);
    return dtype === undefined ? this.dtype : checkFloatDType(`${method}: dtype`, dtype);
  }
  /**
   * Run a float-valued draw: read and broadcast the parameters, validate
   * them, then compute with one subkey.
   */
  protected floatDraw(
    method: string,
    size: Size,
    params: [string, ParamLike][],
    options: FloatOptions | FloatDType | undefined,
    compute: (
      key: Key,
      shape: number[],
      dtype: FloatDType,
      values: Float64Array[],
      core: CoreOptions,
    ) => NdArray,
    validate?: (values: Float64Array[]) => void,
    accelerate?: (
      shape: number[],
      dtype: FloatDType,
      values: Float64Array[],
    ) => Accelerated | undefined,
  ): JaxArray {
    const dtype = this.floatDType(method, options);
    const { shape, values } = readParams(method, size, params);
    validate?.(values);
    return this.draw(
      (subkey, partitionable) =>
        compute(subkey, shape, dtype, values, { partitionable, x64: this.x64 }),
      accelerate?.(shape, dtype, values),
    );
  }
  /** Read parameters for a sampler that checks them itself (NumPy's rules, in `@jrng/core`). */
  protected exactParams(params: [string, ParamLike][]): NdArray[] {
    return params.map(([name, value]) => {
      const read = param(name, value);
      return { dtype: "float64", shape: [...read.shape], data: read.data };
    });
  }
}

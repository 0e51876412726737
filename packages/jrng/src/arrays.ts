/**
 * The device seam: turning `@jrng/core` results into `@jax-js/jax` arrays.
 *
 * Every JRNG method computes an `NdArray` with `@jrng/core` and hands it to
 * an {@link ArrayBackend}; a backend with `draw` (the WebGPU one, see
 * `./webgpu.ts`) computes the hot samplers on its device instead.
 *
 * @module
 */
import {
  Array as JaxArrayClass,
  DType,
  numpy as np,
  type Array as JaxArray,
  type Device,
} from "@jax-js/jax";
import type { Key, NdArray } from "@jrng/core";
import { checkNdArray, describe, looksLikeNdArray, toParam } from "@jrng/core/internal";

/** The samplers a backend may compute itself (see {@link ArrayBackend.draw}). */
export type DrawOp = "bits" | "uniform" | "normal" | "randint";

/** Scalar parameters of a {@link ArrayBackend.draw}: `uniform`'s and `randint`'s bounds. */
export interface DrawParams {
  /** Lower bound (`uniform`: a float, `randint`: an integer, already checked `< maxval`). */
  minval?: number | bigint;
  /** Upper bound (exclusive). */
  maxval?: number | bigint;
}

/**
 * Turns computed results into arrays of some array library, and may compute
 * the hot samplers itself (the device seam).
 */
export interface ArrayBackend {
  /** Wrap a computed result as an array on this backend. */
  toArray(result: NdArray): JaxArray;
  /**
   * Compute `op` with `subkey` on this backend's device instead of the CPU:
   * `jax.random.bits` (uint32), `uniform`, `normal` (float32) or `randint`
   * (int32) of `shape`, with scalar `params`. Returns `undefined` when this
   * call is not accelerated (dtype, size or parameters it does not handle),
   * and the caller then computes it on the CPU with the same subkey. It must
   * not consume anything or have effects when it returns `undefined` or throws.
   */
  draw?(
    op: DrawOp,
    subkey: Key,
    partitionable: boolean,
    shape: readonly number[],
    dtype: "uint32" | "float32" | "int32",
    params: DrawParams,
  ): JaxArray | undefined;
}

/** The dtypes a jax-js array can hold, and the one each core dtype becomes. */
const JAX_DTYPE = {
  float32: DType.Float32,
  float64: DType.Float64,
  int32: DType.Int32,
  uint32: DType.Uint32,
  bool: DType.Bool,
  int8: DType.Int32,
  int16: DType.Int32,
  uint8: DType.Uint32,
  uint16: DType.Uint32,
} as const;

type JaxHoldable = keyof typeof JAX_DTYPE;

/** True when jax-js can hold this dtype's values exactly (not int64/uint64). */
export function jaxCanHold(dtype: string): dtype is JaxHoldable {
  return Object.hasOwn(JAX_DTYPE, dtype);
}

/**
 * jax-js 0.1.25 checks `data instanceof Float16Array` before accepting a
 * Float64Array, which throws a ReferenceError where the runtime has no
 * Float16Array (Node 20). An inert placeholder is installed for the duration
 * of that one call only.
 */
function withFloat16ArrayDefined<T>(create: () => T): T {
  const scope = globalThis as { Float16Array?: unknown };
  if (scope.Float16Array !== undefined) return create();
  scope.Float16Array = class Float16ArrayPlaceholder {};
  try {
    return create();
  } finally {
    delete scope.Float16Array;
  }
}

/**
 * A computed result as a jax-js array, on `device` (default: jax-js's default
 * device). float64 results always go to the default device.
 */
export function jaxArrayOf(result: NdArray, device?: Device): JaxArray {
  const { dtype, shape, data } = result;
  if (!jaxCanHold(dtype)) {
    throw new TypeError(`jax-js arrays cannot hold dtype ${dtype}; it is returned as an NdArray`);
  }
  const jaxDType = JAX_DTYPE[dtype];
  const mutableShape = [...shape];
  const on = device === undefined ? {} : { device };
  // jax-js cannot build a zero-size array from data.
  if (data.length === 0) return np.zeros(mutableShape, { dtype: jaxDType, ...on });
  switch (jaxDType) {
    case DType.Float32:
      return np.array(data as Float32Array, { shape: mutableShape, dtype: DType.Float32, ...on });
    case DType.Float64:
      return withFloat16ArrayDefined(() =>
        np.array(data as Float64Array, { shape: mutableShape, dtype: DType.Float64 }),
      );
    case DType.Uint32:
      return np.array(data instanceof Uint32Array ? data : Uint32Array.from(data as Uint8Array), {
        shape: mutableShape,
        dtype: DType.Uint32,
        ...on,
      });
    case DType.Int32:
    case DType.Bool:
      return np.array(data instanceof Int32Array ? data : Int32Array.from(data as Int8Array), {
        shape: mutableShape,
        dtype: jaxDType,
        ...on,
      });
  }
}

/** The default backend: arrays on jax-js's default device, nothing accelerated. */
export const jaxBackend: ArrayBackend = {
  toArray(result: NdArray): JaxArray {
    return jaxArrayOf(result);
  },
};

/** True for a jax-js `Array`. */
export function isJaxArray(value: unknown): value is JaxArray {
  return value instanceof JaxArrayClass;
}

/**
 * The two words of a jax-js uint32 key array of shape [2]. The array is read
 * without being consumed.
 *
 * @throws TypeError for any other array, or one already disposed.
 */
export function keyFromJaxArray(array: JaxArray): Uint32Array {
  if (array.refCount <= 0) {
    throw new TypeError(
      "key is a jax-js Array that was already disposed; pass `key.ref` to keep using it",
    );
  }
  if (array.dtype !== DType.Uint32 || array.shape.length !== 1 || array.shape[0] !== 2) {
    throw new TypeError(
      `key must be a uint32 array of shape [2], got ${array.dtype} of shape [${array.shape.join(", ")}]`,
    );
  }
  return Uint32Array.from(array.ref.dataSync() as Uint32Array);
}

/** Anything an array argument may be: nested JS arrays, typed arrays, an NdArray or a jax-js Array. */
export type ArrayInput =
  NdArray | JaxArray | readonly unknown[] | Float32Array | Float64Array | Int32Array | Uint32Array;

const NDARRAY_OF_TYPED: [new (...args: never[]) => ArrayBufferView, NdArray["dtype"]][] = [
  [Float32Array, "float32"],
  [Float64Array, "float64"],
  [Int32Array, "int32"],
  [Uint32Array, "uint32"],
];

/**
 * Read a jax-js Array's values as an `NdArray` of its dtype, without
 * consuming it (its reference count is kept).
 *
 * @throws TypeError naming `name` for an array that was already disposed.
 */
export function readJaxArray(name: string, array: JaxArray): NdArray {
  if (array.refCount <= 0) {
    throw new TypeError(
      `${name} is a jax-js Array that was already disposed (or consumed by an operation); pass \`${name}.ref\` to keep using it`,
    );
  }
  const dtype = String(array.dtype);
  const data = array.ref.dataSync();
  if (dtype === "bool") {
    return { dtype: "bool", shape: [...array.shape], data: Uint8Array.from(data as Int32Array) };
  }
  return { dtype, shape: [...array.shape], data } as NdArray;
}

/**
 * Read an array argument as an `NdArray`, keeping its dtype (nested JS
 * arrays of numbers read as float64 unless all are integers: int32). A
 * jax-js Array is read without being consumed.
 *
 * @throws TypeError naming `name` for anything else, malformed input included
 * (see `readNested` and `checkNdArray` of `@jrng/core/internal`).
 */
export function toNdArray(name: string, value: ArrayInput): NdArray {
  if (isJaxArray(value)) return readJaxArray(name, value);
  for (const [type, dtype] of NDARRAY_OF_TYPED) {
    if (value instanceof type) {
      return { dtype, shape: [(value as Float32Array).length], data: value } as NdArray;
    }
  }
  if (Array.isArray(value)) {
    const read = toParam(name, value);
    const integers = read.data.every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 31);
    return integers
      ? { dtype: "int32", shape: [...read.shape], data: Int32Array.from(read.data) }
      : { dtype: "float64", shape: [...read.shape], data: read.data };
  }
  if (looksLikeNdArray(value)) return checkNdArray(name, value);
  throw new TypeError(
    `${name} must be an array (nested JS arrays, a typed array, an NdArray or a jax-js Array), got ${describe(value)}`,
  );
}

/**
 * Check that {@link writeBack} can write every element of `target`, so that
 * `shuffle` writes all of its result or nothing: every nested JavaScript
 * array holding elements must let each of them be assigned (not frozen, no
 * read-only element).
 *
 * @throws TypeError naming the first array that cannot be written.
 */
export function checkWritable(name: string, target: ArrayInput): void {
  if (!Array.isArray(target)) return;
  const visit = (level: readonly unknown[], path: string): void => {
    for (let i = 0; i < level.length; i++) {
      const item = level[i];
      if (Array.isArray(item)) {
        visit(item, `${path}[${i}]`);
        continue;
      }
      const property = Object.getOwnPropertyDescriptor(level, i);
      if (property?.writable !== true && property?.set === undefined) {
        throw new TypeError(
          `${name}${path}[${i}] cannot be written (frozen or read-only), so the shuffled values cannot be ` +
            `stored in ${name}; pass a copy, or use permutation(), which returns them`,
        );
      }
    }
  };
  visit(target, "");
}

/**
 * NumPy's in-place `shuffle` for the mutable inputs JavaScript has: copy the
 * result back into a JS array (nested) or typed array. jax-js Arrays and
 * NdArrays are left as they are. {@link checkWritable} first, so that it
 * cannot fail halfway.
 */
export function writeBack(target: ArrayInput, result: NdArray): void {
  const values = result.data as ArrayLike<number>;
  if (ArrayBuffer.isView(target) && !isJaxArray(target)) {
    (target as unknown as Float64Array).set(values as Float64Array);
    return;
  }
  if (!Array.isArray(target)) return;
  let offset = 0;
  const fill = (level: unknown[]): void => {
    for (let i = 0; i < level.length; i++) {
      if (Array.isArray(level[i])) fill(level[i] as unknown[]);
      else level[i] = values[offset++];
    }
  };
  fill(target as unknown[]);
}

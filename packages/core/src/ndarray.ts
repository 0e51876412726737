/**
 * The result type of every `@jrng/core` function: a dtype, a shape and a
 * row-major typed array. Deliberately a plain object, so that results are
 * easy to compare, serialise and hand to any array library.
 *
 * @module
 */

/** Unsigned integer dtypes that {@link bits} can produce. */
export type UnsignedDType = "uint8" | "uint16" | "uint32" | "uint64";

/** Signed integer dtypes. */
export type SignedDType = "int8" | "int16" | "int32" | "int64";

/** Floating-point dtypes: float32 is JAX's default, float64 is JAX with `jax_enable_x64`. */
export type FloatDType = "float32" | "float64";

/** Every dtype a `@jrng/core` result can carry. */
export type DType = UnsignedDType | SignedDType | FloatDType | "bool";

/** The typed array that holds the elements of each dtype (`bool` is one byte, 0 or 1). */
export interface TypedArrayOf {
  uint8: Uint8Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  uint64: BigUint64Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  float32: Float32Array;
  float64: Float64Array;
  bool: Uint8Array;
}

/**
 * An n-dimensional array: `data` holds the elements in row-major (C) order,
 * and its length is the product of `shape` (1 for the scalar shape `[]`).
 */
export interface NdArray<D extends DType = DType> {
  /** The element type. */
  readonly dtype: D;
  /** The extent of each axis; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** The elements, row-major. */
  readonly data: TypedArrayOf[D];
}

const typedArrayConstructors = {
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  float32: Float32Array,
  float64: Float64Array,
  bool: Uint8Array,
} as const;

/** Allocate a zero-filled typed array of the given dtype and length. */
export function allocate<D extends DType>(dtype: D, length: number): TypedArrayOf[D] {
  return new typedArrayConstructors[dtype](length) as TypedArrayOf[D];
}

/** Number of elements of an array of this shape. */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const extent of shape) size *= extent;
  return size;
}

/**
 * Argument checks shared by every public function. Each error names the
 * parameter, shows the value received and says what is allowed.
 *
 * @module
 */

/**
 * A short, readable rendering of any value for error messages. Nested arrays
 * are shown two levels deep, so cyclic or huge input renders quickly.
 */
export function describe(value: unknown, depth = 0): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null)
    return String(value);
  if (Array.isArray(value)) {
    if (depth >= 2) return value.length === 0 ? "[]" : "[…]";
    const shown = value
      .slice(0, 8)
      .map((item) => describe(item, depth + 1))
      .join(", ");
    return `[${shown}${value.length > 8 ? ", …" : ""}]`;
  }
  if (ArrayBuffer.isView(value)) {
    return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
  }
  if (typeof value === "object") {
    const name = (value as object).constructor?.name;
    return name && name !== "Object" ? `a ${name}` : "an object";
  }
  return typeof value;
}

/**
 * Check that `value` is an integer `number` in `[min, max]` and return it.
 *
 * @throws TypeError if it is not a number or not an integer.
 * @throws RangeError if it is outside `[min, max]`.
 */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be an integer number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${describe(value)}`);
  }
  if (value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** Largest number of elements a result may have: typed arrays are indexed below 2^32 here. */
export const MAX_ELEMENTS = 2 ** 32 - 1;

/**
 * Normalise a shape argument (`n` or `[d0, d1, …]`) to an array of
 * non-negative integers whose product fits in a typed array.
 *
 * @throws TypeError for a non-array, non-integer argument.
 * @throws RangeError for negative extents or too many elements.
 */
export function checkShape(name: string, shape: unknown): number[] {
  const extents = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(extents)) {
    throw new TypeError(
      `${name} must be a non-negative integer or an array of them, got ${describe(shape)}`,
    );
  }
  let size = 1;
  const result: number[] = [];
  // An indexed loop, not map(): map skips holes, which would pass unchecked.
  for (let axis = 0; axis < extents.length; axis++) {
    const checked = checkInteger(`${name}[${axis}]`, extents[axis], 0, Number.MAX_SAFE_INTEGER);
    size *= checked;
    result.push(checked);
  }
  if (size > MAX_ELEMENTS) {
    throw new RangeError(
      `${name} ${describe(result)} has ${size} elements; at most ${MAX_ELEMENTS} are supported`,
    );
  }
  return result;
}

/** True for a `number` that is an integer in `[0, 2^32)`. */
export function isUint32(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 2 ** 32;
}

/**
 * Check that `value` is two uint32 words (an array or typed array of length 2).
 *
 * @throws TypeError otherwise.
 */
export function checkWordPair(name: string, value: unknown): [number, number] {
  const pair = value as ArrayLike<unknown> | null;
  if (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    pair !== null &&
    pair.length === 2 &&
    isUint32(pair[0]) &&
    isUint32(pair[1])
  ) {
    return [pair[0], pair[1]];
  }
  throw new TypeError(`${name} must be two uint32 words, got ${describe(value)}`);
}

/**
 * Check a float dtype argument; `undefined` means float32, JAX's default
 * without `jax_enable_x64`.
 *
 * @throws TypeError for anything but "float32" or "float64".
 */
export function checkFloatDType(name: string, dtype: unknown): "float32" | "float64" {
  if (dtype === undefined) return "float32";
  if (dtype === "float32" || dtype === "float64") return dtype;
  throw new TypeError(`${name} must be "float32" or "float64", got ${describe(dtype)}`);
}

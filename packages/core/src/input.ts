/**
 * The one reader of user input shared by `@jrng/core` and `jrng`: nested
 * JavaScript arrays, {@link NdArray}s and options objects. Every refusal is a
 * `TypeError` naming the parameter (a malformed value is the wrong kind of
 * thing, whatever its numbers); range checks on the values read are the
 * callers'.
 *
 * @module
 */
import { shapeSize, type DType, type NdArray } from "./ndarray.js";
import { describe } from "./validate.js";

/**
 * Deepest nesting of JavaScript arrays read: NumPy's limit on the number of
 * dimensions (`NPY_MAXDIMS` is 64 in NumPy 2). Deeper input is refused
 * instead of walked, so a malicious or accidental structure cannot exhaust
 * the stack.
 */
export const MAX_NESTING_DEPTH = 64;

/** A nested array read into its shape and its elements, row-major. */
export interface NestedRead {
  readonly shape: number[];
  readonly elements: unknown[];
}

/** The position of an element, as `[i][j]`, for messages. */
function position(path: readonly number[]): string {
  return path.map((i) => `[${i}]`).join("");
}

/**
 * Read nested JavaScript arrays: the shape is the lengths along the first
 * elements, and every array at depth `d` must have length `shape[d]` with
 * nothing but non-arrays at the deepest level.
 *
 * @throws TypeError naming `name` for an array that contains itself (a
 * cycle), a hole (`[1, , 3]`, `new Array(3)`), nesting deeper than
 * {@link MAX_NESTING_DEPTH}, or ragged lengths.
 */
export function readNested(
  name: string,
  value: readonly unknown[],
  what = "a rectangular nested array",
): NestedRead {
  const malformed = (detail: string) => new TypeError(`${name} must be ${what}: ${detail}`);
  const shape: number[] = [];
  const cyclic = () => malformed("it contains itself (a cyclic array)");
  const ancestors = new Set<unknown>();
  let level: unknown = value;
  while (Array.isArray(level)) {
    if (ancestors.has(level)) throw cyclic();
    if (shape.length === MAX_NESTING_DEPTH) {
      throw malformed(`it is nested deeper than ${MAX_NESTING_DEPTH} levels`);
    }
    ancestors.add(level);
    shape.push(level.length);
    level = level.length > 0 ? level[0] : undefined;
  }
  const elements: unknown[] = [];
  const path: number[] = [];
  const onPath = new Set<unknown>();
  const walk = (array: readonly unknown[], depth: number): void => {
    if (array.length !== shape[depth]) {
      throw malformed(
        `${name}${position(path)} has length ${array.length}, expected ${shape[depth]} ` +
          `(the shape read along the first elements is [${shape.join(", ")}])`,
      );
    }
    onPath.add(array);
    for (let i = 0; i < array.length; i++) {
      path.push(i);
      if (!(i in array)) throw malformed(`it has a hole at ${name}${position(path)}`);
      const item = array[i];
      if (Array.isArray(item) && onPath.has(item)) throw cyclic();
      if (depth + 1 < shape.length) {
        if (!Array.isArray(item)) {
          throw malformed(
            `${name}${position(path)} is ${describe(item)} where an array of length ${shape[depth + 1]} belongs`,
          );
        }
        walk(item, depth + 1);
      } else if (Array.isArray(item)) {
        throw malformed(`${name}${position(path)} is an array where a value belongs`);
      } else {
        elements.push(item);
      }
      path.pop();
    }
    onPath.delete(array);
  };
  walk(value, 0);
  return { shape, elements };
}

/** The typed array class each dtype is held in. */
const DATA_CLASS: Record<DType, { name: string; is(data: unknown): boolean }> = {
  uint8: { name: "Uint8Array", is: (d) => d instanceof Uint8Array },
  uint16: { name: "Uint16Array", is: (d) => d instanceof Uint16Array },
  uint32: { name: "Uint32Array", is: (d) => d instanceof Uint32Array },
  uint64: { name: "BigUint64Array", is: (d) => d instanceof BigUint64Array },
  int8: { name: "Int8Array", is: (d) => d instanceof Int8Array },
  int16: { name: "Int16Array", is: (d) => d instanceof Int16Array },
  int32: { name: "Int32Array", is: (d) => d instanceof Int32Array },
  int64: { name: "BigInt64Array", is: (d) => d instanceof BigInt64Array },
  float32: { name: "Float32Array", is: (d) => d instanceof Float32Array },
  float64: { name: "Float64Array", is: (d) => d instanceof Float64Array },
  bool: { name: "Uint8Array", is: (d) => d instanceof Uint8Array },
};

/** True for a plain object that claims to be an {@link NdArray} (it has `data` or `shape`). */
export function looksLikeNdArray(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    ("data" in value || "shape" in value)
  );
}

/**
 * Check an {@link NdArray} argument: a known `dtype`, a `shape` of
 * non-negative integers, and `data` of the dtype's typed array class with
 * exactly as many elements as the shape holds.
 *
 * @throws TypeError naming `name` for anything else.
 */
export function checkNdArray(name: string, value: unknown): NdArray {
  if (!looksLikeNdArray(value)) {
    throw new TypeError(
      `${name} must be an NdArray ({ dtype, shape, data }), got ${describe(value)}`,
    );
  }
  const { dtype, shape, data } = value;
  if (typeof dtype !== "string" || !Object.hasOwn(DATA_CLASS, dtype)) {
    throw new TypeError(
      `${name}.dtype must be a dtype name such as "float32", got ${describe(dtype)}`,
    );
  }
  if (!Array.isArray(shape) || shape.length > MAX_NESTING_DEPTH) {
    throw new TypeError(
      `${name}.shape must be an array of at most ${MAX_NESTING_DEPTH} extents, got ${describe(shape)}`,
    );
  }
  shape.forEach((extent: unknown, axis) => {
    if (typeof extent !== "number" || !Number.isInteger(extent) || extent < 0) {
      throw new TypeError(
        `${name}.shape[${axis}] must be a non-negative integer, got ${describe(extent)}`,
      );
    }
  });
  const dataClass = DATA_CLASS[dtype as DType];
  if (!dataClass.is(data)) {
    throw new TypeError(
      `${name}.data must be a ${dataClass.name} for dtype "${dtype}", got ${describe(data)}`,
    );
  }
  const length = (data as ArrayLike<unknown>).length;
  const size = shapeSize(shape as number[]);
  if (length !== size) {
    throw new TypeError(
      `${name}.data has ${length} elements, but its shape [${shape.join(", ")}] holds ${size}`,
    );
  }
  return value as unknown as NdArray;
}

/** Levenshtein distance, for suggesting the option a misspelt key meant. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known name closest to `word` (case-insensitively), or undefined if none is close. */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * Check an options argument: `undefined`, or an object whose every key is
 * one of `known`. A misspelt option is an error rather than silently
 * ignored — in a library whose point is reproducing a JAX configuration, an
 * ignored `partitionabel: false` gives the other mode's numbers.
 *
 * @param owner - the function, for messages (`"JRNG.fromState"`, `"random"`), or undefined.
 * @throws TypeError for a non-object, or naming an unknown key and the nearest known one.
 */
export function checkOptionKeys(
  owner: string | undefined,
  options: unknown,
  known: readonly string[],
): Record<string, unknown> {
  if (options === undefined) return {};
  const prefix = owner === undefined ? "" : `${owner}: `;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${prefix}options must be an object, got ${describe(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const nearest = nearestName(name, known);
    const hint = nearest === undefined ? "" : `; did you mean "${nearest}"?`;
    const list = known.length === 0 ? "none" : known.map((k) => `"${k}"`).join(", ");
    throw new TypeError(`${prefix}unknown option "${name}"${hint} (known options: ${list})`);
  }
  return options as Record<string, unknown>;
}

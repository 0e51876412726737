// Mirrors jax.random.gumbel (jax/_src/random/core.py: gumbel, _gumbel, _safe_int_to_float).
/**
 * Standard Gumbel floats, `-log(-log(u))`, in JAX's three modes.
 *
 * Accuracy. Float32 is bit-exact with JAX on CPU (measured with jax 0.10.2 on CPU, both threefry modes; modes `"low"` and
 * `"high"`): every step is rounded to float32 and `log`/`log1p` are XLA's
 * float32 routines. The uniform draws, the bit manipulations of mode
 * `"highest"` and the selection between `log` and `log1p` are exact. Float64
 * is bit-exact too: glibc's `log` and XLA's float64 `log1p` (`logF64`,
 * `log1pF64`), which XLA:CPU runs.
 *
 * @module
 */
import { bitsToFloat32, roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { randomBits32 } from "../random-words.js";
import { checkFloatDType, checkShape, describe } from "../validate.js";
import { uniformKernel, unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { sampleElements } from "../slice.js";

/** The `mode` of {@link gumbel}: how many random bits one sample uses. */
export type GumbelMode = "low" | "high" | "highest";

const FLOAT32_TINY = 2 ** -126;
const FLOAT64_TINY = 2 ** -1022;

/** Check a Gumbel `mode`; `undefined` is JAX's default, "low". */
export function checkGumbelMode(mode: unknown): GumbelMode {
  if (mode === undefined || mode === null) return "low";
  if (mode === "low" || mode === "high" || mode === "highest") return mode;
  throw new RangeError(
    `Must provide valid mode for gumbel ("low", "high" or "highest"), got ${describe(mode)}`,
  );
}

/**
 * Sample standard Gumbel floats, as `jax.random.gumbel`.
 *
 * - `"low"` (JAX's default, `use_high_dynamic_range_gumbel=False`):
 *   `-log(-log(u))` with `u` uniform on `[tiny, 1)`, one draw per element.
 * - `"high"`: two uniforms `hi, lo` (one draw of shape `[2, ...shape]`);
 *   `x = hi` if `hi >= 0.5`, else `hi + 2^-nmant·lo + 2^-(2·nmant+1)`;
 *   returns `-log(-log1p(-x))`.
 * - `"highest"` (float32; float64 falls back to `"high"`, as in JAX): two
 *   32-bit words read as one 64-bit fixed-point number, converted to float32
 *   without losing leading zeros (`_safe_int_to_float`), with `log1p` for
 *   values below 1/2 and `log` above.
 *
 * @param key - the key.
 * @param shape - the result shape (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param mode - `"low"` (default), `"high"` or `"highest"`.
 * @param options - the threefry mode (default partitionable), `x64` (default `false`, JAX's `jax_enable_x64`) and `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape or dtype.
 * @throws RangeError for a bad mode or shape extent.
 */
export function gumbel(
  key: KeyLike,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  mode: GumbelMode = "low",
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("gumbel", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const checkedShape = checkShape("shape", shape);
  const checkedMode = checkGumbelMode(mode);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  const { shape: resultShape, data } = sampleElements(checkedKey, checkedShape, options, (k, s) =>
    gumbelKernel(k, s, checkedDType, checkedMode, partitionable),
  );
  return { dtype: checkedDType, shape: resultShape, data };
}

/** JAX's `_gumbel` on a checked key. */
export function gumbelKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  mode: GumbelMode,
  partitionable: boolean,
): Float32Array | Float64Array {
  const size = shapeSize(shape);
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const out = allocate(dtype, size);
  const nmant = dtype === "float32" ? 23 : 52;
  const tiny = dtype === "float32" ? FLOAT32_TINY : FLOAT64_TINY;
  if (dtype === "float32" && mode === "highest") {
    // bits = _random_bits(key, 32, (2, *shape)): row 0 is the high word, row 1 the low word.
    const words = randomBits32(key, 2 * size, partitionable);
    for (let i = 0; i < size; i++) {
      const hi = words[i];
      const lo = words[size + i];
      const flip = hi < 2 ** 31;
      let x: number;
      if (flip) {
        x = safeIntToFloat32(hi, lo);
        out[i] = round(-math.log(round(-round(math.log1p(-x)))));
      } else {
        // Two's-complement negation of the 64-bit number: 1 - bits in fixed point.
        const negLo = ~lo >>> 0;
        const negHi = ~hi >>> 0;
        x = safeIntToFloat32((negHi + (negLo === 0xffffffff ? 1 : 0)) >>> 0, (negLo + 1) >>> 0);
        out[i] = round(-math.log(round(-round(math.log(x)))));
      }
    }
    return out;
  }
  if (mode === "high" || mode === "highest") {
    // high, low = _uniform(key, 0, 1, (2, *shape), dtype)
    const u = unitFloats(key, 2 * size, dtype, partitionable);
    const bias = Math.max(2 ** -(2 * nmant + 1), tiny);
    const scale = 2 ** -nmant;
    for (let i = 0; i < size; i++) {
      const high = u[i];
      const x = high >= 0.5 ? high : round(round(high + round(scale * u[size + i])) + bias);
      out[i] = round(-math.log(round(-round(math.log1p(round(-x))))));
    }
    return out;
  }
  const u = uniformKernel(key, shape, dtype, [tiny], [1], partitionable);
  for (let i = 0; i < size; i++) {
    out[i] = round(-math.log(round(-round(math.log(u[i])))));
  }
  return out;
}

/** XLA's count of leading zeros of a uint32 (32 for 0). */
function clz32(x: number): number {
  return Math.clz32(x);
}

/** XLA's logical shifts: a shift by 32 or more gives 0. */
function shiftLeft(x: number, n: number): number {
  return n >= 32 ? 0 : (x << n) >>> 0;
}
function shiftRight(x: number, n: number): number {
  return n >= 32 ? 0 : x >>> n;
}

/**
 * JAX's `_safe_int_to_float` for one element: the 64-bit fixed-point number
 * `hi:lo` (value `(hi·2^32 + lo)·2^-64`) as a float32 in (0, 1), keeping 23
 * mantissa bits after the leading one (truncating), bit for bit as JAX.
 */
export function safeIntToFloat32(hi: number, lo: number): number {
  const hiclz = clz32(hi);
  const loclz = clz32(lo);
  let mantissa =
    (shiftLeft(hi, hiclz) | (hiclz === 32 ? shiftLeft(lo, loclz) : shiftRight(lo, 32 - hiclz))) >>>
    0;
  mantissa = shiftRight(mantissa, 32 - 23 - 1);
  mantissa = (mantissa & ((1 << 23) - 1)) >>> 0;
  const leading = hiclz === 32 ? 32 + loclz : hiclz;
  let exp = shiftLeft((126 - leading) >>> 0, 23);
  exp = (exp & ((1 << 30) - (1 << 22))) >>> 0;
  return bitsToFloat32((exp | mantissa) >>> 0);
}

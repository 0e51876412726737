// Mirrors jax.random.weibull_min (jax/_src/random/core.py: weibull_min, _weibull_min).
/**
 * Weibull floats by inversion: `(-log1p(-u))^(1/concentration)·scale` of a
 * uniform `u` in [0, 1).
 *
 * Accuracy. Bit-exact with JAX on CPU in float32 and float64 (measured with
 * jax 0.10.2 on CPU, both threefry modes): `x = -log1p(-u)` is (see
 * `exponentialKernel`), and `pow` is glibc's, which XLA:CPU calls
 * (`powF32`, `powF64`).
 *
 * @module
 */
import { roundTo } from "../float.js";
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import { defaultFloatDType, isPartitionable, isX64, type ThreefryOptions } from "../options.js";
import { broadcastParam, broadcastShapes, toParam, type ArrayParam } from "../params.js";
import { checkFloatDType, checkShape } from "../validate.js";
import { uniformKernel } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";

/**
 * Sample Weibull floats (density `∝ x^(c-1)·e^(-(x/σ)^c)` on `[0, ∞)`, with
 * scale `σ` and concentration `c`), as `jax.random.weibull_min`.
 *
 * Unlike most samplers, and exactly like JAX, `shape` (default `[]`) is the
 * shape of the uniform draw only: it is **not** checked against the
 * parameters, and the result has the broadcast shape of `shape`, `scale` and
 * `concentration`, the uniforms being broadcast along the parameters' extra
 * axes (so `weibullMin(key, [1, 2], 1)` uses one uniform for both elements).
 *
 * `scale` and `concentration` are rounded to `dtype`, `p = 1/concentration`
 * is computed in `dtype` (as JAX does under `jit` with arrays of that dtype,
 * and with Python scalars without x64; a number `concentration` under
 * `options.x64` is a float64 Python scalar, so `1/concentration` is computed
 * in float64 and then rounded), and every step is rounded to `dtype`. Like JAX, the
 * parameters are not checked: the functional API mirrors `jax.random`, so
 * non-positive or NaN parameters give what the formula gives (`pow` with C
 * semantics) instead of an error.
 *
 * @param key - the key.
 * @param scale - the scale `σ`: a number or array.
 * @param concentration - the concentration `c`: a number or array.
 * @param shape - the shape of the uniform draw (default `[]`).
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`, JAX's `jax_enable_x64`).
 * @throws TypeError for a bad key, shape, dtype, parameter or options.
 * @throws RangeError if `shape`, `scale` and `concentration` do not broadcast together.
 */
export function weibullMin(
  key: KeyLike,
  scale: ArrayParam,
  concentration: ArrayParam,
  shape: number | readonly number[] = [],
  dtype?: FloatDType,
  options?: ThreefryOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("weibullMin", key);
  const checkedShape = checkShape("shape", shape);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const scaleParam = toParam("scale", scale);
  const concentrationParam = toParam("concentration", concentration);
  const resultShape = broadcastShapes(
    "weibullMin",
    checkedShape,
    scaleParam.shape,
    concentrationParam.shape,
  );
  const partitionable = isPartitionable(options);
  return {
    dtype: checkedDType,
    shape: resultShape,
    data: weibullMinKernel(
      checkedKey,
      checkedShape,
      checkedDType,
      broadcastParam(scaleParam, resultShape),
      broadcastParam(concentrationParam, resultShape),
      partitionable,
      resultShape,
      typeof concentration === "number" && isX64(options),
    ),
  };
}

/**
 * JAX's `_weibull_min` on a checked key: `u = uniform(key, shape, dtype)`,
 * `x = -log1p(-u)`, then `pow(x, 1/concentration) * scale` with the
 * parameters rounded to `dtype` and every step rounded to `dtype`.
 *
 * `scale` and `concentration` are broadcast to `resultShape` (default
 * `shape`), or of length 1; `shape` must broadcast to `resultShape`, and the
 * draws over `shape` are broadcast to it as JAX's `jnp.power` does. With
 * `float64Reciprocal` (a Python float `concentration` under x64, traced as
 * float64) `1/concentration` is computed in float64 before its rounding.
 */
export function weibullMinKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  scale: Float64Array | readonly number[],
  concentration: Float64Array | readonly number[],
  partitionable: boolean,
  resultShape: readonly number[] = shape,
  float64Reciprocal = false,
): Float32Array | Float64Array {
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const u = uniformKernel(key, shape, dtype, [0], [1], partitionable);
  const x = new Float64Array(u.length);
  for (let i = 0; i < u.length; i++) x[i] = -round(math.log1p(-u[i]));
  const size = shapeSize(resultShape);
  const base = x.length === size ? x : broadcastParam({ shape, data: x }, resultShape);
  const out = allocate(dtype, size);
  const scalarScale = scale.length === 1;
  const scalarConcentration = concentration.length === 1;
  for (let i = 0; i < size; i++) {
    const c = scalarConcentration ? concentration[0] : concentration[i];
    const s = round(scalarScale ? scale[0] : scale[i]);
    const exponent = round(float64Reciprocal ? 1 / c : 1 / round(c));
    out[i] = round(round(math.pow(base[i], exponent)) * s);
  }
  return out;
}

/**
 * The elementary functions as XLA:CPU evaluates them, chosen by dtype, each
 * returning a value of that dtype.
 *
 * float64 (JAX with `jax_enable_x64`) is exact: `log` is glibc's
 * ({@link logF64}) and `pow` glibc's ({@link powF64}), `log1p` and `exp`
 * XLA's own ({@link log1pF64}, {@link expF64}). float32 still
 * rounds JavaScript's float64 functions to float32, within a few float32
 * ULP of XLA's float32 approximations.
 *
 * @module
 */
import { f32, powC } from "../float.js";
import type { FloatDType } from "../ndarray.js";
import { expF64 } from "./exp-f64.js";
import { log1pF64 } from "./log1p-f64.js";
import { logF64 } from "./log-f64.js";
import { powF64 } from "./pow-f64.js";

function expFloat32(x: number): number {
  return f32(Math.exp(x));
}

function powFloat32(x: number, y: number): number {
  return f32(powC(x, y));
}

function logFloat32(x: number): number {
  return f32(Math.log(x));
}

function log1pFloat32(x: number): number {
  return f32(Math.log1p(x));
}

/** XLA:CPU's `log` in `dtype`. */
export function logIn(dtype: FloatDType): (x: number) => number {
  return dtype === "float32" ? logFloat32 : logF64;
}

/** XLA:CPU's `log1p` in `dtype`. */
export function log1pIn(dtype: FloatDType): (x: number) => number {
  return dtype === "float32" ? log1pFloat32 : log1pF64;
}

/** XLA:CPU's `exp` in `dtype`. */
export function expIn(dtype: FloatDType): (x: number) => number {
  return dtype === "float32" ? expFloat32 : expF64;
}

/** XLA:CPU's `pow` in `dtype` (C semantics: `pow(1, y) = 1`). */
export function powIn(dtype: FloatDType): (x: number, y: number) => number {
  return dtype === "float32" ? powFloat32 : powF64;
}

/**
 * The elementary functions a sampler calls, by dtype, as JAX computes them
 * on CPU: XLA's float32 routines (and glibc's `tanf` and `powf`, which
 * XLA:CPU calls), or for float64 JavaScript's `Math` functions.
 *
 * @module
 */
import { powC } from "../float.js";
import type { FloatDType } from "../ndarray.js";
import { expF32 } from "./exp.js";
import { logF32 } from "./log.js";
import { log1pF32 } from "./log1p.js";
import { powF32 } from "./pow.js";
import { tanF32 } from "./tan.js";

/** `lax.log`, `lax.log1p`, `lax.exp`, `lax.tan` and `lax.pow` in one dtype. */
export interface ElementaryFunctions {
  readonly log: (x: number) => number;
  readonly log1p: (x: number) => number;
  readonly exp: (x: number) => number;
  readonly tan: (x: number) => number;
  readonly pow: (x: number, y: number) => number;
}

const FLOAT32: ElementaryFunctions = {
  log: logF32,
  log1p: log1pF32,
  exp: expF32,
  tan: tanF32,
  pow: powF32,
};

/**
 * Float64: JavaScript's functions (V8's fdlibm ports, under 1 float64 ULP),
 * where XLA:CPU uses its own float64 `log1p`, `exp` and `expm1` and glibc's
 * `log`, `tan` and `pow`; they agree to within a few float64 ULP.
 */
const FLOAT64: ElementaryFunctions = {
  log: Math.log,
  log1p: Math.log1p,
  exp: Math.exp,
  tan: Math.tan,
  pow: powC,
};

/** The elementary functions of `dtype`. */
export function elementaryFunctions(dtype: FloatDType): ElementaryFunctions {
  return dtype === "float32" ? FLOAT32 : FLOAT64;
}

/**
 * The arithmetic a sampler needs beyond `+ − × ÷` and `sqrt`, by dtype, as
 * JAX computes it on CPU (spec/arithmetic.md): the fused multiply-add
 * XLA:CPU emits where LLVM contracts a product into a sum, and `lax.log`,
 * `lax.log1p`, `lax.exp`, `lax.tan`, `lax.pow` and `lax.rsqrt`.
 *
 * - float32: XLA's own `log`, `log1p` and `exp` ({@link logF32},
 *   {@link log1pF32}, {@link expF32}) and glibc's `tanf` and `powf`, which
 *   XLA:CPU calls ({@link tanF32}, {@link powF32}); all bit-exact. `rsqrt`
 *   is the processor's estimate plus one Newton step ({@link rsqrtF32}),
 *   bit-exact with the estimate of AMD Zen 3 processors.
 * - float64 (JAX with `jax_enable_x64`): glibc's `log`, `tan` and `pow`
 *   ({@link logF64}, {@link tanF64}, {@link powF64}) and XLA's own `log1p`
 *   and `exp` ({@link log1pF64}, {@link expF64}), all bit-exact; `rsqrt` is
 *   `1 / sqrt(x)`, two correctly rounded steps.
 *
 * @module
 */
import { fmaF32 } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import type { FloatDType } from "../ndarray.js";
import { expF64 } from "./exp-f64.js";
import { expF32 } from "./exp.js";
import { log1pF64 } from "./log1p-f64.js";
import { log1pF32 } from "./log1p.js";
import { logF64 } from "./log-f64.js";
import { logF32 } from "./log.js";
import { powF64 } from "./pow-f64.js";
import { powF32 } from "./pow.js";
import { rsqrtF32 } from "./rsqrt.js";
import { tanF64 } from "./tan-f64.js";
import { tanF32 } from "./tan.js";

/** XLA:CPU's fused multiply-add and elementary functions in one dtype; each returns a value of that dtype. */
export interface XlaCpuMath {
  /** `a · b + c` rounded once, as the FMA instruction XLA:CPU emits. */
  readonly fma: (a: number, b: number, c: number) => number;
  readonly log: (x: number) => number;
  readonly log1p: (x: number) => number;
  readonly exp: (x: number) => number;
  readonly tan: (x: number) => number;
  /** C semantics: `pow(1, y) = 1`, `pow(x, ±0) = 1`. */
  readonly pow: (x: number, y: number) => number;
  /** `1/sqrt(x)` as XLA:CPU computes `lax.rsqrt` (and `a / sqrt(b)`, which it rewrites to `a · rsqrt(b)`). */
  readonly rsqrt: (x: number) => number;
}

const FLOAT32: XlaCpuMath = {
  fma: fmaF32,
  log: logF32,
  log1p: log1pF32,
  exp: expF32,
  tan: tanF32,
  pow: powF32,
  rsqrt: rsqrtF32,
};

const FLOAT64: XlaCpuMath = {
  fma: fmaF64,
  log: logF64,
  log1p: log1pF64,
  exp: expF64,
  tan: tanF64,
  pow: powF64,
  rsqrt: reciprocalSqrtF64,
};

function reciprocalSqrtF64(x: number): number {
  return 1 / Math.sqrt(x);
}

/** XLA:CPU's arithmetic in `dtype`. */
export function mathIn(dtype: FloatDType): XlaCpuMath {
  return dtype === "float32" ? FLOAT32 : FLOAT64;
}

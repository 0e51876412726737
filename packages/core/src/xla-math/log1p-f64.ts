/**
 * Float64 `log1p` exactly as XLA:CPU computes it (jaxlib 0.10.2): XLA emits
 * its own `xla.log1p.f64` intrinsic (openxla/xla, xla/codegen/intrinsic/,
 * `log1p`), which is Cephes' `log1p`:
 *
 * - for `|x| < √2 − 1`: `x − x²/2 + x³ · P(x)/Q(x)` with Cephes' degree-6
 *   rational function, both polynomials by Horner's rule from 0 (`0·x + c₀`
 *   first), each later step one fused multiply-add;
 * - otherwise `log(1 + x)`, where `log` is the C library's (glibc's
 *   {@link logF64}).
 *
 * The fused multiply-adds are those LLVM forms when XLA compiles with FMA
 * contraction on (an `fmul` feeding one `fadd`): the Horner steps and
 * `x²·(−1/2) + x³·P/Q`; `x·x²` and the products with `0` are separate
 * (read off the IR and machine code XLA dumps for `jax.random.exponential`
 * and `normal` with float64).
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";
import { logF64 } from "./log-f64.js";

/** Cephes' numerator P, highest degree first. */
const NUMERATOR = [
  4.52700008624452e-5, 0.49854102823193375, 6.578732594206104, 29.911919328553072,
  60.94966798098779, 57.11296359058554, 20.039553499201283,
];
/** Cephes' denominator Q, highest degree first (leading 1). */
const DENOMINATOR = [
  1, 15.062909083469192, 83.04756596796722, 221.76239823732857, 309.09872225312057,
  216.42788614495947, 60.11866049760384,
];
/** √2 − 1 as a double: the rational function is used below it. */
const RATIONAL_LIMIT = 0.41421356237309503;

/** XLA:CPU's float64 `log1p(x)`, to the bit. */
export function log1pF64(x: number): number {
  if (!(Math.abs(x) < RATIONAL_LIMIT)) return logF64(1 + x);
  const zero = x * 0;
  let numerator = zero + NUMERATOR[0];
  let denominator = zero + DENOMINATOR[0];
  for (let i = 1; i < 7; i++) {
    numerator = fmaF64(numerator, x, NUMERATOR[i]);
    denominator = fmaF64(denominator, x, DENOMINATOR[i]);
  }
  const x2 = x * x;
  const cubicTerm = x * x2 * (numerator / denominator);
  return x + fmaF64(x2, -0.5, cubicTerm);
}

/**
 * Float64 `exp` exactly as XLA:CPU computes it (jaxlib 0.10.2): XLA emits its
 * own `xla.exp.f64` intrinsic (openxla/xla, xla/codegen/intrinsic/, `exp`),
 * Cephes' `exp`:
 *
 * 1. clamp `x` to [−708.396…, 709.782…] (below: 0, above: +∞ at the end);
 * 2. `n = floor(x · log2(e) + 1/2)`, `g = x − n·C1 − n·C2` with ln 2 split in
 *    `C1 + C2`;
 * 3. `e^g = 1 + 2·g·P(g²) / (Q(g²) − g·P(g²))`, Cephes' Padé form;
 * 4. scale by `2^n` as three factors `2^⌊n/4⌋` and one `2^(n − 3⌊n/4⌋)`,
 *    each product rounded (only subnormal results feel that).
 *
 * The fused multiply-adds are those LLVM forms when XLA compiles with FMA
 * contraction on — `x·log2(e) + 1/2`, `g − n·C2` and the Horner steps of P
 * and Q — read off the IR XLA dumps for `jax.random.lognormal` with float64.
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";

const LOWEST = -708.3964185322641;
const HIGHEST = 709.782712893384;
const LOG2_E = 1.4426950408889634;
const LN2_HIGH = 0.693145751953125;
const LN2_LOW = 1.4286068203094173e-6;
const P = [0.00012617719307481058, 0.030299440770744195];
const Q = [3.0019850513866446e-6, 0.002524483403496841, 0.22726554820815503];

/** XLA:CPU's float64 `exp(x)`, to the bit. */
export function expF64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < LOWEST) return 0;
  if (x > HIGHEST) return Infinity;
  const n = Math.floor(fmaF64(x, LOG2_E, 0.5));
  const g = fmaF64(-n, LN2_LOW, x - n * LN2_HIGH);
  const g2 = g * g;
  const gp = fmaF64(fmaF64(g2, P[0], P[1]), g2, 1) * g;
  const q = fmaF64(fmaF64(fmaF64(g2, Q[0], Q[1]), g2, Q[2]), g2, 2);
  const expG = fmaF64(gp / (q - gp), 2, 1);
  const quarter = n >> 2;
  const scale = 2 ** quarter;
  return expG * scale * scale * scale * 2 ** (n - 3 * quarter);
}

/**
 * The inverse error function as JAX computes `lax.erf_inv` on CPU.
 *
 * JAX lowers `lax.erf_inv` to `chlo.erf_inv`. XLA has no HLO op for it, so
 * the CHLO → StableHLO legalization decomposes it into elementwise
 * arithmetic (openxla/stablehlo, `stablehlo/transforms/ChloLegalizeToStablehlo.cpp`,
 * `erfInv32` and `erfInv64`, at commit 3c9301c116f97fbaf696959a0ede32712aec587b;
 * the same algorithm as the older `ErfInv` in openxla/xla
 * `xla/hlo/builder/lib/math.cc`). Both start from
 *
 *     w = -log1p(x · (-x))
 *
 * and evaluate a polynomial in a shifted `w` (or `sqrt(w)`) by Horner's rule,
 * then multiply by `x`. Where `|x| = 1` the result is `x · ∞` (±∞); outside
 * [-1, 1] `log1p` gets an argument below -1 and the result is NaN, as is the
 * result for NaN.
 *
 * - float32 (`erfInv32`, Giles' single-precision approximation): if `w < 5`,
 *   `w ← w - 2.5` and the 9 coefficients of the first table; otherwise
 *   `w ← sqrt(w) - 3` and the second table. Every operation is float32.
 * - float64 (`erfInv64`, Giles' double-precision approximation): three
 *   branches, `w < 6.25` (`w - 3.125`, 23 coefficients), `w < 16`
 *   (`sqrt(w) - 3.25`, 19 coefficients) and otherwise (`sqrt(w) - 5`,
 *   17 coefficients), selected coefficient by coefficient exactly as the
 *   StableHLO code does.
 *
 * Float32 is bit-exact with JAX on CPU. Each multiplication, addition and
 * subtraction is rounded to float32 as written in the StableHLO graph, except
 * that XLA:CPU contracts each Horner step `c + p·w` into one fused
 * multiply-add (`fmaF32`); `sqrt` is exact (the float64 square root of
 * a float32, rounded to float32, is the correctly rounded float32 square
 * root, which is what XLA emits); and `log1p` is XLA's own float32 routine
 * (`log1pF32`). Measured against jax 0.10.2 on every `normal` sample of
 * the probes (both threefry modes): no element differs.
 *
 * Float64 is bit-exact too: {@link erfInvFloat64} uses XLA's own float64
 * `log1p` (`log1pF64`) and XLA's fused Horner steps (`fmaF64`;
 * spec/arithmetic.md).
 *
 * @module
 */
import { f32, fmaF32 } from "./float.js";
import { fmaF64 } from "./fma-f64.js";
import {
  ERF_INV_LARGE_C0,
  ERF_INV_LARGE_C1,
  ERF_INV_LARGE_C2,
  ERF_INV_LARGE_C3,
  ERF_INV_LARGE_C4,
  ERF_INV_LARGE_C5,
  ERF_INV_LARGE_C6,
  ERF_INV_LARGE_C7,
  ERF_INV_LARGE_C8,
  ERF_INV_SMALL_C0,
  ERF_INV_SMALL_C1,
  ERF_INV_SMALL_C2,
  ERF_INV_SMALL_C3,
  ERF_INV_SMALL_C4,
  ERF_INV_SMALL_C5,
  ERF_INV_SMALL_C6,
  ERF_INV_SMALL_C7,
  ERF_INV_SMALL_C8,
} from "./xla-math/float32-coefficients.js";
import { log1pF32 } from "./xla-math/log1p.js";
import { log1pF64 } from "./xla-math/log1p-f64.js";

/** `erfInv32` coefficients for `w < 5` (highest degree first), as float32. */
const W_LT_5_32 = [
  ERF_INV_SMALL_C0,
  ERF_INV_SMALL_C1,
  ERF_INV_SMALL_C2,
  ERF_INV_SMALL_C3,
  ERF_INV_SMALL_C4,
  ERF_INV_SMALL_C5,
  ERF_INV_SMALL_C6,
  ERF_INV_SMALL_C7,
  ERF_INV_SMALL_C8,
].map(f32);

/** `erfInv32` coefficients for `w >= 5` (highest degree first), as float32. */
const W_GE_5_32 = [
  ERF_INV_LARGE_C0,
  ERF_INV_LARGE_C1,
  ERF_INV_LARGE_C2,
  ERF_INV_LARGE_C3,
  ERF_INV_LARGE_C4,
  ERF_INV_LARGE_C5,
  ERF_INV_LARGE_C6,
  ERF_INV_LARGE_C7,
  ERF_INV_LARGE_C8,
].map(f32);

/**
 * XLA's float32 `erf_inv` (StableHLO `erfInv32`), every step in float32,
 * with fused Horner steps and XLA's `log1p`: bit-exact with XLA:CPU.
 * `x` is rounded to float32 first; the result is a float32 value.
 */
export function erfInvFloat32(x: number): number {
  x = f32(x);
  const minusXSquared = f32(x * -x);
  const w0 = -log1pF32(minusXSquared);
  const small = w0 < 5;
  const w = small ? f32(w0 - 2.5) : f32(f32(Math.sqrt(w0)) - 3);
  const c = small ? W_LT_5_32 : W_GE_5_32;
  let p = c[0];
  for (let i = 1; i < 9; i++) p = fmaF32(p, w, c[i]);
  if (Math.abs(x) === 1) return x * Infinity;
  return f32(p * x);
}

/** `erfInv64` coefficients for `w < 6.25` (23, highest degree first). */
const W_LT_6_25 = [
  -3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18,
  1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17,
  6.6376381343583238325e-15, -4.0545662729752068639e-14, -8.1519341976054721522e-14,
  2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11,
  1.051212273321532285e-9, -4.1126339803469836976e-9, -2.9070369957882005086e-8,
  4.2347877827932403518e-7, -1.3654692000834678645e-6, -1.3882523362786468719e-5,
  0.0001867342080340571352, -0.00074070253416626697512, -0.0060336708714301490533,
  0.24015818242558961693, 1.6536545626831027356,
];

/** `erfInv64` coefficients for `6.25 <= w < 16` (19, highest degree first). */
const W_LT_16 = [
  2.2137376921775787049e-9, 9.0756561938885390979e-8, -2.7517406297064545428e-7,
  1.8239629214389227755e-8, 1.5027403968909827627e-6, -4.013867526981545969e-6,
  2.9234449089955446044e-6, 1.2475304481671778723e-5, -4.7318229009055733981e-5,
  6.8284851459573175448e-5, 2.4031110387097893999e-5, -0.0003550375203628474796,
  0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066,
  -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334, 3.0838856104922207635,
];

/** `erfInv64` coefficients for `w >= 16` (17, highest degree first). */
const W_GE_16 = [
  -2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-9,
  -3.7894654401267369937e-9, 7.6157012080783393804e-9, -1.4960026627149240478e-8,
  2.9147953450901080826e-8, -6.7711997758452339498e-8, 2.2900482228026654717e-7,
  -9.9298272942317002539e-7, 4.5260625972231537039e-6, -1.9681778105531670567e-5,
  7.5995277030017761139e-5, -0.00021503011930044477347, -0.00013871931833623122026,
  1.0103004648645343977, 4.8499064014085844221,
];

/**
 * XLA's float64 `erf_inv` (StableHLO `erfInv64`) in float64, as XLA:CPU
 * computes it: `log1p` is XLA's (`log1pF64`) and every Horner step
 * `c + p·w` is one fused multiply-add (LLVM contracts each `fmul` feeding
 * one `fadd`; read off the IR XLA dumps for `jax.random.normal` with
 * float64). Equal to JAX's CPU result with `jax_enable_x64`, to the bit.
 */
export function erfInvFloat64(x: number): number {
  const w0 = -log1pF64(x * -x);
  const lt625 = w0 < 6.25;
  const lt16 = w0 < 16;
  const w = lt625 ? w0 - 3.125 : Math.sqrt(w0) - (lt16 ? 3.25 : 5);
  // The 23/19/17-term polynomials share their leading Horner steps: the
  // coefficient tables are aligned on their first entries, as in StableHLO.
  const c = lt625 ? W_LT_6_25 : lt16 ? W_LT_16 : W_GE_16;
  let p = c[0];
  for (let i = 1; i < c.length; i++) p = fmaF64(p, w, c[i]);
  if (Math.abs(x) === 1) return x * Infinity;
  return p * x;
}

/** `erf_inv` in the given float dtype. */
export function erfInv(dtype: "float32" | "float64", x: number): number {
  return dtype === "float32" ? erfInvFloat32(x) : erfInvFloat64(x);
}

/**
 * glibc's float32 `expf` (glibc 2.36, x86-64, the FMA build `__expf_fma`
 * chosen at load time on processors with FMA): what XLA:CPU computes for
 * float32 `exp` where it does not use its own routine ({@link expF32}) —
 * elements an eager `jnp.exp` leaves to scalar code (spec/arithmetic.md).
 *
 * Source: glibc `sysdeps/ieee754/flt-32/e_expf.c` (Szabolcs Nagy's, from
 * Arm's optimized-routines): in float64, `z = x · 32/ln 2` split into an
 * integer `k` and `r ∈ [-1/2, 1/2]`, `exp(x) = 2^(k/32) · 2^(r/32)` with
 * `2^(k/32)` from the 32-entry table and `2^(r/32)` a cubic, then one
 * rounding to float32. GCC fuses `z` into both of its uses (`z + SHIFT`,
 * `z − kd`) and each `a·b + c` of the cubic.
 *
 * @module
 */
import { f32 } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import { EXP2_POLY, EXP2_TABLE } from "./exp2f-table.js";
import { hexFloat } from "./hex-float.js";

/** 32 / ln 2 (`__exp2f_data.invln2_scaled`). */
const THIRTY_TWO_OVER_LN2 = hexFloat("0x1.71547652b82fep+0") * 32;
/** 2^(r/32) ≈ 1 + C2·r + C1·r² + C0·r³ (`__exp2f_data.poly_scaled`). */
const C0 = EXP2_POLY[0] / 32 / 32 / 32;
const C1 = EXP2_POLY[1] / 32 / 32;
const C2 = EXP2_POLY[2] / 32;
/** 1.5 · 2^52: adding it rounds a double to an integer, left in the low word. */
const SHIFT = 1.5 * 2 ** 52;
/** Above this `expf` overflows (`0x1.62e42ep6f`), below the other underflows to 0 (`-0x1.9fe368p6f`). */
const OVERFLOW_BOUND = hexFloat("0x1.62e42ep6");
const UNDERFLOW_BOUND = hexFloat("-0x1.9fe368p6");

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** `expf(x)` for a float32 `x`, bit for bit as glibc 2.36 (x86-64, FMA) computes it. */
export function glibcExpF32(x: number): number {
  x = f32(x);
  if (Number.isNaN(x)) return x;
  if (x > OVERFLOW_BOUND) return Infinity;
  if (x < UNDERFLOW_BOUND) return 0;
  const kd = fmaF64(THIRTY_TWO_OVER_LN2, x, SHIFT);
  scratch[0] = kd;
  const k = scratchWords[0];
  const r = fmaF64(THIRTY_TWO_OVER_LN2, x, -(kd - SHIFT));
  // 2^(k/32): the table stores 2^(i/32) less i << 47 (i = k mod 32); adding
  // k << 47 restores i and adds k >> 5 to the exponent (64-bit arithmetic on
  // the high word: only k's low 17 bits reach it).
  const [tableHigh, tableLow] = EXP2_TABLE[k % 32];
  scratchWords[1] = (tableHigh + ((k & 0x1ffff) << 15)) >>> 0;
  scratchWords[0] = tableLow;
  const scale = scratch[0];
  const cubicTail = fmaF64(C0, r, C1);
  const y = fmaF64(cubicTail, r * r, fmaF64(C2, r, 1));
  return f32(y * scale);
}

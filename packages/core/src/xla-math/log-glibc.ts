/**
 * glibc's float32 `logf` (glibc 2.36, x86-64, the FMA build `__logf_fma`
 * chosen at load time on processors with FMA): what XLA:CPU computes for
 * float32 `log` where LLVM turns a short vector `log` into calls of the C
 * library instead of XLA's own routine ({@link logF32}) — see
 * `gamma-logs.ts`.
 *
 * Source: glibc `sysdeps/ieee754/flt-32/e_logf.c` and `e_logf_data.c`
 * (Szabolcs Nagy's, from Arm's optimized-routines). In float64: write
 * `x = 2^k · z` with `z` in [0x3f330000, 2·0x3f330000) as float32 bits, pick
 * one of 16 subintervals of that range from `z`'s top mantissa bits, whose
 * table entry holds `invc ≈ 1/c` and `logc = log c` for a `c` near its
 * centre; then `log x = log1p(z·invc − 1) + logc + k·ln 2`, `log1p` a cubic,
 * and one rounding to float32. GCC contracts `z·invc − 1`, `k·ln 2 + logc`
 * and the cubic's two steps into fused multiply-adds (read off the
 * disassembly of Debian 12's libm).
 *
 * @module
 */
import { bitsToFloat32, f32, float32ToBits } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import { hexFloat } from "./hex-float.js";

/** `__logf_data.tab`: `[invc, logc]` for each of the 16 subintervals. */
const TABLE = [
  ["0x1.661ec79f8f3bep+0", "-0x1.57bf7808caadep-2"],
  ["0x1.571ed4aaf883dp+0", "-0x1.2bef0a7c06ddbp-2"],
  ["0x1.49539f0f010bp+0", "-0x1.01eae7f513a67p-2"],
  ["0x1.3c995b0b80385p+0", "-0x1.b31d8a68224e9p-3"],
  ["0x1.30d190c8864a5p+0", "-0x1.6574f0ac07758p-3"],
  ["0x1.25e227b0b8eap+0", "-0x1.1aa2bc79c81p-3"],
  ["0x1.1bb4a4a1a343fp+0", "-0x1.a4e76ce8c0e5ep-4"],
  ["0x1.12358f08ae5bap+0", "-0x1.1973c5a611cccp-4"],
  ["0x1.0953f419900a7p+0", "-0x1.252f438e10c1ep-5"],
  ["0x1p+0", "0x0p+0"],
  ["0x1.e608cfd9a47acp-1", "0x1.aa5aa5df25984p-5"],
  ["0x1.ca4b31f026aap-1", "0x1.c5e53aa362eb4p-4"],
  ["0x1.b2036576afce6p-1", "0x1.526e57720db08p-3"],
  ["0x1.9c2d163a1aa2dp-1", "0x1.bc2860d22477p-3"],
  ["0x1.886e6037841edp-1", "0x1.1058bc8a07ee1p-2"],
  ["0x1.767dcf5534862p-1", "0x1.4043057b6ee09p-2"],
].map(([invc, logc]) => [hexFloat(invc), hexFloat(logc)] as const);
/** `__logf_data.ln2`. */
const LN2 = hexFloat("0x1.62e42fefa39efp-1");
/** `__logf_data.poly`: log1p(r) ≈ r + A2·r² + A1·r³ + A0·r⁴. */
const A0 = hexFloat("-0x1.00ea348b88334p-2");
const A1 = hexFloat("0x1.5575b0be00b6ap-2");
const A2 = hexFloat("-0x1.ffffef20a4123p-2");
/** The bits of 0x1.66p-1 ≈ 0.7: the reduced `z` starts here (`OFF`). */
const RANGE_START_BITS = 0x3f330000;

/** `logf(x)` for a float32 `x`, bit for bit as glibc 2.36 (x86-64, FMA) computes it. */
export function glibcLogF32(x: number): number {
  x = f32(x);
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  let bits = float32ToBits(x);
  // Subnormals: scale into the normal range, then take 23 off the exponent.
  if (bits < 0x00800000) bits = float32ToBits(f32(x * 2 ** 23)) - (23 << 23);
  const offset = (bits - RANGE_START_BITS) | 0;
  const [invc, logc] = TABLE[(offset >>> 19) % 16];
  const k = offset >> 23;
  const z = bitsToFloat32((bits - (offset & 0xff800000)) >>> 0);
  const r = fmaF64(z, invc, -1);
  const y0 = fmaF64(k, LN2, logc);
  const r2 = r * r;
  let y = fmaF64(A1, r, A2);
  y = fmaF64(A0, r2, y);
  y = fmaF64(y, r2, y0 + r);
  return f32(y);
}

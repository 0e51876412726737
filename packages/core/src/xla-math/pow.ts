/**
 * float32 `pow` as JAX computes `lax.pow` on CPU: XLA:CPU lowers it to a
 * call of the C library's `powf`, here glibc's (2.36 on the reference
 * machine), in its x86-64 variant compiled for FMA (`__powf_fma`, chosen at
 * load time on processors with FMA).
 *
 * Source: glibc `sysdeps/ieee754/flt-32/e_powf.c` (Szabolcs Nagy's algorithm
 * from ARM's optimized-routines) and its tables `e_powf_log2_data.c` and
 * `e_exp2f_data.c`: `log2(x)` from a 16-entry table and a degree-5
 * polynomial, times `y`, then `exp2` from a 32-entry table and a degree-3
 * polynomial, all in float64, each `a·b + c` one fused multiply-add (as GCC
 * contracts them for `-mfma`, checked in the disassembly of `__powf_fma`),
 * then one rounding to float32. Positive normal `x` (and negative `x` with an
 * integer `y`) go this way; zeros, infinities, NaN and subnormal `x` follow
 * C99 through {@link powC} (XLA reads a subnormal `x` as 0 anyway).
 *
 * @module
 */
import { f32, float32ToBits, bitsToFloat32, powC } from "../float.js";
import { fmaF64 } from "../fma-f64.js";
import { EXP2_POLY, EXP2_TABLE } from "./exp2f-table.js";
import { hexFloat } from "./hex-float.js";

/** `__powf_log2_data.tab`: `invc` and `logc` of 16 subintervals. */
const LOG2_TABLE = [
  ["0x1.661ec79f8f3bep+0", "-0x1.efec65b963019p-2"],
  ["0x1.571ed4aaf883dp+0", "-0x1.b0b6832d4fca4p-2"],
  ["0x1.49539f0f010bp+0", "-0x1.7418b0a1fb77bp-2"],
  ["0x1.3c995b0b80385p+0", "-0x1.39de91a6dcf7bp-2"],
  ["0x1.30d190c8864a5p+0", "-0x1.01d9bf3f2b631p-2"],
  ["0x1.25e227b0b8eap+0", "-0x1.97c1d1b3b7afp-3"],
  ["0x1.1bb4a4a1a343fp+0", "-0x1.2f9e393af3c9fp-3"],
  ["0x1.12358f08ae5bap+0", "-0x1.960cbbf788d5cp-4"],
  ["0x1.0953f419900a7p+0", "-0x1.a6f9db6475fcep-5"],
  ["0x1p+0", "0x0p+0"],
  ["0x1.e608cfd9a47acp-1", "0x1.338ca9f24f53dp-4"],
  ["0x1.ca4b31f026aap-1", "0x1.476a9543891bap-3"],
  ["0x1.b2036576afce6p-1", "0x1.e840b4ac4e4d2p-3"],
  ["0x1.9c2d163a1aa2dp-1", "0x1.40645f0c6651cp-2"],
  ["0x1.886e6037841edp-1", "0x1.88e9c2c1b9ff8p-2"],
  ["0x1.767dcf5534862p-1", "0x1.ce0a44eb17bccp-2"],
].map(([invc, logc]) => [hexFloat(invc), hexFloat(logc)]);

/** `__powf_log2_data.poly`: log1p(r)/ln 2 ≈ A0 r^5 + … + A4 r (highest first). */
const LOG2_POLY = [
  "0x1.27616c9496e0bp-2",
  "-0x1.71969a075c67ap-2",
  "0x1.ec70a6ca7baddp-2",
  "-0x1.7154748bef6c8p-1",
  "0x1.71547652ab82bp+0",
].map(hexFloat);

/** `__exp2f_data.shift_scaled`, 0x1.8p+52 / 32: adding it rounds to multiples of 1/32. */
const SHIFT = 1.5 * 2 ** 47;
/** Above this `y·log2 x` the float32 result overflows (`0x1.fffffffd1d571p+6`). */
const OVERFLOW_BOUND = hexFloat("0x1.fffffffd1d571p+6");

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** glibc's `checkint`: 0 if `y` is not an integer, 1 if odd, 2 if even. */
function integerKind(bits: number): number {
  const exponent = (bits >>> 23) & 0xff;
  if (exponent < 0x7f) return 0;
  if (exponent > 0x7f + 23) return 2;
  const unit = 2 ** (0x7f + 23 - exponent);
  const mantissa = bits & 0x7fffff;
  if ((mantissa | 0x800000) % unit !== 0) return 0;
  return ((mantissa | 0x800000) / unit) % 2 === 1 ? 1 : 2;
}

/** `lax.pow` on float32 operands, bit for bit as glibc 2.36's `powf` (x86-64, FMA). */
export function powF32(x: number, y: number): number {
  x = f32(x);
  y = f32(y);
  let xBits = float32ToBits(x);
  const yMagnitude = float32ToBits(y) & 0x7fffffff;
  let negative = false;
  const normalMagnitude = (xBits & 0x7fffffff) >= 0x00800000 && (xBits & 0x7fffffff) < 0x7f800000;
  if (!normalMagnitude || yMagnitude === 0 || yMagnitude >= 0x7f800000) return f32(powC(x, y));
  if (xBits >>> 31) {
    const kind = integerKind(float32ToBits(y));
    if (kind === 0) return NaN;
    negative = kind === 1;
    xBits &= 0x7fffffff;
  }
  // log2(x) = log1p(z/c - 1)/ln 2 + log2(c) + k, with z in [0x3f330000, 2·0x3f330000).
  const offset = (xBits - 0x3f330000) >>> 0;
  const index = (offset >>> 19) % 16;
  const top = offset & 0xff800000;
  const z = bitsToFloat32((xBits - top) >>> 0);
  const k = (top | 0) >> 23;
  const [invc, logc] = LOG2_TABLE[index];
  const r = fmaF64(z, invc, -1);
  const y0 = logc + k;
  const r2 = r * r;
  let poly = fmaF64(LOG2_POLY[0], r, LOG2_POLY[1]);
  const p = fmaF64(LOG2_POLY[2], r, LOG2_POLY[3]);
  const r4 = r2 * r2;
  let q = fmaF64(LOG2_POLY[4], r, y0);
  q = fmaF64(p, r2, q);
  poly = fmaF64(poly, r4, q);
  const yLog2x = y * poly;
  if (Math.abs(yLog2x) >= 126) {
    if (yLog2x > OVERFLOW_BOUND) return negative ? -Infinity : Infinity;
    if (yLog2x <= -150) return negative ? -0 : 0;
  }
  // exp2(y·log2 x) = 2^(k/32) · 2^r with r in [-1/64, 1/64].
  scratch[0] = yLog2x + SHIFT;
  const kLow = scratchWords[0];
  const kd = scratch[0] - SHIFT;
  const rr = yLog2x - kd;
  const [tableHigh, tableLow] = EXP2_TABLE[kLow % 32];
  const scaled = ((kLow + (negative ? 0x10000 : 0)) & 0x1ffff) << 15;
  scratchWords[1] = (tableHigh + scaled) >>> 0;
  scratchWords[0] = tableLow;
  const s = scratch[0];
  const zz = fmaF64(EXP2_POLY[0], rr, EXP2_POLY[1]);
  const rr2 = rr * rr;
  let result = fmaF64(EXP2_POLY[2], rr, 1);
  result = fmaF64(zz, rr2, result);
  return f32(result * s);
}

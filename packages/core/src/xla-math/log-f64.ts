/**
 * Float64 natural logarithm exactly as XLA:CPU computes it: XLA lowers
 * float64 `log` to a call of the C library's `log`, which on x86-64 Linux is
 * glibc's `__log_fma` (selected at load time on CPUs with FMA and AVX2).
 * This is that routine, operation for operation: glibc 2.36's
 * sysdeps/ieee754/dbl-64/e_log.c (Szabolcs Nagy's algorithm from Arm's
 * optimized-routines) with the fused multiply-adds GCC formed when it
 * compiled it with `-mfma` (read off the machine code of libm.so.6). glibc
 * documents it as within 0.52 ULP; it is not correctly rounded, so neither
 * `Math.log` nor a correctly rounded log reproduces it.
 *
 * @module
 */
import { fmaF64 } from "../fma-f64.js";
import {
  LN2_HIGH,
  LN2_LOW,
  LOG_INVERSE_CENTRE,
  LOG_NEAR_ONE_POLY as B,
  LOG_OF_CENTRE,
  LOG_POLY as A,
} from "./log-f64-table.js";

const view = new DataView(new ArrayBuffer(8));
/** Bits of 1 − 2^-4 and 1 + 0x1.09p-4: inputs between take the near-1 path. */
const NEAR_ONE_LOW = 0x3fee000000000000n;
const NEAR_ONE_HIGH = 0x3ff1090000000000n;
/** Bits of 0x1.6p-1 (0.6875): `x = 2^k · z` with `z` in [0.6875, 1.375). */
const OFFSET = 0x3fe6000000000000n;

function bitsOf(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

function fromBits(bits: bigint): number {
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** `log(x)` for `x` within [1 − 2^-4, 1 + 0x1.09p-4): a degree-11 polynomial in `r = x − 1`. */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const q1 = fmaF64(r2, B[3], fmaF64(r, B[2], B[1]));
  const q2 = fmaF64(r2, B[6], fmaF64(r, B[5], B[4]));
  const q3 = fmaF64(r3, B[10], fmaF64(r2, B[9], fmaF64(r, B[8], B[7])));
  const poly = fmaF64(fmaF64(q3, r3, q2), r3, q1);
  // r = rHigh + rLow with rHigh of 26 bits, so rHigh² · B[0] is exact.
  const w = r * 2 ** 27;
  const rHigh = r + w - w;
  const rLow = r - rHigh;
  const rHigh2 = rHigh * rHigh;
  const high = fmaF64(rHigh2, B[0], r);
  const low = fmaF64(B[0] * rLow, rHigh + r, fmaF64(rHigh2, B[0], r - high));
  return high + fmaF64(poly, r3, low);
}

/** glibc's float64 `log(x)` (the FMA build), to the bit. */
export function logF64(x: number): number {
  let ix = bitsOf(x);
  if (ix - NEAR_ONE_LOW < NEAR_ONE_HIGH - NEAR_ONE_LOW && ix >= NEAR_ONE_LOW) return logNearOne(x);
  const top = Number(ix >> 48n);
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // Subnormal: scale into the normal range and take 52 off the exponent.
    ix = bitsOf(x * 2 ** 52) - (52n << 52n);
  }
  const offsetBits = (ix - OFFSET) & 0xffffffffffffffffn;
  const i = Number((offsetBits >> 45n) & 0x7fn);
  const k = Number(BigInt.asIntN(64, offsetBits) >> 52n);
  const z = fromBits(ix - (offsetBits & (0xfffn << 52n)));
  // log(x) = log1p(z/c − 1) + log(c) + k·ln2, with r = z/c − 1 in one rounding.
  const r = fmaF64(z, LOG_INVERSE_CENTRE[i], -1);
  const w = fmaF64(k, LN2_HIGH, LOG_OF_CENTRE[i]);
  const high = w + r;
  const low = fmaF64(k, LN2_LOW, w - high + r);
  const r2 = r * r;
  const r3 = r * r2;
  const poly = fmaF64(fmaF64(r, A[4], A[3]), r2, fmaF64(r, A[2], A[1]));
  return fmaF64(r3, poly, fmaF64(r2, A[0], low)) + high;
}

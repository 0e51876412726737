/**
 * The exactly rounded float64 fused multiply-add `fma(a, b, c)`: `a · b + c`
 * with one rounding, as the FMA instructions XLA:CPU and glibc use on x86-64
 * with FMA (`vfmadd…sd/pd`).
 *
 * The common case is error-free arithmetic: Dekker's product splits
 * `a · b = p + e` exactly and Knuth's two-sum carries the sum with `c` as
 * `r + t`, whose nearest double is `r` whenever `|t|` is clearly below half
 * the spacing of doubles at `r`. Everything else — a tail within about 2^-49 of a
 * rounding boundary, extreme exponents, an infinite product of finite
 * factors — is computed exactly with BigInt and rounded once.
 *
 * @module
 */

const SPLITTER = 2 ** 27 + 1;
const SCRATCH = new DataView(new ArrayBuffer(8));

/** The high 26 bits of `x` (Veltkamp's split); `x - high` is the rest, exactly. */
function highPart(x: number): number {
  const scaled = SPLITTER * x;
  return scaled - (scaled - x);
}

/** `x` as `mantissa · 2^exponent` with an integer mantissa (finite `x`). */
function decompose(x: number): [bigint, number] {
  SCRATCH.setFloat64(0, x);
  const high = SCRATCH.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(SCRATCH.getUint32(4));
  if (biased !== 0) mantissa |= 1n << 52n;
  if (high >>> 31) mantissa = -mantissa;
  return [mantissa, Math.max(biased, 1) - 1075];
}

/** The double nearest `n · 2^exponent` (ties to even), with overflow to ±Infinity. */
function roundScaledBigInt(n: bigint, exponent: number): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  let magnitude = negative ? -n : n;
  let shift = magnitude.toString(2).length - 53;
  if (exponent + shift < -1074) shift = -1074 - exponent;
  if (shift > 0) {
    const dropped = BigInt(shift);
    const kept = magnitude >> dropped;
    const remainder = magnitude - (kept << dropped);
    const half = 1n << (dropped - 1n);
    magnitude = remainder > half || (remainder === half && (kept & 1n) === 1n) ? kept + 1n : kept;
    exponent += shift;
  }
  const value = exponent > 1023 ? Infinity : Number(magnitude) * 2 ** exponent;
  return negative ? -value : value;
}

/** `a · b + c` exactly rounded, by exact BigInt arithmetic (finite inputs). */
function fmaExact(a: number, b: number, c: number): number {
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const productExponent = ea + eb;
  const exponent = Math.min(productExponent, ec);
  const sum = ((ma * mb) << BigInt(productExponent - exponent)) + (mc << BigInt(ec - exponent));
  if (sum === 0n) return a * b + c; // an exact zero: IEEE's sign rule
  return roundScaledBigInt(sum, exponent);
}

/** Bounds inside which Dekker's product and the two-sums below neither overflow nor lose bits to underflow. */
const PRODUCT_MAX = 2 ** 1000;
const PRODUCT_MIN = 2 ** -900;
const FACTOR_MAX = 2 ** 995;
/** The tail is enlarged by this before the rounding test: it carries one rounding error of its own. */
const TAIL_MARGIN = 1 + 2 ** -49;

/**
 * `a · b + c` as `r` plus an estimate of the rounding error `error`, computed
 * error-free (Dekker's product, then three two-sums: s1 + e1 = c + p,
 * s2 + e2 = e1 + productError, r + e3 = s1 + s2); `exact` when
 * `a · b + c = s1 + s2` exactly, so that `r` is its rounding.
 */
function dekkerSum(a: number, b: number, c: number): { r: number; tail: number; exact: boolean } {
  const p = a * b;
  const aHigh = highPart(a);
  const aLow = a - aHigh;
  const bHigh = highPart(b);
  const bLow = b - bHigh;
  const productError = aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
  const s1 = c + p;
  const pVirtual = s1 - c;
  const e1 = c - (s1 - pVirtual) + (p - pVirtual);
  const s2 = e1 + productError;
  const errorVirtual = s2 - e1;
  const e2 = e1 - (s2 - errorVirtual) + (productError - errorVirtual);
  const r = s1 + s2;
  const s2Virtual = r - s1;
  const e3 = s1 - (r - s2Virtual) + (s2 - s2Virtual);
  return { r, tail: e3 + e2, exact: e2 === 0 };
}

/**
 * `a · b + c` with a single rounding to float64 (IEEE 754 `fusedMultiplyAdd`,
 * C's `fma`), ties to even.
 */
export function fmaF64(a: number, b: number, c: number): number {
  // Moderate magnitudes (NaN and ±Infinity fail these tests): error-free
  // arithmetic, unless the tail lies within about 2^-49 of half a spacing.
  const absP = Math.abs(a * b);
  if (
    absP < PRODUCT_MAX &&
    absP > PRODUCT_MIN &&
    Math.abs(a) < FACTOR_MAX &&
    Math.abs(b) < FACTOR_MAX &&
    Math.abs(c) < PRODUCT_MAX
  ) {
    const { r, tail, exact } = dekkerSum(a, b, c);
    // r is the rounding of r + tail when adding the tail, enlarged by 2^-49
    // (more than its own rounding error), still rounds to r: the addition
    // compares it with half the spacing on its side of r.
    if (exact || r + tail * TAIL_MARGIN === r) return r;
    return fmaExact(a, b, c);
  }
  return fmaOutsideDekkerRange(a, b, c);
}

/** {@link fmaF64} for special values and extreme exponents. */
function fmaOutsideDekkerRange(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return p + c;
  if (!Number.isFinite(c)) return c; // the exact product of finite factors is finite
  if (p === 0 && (a === 0 || b === 0)) return p + c;
  return fmaExact(a, b, c);
}

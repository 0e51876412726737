/**
 * Argument reduction by π/2 for `|x| > 1e8`, as glibc's float64 `tan` does it
 * (glibc 2.36, `__branred` in sysdeps/ieee754/dbl-64/branred.c, IBM's
 * Accurate Mathematical Library; compiled without FMA, so every operation
 * here is one float64 rounding).
 *
 * `x` is split into two 26-bit halves; each is multiplied by the digits of
 * 2/π (base 2^24) that matter at its exponent, the integer parts are
 * accumulated separately (they give the quadrant) and the fractional parts
 * summed as a double-double, which is finally multiplied by π/2.
 *
 * @module
 */

/** 2/π in base-2^24 digits: 2/π = Σ TWO_OVER_PI_DIGITS[i] · 2^(−24(i+1)). */
const TWO_OVER_PI_DIGITS = [
  10680707, 7228996, 1387004, 2578385, 16069853, 12639074, 9804092, 4427841, 16666979, 11263675,
  12935607, 2387514, 4345298, 14681673, 3074569, 13734428, 16653803, 1880361, 10960616, 8533493,
  3062596, 8710556, 7349940, 6258241, 3772886, 3769171, 3798172, 8675211, 12450088, 3874808,
  9961438, 366607, 15675153, 9132554, 7151469, 3571407, 2607881, 12013382, 4155038, 6285869,
  7677882, 13102053, 15825725, 473591, 9065106, 15363067, 6271263, 9264392, 5636912, 4652155,
  7056368, 13614112, 10155062, 1944035, 9527646, 15080200, 6658437, 6231200, 6832269, 16767104,
  5075751, 3212806, 1398474, 7579849, 6349435, 12618859, 4703257, 12806093, 14477321, 2786137,
  12875403, 9837734, 14528324, 13719321, 343717,
];
/** Veltkamp's splitter, 2^27 + 1. */
const SPLITTER = 134217729;
/** Adding and subtracting these rounds to an integer (1.5 · 2^52) and to a multiple of 4 (1.5 · 2^54). */
const ROUND_TO_INTEGER = 6755399441055744;
const ROUND_TO_MULTIPLE_OF_4 = 27021597764222976;
/** π/2 as a double and the next double-sized part. */
const HALF_PI = 1.5707963267948966;
const HALF_PI_LOW = 6.123233995736766e-17;
/** π/2's leading double split into 26-bit parts (their sum is HALF_PI only approximately). */
const HALF_PI_HIGH_26 = 1.5707963407039642;
const HALF_PI_NEXT_26 = -1.3909067675399456e-8;

const view = new DataView(new ArrayBuffer(8));

/** The biased exponent field of `x`. */
function biasedExponent(x: number): number {
  view.setFloat64(0, x);
  return (view.getUint16(0) >>> 4) & 0x7ff;
}

/**
 * The fractional part of `half · 2/π` (`half` one of x's 26-bit halves,
 * scaled by 2^-600) as a double-double `[b, bb]` and its integer part modulo
 * a large power of two (`sum`).
 */
function productWithTwoOverPi(half: number): [number, number, number] {
  const k = Math.max(0, Math.trunc((biasedExponent(half) - 450) / 24));
  let scale = 2 ** (576 - 24 * k);
  const r: number[] = [];
  for (let i = 0; i < 6; i++) {
    r.push(half * TWO_OVER_PI_DIGITS[k + i] * scale);
    scale *= 2 ** -24;
  }
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const integer = r[i] + ROUND_TO_INTEGER - ROUND_TO_INTEGER;
    sum += integer;
    r[i] -= integer;
  }
  let t = 0;
  for (let i = 5; i >= 0; i--) t += r[i];
  let bb = r[0] - t + r[1] + r[2] + r[3] + r[4] + r[5];
  const integer = t + ROUND_TO_INTEGER - ROUND_TO_INTEGER;
  sum += integer;
  t -= integer;
  const b = t + bb;
  bb = t - b + bb;
  sum -= sum + ROUND_TO_MULTIPLE_OF_4 - ROUND_TO_MULTIPLE_OF_4;
  return [b, bb, sum];
}

/**
 * `x` (finite, `|x| > 1e8`) as `n · π/2 + (a + da)` with `|a + da| ≲ π/4`:
 * returns `[n mod 4, a, da]`.
 */
export function reduceByHalfPiLarge(x: number): [number, number, number] {
  x *= 2 ** -600;
  const scaled = x * SPLITTER;
  const high = scaled - (scaled - x);
  const low = x - high;
  const [b1, bb1, sum1] = productWithTwoOverPi(high);
  const [b2, bb2, sum2] = productWithTwoOverPi(low);
  let sum = sum1 + sum2;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1;
    sum += 1;
  } else if (b < -0.5) {
    b += 1;
    sum -= 1;
  }
  let s = b + (bb + bb1 + bb2);
  const t = b - s + bb + (bb1 + bb2);
  b = s * SPLITTER;
  const sHigh = b - (b - s);
  const sLow = s - sHigh;
  b = s * HALF_PI;
  bb =
    sHigh * HALF_PI_HIGH_26 -
    b +
    sHigh * HALF_PI_NEXT_26 +
    sLow * HALF_PI_HIGH_26 +
    (sLow * HALF_PI_NEXT_26 + s * HALF_PI_LOW + t * HALF_PI);
  s = b + bb;
  return [Math.trunc(sum) & 3, s, b - s + bb];
}

// Mirrors jax.random.binomial (jax/_src/random/core.py: binomial, _binomial, _binomial_inversion, _btrs, _stirling_approx_tail).
/**
 * Binomial counts as floats: geometric-sum inversion when `n · min(p, 1-p)
 * <= 10`, Hörmann's BTRS transformed rejection otherwise, exactly as JAX
 * (which follows TensorFlow's kernel).
 *
 * Accuracy. Every step is rounded to the dtype (`f32` for float32, where JAX
 * computes in float32; float64 is JAX with `jax_enable_x64`), and `log`/
 * `log1p` are the routines XLA:CPU runs in that dtype (`mathIn`). The
 * multiply-adds of BTRS are computed with two roundings where XLA may fuse
 * them; counts equal JAX's unless a compared quantity lands within an ULP of
 * its threshold (measured with jax 0.10.2 on CPU, both threefry modes:
 * float32 `n = 20, p = 0.3` and `n = 200, p = 0.4`, every count equal).
 *
 * @module
 */
import { checkKey, type Key, type KeyLike } from "../keys.js";
import { allocate, shapeSize, type FloatDType, type NdArray } from "../ndarray.js";
import {
  defaultFloatDType,
  isPartitionable,
  isX64,
  SLICE_OPTION_KEYS,
  type SliceOptions,
} from "../options.js";
import { type ArrayParam, promotedFloatDType, resolveShape, toParam } from "../params.js";
import { convertFloats, roundTo } from "../float.js";
import { splitKey } from "../random-words.js";
import { checkFloatDType } from "../validate.js";
import { unitFloats } from "./uniform.js";
import { mathIn } from "../xla-math/by-dtype.js";
import { sampleElements } from "../slice.js";

/**
 * Sample binomial counts (as floats) of `n` trials with success probability
 * `p`, as `jax.random.binomial`.
 *
 * JAX computes in `p`'s promoted float dtype and converts the counts to
 * `dtype` at the end: a number `p` is a Python float, so float32 without x64
 * and float64 with `options.x64` (also for a float32 `dtype`; a float64
 * `dtype` implies x64); a float NdArray keeps its dtype; a nested array is an
 * array of `dtype`. `n` and `p` are
 * rounded to that dtype. A fractional `n` is floored. Like JAX, invalid
 * parameters give NaN instead of an error (the functional API mirrors
 * `jax.random`): NaN or negative `n`, NaN `p`, or `p` outside `[0, 1]` give
 * NaN; `n = +Infinity` gives `+Infinity`; `n = 0`, `p = 0` give 0 and
 * `p = 1` gives `n`. One deviation: for `n = +Infinity` with `p` exactly 0
 * or 1, JAX's rejection loop never ends (its acceptance test is NaN); here
 * that element is `+Infinity`, the value JAX's final selection assigns to an
 * infinite `n`. Likewise `p = -0` (JAX's inversion loop never ends) is
 * sampled as `p = +0`.
 *
 * @param key - the key.
 * @param n - the number of trials, a number or array broadcast-compatible with `shape`.
 * @param p - the success probability, a number or array broadcast-compatible with `shape`.
 * @param shape - the result shape; default (`undefined`) is the broadcast of `n` and `p`.
 * @param dtype - `"float32"` or `"float64"`; default `"float32"`, or `"float64"` with `options.x64` (JAX's default float).
 * @param options - the threefry mode (default partitionable) and `x64` (default `false`); `slice: [start, end]` for a slice of the result (spec/sharding.md).
 * @throws TypeError for a bad key, shape, dtype, `n` or `p`.
 * @throws RangeError if `n` and `p` do not broadcast to `shape`.
 */
export function binomial(
  key: KeyLike,
  n: ArrayParam,
  p: ArrayParam,
  shape?: number | readonly number[],
  dtype?: FloatDType,
  options?: SliceOptions,
): NdArray<FloatDType> {
  const checkedKey = checkKey("binomial", key);
  const checkedDType = checkFloatDType("dtype", dtype ?? defaultFloatDType(options));
  const count = toParam("n", n);
  const prob = toParam("p", p);
  const checkedShape = resolveShape("binomial", shape, count, prob);
  const partitionable = isPartitionable(options, undefined, SLICE_OPTION_KEYS);
  // A float64 result implies x64 (JAX has no float64 without it).
  const x64 = isX64(options) || checkedDType === "float64";
  const computeDType = promotedFloatDType([p], checkedDType, x64);
  const { shape: resultShape, data: counts } = sampleElements(
    checkedKey,
    checkedShape,
    options,
    (k, s, broadcast) =>
      binomialKernel(k, s, computeDType, broadcast(count), broadcast(prob), partitionable),
    false,
  );
  return {
    dtype: checkedDType,
    shape: resultShape,
    data: computeDType === checkedDType ? counts : convertFloats(checkedDType, counts),
  };
}

/**
 * JAX's `_binomial` on a checked key, with `n` and `p` broadcast to `shape`:
 * per element, `q = min(p, 1 - p)`; inversion where `n` is NaN or negative
 * or `n · q <= 10`, BTRS elsewhere. Both samplers run on the same key over
 * the whole shape (inversion with `n` replaced by 0 where BTRS is used, BTRS
 * with `n = 1e4, q = 0.5` where inversion is used), then the NaN / infinity
 * / `p >= 0.5` corrections are applied as JAX does.
 */
export function binomialKernel(
  key: Key,
  shape: readonly number[],
  dtype: FloatDType,
  n: Float64Array | readonly number[],
  p: Float64Array | readonly number[],
  partitionable: boolean,
): Float32Array | Float64Array {
  const round = roundTo(dtype);
  const size = shapeSize(shape);
  const out = allocate(dtype, size);
  const countInv = new Float64Array(size);
  const countBtrs = new Float64Array(size);
  const qs = new Float64Array(size);
  const qBtrs = new Float64Array(size);
  const useInversion = new Uint8Array(size);
  const flipped = new Uint8Array(size);
  const special = new Float64Array(size); // 0: none, else NaN / Infinity override
  const hasSpecial = new Uint8Array(size);
  const counts = new Float64Array(size);
  const fallbackQ = round(0.01);
  let anyInversion = false;
  let anyBtrs = false;
  for (let i = 0; i < size; i++) {
    const prob = round(p[i]);
    const count0 = round(n[i]);
    const pLtHalf = prob < 0.5;
    let q = pLtHalf ? prob : round(1 - prob);
    const countNanOrNeg = Number.isNaN(count0) || count0 < 0;
    const countInf = count0 === Infinity || count0 === -Infinity;
    const qIsNaN = Number.isNaN(q);
    const qLessThan0 = q < 0;
    if (qIsNaN || qLessThan0) q = fallbackQ;
    // p = -0 gives q = -0 and log1p(-q) = +0, for which JAX's inversion loop
    // never ends (its waiting times are -inf); sample it as p = +0 instead.
    if (q === 0) q = 0;
    const inversion = countNanOrNeg || round(count0 * q) <= 10;
    const count = Math.floor(count0);
    useInversion[i] = inversion ? 1 : 0;
    qs[i] = q;
    countInv[i] = inversion ? count : 0;
    countBtrs[i] = inversion ? 1e4 : count;
    qBtrs[i] = inversion ? 0.5 : q;
    counts[i] = count;
    if (inversion) anyInversion = true;
    else anyBtrs = true;
    const invalid = qLessThan0 || qIsNaN || countNanOrNeg;
    if (invalid) {
      hasSpecial[i] = 1;
      special[i] = NaN;
    } else if (countInf) {
      hasSpecial[i] = 1;
      special[i] = Infinity;
    }
    flipped[i] = pLtHalf || countNanOrNeg || qIsNaN || countInf ? 0 : 1;
  }
  const inversionSamples = anyInversion
    ? binomialInversionKernel(key, size, dtype, countInv, qs, partitionable)
    : null;
  const btrsSamples = anyBtrs
    ? btrsKernel(key, size, dtype, countBtrs, qBtrs, partitionable)
    : null;
  for (let i = 0; i < size; i++) {
    let sample = useInversion[i] ? inversionSamples![i] : btrsSamples![i];
    if (hasSpecial[i]) sample = special[i];
    if (flipped[i]) sample = round(counts[i] - sample);
    out[i] = sample;
  }
  return out;
}

/**
 * JAX's `_binomial_inversion` for `size` elements (counts `n`, probabilities
 * `q <= 0.5`): the number of geometric waiting times `ceil(log(u) /
 * log1p(-q))` whose running sum stays within `n`, minus one. Each iteration
 * splits the loop key into `(subkey, next)` — subkey first, unlike the
 * Poisson and BTRS loops — and draws uniforms of the whole shape.
 */
export function binomialInversionKernel(
  key: Key,
  size: number,
  dtype: FloatDType,
  n: Float64Array,
  q: Float64Array,
  partitionable: boolean,
): Float64Array {
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const log1mq = q.map((x) => round(math.log1p(-x)));
  const numGeom = new Float64Array(size);
  const geomSum = new Float64Array(size);
  let pending = 0;
  for (let i = 0; i < size; i++) if (geomSum[i] <= n[i]) pending++;
  let rng = key;
  while (pending > 0) {
    const [subkey, next] = splitKey(rng, 2, partitionable);
    rng = next;
    const u = unitFloats(subkey, size, dtype, partitionable);
    pending = 0;
    for (let i = 0; i < size; i++) {
      if (!(geomSum[i] <= n[i])) continue;
      numGeom[i] += 1;
      const geom = Math.ceil(round(round(math.log(u[i])) / log1mq[i]));
      geomSum[i] = round(geomSum[i] + geom);
      if (geomSum[i] <= n[i]) pending++;
    }
  }
  for (let i = 0; i < size; i++) numGeom[i] -= 1;
  return numGeom;
}

/**
 * JAX's `_btrs` (Hörmann's BTRS) for `size` elements (counts `n`,
 * probabilities `q`), in `dtype`. Each iteration splits the loop key into
 * `(next, subkey0, subkey1)`, draws uniforms `u` and `v` of the whole shape,
 * and overwrites the output of every element that accepts in that iteration
 * (even one accepted before), until every element has accepted once.
 * Elements that can never accept (`n = +Infinity` with `q = 0`, where JAX
 * loops forever) do not hold the loop; their output is replaced by the
 * caller.
 */
export function btrsKernel(
  key: Key,
  size: number,
  dtype: FloatDType,
  n: Float64Array,
  q: Float64Array,
  partitionable: boolean,
): Float64Array {
  const round = roundTo(dtype);
  const math = mathIn(dtype);
  const stirling = stirlingApproxTail(dtype);
  const c1_15 = round(1.15);
  const c2_53 = round(2.53);
  const cm0_0873 = round(-0.0873);
  const c0_0248 = round(0.0248);
  const c0_01 = round(0.01);
  const c0_92 = round(0.92);
  const c4_2 = round(4.2);
  const c2_83 = round(2.83);
  const c5_1 = round(5.1);
  const c0_07 = round(0.07);
  const stddev = new Float64Array(size);
  const b = new Float64Array(size);
  const a = new Float64Array(size);
  const c = new Float64Array(size);
  const vR = new Float64Array(size);
  const r = new Float64Array(size);
  const alpha = new Float64Array(size);
  const m = new Float64Array(size);
  const mTerms = new Float64Array(size);
  const accepted = new Uint8Array(size);
  let pending = 0;
  for (let i = 0; i < size; i++) {
    const count = n[i];
    const prob = q[i];
    stddev[i] = round(Math.sqrt(round(round(count * prob) * round(1 - prob))));
    b[i] = round(c1_15 + round(c2_53 * stddev[i]));
    a[i] = round(round(cm0_0873 + round(c0_0248 * b[i])) + round(c0_01 * prob));
    c[i] = round(round(count * prob) + 0.5);
    vR[i] = round(c0_92 - round(c4_2 / b[i]));
    r[i] = round(prob / round(1 - prob));
    alpha[i] = round(round(c2_83 + round(c5_1 / b[i])) * stddev[i]);
    m[i] = Math.floor(round(round(count + 1) * prob));
    // The k-independent part of ub: (m + 0.5) log((m + 1) / (r (n - m + 1))).
    const nm1 = round(round(count - m[i]) + 1);
    mTerms[i] = round(
      round(m[i] + 0.5) * round(math.log(round(round(m[i] + 1) / round(r[i] * nm1)))),
    );
    // vR is NaN exactly when n · q (1 - q) is NaN (n = inf, q = 0): JAX never
    // accepts such an element and loops forever; here it does not hold the loop.
    if (Number.isNaN(vR[i]) && Number.isNaN(stddev[i])) accepted[i] = 1;
    else pending++;
  }
  const kOut = new Float64Array(size).fill(-1);
  let rng = key;
  while (pending > 0) {
    const [next, subkey0, subkey1] = splitKey(rng, 3, partitionable);
    rng = next;
    const us = unitFloats(subkey0, size, dtype, partitionable);
    const vs = unitFloats(subkey1, size, dtype, partitionable);
    for (let i = 0; i < size; i++) {
      const count = n[i];
      const u = round(us[i] - 0.5);
      const uShifted = round(0.5 - Math.abs(u));
      const accept1 = uShifted >= c0_07 && vs[i] <= vR[i];
      const k = Math.floor(
        round(round(round(round(round(2 * a[i]) / uShifted) + b[i]) * u) + c[i]),
      );
      let accept = accept1;
      if (!accept) {
        const reject = k < 0 || k > count;
        if (!reject) {
          const v = round(
            math.log(
              round(
                round(vs[i] * alpha[i]) / round(round(a[i] / round(uShifted * uShifted)) + b[i]),
              ),
            ),
          );
          const nm1 = round(round(count - m[i]) + 1);
          const nk1 = round(round(count - k) + 1);
          let ub = round(mTerms[i] + round(round(count + 1) * round(math.log(round(nm1 / nk1)))));
          ub = round(
            ub + round(round(k + 0.5) * round(math.log(round(round(r[i] * nk1) / round(k + 1))))),
          );
          ub = round(ub + stirling(m[i]));
          ub = round(ub + stirling(round(count - m[i])));
          ub = round(ub - stirling(k));
          ub = round(ub - stirling(round(count - k)));
          accept = v <= ub;
        }
      }
      if (accept) {
        kOut[i] = k;
        if (!accepted[i]) {
          accepted[i] = 1;
          pending--;
        }
      }
    }
  }
  return kOut;
}

const STIRLING_TAIL_VALUES = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
  0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.010411265261972,
  0.00925546218271273, 0.00833056343336287,
];

/**
 * JAX's `_stirling_approx_tail` in `dtype`: the tabulated Stirling-series
 * tail for `k <= 9`; otherwise the series evaluated at `k` clamped to
 * `[0, 9]` — JAX clamps before evaluating, so every `k > 9` gets the value
 * at 9, and we mirror that.
 */
function stirlingApproxTail(dtype: FloatDType): (k: number) => number {
  const round = roundTo(dtype);
  const table = STIRLING_TAIL_VALUES.map(round);
  const c12 = round(1.0 / 12);
  const c360 = round(1.0 / 360);
  const c1260 = round(1.0 / 1260);
  return (k: number) => {
    const useTable = k <= 9;
    // lax.clamp(0, k, 9): NaN stays NaN.
    const clamped = Number.isNaN(k) ? NaN : Math.min(9, Math.max(0, k));
    if (useTable) return table[Math.floor(clamped)];
    const kp1 = round(clamped + 1);
    const kp1sq = round(kp1 * kp1);
    return round(round(c12 - round(round(c360 - round(c1260 / kp1sq)) / kp1sq)) / kp1);
  };
}

// Tests of the jrng-defined samplers (part 2: vonmises, zipf, logseries, hypergeometric family) (spec/samplers/jrng-defined.md): these have no
// jax.random counterpart, so there are no JAX-printed values; every expected value
// below is either a distribution fact or our own recipe recomputed by hand.
import { describe, expect, it } from "vitest";
import hypergeometricPmf from "@stdlib/stats-base-dists-hypergeometric-pmf";
import { key, keyAt, split } from "../src/index.js";
import { f32 } from "../src/float.js";
import { uniform } from "../src/samplers/uniform.js";
import { normal } from "../src/samplers/normal.js";
import { vonmises, wrapAngle } from "../src/samplers/vonmises.js";
import { zipf } from "../src/samplers/zipf.js";
import { logseries } from "../src/samplers/logseries.js";
import {
  hypergeometric,
  logFactorial,
  multivariateHypergeometric,
} from "../src/samplers/hypergeometric.js";
import { chiSquarePValue, expectMoments, ksPValue } from "./support/statistics.js";

const LEGACY = { partitionable: false } as const;
const MODES = [
  ["partitionable", { partitionable: true }],
  ["legacy", LEGACY],
] as const;
const ALPHA = 1e-3;

// ---------------------------------------------------------------- vonmises

/** Von Mises CDF on [−π, π] by Simpson integration of exp(κ cos(x − μ)), tabulated. */
function vonmisesCdf(mu: number, kappa: number): (x: number) => number {
  const steps = 20000;
  const h = (2 * Math.PI) / steps;
  const density = (x: number) => Math.exp(kappa * (Math.cos(x - mu) - 1));
  const cumulative = new Float64Array(steps + 1);
  for (let i = 0; i < steps; i++) {
    const a = -Math.PI + i * h;
    cumulative[i + 1] =
      cumulative[i] + (h / 6) * (density(a) + 4 * density(a + h / 2) + density(a + h));
  }
  const total = cumulative[steps];
  return (x: number) => {
    if (x <= -Math.PI) return 0;
    if (x >= Math.PI) return 1;
    const t = (x + Math.PI) / h;
    const i = Math.min(steps - 1, Math.floor(t));
    return (cumulative[i] + (t - i) * (cumulative[i + 1] - cumulative[i])) / total;
  };
}

describe("vonmises", () => {
  it.each([
    [1, 0.5],
    [-2.5, 4],
    [0.3, 60],
  ])("follows the von Mises law for mu = %s, kappa = %s, both modes", (mu, kappa) => {
    for (const [, options] of MODES) {
      const x = vonmises(key(51), mu, kappa, [5000], "float32", options).data;
      expect(ksPValue(x, vonmisesCdf(f32(mu), f32(kappa)))).toBeGreaterThan(ALPHA);
    }
  });

  it("float64 follows the law and stays in [−π, π]", () => {
    const x = vonmises(key(52), 3, 2, [5000], "float64").data;
    expect(x).toBeInstanceOf(Float64Array);
    expect(ksPValue(x, vonmisesCdf(3, 2))).toBeGreaterThan(ALPHA);
    expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(Math.PI);
  });

  it("kappa < 1e-8 is NumPy's π(2u − 1) from the third key of split(key, 3)", () => {
    const k = key(9);
    for (const options of [undefined, LEGACY]) {
      const u = uniform(keyAt(split(k, 3, options), 2), [5], "float64", 0, 1, options).data;
      expect(Array.from(vonmises(k, 1, 1e-9, [5], "float64", options).data)).toEqual(
        Array.from(u, (ui) => Math.PI * (2 * ui - 1)),
      );
    }
    const x = vonmises(key(53), 0, 0, [4000]).data;
    expect(ksPValue(x, (t) => (t + Math.PI) / (2 * Math.PI))).toBeGreaterThan(ALPHA);
  });

  it("kappa > 1e6 is the wrapped normal mu + z/√kappa from the third key, wrapped", () => {
    const k = key(10);
    const z = normal(keyAt(split(k, 3), 2), [5], "float64").data;
    expect(Array.from(vonmises(k, 3.14, 4e6, [5], "float64").data)).toEqual(
      Array.from(z, (zi) => wrapAngle(3.14 + Math.sqrt(1 / 4e6) * zi)),
    );
    const wide = vonmises(key(54), 0.5, 1e7, [4000], "float64").data;
    expectMoments(wide, 0.5, 1e-7);
  });

  it("wraps any mu into [−π, π] and propagates NaN", () => {
    const x = vonmises(key(55), [10, -10, 100], 3, [2000, 3], "float64").data;
    for (const v of x) expect(Math.abs(v)).toBeLessThanOrEqual(Math.PI);
    const y = vonmises(key(55), [10, 0], [1, NaN], [2]).data;
    expect(Number.isNaN(y[1])).toBe(true);
    expect(Number.isNaN(vonmises(key(55), NaN, 1, [1]).data[0])).toBe(true);
    expect(vonmises(key(55), 0, 1, [0, 4]).data.length).toBe(0);
    expect(wrapAngle(3 * Math.PI + 0.5)).toBeCloseTo(-Math.PI + 0.5, 12);
    expect(wrapAngle(-3 * Math.PI - 0.5)).toBeCloseTo(Math.PI - 0.5, 12);
  });

  it("element i depends only on its own parameters (partitionable prefix)", () => {
    const a = vonmises(key(56), 0, [2, 2, 2, 2], [4]).data;
    const b = vonmises(key(56), 0, [2, 1e-9, 5e7, 0.5], [4]).data;
    expect(b[0]).toBe(a[0]);
  });

  it("validates like NumPy", () => {
    expect(() => vonmises(key(0), 0, -1)).toThrow(/kappa < 0/);
    expect(() => vonmises(key(0), 0, -0)).toThrow(/kappa < 0/);
    expect(() => vonmises(key(0), [0, 1], [1, 2, 3])).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- zipf

/** Riemann zeta for s > 1: direct sum to N plus the Euler–Maclaurin tail. */
function zeta(s: number): number {
  const n = 1000;
  let sum = 0;
  for (let k = 1; k < n; k++) sum += k ** -s;
  return (
    sum +
    n ** (1 - s) / (s - 1) +
    0.5 * n ** -s +
    (s * n ** (-s - 1)) / 12 -
    (s * (s + 1) * (s + 2) * n ** (-s - 3)) / 720
  );
}

describe("zipf", () => {
  it("hand-written zeta is right", () => {
    expect(zeta(2)).toBeCloseTo(Math.PI ** 2 / 6, 12);
    expect(zeta(4)).toBeCloseTo(Math.PI ** 4 / 90, 12);
  });

  it.each([1.6, 2, 3.5])("follows k^-a / zeta(a) for a = %s, both modes", (a) => {
    for (const [, options] of MODES) {
      const x = zipf(key(61), a, [6000], "int32", options).data;
      const z = zeta(a);
      expect(chiSquarePValue(x, (k) => k ** -a / z, 200, 1)).toBeGreaterThan(ALPHA);
    }
  });

  it("truncates to the dtype: int8 follows the law truncated to [1, 127]", () => {
    const a = 1.3;
    const x = zipf(key(62), a, [5000], "int8").data;
    let norm = 0;
    for (let k = 1; k <= 127; k++) norm += k ** -a;
    for (const v of x) expect(v >= 1 && v <= 127).toBe(true);
    expect(chiSquarePValue(x, (k) => k ** -a / norm, 127, 1)).toBeGreaterThan(ALPHA);
  });

  it("edge cases: a close to 1, a >= 1025 gives 1, int64 and uint8", () => {
    const heavy = zipf(key(63), 1 + 1e-9, [500]).data;
    for (const v of heavy) expect(v).toBeGreaterThanOrEqual(1);
    expect(Array.from(zipf(key(63), [1025, Infinity], [2]).data)).toEqual([1, 1]);
    expect(zipf(key(63), 2, [3], "int64").data).toBeInstanceOf(BigInt64Array);
    for (const v of zipf(key(63), 1.1, [300], "uint8").data) expect(v).toBeGreaterThanOrEqual(1);
    expect(zipf(key(63), 2, [0]).data.length).toBe(0);
  });

  it("validates like NumPy", () => {
    expect(() => zipf(key(0), 1)).toThrow(/a <= 1 or a is NaN/);
    expect(() => zipf(key(0), NaN)).toThrow(RangeError);
    expect(() => zipf(key(0), 2, [2], "float32" as "int32")).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------- logseries

describe("logseries", () => {
  it.each([0.3, 0.6, 0.99])("follows −p^k / (k log(1 − p)) for p = %s, both modes", (p) => {
    for (const [, options] of MODES) {
      const x = logseries(key(71), p, [6000], "int32", options).data;
      const c = -1 / Math.log1p(-p);
      expect(chiSquarePValue(x, (k) => (c * p ** k) / k, 2000, 1)).toBeGreaterThan(ALPHA);
      const mean = (c * p) / (1 - p);
      if (p < 0.9) expectMoments(x, mean, (c * p * (1 - c * p)) / (1 - p) ** 2);
    }
  });

  it("is Kemp's LK on split(key, 2), by hand", () => {
    const k = key(12);
    const [kV, kU] = [0, 1].map((i) => keyAt(split(k, 2), i));
    const p = 0.8;
    const vs = uniform(kV, [50], "float64").data;
    const us = uniform(kU, [50], "float64").data;
    const byHand = Array.from(vs, (vi, i) => {
      const v = 1 - vi;
      if (v >= p) return 1;
      const x = Math.log1p(-p) * us[i];
      const q = -Math.expm1(x);
      if (v <= q * q) {
        const logQ = x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
        return Math.floor(1 + Math.log(v) / logQ);
      }
      return v >= q ? 1 : 2;
    });
    expect(Array.from(logseries(k, p, [50]).data)).toEqual(byHand);
  });

  it("edge cases: p = 0 gives 1, p near 1 saturates int8 but stays >= 1", () => {
    expect(Array.from(logseries(key(1), 0, [4]).data)).toEqual([1, 1, 1, 1]);
    const x = logseries(key(1), 1 - 2 ** -50, [500], "int8").data;
    for (const v of x) expect(v >= 1 && v <= 127).toBe(true);
    expect(logseries(key(1), 0.5, [0]).data.length).toBe(0);
  });

  it("validates like NumPy", () => {
    expect(() => logseries(key(0), 1)).toThrow(/p < 0, p >= 1 or p is NaN/);
    expect(() => logseries(key(0), -0.1)).toThrow(RangeError);
    expect(() => logseries(key(0), NaN)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- hypergeometric

describe("hypergeometric", () => {
  it.each([
    ["item by item", 5, 7, 4],
    ["item by item, complement", 5, 7, 9],
    ["HRUA", 60, 140, 50],
    ["HRUA, good > bad, complement", 150, 50, 170],
    ["HRUA, large", 20000, 30000, 8000],
  ])("follows the hypergeometric law: %s", (_, good, bad, sample) => {
    for (const [, options] of MODES) {
      const x = hypergeometric(key(81), good, bad, sample, [5000], "int32", options).data;
      const total = good + bad;
      expect(
        chiSquarePValue(x, (k) => hypergeometricPmf(k, total, good, sample), sample),
      ).toBeGreaterThan(ALPHA);
      const mean = (sample * good) / total;
      const variance = (mean * (bad / total) * (total - sample)) / (total - 1);
      expectMoments(x, mean, variance);
    }
  });

  it("NumPy's logfactorial: table below 126, Stirling above", () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 12);
    let exact = 0;
    for (let i = 2; i <= 200; i++) exact += Math.log(i);
    expect(Math.abs(logFactorial(200) / exact - 1)).toBeLessThan(1e-13);
  });

  it("edge cases: degenerate populations and broadcasting", () => {
    expect(Array.from(hypergeometric(key(2), 0, 30, 20, [3]).data)).toEqual([0, 0, 0]);
    expect(Array.from(hypergeometric(key(2), 30, 0, 20, [3]).data)).toEqual([20, 20, 20]);
    expect(Array.from(hypergeometric(key(2), 7, 8, 0, [2]).data)).toEqual([0, 0]);
    expect(Array.from(hypergeometric(key(2), 7, 8, 15, [2]).data)).toEqual([7, 7]);
    expect(Array.from(hypergeometric(key(2), 0, 0, 0, [1]).data)).toEqual([0]);
    const x = hypergeometric(key(2), [10, 100], 50, [[5], [40]], undefined, "int64");
    expect(x.shape).toEqual([2, 2]);
    expect(x.data).toBeInstanceOf(BigInt64Array);
    expect(hypergeometric(key(2), 3, 3, 3, [0]).data.length).toBe(0);
  });

  it("element values do not depend on the other elements' parameters", () => {
    const a = hypergeometric(key(3), [40, 40], [60, 60], [30, 30]).data;
    const b = hypergeometric(key(3), [40, 5], [60, 5], [30, 2]).data;
    expect(b[0]).toBe(a[0]);
  });

  it("validates like NumPy", () => {
    const k = key(0);
    expect(() => hypergeometric(k, -1, 5, 1)).toThrow(/ngood < 0/);
    expect(() => hypergeometric(k, 5, -1, 1)).toThrow(/nbad < 0/);
    expect(() => hypergeometric(k, 5, 5, -1)).toThrow(/nsample < 0/);
    expect(() => hypergeometric(k, 5, 5, 11)).toThrow(/ngood \+ nbad < nsample/);
    expect(() => hypergeometric(k, 1e9, 5, 1)).toThrow(
      /both ngood and nbad must be less than 1000000000/,
    );
    expect(() => hypergeometric(k, 2.5, 5, 1)).toThrow(TypeError);
    expect(() => hypergeometric(k, 5, 5, 1, [2], "float64" as "int32")).toThrow(TypeError);
  });
});

describe("multivariateHypergeometric", () => {
  const colors = [16, 8, 4, 12];
  const total = 40;

  it.each([
    ["marginals", 10],
    ["marginals", 30],
    ["count", 10],
    ["count", 30],
  ] as const)(
    "%s with nsample %s: rows sum to nsample, marginals are hypergeometric",
    (method, nsample) => {
      for (const [, options] of MODES) {
        const x = multivariateHypergeometric(
          key(91),
          colors,
          nsample,
          [3000],
          method,
          "int32",
          options,
        );
        expect(x.shape).toEqual([3000, 4]);
        let bad = 0;
        for (let v = 0; v < 3000; v++) {
          let sum = 0;
          for (let j = 0; j < 4; j++) {
            const c = x.data[v * 4 + j];
            if (!(c >= 0 && c <= colors[j])) bad++;
            sum += c;
          }
          if (sum !== nsample) bad++;
        }
        expect(bad).toBe(0);
        for (const j of [0, 3]) {
          const column = Array.from({ length: 3000 }, (_, v) => x.data[v * 4 + j]);
          expect(
            chiSquarePValue(
              column,
              (k) => hypergeometricPmf(k, total, colors[j], nsample),
              nsample,
            ),
          ).toBeGreaterThan(ALPHA);
        }
      }
    },
  );

  it("marginals: color j is hypergeometric on key j of split(key, k − 1), by hand", () => {
    const k = key(13);
    const keys = split(k, 3);
    const x = multivariateHypergeometric(k, [16, 8, 12], 15, [20]).data;
    const first = hypergeometric(keyAt(keys, 0), 16, 20, 15, [20]).data;
    const second = hypergeometric(
      keyAt(keys, 1),
      8,
      12,
      Array.from(first, (f) => 15 - f),
      [20],
    ).data;
    for (let v = 0; v < 20; v++) {
      expect(x[v * 3]).toBe(first[v]);
      expect(x[v * 3 + 1]).toBe(second[v]);
      expect(x[v * 3 + 2]).toBe(15 - first[v] - second[v]);
    }
  });

  it("edge cases: no colors, one color, nsample 0 and sum(colors), default shape", () => {
    expect(multivariateHypergeometric(key(1), [], 0).shape).toEqual([0]);
    expect(Array.from(multivariateHypergeometric(key(1), [7], 3).data)).toEqual([3]);
    expect(Array.from(multivariateHypergeometric(key(1), [3, 4], 0, [2]).data)).toEqual([
      0, 0, 0, 0,
    ]);
    for (const method of ["marginals", "count"] as const) {
      expect(Array.from(multivariateHypergeometric(key(1), [3, 4, 0], 7, [], method).data)).toEqual(
        [3, 4, 0],
      );
    }
    expect(multivariateHypergeometric(key(1), [10 ** 9, 1], 1, [], "count").data.length).toBe(2);
    expect(multivariateHypergeometric(key(1), [3, 4], 2, [0, 5]).shape).toEqual([0, 5, 2]);
  });

  it("validates like NumPy", () => {
    const k = key(0);
    expect(() => multivariateHypergeometric(k, [3, 2], 6)).toThrow(/nsample > sum\(colors\)/);
    expect(() => multivariateHypergeometric(k, [3, -2], 1)).toThrow(
      /colors must be a one-dimensional sequence of nonnegative integers/,
    );
    expect(() => multivariateHypergeometric(k, [[1, 2]], 1)).toThrow(TypeError);
    expect(() => multivariateHypergeometric(k, [1.5, 2], 1)).toThrow(TypeError);
    expect(() => multivariateHypergeometric(k, [3, 2], -1)).toThrow(/nsample must be nonnegative/);
    expect(() => multivariateHypergeometric(k, [3, 2], 1.5)).toThrow(TypeError);
    expect(() => multivariateHypergeometric(k, [3, 2], 1, [], "x" as "count")).toThrow(
      /method must be "count" or "marginals"/,
    );
    expect(() => multivariateHypergeometric(k, [10 ** 9, 1], 1)).toThrow(
      /When method is "marginals", sum\(colors\) must be less than 1000000000/,
    );
    expect(() => multivariateHypergeometric(k, [2 ** 31, 1], 1, [], "count")).toThrow(RangeError);
  });
});

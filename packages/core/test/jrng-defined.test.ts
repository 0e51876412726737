// Tests of the jrng-defined samplers (spec/samplers/jrng-defined.md): these have no
// jax.random counterpart, so there are no JAX-printed values; every expected value
// below is either a distribution fact or our own recipe recomputed by hand.
import { describe, expect, it } from "vitest";
import { expF32 } from "../src/xla-math/exp.js";
import { expF64 } from "../src/xla-math/exp-f64.js";
import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import poissonPmf from "@stdlib/stats-base-dists-poisson-pmf";
import negativeBinomialPmf from "@stdlib/stats-base-dists-negative-binomial-pmf";
import { key, keyAt, split } from "../src/index.js";
import { f32 } from "../src/float.js";
import { gamma } from "../src/samplers/gamma.js";
import { poisson } from "../src/samplers/poisson.js";
import { chisquare } from "../src/samplers/chisquare.js";
import { normal } from "../src/samplers/normal.js";
import { exponential } from "../src/samplers/exponential.js";
import { negativeBinomial } from "../src/samplers/negative-binomial.js";
import { noncentralChisquare, noncentralF } from "../src/samplers/noncentral.js";
import { power } from "../src/samplers/power.js";
import { chiSquarePValue, expectMoments, ksPValue } from "./support/statistics.js";

const LEGACY = { partitionable: false } as const;
const MODES = [
  ["partitionable", { partitionable: true }],
  ["legacy", LEGACY],
] as const;
const ALPHA = 1e-3;

// ---------------------------------------------------------------- negativeBinomial

describe("negativeBinomial", () => {
  it.each(MODES)("follows NumPy's negative binomial law (%s)", (_, options) => {
    const n = 3.5;
    const p = 0.4;
    const x = negativeBinomial(key(11), n, p, [6000], "int32", options);
    expect(x.dtype).toBe("int32");
    expect(chiSquarePValue(x.data, (k) => negativeBinomialPmf(k, n, p), 60)).toBeGreaterThan(ALPHA);
    expectMoments(x.data, (n * (1 - p)) / p, (n * (1 - p)) / (p * p));
  });

  it("is poisson(kPoisson, gamma(kGamma, n)·((1 − p)/p)) on split keys, by hand", () => {
    const k = key(5);
    for (const options of [undefined, LEGACY]) {
      const keys = split(k, 2, options);
      const n = [0.7, 2, 9.5, 40];
      const p = [0.3, 0.5, 0.9, 0.05];
      const g = gamma(keyAt(keys, 0), n, [4], "float32", options).data;
      const lam = Array.from(g, (gi, i) => f32(gi * f32(f32(1 - f32(p[i])) / f32(p[i]))));
      const expected = poisson(keyAt(keys, 1), lam, [4], "int32", options).data;
      expect(Array.from(negativeBinomial(k, n, p, [4], "int32", options).data)).toEqual(
        Array.from(expected),
      );
    }
  });

  it("edge cases: p = 1, empty shape, int64, broadcasting", () => {
    expect(Array.from(negativeBinomial(key(1), 5, 1, [5]).data)).toEqual([0, 0, 0, 0, 0]);
    expect(negativeBinomial(key(1), 5, 0.5, [0, 3]).data.length).toBe(0);
    const wide = negativeBinomial(key(1), 2, 0.5, [3], "int64");
    expect(wide.data).toBeInstanceOf(BigInt64Array);
    expect(negativeBinomial(key(1), [1, 2], [[0.5], [0.25]]).shape).toEqual([2, 2]);
  });

  it("validates like NumPy", () => {
    const k = key(0);
    expect(() => negativeBinomial(k, 0, 0.5)).toThrow(RangeError);
    expect(() => negativeBinomial(k, 0, 0.5)).toThrow(/n <= 0/);
    expect(() => negativeBinomial(k, NaN, 0.5)).toThrow(/n must not be NaN/);
    expect(() => negativeBinomial(k, 1, 0)).toThrow(/p <= 0, p > 1 or p contains NaNs/);
    expect(() => negativeBinomial(k, 1, 1.5)).toThrow(/p <= 0, p > 1 .*got 1.5/);
    expect(() => negativeBinomial(k, 1, NaN)).toThrow(RangeError);
    expect(() => negativeBinomial(k, 1e10, 1e-10)).toThrow(/n too large or p too small/);
    expect(() => negativeBinomial(k, 1, 0.5, [2], "float32" as "int32")).toThrow(TypeError);
    expect(() => negativeBinomial(k, [1, 2, 3], 0.5, [2])).toThrow(RangeError);
    expect(() => negativeBinomial(k, "1" as unknown as number, 0.5)).toThrow(/n must be/);
  });
});

// ---------------------------------------------------------------- noncentral

/** Poisson(nonc/2) terms beyond this carry less than 1e-12 of the mass. */
function poissonTerms(nonc: number): number {
  return Math.ceil(nonc / 2 + 12 * Math.sqrt(nonc / 2 + 1) + 20);
}

/** Noncentral chi-square CDF as the Poisson(nonc/2) mixture of central chi-square CDFs. */
function noncentralChisquareCdf(x: number, df: number, nonc: number): number {
  let sum = 0;
  for (let j = 0; j <= poissonTerms(nonc); j++)
    sum += poissonPmf(j, nonc / 2) * chisquareCdf(x, df + 2 * j);
  return sum;
}

/** Noncentral F CDF: Σ_j Pois(j; nonc/2)·I_{d1·x/(d1·x + d2)}(d1/2 + j, d2/2). */
function noncentralFCdf(x: number, d1: number, d2: number, nonc: number): number {
  if (x <= 0) return 0;
  const y = (d1 * x) / (d1 * x + d2);
  let sum = 0;
  for (let j = 0; j <= poissonTerms(nonc); j++)
    sum += poissonPmf(j, nonc / 2) * betaCdf(y, d1 / 2 + j, d2 / 2);
  return sum;
}

describe("noncentralChisquare", () => {
  it.each([
    ["df > 1 (normal branch)", 3, 2],
    ["df <= 1 (Poisson branch)", 0.5, 3],
    ["nonc = 0 (central)", 2.5, 0],
  ])("follows the noncentral chi-square law: %s", (_, df, nonc) => {
    for (const [, options] of MODES) {
      const x = noncentralChisquare(key(21), df, nonc, [2000], "float32", options).data;
      expect(ksPValue(x, (t) => noncentralChisquareCdf(t, df, nonc))).toBeGreaterThan(ALPHA);
      expectMoments(x, df + nonc, 2 * (df + 2 * nonc));
    }
  });

  it("float64 follows the law too", () => {
    const x = noncentralChisquare(key(22), 0.8, 5, [2000], "float64").data;
    expect(x).toBeInstanceOf(Float64Array);
    expect(ksPValue(x, (t) => noncentralChisquareCdf(t, 0.8, 5))).toBeGreaterThan(ALPHA);
  });

  it("is the recipe of spec §3 on split(key, 3), by hand", () => {
    const k = key(7);
    for (const options of [undefined, LEGACY]) {
      const [kChi, kNormal, kPoisson] = [0, 1, 2].map((i) => keyAt(split(k, 3, options), i));
      // df > 1 and nonc > 0: chisquare(df - 1) + (z + sqrt(nonc))^2
      const chi = chisquare(kChi, [2, 4], [2], "float32", options).data;
      const z = normal(kNormal, [2], "float32", options).data;
      const nonc = [f32(1.5), f32(7)];
      const byHand = [0, 1].map((i) => {
        const t = f32(z[i] + f32(Math.sqrt(nonc[i])));
        return f32(chi[i] + f32(t * t));
      });
      expect(
        Array.from(noncentralChisquare(k, [3, 5], [1.5, 7], [2], "float32", options).data),
      ).toEqual(byHand);
      // nonc = 0: the central chi-square from kChi.
      expect(Array.from(noncentralChisquare(k, 3, 0, [4], "float64", options).data)).toEqual(
        Array.from(chisquare(kChi, 3, [4], "float64", options).data),
      );
      // df <= 1: chisquare(df + 2i), i = poisson(nonc / 2) from kPoisson.
      const i = poisson(kPoisson, [f32(2.5 / 2), f32(6 / 2)], [2], "int32", options).data;
      const dfEff = [f32(0.5 + 2 * i[0]), f32(0.25 + 2 * i[1])];
      expect(
        Array.from(noncentralChisquare(k, [0.5, 0.25], [2.5, 6], [2], "float32", options).data),
      ).toEqual(Array.from(chisquare(kChi, dfEff, [2], "float32", options).data));
    }
  });

  it("edge cases: NaN and infinite nonc, empty shape", () => {
    const x = noncentralChisquare(key(3), 2, [NaN, Infinity, 1], [3]).data;
    expect(Number.isNaN(x[0])).toBe(true);
    expect(x[1]).toBe(Infinity);
    expect(Number.isFinite(x[2])).toBe(true);
    expect(noncentralChisquare(key(3), 2, 1, [0]).data.length).toBe(0);
  });

  it("validates like NumPy", () => {
    const k = key(0);
    expect(() => noncentralChisquare(k, 0, 1)).toThrow(/df <= 0/);
    expect(() => noncentralChisquare(k, NaN, 1)).toThrow(/df <= 0/);
    expect(() => noncentralChisquare(k, 1, -1)).toThrow(/nonc < 0/);
    expect(() => noncentralChisquare(k, 1, -0)).toThrow(/nonc < 0/);
    expect(() => noncentralChisquare(k, 1, 1, [2], "int32" as "float32")).toThrow(TypeError);
  });
});

describe("noncentralF", () => {
  it.each(MODES)("follows the noncentral F law (%s)", (_, options) => {
    const x = noncentralF(key(31), 4, 9, 3, [2000], "float32", options).data;
    expect(ksPValue(x, (t) => noncentralFCdf(t, 4, 9, 3))).toBeGreaterThan(ALPHA);
  });

  it("is (ncchi2(kNum)/dfnum) / (chisquare(kDen)/dfden) with (kDen, kNum) = split(key), by hand", () => {
    const k = key(8);
    const keys = split(k, 2);
    const num = noncentralChisquare(keyAt(keys, 1), 3, 2, [5]).data;
    const den = chisquare(keyAt(keys, 0), 6, [5]).data;
    const byHand = Array.from(num, (c, i) => f32(f32(c / 3) / f32(den[i] / 6)));
    expect(Array.from(noncentralF(k, 3, 6, 2, [5]).data)).toEqual(byHand);
  });

  it("validates like NumPy", () => {
    const k = key(0);
    expect(() => noncentralF(k, 0, 1, 1)).toThrow(/dfnum <= 0/);
    expect(() => noncentralF(k, 1, -2, 1)).toThrow(/dfden <= 0/);
    expect(() => noncentralF(k, 1, 1, -1)).toThrow(/nonc < 0/);
    expect(() => noncentralF(k, [1, 2], [1, 2, 3], 1)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- power

describe("power", () => {
  it.each([0.5, 3])("follows Beta(a, 1) for a = %s, both modes", (a) => {
    for (const [, options] of MODES) {
      const x = power(key(41), a, [3000], "float32", options).data;
      expect(ksPValue(x, (t) => betaCdf(t, a, 1))).toBeGreaterThan(ALPHA);
      expectMoments(x, a / (a + 1), a / ((a + 1) ** 2 * (a + 2)));
    }
  });

  it("is exp(−E/a) with E = exponential(key), no split, and XLA's exp", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const e = exponential(key(4), [6], dtype).data;
      const r = dtype === "float32" ? f32 : (v: number) => v;
      const exp = dtype === "float32" ? expF32 : expF64;
      const a = r(2.7);
      expect(Array.from(power(key(4), 2.7, [6], dtype).data)).toEqual(
        Array.from(e, (ei) => exp(r(-ei / a))),
      );
    }
  });

  it("edge cases: range [0, 1], a = Infinity, tiny a underflows to 0", () => {
    const x = power(key(2), 0.3, [2000], "float64").data;
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
    expect(Array.from(power(key(2), Infinity, [3]).data)).toEqual([1, 1, 1]);
    expect(
      Array.from(power(key(2), 1e-6, [200]).data).filter((v) => v === 0).length,
    ).toBeGreaterThan(150);
  });

  it("validates like NumPy", () => {
    expect(() => power(key(0), 0)).toThrow(/a <= 0/);
    expect(() => power(key(0), NaN)).toThrow(/a <= 0/);
    expect(() => power(key(0), -1, [2])).toThrow(RangeError);
    expect(() => power(key(0), 1, [2], "float16" as "float32")).toThrow(TypeError);
  });
});

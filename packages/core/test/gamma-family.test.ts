import { describe, expect, it } from "vitest";
import { f32, float32ToBits } from "../src/float.js";
import kstest from "@stdlib/stats-kstest";
import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import fCdf from "@stdlib/stats-base-dists-f-cdf";
import gammaCdf from "@stdlib/stats-base-dists-gamma-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { key, keyAt, split, wrapKeyData } from "../src/index.js";
import { normal } from "../src/samplers/normal.js";
import { uniform } from "../src/samplers/uniform.js";
import { gamma, loggamma } from "../src/samplers/gamma.js";
import { beta } from "../src/samplers/beta.js";
import { dirichlet } from "../src/samplers/dirichlet.js";
import { chisquare } from "../src/samplers/chisquare.js";
import { f } from "../src/samplers/f.js";
import { t } from "../src/samplers/t.js";
import { generalizedNormal } from "../src/samplers/generalized-normal.js";
import { ball } from "../src/samplers/ball.js";
import { adler32 } from "./support/jax-seeds.js";
import { expectPrinted } from "./support/jax-printed.js";
import { expF32 } from "../src/xla-math/exp.js";
import { log1pF32 } from "../src/xla-math/log1p.js";
import { powF32 } from "../src/xla-math/pow.js";

const LEGACY = { partitionable: false } as const;
const PARTITIONABLE = { partitionable: true } as const;
const MODES = [
  ["partitionable", PARTITIONABLE],
  ["legacy", LEGACY],
] as const;
const N = 2000;

function keysOf(k: Uint32Array, n: number, partitionable: boolean): Uint32Array[] {
  const keys = split(k, n, { partitionable });
  return Array.from({ length: n }, (_, i) => keyAt(keys, i));
}

describe("beta and dirichlet reproduce JAX's printed values", () => {
  // jax-ml/jax tests/random_test.py @ 1b661b8949b424c083c345609dc2ee023416f1ea,
  // _RANDOM_VALUES_CASES, legacy mode (testRandomDistributionValues is
  // @skipIf(threefry_partitionable), L351); key = key(zlib.adler32(name + impl)) (L83-85).
  // Values from 7205160095 (2023-07-19), last run by CI ~2023-10; _beta and _dirichlet are
  // unchanged since 69969ef803 (2022-03) apart from pvary bookkeeping, and _gamma_one since
  // f739a888f3 (2023-10-04), which does not affect these draws.
  it("legacy: beta a=0.8 b=0.9, shape (5,), float32 (L94-95)", () => {
    const result = beta(key(adler32("betathreefry2x32")), 0.8, 0.9, [5], "float32", LEGACY);
    expect(result.shape).toEqual([5]);
    expectPrinted(result.data, [0.13259, 0.824893, 0.948363, 0.964155, 0.235448]);
  });

  it("legacy: dirichlet alpha=[0.5, 0.6, 0.7], shape (2,), float32 (L113-114)", () => {
    const result = dirichlet(
      key(adler32("dirichletthreefry2x32")),
      [0.5, 0.6, 0.7],
      [2],
      "float32",
      LEGACY,
    );
    expect(result.shape).toEqual([2, 3]);
    expectPrinted(result.data, [0.003128, 0.009694, 0.987178, 0.025938, 0.479091, 0.494971]);
  });
});

describe("generalizedNormal and ball follow XLA's rewrites, which depend on the shape", () => {
  // Values computed by real JAX: jax 0.10.2 / jaxlib 0.10.2, CPU (AMD EPYC), float32,
  // key = jax.random.wrap_key_data([seed, 1234]), p = 3.5. For one element, XLA keeps
  // gamma's 1/(1/p) (a reshape separates the divisions); ball with d = 1 keeps its division
  // by pow(s + e, 1/p), except in legacy mode with a one-axis batch of two or more.
  const JAX_VALUES = {
    partitionable: {
      generalizedNormalOneElement: [
        0xbf2ddaad, 0xbea1c0c2, 0x3cdab57d, 0x3e7376ea, 0xbeeeb5ee, 0x3f231c1f,
      ],
      ballScalar: [0x3e9509d3, 0x3eea5a94, 0x3e9de658, 0x3f0b9d85, 0xbe4885ef, 0xbf575fd2],
      ballFourSeed0: [0x3e9509d3, 0xbf26ec61, 0xbf7f1001, 0x3f52956c],
    },
    legacy: {
      generalizedNormalOneElement: [
        0xbe5ca527, 0xbd0a3a03, 0xbd3e753a, 0x3f7d54d9, 0xbe9e6fc1, 0xbf3ac3a0,
      ],
      ballScalar: [0xbbcc46a7, 0x3f1ea9c5, 0xbef3310a, 0x3f6887d1, 0x3f3b73f3, 0xbe64b3fb],
      ballFourSeed0: [0x3eeb1685, 0x3f6013db, 0x3e152bbc, 0xbf7a6d21],
    },
  } as const;
  const seeds = [0, 1, 2, 3, 4, 5];
  const keyOf = (seed: number) => Uint32Array.of(seed, 1234);
  for (const [name, options] of MODES) {
    const expected = JAX_VALUES[name];
    it(`${name}: generalizedNormal(p = 3.5) of shape [1] and ball(d = 1, p = 3.5) of shapes [] and [4] equal JAX`, () => {
      const oneElement = seeds.map(
        (seed) => generalizedNormal(keyOf(seed), 3.5, [1], "float32", options).data[0],
      );
      expect(oneElement.map(float32ToBits)).toEqual(expected.generalizedNormalOneElement);
      const scalars = seeds.map(
        (seed) => ball(keyOf(seed), 1, 3.5, [], "float32", options).data[0],
      );
      expect(scalars.map(float32ToBits)).toEqual(expected.ballScalar);
      const four = ball(keyOf(0), 1, 3.5, [4], "float32", options);
      expect(Array.from(four.data, float32ToBits)).toEqual(expected.ballFourSeed0);
    });
  }
});

describe("dirichlet with few elements takes log V from glibc's logf, as XLA:CPU does", () => {
  // Measured with jax 0.10.2 / jaxlib 0.10.2 on CPU (x64 off):
  // jax.random.dirichlet(wrap_key_data([0, seed]), alpha, batch, float32),
  // alpha a float32 array; floats as IEEE bit patterns. With a batch axis,
  // XLA computes the log-gamma draws' log V in a kernel of its own, whose
  // elements (6 and 15 in all here) glibc's logf computes: every element for
  // 6, elements 8 and up for 15.
  const bits = (data: ArrayLike<number>) => Array.from(data, (x) => float32ToBits(x));
  const hex = (words: readonly string[]) => words.map(Number);
  const ramp = (k: number) => Array.from({ length: k }, (_, i) => f32(0.7 * (i + 1)));

  it("partitionable: batch [] keeps XLA's log; batch [2] shares its first row's draws but not its log", () => {
    // Partitionable keys are split by index, so both draws start with the same
    // three log-gamma variates; only the routine for log V differs.
    const unbatched = dirichlet(wrapKeyData([0, 1234]), ramp(3), [], "float32", PARTITIONABLE);
    expect(bits(unbatched.data)).toEqual(hex(["0x3e6c32df", "0x3f14984e", "0x3e416be8"]));
    const batched = dirichlet(wrapKeyData([0, 1234]), ramp(3), [2], "float32", PARTITIONABLE);
    expect(bits(batched.data)).toEqual(
      hex(["0x3e6c32e0", "0x3f14984d", "0x3e416beb", "0x3e06a122", "0x3e65d0a5", "0x3f24e38e"]),
    );
  });

  it.each([
    [
      "partitionable, k = 5, batch [3] (glibc from element 8)",
      PARTITIONABLE,
      0,
      ramp(5),
      [3],
      [
        "0x3da8ef46",
        "0x3dae0336",
        "0x3db899fb",
        "0x3ec35dcf",
        "0x3eb8bf14",
        "0x388cdbc6",
        "0x3e15f124",
        "0x3da5b265",
        "0x3ef34d82",
        "0x3e984487",
        "0x3c72e333",
        "0x3d035b79",
        "0x3df136e6",
        "0x3ef88bfd",
        "0x3eb323c1",
      ],
    ],
    [
      "legacy, k = 2, batch [3], alpha 0.3",
      LEGACY,
      0,
      [0.3, 0.3],
      [3],
      ["0x3b6b8d31", "0x3f7f1474", "0x3f5fb5d5", "0x3e0128ad", "0x3f7f2aaa", "0x3b555696"],
    ],
    [
      "legacy, k = 7, batch [1]",
      LEGACY,
      1,
      ramp(7),
      [1],
      [
        "0x3cc79edf",
        "0x3d44e473",
        "0x3d821b65",
        "0x3d874652",
        "0x3e86540d",
        "0x3eb1b169",
        "0x3e41173e",
      ],
    ],
    [
      "partitionable, k = 3, batch [3] (9 elements: XLA's log throughout)",
      PARTITIONABLE,
      0,
      ramp(3),
      [3],
      [
        "0x3ea3f4a0",
        "0x3ea8e240",
        "0x3eb3291f",
        "0x3d589d96",
        "0x3ef5ef9e",
        "0x3eeefcaf",
        "0x3e500eff",
        "0x3d813e42",
        "0x3f3bd479",
      ],
    ],
  ] as const)("%s", (_, options, seed, alpha, batch, expected) => {
    const result = dirichlet(wrapKeyData([0, seed]), alpha, batch, "float32", options);
    expect(bits(result.data)).toEqual(hex(expected));
  });
});

describe("structure: each sampler is its JAX recipe over the gamma kernels", () => {
  for (const [mode, options] of MODES) {
    const p = options.partitionable;

    it(`${mode}: beta = ga / (ga + gb) from loggamma on split(key)`, () => {
      const [ka, kb] = keysOf(key(5), 2, p);
      const la = loggamma(ka, [0.3, 2, 7], undefined, "float32", options).data;
      const lb = loggamma(kb, [4, 0.5, 7], undefined, "float32", options).data;
      const ours = beta(key(5), [0.3, 2, 7], [4, 0.5, 7], undefined, "float32", options).data;
      for (let i = 0; i < 3; i++) {
        const m = Math.max(la[i], lb[i]);
        const ga = f32(Math.exp(f32(la[i] - m)));
        const gb = f32(Math.exp(f32(lb[i] - m)));
        expect(ours[i]).toBe(f32(ga / f32(ga + gb)));
      }
    });

    it(`${mode}: dirichlet = softmax(loggamma(key, alpha)) over the last axis, no split`, () => {
      const alpha = [
        [0.2, 1, 3],
        [5, 5, 5],
      ];
      const lg = loggamma(key(6), alpha, [4, 2, 3], "float32", options).data;
      const ours = dirichlet(key(6), alpha, [4, 2], "float32", options);
      expect(ours.shape).toEqual([4, 2, 3]);
      for (let row = 0; row < 8; row++) {
        const x = Array.from(lg.subarray(3 * row, 3 * row + 3));
        const m = Math.max(...x);
        const e = x.map((v) => expF32(f32(v - m)));
        const s = f32(f32(e[0] + e[1]) + e[2]);
        // XLA divides by the broadcast sum as a multiplication by its reciprocal.
        for (let j = 0; j < 3; j++) expect(ours.data[3 * row + j]).toBe(f32(e[j] * f32(1 / s)));
      }
    });

    it(`${mode}: chisquare = 2·exp(loggamma(key, df/2)), no split`, () => {
      const lg = loggamma(key(7), [0.25, 1.5, 20], undefined, "float32", options).data;
      const ours = chisquare(key(7), [0.5, 3, 40], undefined, "float32", options).data;
      for (let i = 0; i < 3; i++) expect(ours[i]).toBe(f32(expF32(lg[i]) * 2));
    });

    it(`${mode}: f = (chi2(keyDfn)/dfnum) / (chi2(keyDfd)/dfden) with (keyDfd, keyDfn) = split(key)`, () => {
      const [keyDfd, keyDfn] = keysOf(key(8), 2, p);
      const cn = chisquare(keyDfn, 3, [4], "float32", options).data;
      const cd = chisquare(keyDfd, 7, [4], "float32", options).data;
      const ours = f(key(8), 3, 7, [4], "float32", options).data;
      // XLA rewrites (cn / 3) / (cd / 7) as (cn · 7) / (cd · 3).
      for (let i = 0; i < 4; i++) expect(ours[i]).toBe(f32(f32(cn[i] * 7) / f32(cd[i] * 3)));
    });

    it(`${mode}: t = n·sqrt((df/2)/g), (keyN, keyG) = split(key)`, () => {
      const [keyN, keyG] = keysOf(key(9), 2, p);
      const n = normal(keyN, [4], "float32", options).data;
      const g = gamma(keyG, 2.5, [4], "float32", options).data;
      const ours = t(key(9), 5, [4], "float32", options).data;
      for (let i = 0; i < 4; i++) expect(ours[i]).toBe(f32(n[i] * f32(Math.sqrt(f32(2.5 / g[i])))));
    });

    it(`${mode}: generalizedNormal = rademacher · gamma(1/p)^(1/p) on split(key)`, () => {
      const [k0, k1] = keysOf(key(10), 2, p);
      const invP = f32(1 / f32(1.5));
      const g = gamma(k0, invP, [6], "float32", options).data;
      const u = uniform(k1, [6], "float32", 0, 1, options).data;
      const ours = generalizedNormal(key(10), 1.5, [6], "float32", options).data;
      for (let i = 0; i < 6; i++) {
        expect(ours[i]).toBe((u[i] < 0.5 ? 1 : -1) * powF32(g[i], invP));
      }
    });

    it(`${mode}: ball = g / (Σ|g|^p + e)^(1/p) with (k1, k2) = split(key)`, () => {
      const [k1, k2] = keysOf(key(11), 2, p);
      const g = generalizedNormal(k1, 3, [2, 4], "float32", options).data;
      const u = uniform(k2, [2], "float32", 0, 1, options).data;
      const ours = ball(key(11), 4, 3, [2], "float32", options);
      expect(ours.shape).toEqual([2, 4]);
      for (let b = 0; b < 2; b++) {
        const e = -log1pF32(-u[b]);
        let s = 0;
        for (let j = 0; j < 4; j++) s = f32(s + powF32(Math.abs(g[4 * b + j]), 3));
        // XLA rewrites g / pow(s + e, 1/p) as g · pow(s + e, -1/p).
        const inverseNorm = powF32(f32(s + e), -f32(1 / 3));
        for (let j = 0; j < 4; j++)
          expect(ours.data[4 * b + j]).toBe(f32(g[4 * b + j] * inverseNorm));
      }
    });
  }
});

describe("distributions (statistical, KS at a fixed seed, reject at p < 1e-3)", () => {
  // Every sampler in the default (partitionable) mode; beta and dirichlet also in legacy
  // mode (the modes differ only in the key layer, which the structural tests cover).
  for (const [mode, options] of MODES) {
    it(`${mode}: beta for (0.5, 0.5), (2, 5), (0.1, 3), (30, 40)`, () => {
      for (const [a, b] of [
        [0.5, 0.5],
        [2, 5],
        [0.1, 3],
        [30, 40],
      ]) {
        const x = beta(key(100 + a * 10), a, b, [N], "float32", options).data;
        expect(kstest(x, betaCdf, a, b).pValue).toBeGreaterThan(1e-3);
        let mean = 0;
        for (const v of x) mean += v / N;
        const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
        expect(Math.abs(mean - a / (a + b))).toBeLessThan((5 * sd) / Math.sqrt(N));
      }
    });

    if (mode === "partitionable")
      it(`${mode}: chisquare for df = 0.5, 1, 3, 60`, () => {
        for (const df of [0.5, 1, 3, 60]) {
          const x = chisquare(key(200 + df * 10), df, [N], "float32", options).data;
          expect(kstest(x, chisquareCdf, df).pValue).toBeGreaterThan(1e-3);
          let mean = 0;
          for (const v of x) mean += v / N;
          expect(Math.abs(mean - df)).toBeLessThan(5 * Math.sqrt((2 * df) / N));
        }
      });

    if (mode === "partitionable")
      it(`${mode}: t for df = 1, 3.5, 30`, () => {
        for (const df of [1, 3.5, 30]) {
          const x = t(key(300 + df * 10), df, [N], "float32", options).data;
          expect(kstest(x, tCdf, df).pValue).toBeGreaterThan(1e-3);
        }
      });

    if (mode === "partitionable")
      it(`${mode}: f for (3, 7), (0.8, 12), (20, 2)`, () => {
        for (const [d1, d2] of [
          [3, 7],
          [0.8, 12],
          [20, 2],
        ]) {
          const x = f(key(400 + d1 * 10), d1, d2, [N], "float32", options).data;
          expect(kstest(x, fCdf, d1, d2).pValue).toBeGreaterThan(1e-3);
        }
      });

    it(`${mode}: dirichlet marginals are Beta(alpha_i, sum − alpha_i) and rows sum to 1`, () => {
      const alpha = [0.3, 1, 4];
      const x = dirichlet(key(500), alpha, [N], "float32", options).data;
      for (let row = 0; row < N; row++) {
        const s = x[3 * row] + x[3 * row + 1] + x[3 * row + 2];
        expect(Math.abs(s - 1)).toBeLessThan(3e-7);
      }
      for (let j = 0; j < 3; j++) {
        const marginal = Array.from({ length: N }, (_, row) => x[3 * row + j]);
        expect(kstest(marginal, betaCdf, alpha[j], 5.3 - alpha[j]).pValue).toBeGreaterThan(1e-3);
      }
    });

    if (mode === "partitionable")
      it(`${mode}: generalizedNormal: |x|^p ~ Gamma(1/p) and the sign is fair, p = 0.7, 1, 2, 5`, () => {
        for (const p of [0.7, 1, 2, 5]) {
          const x = generalizedNormal(key(600 + p * 10), p, [N], "float32", options).data;
          const powered = Array.from(x, (v) => Math.abs(v) ** p);
          expect(kstest(powered, gammaCdf, 1 / p, 1).pValue).toBeGreaterThan(1e-3);
          const positive = x.filter((v) => v > 0).length;
          expect(Math.abs(positive - N / 2)).toBeLessThan(4 * Math.sqrt(N / 4));
        }
        // p = 2 is a normal with variance 1/2.
        const x = generalizedNormal(key(611), 2, [N], "float32", options).data;
        expect(kstest(x, "normal", 0, Math.SQRT1_2).pValue).toBeGreaterThan(1e-3);
      });

    if (mode === "partitionable")
      it(`${mode}: ball: the Lp norm^d is uniform on [0, 1] (p = 2, d = 3; p = 1, d = 2; p = 4, d = 5)`, () => {
        for (const [d, p] of [
          [3, 2],
          [2, 1],
          [5, 4],
        ]) {
          const x = ball(key(700 + d), d, p, [N], "float32", options).data;
          const radii: number[] = [];
          for (let b = 0; b < N; b++) {
            let s = 0;
            for (let j = 0; j < d; j++) s += Math.abs(x[b * d + j]) ** p;
            radii.push(s ** (d / p));
          }
          expect(Math.max(...radii)).toBeLessThanOrEqual(1 + 1e-5);
          expect(kstest(radii, "uniform", 0, 1).pValue).toBeGreaterThan(1e-3);
        }
      });
  }

  it("float64 results: beta, chisquare, t, f, dirichlet, generalizedNormal, ball", () => {
    const b = beta(key(1), 2, 3, [N], "float64").data;
    expect(b).toBeInstanceOf(Float64Array);
    expect(kstest(b, betaCdf, 2, 3).pValue).toBeGreaterThan(1e-3);
    expect(
      kstest(chisquare(key(2), 4, [N], "float64").data, chisquareCdf, 4).pValue,
    ).toBeGreaterThan(1e-3);
    expect(kstest(t(key(3), 4, [N], "float64").data, tCdf, 4).pValue).toBeGreaterThan(1e-3);
    expect(kstest(f(key(4), 4, 9, [N], "float64").data, fCdf, 4, 9).pValue).toBeGreaterThan(1e-3);
    expect(dirichlet(key(5), [1, 2], undefined, "float64").data).toBeInstanceOf(Float64Array);
    expect(generalizedNormal(key(6), 1, [3], "float64").data).toBeInstanceOf(Float64Array);
    expect(ball(key(7), 3, 2, [2], "float64").data).toBeInstanceOf(Float64Array);
  });
});

describe("edge cases", () => {
  it("zero-size shapes", () => {
    expect(beta(key(0), 1, 2, [0]).data.length).toBe(0);
    expect(beta(key(0), [], 2).shape).toEqual([0]);
    expect(dirichlet(key(0), [1, 2], [0]).shape).toEqual([0, 2]);
    expect(dirichlet(key(0), [], undefined).shape).toEqual([0]);
    expect(dirichlet(key(0), [[1, 2]], [3, 0]).shape).toEqual([3, 0, 2]);
    expect(chisquare(key(0), 2, [2, 0]).data.length).toBe(0);
    expect(f(key(0), 2, 3, [0]).data.length).toBe(0);
    expect(t(key(0), 2, [0]).data.length).toBe(0);
    expect(generalizedNormal(key(0), 2, [0]).data.length).toBe(0);
    expect(ball(key(0), 3, 2, [0]).shape).toEqual([0, 3]);
    const empty = ball(key(0), 0, 2, [4]);
    expect(empty.shape).toEqual([4, 0]);
    expect(empty.data.length).toBe(0);
  });

  it("default shapes broadcast the parameters; dirichlet's is alpha's shape", () => {
    expect(beta(key(0), [1, 2, 3], [[1], [2]]).shape).toEqual([2, 3]);
    expect(f(key(0), [1, 2], 3).shape).toEqual([2]);
    expect(t(key(0), [[1, 2]]).shape).toEqual([1, 2]);
    expect(chisquare(key(0), 3).shape).toEqual([]);
    expect(dirichlet(key(0), [[1, 2, 3]]).shape).toEqual([1, 3]);
    expect(generalizedNormal(key(0), 2).shape).toEqual([]);
    expect(ball(key(0), 2).shape).toEqual([2]);
  });

  it("tiny parameters: beta and dirichlet stay in [0, 1] without NaN (log-space trick)", () => {
    const b = beta(key(1), 1e-3, 1e-3, [500]).data;
    expect(b.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Almost all mass at the ends.
    expect(b.filter((v) => v > 1e-6 && v < 1 - 1e-6).length).toBeLessThan(25);
    const d = dirichlet(key(2), [1e-3, 1e-3, 1e-3], [200]).data;
    expect(d.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it("zero parameters as JAX: beta(0, b) is 0, dirichlet with a zero alpha puts no mass there", () => {
    expect(beta(key(3), 0, 2, [100], "float32", LEGACY).data.every((v) => v === 0)).toBe(true);
    expect(beta(key(3), 2, 0, [100], "float32", LEGACY).data.every((v) => v === 1)).toBe(true);
    // Both -Infinity: -inf - -inf = NaN, as in JAX.
    expect(beta(key(3), 0, 0, [100], "float32", LEGACY).data.every(Number.isNaN)).toBe(true);
    const d = dirichlet(key(4), [0, 1, 2], [50], "float32", LEGACY).data;
    for (let row = 0; row < 50; row++) expect(d[3 * row]).toBe(0);
    expect(chisquare(key(5), 0, [50], "float32", LEGACY).data.every((v) => v === 0)).toBe(true);
  });

  it("t with huge df is close to normal; chisquare with huge df concentrates at df", () => {
    const x = t(key(8), 1e7, [N]).data;
    expect(kstest(x, "normal", 0, 1).pValue).toBeGreaterThan(1e-3);
    const c = chisquare(key(9), 1e6, [200]).data;
    expect(c.every((v) => Math.abs(v / 1e6 - 1) < 0.01)).toBe(true);
  });
});

describe("validation", () => {
  it("beta", () => {
    expect(() => beta([1] as never, 1, 1)).toThrow(TypeError);
    expect(() => beta(key(0), "a" as never, 1)).toThrow(/^a must be a number/);
    expect(() => beta(key(0), 1, null as never)).toThrow(/^b must be a number/);
    expect(() => beta(key(0), [1, 2], [1, 2, 3])).toThrow(/beta: shapes .* do not broadcast/);
    expect(() => beta(key(0), [1, 2], 1, [3, 1])).toThrow(
      /beta parameter shapes must be broadcast-compatible/,
    );
    expect(() => beta(key(0), 1, 1, [2], "int32" as never)).toThrow(TypeError);
    expect(() => beta(key(0), 1, 1, [2], "float32", { method: "x" as never })).toThrow(
      /method argument to beta must be one of/,
    );
  });

  it("dirichlet", () => {
    expect(() => dirichlet(key(0), 1)).toThrow(RangeError);
    expect(() => dirichlet(key(0), 1)).toThrow(/alpha\.ndim >= 1/);
    expect(() =>
      dirichlet(
        key(0),
        [
          [1, 2],
          [3, 4],
        ],
        [2, 1],
      ),
    ).toThrow(/dirichlet parameter shapes must be broadcast-compatible/);
    expect(() => dirichlet(key(0), [1, 2], [-1])).toThrow(RangeError);
    expect(() => dirichlet(key(0), "x" as never)).toThrow(/^alpha must be a number/);
    expect(() => dirichlet(key(0), [1, 2], undefined, "float16" as never)).toThrow(TypeError);
  });

  it("chisquare, f, t", () => {
    expect(() => chisquare(key(0), "x" as never)).toThrow(/^df must be a number/);
    expect(() => chisquare(key(0), [1, 2], [3])).toThrow(RangeError);
    expect(() => chisquare(key(0), 1, [2], "float32", { method: "y" as never })).toThrow(
      /method argument to chisquare must be one of/,
    );
    expect(() => f(key(0), "x" as never, 1)).toThrow(/^dfnum must be a number/);
    expect(() => f(key(0), 1, "x" as never)).toThrow(/^dfden must be a number/);
    expect(() => f(key(0), [1, 2], [1, 2, 3])).toThrow(/f: shapes .* do not broadcast/);
    expect(() => t(key(0), {} as never)).toThrow(/^df must be a number/);
    expect(() => t(key(0), [1, 2], [1])).toThrow(RangeError);
    expect(() => t(key(0), 1, [1], "float32", { partitionable: "no" as never })).toThrow(
      /options\.partitionable must be true or false/,
    );
  });

  it("beta, chisquare, f, t: a float64 NdArray parameter cannot be cast to float32 (JAX's _check_all_safe_to_cast)", () => {
    const wide = { dtype: "float64", shape: [2], data: Float64Array.of(1, 2) } as const;
    const narrow = { dtype: "float32", shape: [2], data: Float32Array.of(1, 2) } as const;
    const message =
      /In arguments to (beta|chisquare|f|t), cannot safely cast (a|b|df|dfnum|dfden) of type float64 to float32/;
    expect(() => beta(key(0), wide, 1)).toThrow(message);
    expect(() => beta(key(0), 1, wide)).toThrow(TypeError);
    expect(() => chisquare(key(0), wide)).toThrow(message);
    expect(() => f(key(0), wide, 1)).toThrow(message);
    expect(() => f(key(0), 1, wide)).toThrow(message);
    expect(() => t(key(0), wide)).toThrow(message);
    expect(t(key(0), wide, undefined, "float64").shape).toEqual([2]);
    expect(t(key(0), narrow).shape).toEqual([2]);
    // gamma, loggamma and dirichlet have no such check in JAX.
    expect(gamma(key(0), wide).shape).toEqual([2]);
    expect(dirichlet(key(0), wide).shape).toEqual([2]);
  });

  it("generalizedNormal and ball", () => {
    expect(() => generalizedNormal(key(0), [2] as never)).toThrow(/^p must be a number/);
    expect(() => generalizedNormal(key(0), 2, [-1])).toThrow(RangeError);
    expect(() => generalizedNormal(key(0), 2, [1], "bf16" as never)).toThrow(TypeError);
    expect(() => ball(key(0), -1)).toThrow(RangeError);
    expect(() => ball(key(0), 1.5)).toThrow(/^d must be an integer/);
    expect(() => ball(key(0), "3" as never)).toThrow(TypeError);
    expect(() => ball(key(0), 3, "2" as never)).toThrow(/^p must be a number/);
    expect(() => ball(key(0), 3, 2, [1.5])).toThrow(TypeError);
  });
});

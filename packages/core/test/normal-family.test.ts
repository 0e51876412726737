import { describe, expect, it } from "vitest";
import kstest from "@stdlib/stats-kstest";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import { erfFloat32 } from "../src/erf.js";
import { erfInvFloat32 } from "../src/erf-inv.js";
import { f32, nextAfterFloat32 } from "../src/float.js";
import { key } from "../src/keys.js";
import { splitKey } from "../src/random-words.js";
import { lognormal } from "../src/samplers/lognormal.js";
import { doubleSidedMaxwell, maxwell, maxwellKernel } from "../src/samplers/maxwell.js";
import { normalKernel, SQRT2_FLOAT32 } from "../src/samplers/normal.js";
import { rademacherKernel } from "../src/samplers/rademacher.js";
import { truncatedNormal } from "../src/samplers/truncated-normal.js";
import { uniformKernel, unitFloats } from "../src/samplers/uniform.js";
import { wald } from "../src/samplers/wald.js";
import { expF32 } from "../src/xla-math/exp.js";

const LEGACY = { partitionable: false };

/** |actual - expected| <= rel·|expected| + abs for each element. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], rel: number, abs = 0) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    expect(diff, `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(
      rel * Math.abs(expected[i]) + abs,
    );
  }
}

describe("JAX-printed values (legacy mode)", () => {
  // jax-ml/jax tests/random_test.py @ 1b661b8949b424c083c345609dc2ee023416f1ea, _RANDOM_VALUES_CASES
  // (legacy threefry; last run by CI in 2023; seed = zlib.adler32(name + "threefry2x32"), key [0, seed]).
  // Printed to 6 decimals, so compared to 1e-6 absolute (+ 2^-20 relative, our bound).
  it("truncated_normal(lower=0, upper=2), L172-173", () => {
    const got = truncatedNormal(key(2846034731), 0, 2, [5], "float32", LEGACY).data;
    expectClose(got, [0.582807, 1.709771, 0.159513, 0.861376, 0.36148], 2 ** -20, 1e-6);
  });
  it("maxwell, L145-146", () => {
    const got = maxwell(key(1331627891), [5], "float32", LEGACY).data;
    expectClose(got, [3.070779, 0.908479, 1.521317, 0.875551, 1.306137], 2 ** -20, 1e-6);
  });
  it("double_sided_maxwell(loc=1, scale=2), L117-118", () => {
    const got = doubleSidedMaxwell(key(3634826421), 1, 2, [5], "float32", LEGACY).data;
    expectClose(got, [-2.408914, -3.370437, 3.235352, -0.907734, -1.708732], 2 ** -20, 1e-6);
  });
  it("jax.nn.initializers.truncated_normal(5.0) docstring", () => {
    // jax-ml/jax jax/_src/nn/initializers.py L198-202 @ ef0184706de9cb595468b37d75f1fbda8e8d424a
    // (written 311dc9cfde8dbced7fba11d7befddc44b2539151, 2023-09-07, with PRNGKey(42), legacy):
    // truncated_normal(key, -2.0, 2.0, (2, 3), float32) * 5.0.
    const got = Array.from(truncatedNormal(key(42), -2, 2, [2, 3], "float32", LEGACY).data, (x) =>
      f32(x * 5),
    );
    expectClose(got, [2.9047365, 5.2338114, 5.29852, -3.836303, -4.192359, 0.6022964], 2 ** -20);
  });
});

describe("truncatedNormal", () => {
  it("is the recipe by hand: erf bounds, uniform, sqrt(2)·erf_inv, clip", () => {
    const k = key(11);
    // XLA compiles `lower / sqrt2` as `lower · f32(1 / sqrt2)`.
    const inverseSqrt2 = f32(1 / SQRT2_FLOAT32);
    const a = erfFloat32(f32(-0.5 * inverseSqrt2));
    const b = erfFloat32(f32(1.5 * inverseSqrt2));
    const u = uniformKernel(k, [50], "float32", [a], [b], true);
    const got = truncatedNormal(k, -0.5, 1.5, [50]).data;
    for (let i = 0; i < 50; i++) {
      const x = f32(SQRT2_FLOAT32 * erfInvFloat32(u[i]));
      expect(got[i]).toBe(
        Math.min(nextAfterFloat32(1.5, -Infinity), Math.max(nextAfterFloat32(-0.5, Infinity), x)),
      );
    }
  });
  for (const dtype of ["float32", "float64"] as const) {
    it(`${dtype}: KS against the truncated normal on (-1, 2), both modes`, () => {
      for (const partitionable of [true, false]) {
        const x = Array.from(truncatedNormal(key(5), -1, 2, [4000], dtype, { partitionable }).data);
        const za = normalCdf(-1, 0, 1);
        const zb = normalCdf(2, 0, 1);
        const cdf = (v: number) => (normalCdf(v, 0, 1) - za) / (zb - za);
        expect(kstest(x, cdf).pValue).toBeGreaterThan(1e-3);
        expect(x.every((v) => v > -1 && v < 2)).toBe(true);
        // a wrong distribution (the untruncated normal) is rejected
        expect(kstest(x, "normal", 0, 1).pValue).toBeLessThan(1e-3);
      }
    });
  }
  it("broadcasts array bounds and honours each pair", () => {
    const r = truncatedNormal(key(1), [[-1], [5]], [0, 6, 10], undefined, "float64");
    expect(r.shape).toEqual([2, 3]);
    const lows = [-1, -1, -1, 5, 5, 5];
    const highs = [0, 6, 10, 0, 6, 10];
    for (let i = 0; i < 6; i++) {
      if (lows[i] < highs[i]) {
        expect(r.data[i]).toBeGreaterThan(lows[i]);
        expect(r.data[i]).toBeLessThan(highs[i]);
      } else {
        // lower >= upper: JAX's clip returns nextafter(upper, -inf)
        expect(r.data[i]).toBe(0 - Number.MIN_VALUE);
      }
    }
  });
  it("edge cases: infinite bounds, far tails, NaN, zero size", () => {
    const full = truncatedNormal(key(2), -Infinity, Infinity, [2000]).data;
    expect(Array.from(full).every(Number.isFinite)).toBe(true);
    const tail = truncatedNormal(key(2), 6, 7, [100]).data;
    expect(Array.from(tail).every((v) => v > 6 && v < 7)).toBe(true);
    expect(truncatedNormal(key(2), NaN, 1, [3]).data.every(Number.isNaN)).toBe(true);
    expect(truncatedNormal(key(2), [0, 1], 2, [0, 2]).data.length).toBe(0);
  });
  it("validation", () => {
    expect(() => truncatedNormal(key(0), "a" as never, 1)).toThrow(/lower must be/);
    expect(() => truncatedNormal(key(0), 0, [1, 2], [3])).toThrow(RangeError);
    expect(() => truncatedNormal(key(0), [0, 1], [1, 2, 3])).toThrow(/do not broadcast/);
    expect(() => truncatedNormal(key(0), 0, 1, [2], "float16" as never)).toThrow(/dtype/);
    expect(() => truncatedNormal([0] as never, 0, 1)).toThrow(TypeError);
  });
});

describe("lognormal", () => {
  it("is exp(normal·sigma) by hand, no split", () => {
    const n = normalKernel(key(4), [20], "float32", false);
    const got = lognormal(key(4), 0.5, [20], "float32", LEGACY).data;
    for (let i = 0; i < 20; i++) expect(got[i]).toBe(expF32(f32(n[i] * 0.5)));
  });
  it("KS of log(x)/sigma against N(0, 1); the default shape is sigma's", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const x = Array.from(lognormal(key(9), 0.7, [4000], dtype).data, (v) => Math.log(v) / 0.7);
      expect(kstest(x, "normal", 0, 1).pValue).toBeGreaterThan(1e-3);
      expect(kstest(x, "normal", 0.1, 1).pValue).toBeLessThan(1e-3);
    }
    expect(lognormal(key(1)).shape).toEqual([]);
    expect(lognormal(key(1), [1, 2, 3]).shape).toEqual([3]);
    expect(lognormal(key(1), 0, [4]).data).toEqual(Float32Array.of(1, 1, 1, 1));
  });
  it("validation", () => {
    expect(() => lognormal(key(0), [1, 2], [3])).toThrow(RangeError);
    expect(() => lognormal(key(0), "x" as never)).toThrow(/sigma must be/);
    const f64 = { dtype: "float64", shape: [1], data: Float64Array.of(1) } as const;
    expect(() => lognormal(key(0), f64, [1], "float32")).toThrow(
      /cannot safely cast sigma of type float64 to float32/,
    );
    expect(lognormal(key(0), f64, [1], "float64").data.length).toBe(1);
  });
});

describe("maxwell and doubleSidedMaxwell", () => {
  it("maxwell is the norm of normal(key, [...shape, 3]) by hand", () => {
    const n = normalKernel(key(8), [10, 3], "float32", true);
    const m = maxwellKernel(key(8), [10], "float32", true);
    for (let i = 0; i < 10; i++) {
      const [a, b, c] = [n[3 * i], n[3 * i + 1], n[3 * i + 2]];
      expect(m[i]).toBe(f32(Math.sqrt(f32(f32(f32(a * a) + f32(b * b)) + f32(c * c)))));
    }
  });
  it("maxwell: KS against sqrt(chi²₃)", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const x = Array.from(maxwell(key(12), [4000], dtype).data);
      expect(kstest(x, (v: number) => chisquareCdf(v * v, 3)).pValue).toBeGreaterThan(1e-3);
      expect(kstest(x, (v: number) => chisquareCdf(v * v, 2)).pValue).toBeLessThan(1e-3);
    }
  });
  it("double-sided: split(key) into maxwell and rademacher keys, sign·m·scale + loc", () => {
    for (const partitionable of [true, false]) {
      const [mk, rk] = splitKey(key(13), 2, partitionable);
      const m = maxwellKernel(mk, [40], "float32", partitionable);
      const sign = rademacherKernel(rk, [40], "int32", "float32", partitionable);
      const got = doubleSidedMaxwell(key(13), 1.5, 0.25, [40], "float32", { partitionable }).data;
      for (let i = 0; i < 40; i++)
        expect(got[i]).toBe(f32(f32(Number(sign[i]) * m[i] * 0.25) + 1.5));
    }
    // x64 changes the sign draw only (a float64 Bernoulli uniform)
    const a = doubleSidedMaxwell(key(13), 0, 1, [200], "float32", { x64: true }).data;
    const b = doubleSidedMaxwell(key(13), 0, 1, [200], "float32").data;
    expect(Array.from(a, Math.abs)).toEqual(Array.from(b, Math.abs));
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
  it("double-sided: symmetric and |x - loc|/scale is Maxwell", () => {
    const x = Array.from(doubleSidedMaxwell(key(14), 2, 3, [4000], "float64").data);
    const z = x.map((v) => Math.abs(v - 2) / 3);
    expect(kstest(z, (v: number) => chisquareCdf(v * v, 3)).pValue).toBeGreaterThan(1e-3);
    const positive = x.filter((v) => v > 2).length;
    expect(Math.abs(positive - 2000)).toBeLessThan(4 * Math.sqrt(1000));
  });
  it("double-sided: JAX's result shape [...shape, ...broadcast(loc, scale)]", () => {
    expect(doubleSidedMaxwell(key(0), 0, 1).shape).toEqual([]);
    expect(doubleSidedMaxwell(key(0), 0, 1, [4]).shape).toEqual([4]);
    expect(doubleSidedMaxwell(key(0), [0, 1], 1).shape).toEqual([2, 2]);
    expect(doubleSidedMaxwell(key(0), [0, 1], 1, [3]).shape).toEqual([3, 2]);
    expect(doubleSidedMaxwell(key(0), 0, 1, [0]).data.length).toBe(0);
    expect(maxwell(key(0), [0, 4]).data.length).toBe(0);
  });
  it("validation", () => {
    expect(() => maxwell(key(0), [-2])).toThrow(RangeError);
    expect(() => maxwell(key(0), [2], "int32" as never)).toThrow(/dtype/);
    expect(() => doubleSidedMaxwell(key(0), [0, 1], [0, 1, 2])).toThrow(/do not broadcast/);
    expect(() => doubleSidedMaxwell(key(0), 0, "1" as never)).toThrow(/scale must be/);
    expect(() => doubleSidedMaxwell(key(0), 0, 1, [1], "float32", { x64: 1 as never })).toThrow(
      /x64/,
    );
  });
});

describe("wald", () => {
  it("is the recipe by hand: split into normal and uniform keys", () => {
    const [k1, k2] = splitKey(key(21), 2, true);
    const v = normalKernel(k1, [30], "float32", true);
    const z = unitFloats(k2, 30, "float32", true);
    const got = wald(key(21), 2, [30]).data;
    const mu = 2;
    for (let i = 0; i < 30; i++) {
      const y = f32(v[i] * v[i]);
      const ySq = f32(y * y);
      const s = f32(Math.sqrt(f32(f32(f32(4 * mu) * y) + f32(f32(mu * mu) * ySq))));
      const x = f32(f32(mu + f32(f32(f32(mu * mu) * y) / 2)) - f32(f32(mu / 2) * s));
      expect(got[i]).toBe(z[i] <= f32(mu / f32(mu + x)) ? x : f32(f32(mu * mu) / x));
    }
  });
  it("KS against the inverse Gaussian (mean μ, shape 1)", () => {
    const cdf = (x: number, mu: number) =>
      x <= 0
        ? 0
        : normalCdf(Math.sqrt(1 / x) * (x / mu - 1), 0, 1) +
          Math.exp(2 / mu) * normalCdf(-Math.sqrt(1 / x) * (x / mu + 1), 0, 1);
    for (const dtype of ["float32", "float64"] as const) {
      for (const partitionable of [true, false]) {
        const x = Array.from(wald(key(22), 1.5, [4000], dtype, { partitionable }).data);
        expect(kstest(x, cdf, 1.5).pValue).toBeGreaterThan(1e-3);
        expect(kstest(x, cdf, 1.8).pValue).toBeLessThan(1e-3);
      }
    }
  });
  it("shapes, broadcasting and non-positive means (NaN-like, as JAX)", () => {
    expect(wald(key(0), [1, 2, 3]).shape).toEqual([3]);
    expect(wald(key(0), [1, 2, 3], [2, 3]).shape).toEqual([2, 3]);
    expect(wald(key(0), 1, [0]).data.length).toBe(0);
    expect(wald(key(0), NaN, [2]).data.every(Number.isNaN)).toBe(true);
  });
  it("validation", () => {
    expect(() => wald(key(0), [1, 2], [3])).toThrow(RangeError);
    expect(() => wald(key(0), undefined as never)).toThrow(/mean must be/);
    const f64 = { dtype: "float64", shape: [], data: Float64Array.of(1) } as const;
    expect(() => wald(key(0), f64)).toThrow(/In arguments to wald, cannot safely cast mean/);
  });
});

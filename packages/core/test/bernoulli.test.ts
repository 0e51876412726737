import { describe, expect, it } from "vitest";
import chi2gof from "@stdlib/stats-chi2gof";
import geometricPmf from "@stdlib/stats-base-dists-geometric-pmf";
import { key } from "../src/index.js";
import { uniform } from "../src/samplers/uniform.js";
import { bernoulli, bernoulliKernel } from "../src/samplers/bernoulli.js";
import { rademacher } from "../src/samplers/rademacher.js";
import { geometric } from "../src/samplers/geometric.js";
import { adler32 } from "./support/jax-seeds.js";

const LEGACY = { partitionable: false } as const;

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

describe("bernoulli and rademacher reproduce JAX", () => {
  it("legacy: _RANDOM_VALUES_CASES bernoulli, p=0.5, shape (5,)", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 90-91 (x64 off);
    // seed zlib.adler32(b"bernoullithreefry2x32") (lines 83-85). mode='low' is unchanged since
    // (the 'high' mode of c56cf4f6 is opt-in).
    const result = bernoulli(key(adler32("bernoullithreefry2x32")), 0.5, [5], "low", LEGACY);
    expect(result.dtype).toBe("bool");
    expect(Array.from(result.data, Boolean)).toEqual([false, true, true, true, false]);
  });

  it("legacy: _RANDOM_VALUES_CASES rademacher, shape (5,), int32", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 164-165 (x64 off);
    // seed zlib.adler32(b"rademacherthreefry2x32").
    const result = rademacher(key(adler32("rademacherthreefry2x32")), [5], "int32", LEGACY);
    expect(Array.from(result.data)).toEqual([-1, -1, -1, -1, 1]);
  });
});

describe("bernoulli: structure", () => {
  it("mode low is uniform < p, mode high compares two uniforms (ours vs the recipe by hand)", () => {
    for (const partitionable of [true, false]) {
      const k = key(7);
      const p = [0.1, 0.5, 0.9, 1e-9];
      const u = uniform(k, [4], "float32", 0, 1, { partitionable }).data;
      const low = bernoulli(k, p, undefined, "low", { partitionable }).data;
      expect(Array.from(low)).toEqual(p.map((pi, i) => (u[i] < Math.fround(pi) ? 1 : 0)));
      const uu = uniform(k, [2, 4], "float32", 0, 1, { partitionable }).data;
      const high = bernoulli(k, p, undefined, "high", { partitionable }).data;
      expect(Array.from(high)).toEqual(
        p.map((pi, i) => (uu[4 + i] * 2 ** -23 < Math.fround(Math.fround(pi) - uu[i]) ? 1 : 0)),
      );
    }
  });

  it("float64 via x64 or a float64 NdArray p draws 64-bit uniforms", () => {
    const k = key(3);
    const u = uniform(k, [6], "float64").data;
    const viaX64 = bernoulli(k, 0.3, [6], "low", { x64: true }).data;
    const viaArray = bernoulli(
      k,
      { dtype: "float64", shape: [], data: Float64Array.of(0.3) },
      [6],
    ).data;
    expect(Array.from(viaX64)).toEqual(Array.from(u, (x) => (x < 0.3 ? 1 : 0)));
    expect(Array.from(viaArray)).toEqual(Array.from(viaX64));
  });

  it("broadcasts p against shape and mirrors JAX for p outside [0, 1] and NaN", () => {
    const r = bernoulli(key(1), [[0], [1]], [2, 3]);
    expect(r.shape).toEqual([2, 3]);
    expect(Array.from(r.data)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(bernoulli(key(1), [-1, 2, NaN]).data)).toEqual([0, 1, 0]);
    expect(bernoulli(key(1), 0.5, [0, 4]).data.length).toBe(0);
  });

  it("statistics: mean of 200000 draws within 5 sigma, both modes and threefry modes; mode high resolves p = 1e-9 ", () => {
    for (const partitionable of [true, false]) {
      for (const mode of ["low", "high"] as const) {
        const m = mean(bernoulliKernel(key(11), [200000], "float32", [0.3], mode, partitionable));
        expect(Math.abs(m - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / 200000));
      }
    }
    // p = 2^-30: mode low can only say true when u == 0 (prob 2^-23); mode high has the right rate.
    const tiny = 2 ** -26;
    const hits =
      mean(bernoulliKernel(key(5), [1 << 20], "float32", [tiny], "high", true)) * (1 << 20);
    expect(hits).toBeLessThan(60);
  });

  it("errors", () => {
    expect(() => bernoulli(key(0), 0.5, [2], "medium" as never)).toThrow(RangeError);
    expect(() => bernoulli(key(0), 0.5, [2], "medium" as never)).toThrow(
      /mode="medium".*"high" or "low"/,
    );
    expect(() => bernoulli(key(0), { dtype: "int32", shape: [], data: Int32Array.of(1) })).toThrow(
      /p must have a floating dtype/,
    );
    expect(() => bernoulli(key(0), [0.1, 0.2], [3])).toThrow(RangeError);
    expect(() => bernoulli(key(0), "x" as never)).toThrow(TypeError);
    expect(() => bernoulli(key(0), 0.5, [2], "low", { x64: 1 as never })).toThrow(
      /options.x64 must be true or false/,
    );
    expect(() => bernoulli([1, 2, 3] as never)).toThrow(TypeError);
  });
});

describe("rademacher: structure and statistics", () => {
  it("is 2·bernoulli(0.5) - 1; unsigned wraps; 64-bit dtypes are bigints; x64 uses float64 draws", () => {
    const k = key(21);
    const b = bernoulli(k, 0.5, [8]).data;
    expect(Array.from(rademacher(k, [8]).data)).toEqual(Array.from(b, (x) => 2 * x - 1));
    expect(Array.from(rademacher(k, [8], "uint8").data)).toEqual(
      Array.from(b, (x) => (x ? 1 : 255)),
    );
    expect(Array.from(rademacher(k, [8], "int64").data)).toEqual(
      Array.from(b, (x) => BigInt(2 * x - 1)),
    );
    const b64 = bernoulli(k, 0.5, [8], "low", { x64: true }).data;
    expect(Array.from(rademacher(k, [8], "int64", { x64: true }).data)).toEqual(
      Array.from(b64, (x) => BigInt(2 * x - 1)),
    );
    const m = mean(rademacher(key(4), [100000], "int32", LEGACY).data);
    expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(100000));
    expect(rademacher(key(4), [0]).data.length).toBe(0);
  });

  it("accepts float dtypes as JAX does: ±1.0 from the same draws; float64 implies x64", () => {
    const k = key(21);
    const b = bernoulli(k, 0.5, [8]).data;
    const b64 = bernoulli(k, 0.5, [8], "low", { x64: true }).data;
    const signs = rademacher(k, [8], "float32");
    expect(signs.dtype).toBe("float32");
    expect(signs.data).toBeInstanceOf(Float32Array);
    expect(Array.from(signs.data)).toEqual(Array.from(b, (x) => 2 * x - 1));
    expect(Array.from(rademacher(k, [8], "float64").data)).toEqual(
      Array.from(b64, (x) => 2 * x - 1),
    );
  });

  it("errors", () => {
    expect(() => rademacher(key(0), [2], "bool" as never)).toThrow(TypeError);
    expect(() => rademacher(key(0), [2], "bool" as never)).toThrow(
      /rademacher only accepts integer or float dtypes \("int8".*"float64"\), got dtype "bool"/,
    );
    expect(() => rademacher(key(0), [-1])).toThrow(RangeError);
  });
});

describe("geometric", () => {
  it("is floor(log(u) / log1p(-p)) + 1 with u = 0 mapped to 1 (ours vs the recipe by hand)", () => {
    const f = Math.fround;
    for (const partitionable of [true, false]) {
      const k = key(9);
      const u = uniform(k, [50], "float32", 0, 1, { partitionable }).data;
      const g = geometric(k, 0.2, [50], "int32", { partitionable }).data;
      const l1p = f(Math.log1p(f(-f(0.2))));
      expect(Array.from(g)).toEqual(
        Array.from(u, (x) => Math.floor(f(f(Math.log(x === 0 ? 1 : x)) / l1p)) + 1),
      );
    }
  });

  it("edge cases: p = 1 gives 1, p = 0 saturates, NaN and p > 1 give 0, int64 and uint8", () => {
    expect(Array.from(geometric(key(2), [1, 0, NaN, 1.5]).data)).toEqual([1, 2 ** 31 - 1, 0, 0]);
    expect(Array.from(geometric(key(2), 0, [2], "uint8").data)).toEqual([255, 255]);
    const wide = geometric(key(2), 0.5, [3], "int64", { x64: true });
    expect(wide.data).toBeInstanceOf(BigInt64Array);
    expect(geometric(key(2), 0.5, [0]).data.length).toBe(0);
  });

  it("statistics: chi-square against the geometric pmf (stdlib counts failures: k - 1)", () => {
    for (const partitionable of [true, false]) {
      const p = 0.3;
      const draws = geometric(key(123), p, [50000], "int32", { partitionable }).data;
      const maxK = 20;
      const observed = new Array<number>(maxK + 1).fill(0);
      for (const d of draws) observed[Math.min(d, maxK + 1) - 1]++;
      const expected = observed.map((_, i) =>
        i < maxK ? geometricPmf(i, p) * draws.length : (1 - p) ** maxK * draws.length,
      );
      expect(chi2gof(observed, expected).pValue).toBeGreaterThan(1e-3);
      expect(Math.abs(mean(draws) - 1 / p)).toBeLessThan(
        5 * Math.sqrt((1 - p) / p ** 2 / draws.length),
      );
    }
  });

  it("errors", () => {
    expect(() => geometric(key(0), 0.5, [2], "float32" as never)).toThrow(
      /geometric only accepts integer dtypes/,
    );
    expect(() => geometric(key(0), [0.5, 0.5], [3])).toThrow(RangeError);
    expect(() => geometric(key(0), "p" as never)).toThrow(TypeError);
  });
});

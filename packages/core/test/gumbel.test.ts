import { logF64 } from "../src/xla-math/log-f64.js";
import { describe, expect, it } from "vitest";
import kstest from "@stdlib/stats-kstest";
import chi2gof from "@stdlib/stats-chi2gof";
import { key } from "../src/index.js";
import { uniform } from "../src/samplers/uniform.js";
import { gumbel, gumbelKernel, safeIntToFloat32 } from "../src/samplers/gumbel.js";
import { categorical, topKIndices } from "../src/samplers/categorical.js";
import { bits } from "../src/bits.js";
import { adler32 } from "./support/jax-seeds.js";
import { logF32 } from "../src/xla-math/log.js";
import { log1pF32 } from "../src/xla-math/log1p.js";

const LEGACY = { partitionable: false } as const;
const f = Math.fround;

const gumbelCdf = (x: number) => Math.exp(-Math.exp(-x));

describe("gumbel reproduces JAX", () => {
  it("legacy: _RANDOM_VALUES_CASES gumbel, shape (5,), float32", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 129-130; seed
    // zlib.adler32(b"gumbelthreefry2x32"). Printed to 6 decimals (assertAllClose); the 'low' path of
    // _gumbel is unchanged since ff61c3c1 (2021-01, "use tiny for gumbel sampler").
    const result = gumbel(key(adler32("gumbelthreefry2x32")), [5], "float32", "low", LEGACY);
    const expected = [2.06701, 0.911726, 0.145736, 0.185427, -0.00711];
    result.data.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(2e-6));
  });
});

describe("gumbel: structure, edge cases and statistics", () => {
  it("mode low is -log(-log(uniform(tiny, 1))) (ours vs the recipe by hand)", () => {
    const u = uniform(key(4), [64], "float32", 2 ** -126, 1).data;
    const g = gumbel(key(4), [64]).data;
    expect(Array.from(g)).toEqual(Array.from(u, (x) => -logF32(-logF32(x))));
    const u64 = uniform(key(4), [16], "float64", 2 ** -1022, 1).data;
    expect(Array.from(gumbel(key(4), [16], "float64").data)).toEqual(
      Array.from(u64, (x) => -logF64(-logF64(x))),
    );
  });

  it("mode high combines two uniforms; highest uses _safe_int_to_float of two words", () => {
    const u = uniform(key(8), [2, 32], "float32").data;
    const g = gumbel(key(8), [32], "float32", "high").data;
    for (let i = 0; i < 32; i++) {
      const hi = u[i];
      const x = hi >= 0.5 ? hi : f(f(hi + f(2 ** -23 * u[32 + i])) + 2 ** -47);
      expect(g[i]).toBe(-logF32(-log1pF32(-x)));
    }
    const words = bits(key(8), [2, 32]).data;
    const h = gumbel(key(8), [32], "float32", "highest").data;
    for (let i = 0; i < 32; i++) {
      if (words[i] < 2 ** 31) {
        const x = safeIntToFloat32(words[i], words[32 + i]);
        expect(x).toBeCloseTo((words[i] * 2 ** 32 + words[32 + i]) / 2 ** 64, 6);
        expect(h[i]).toBe(-logF32(-log1pF32(-x)));
      }
    }
    // float64 "highest" falls back to "high", as in JAX.
    expect(Array.from(gumbel(key(8), [5], "float64", "highest").data)).toEqual(
      Array.from(gumbel(key(8), [5], "float64", "high").data),
    );
  });

  it("_safe_int_to_float keeps leading zeros: exact powers of two and the all-zero word pair", () => {
    expect(safeIntToFloat32(2 ** 31, 0)).toBe(0.5);
    expect(safeIntToFloat32(1, 0)).toBe(2 ** -32);
    expect(safeIntToFloat32(0, 2 ** 31)).toBe(2 ** -33);
    expect(safeIntToFloat32(0, 1)).toBe(2 ** -64);
    expect(safeIntToFloat32(0, 0)).toBe(2 ** -65);
    expect(safeIntToFloat32(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -24);
  });

  it("statistics: KS test against the Gumbel cdf in every mode, both threefry modes", () => {
    const cases = [
      ["low", true],
      ["low", false],
      ["high", true],
      ["highest", false],
    ] as const;
    for (const [mode, partitionable] of cases) {
      {
        const sample = Array.from(gumbelKernel(key(99), [4000], "float32", mode, partitionable));
        expect(kstest(sample, gumbelCdf).pValue).toBeGreaterThan(1e-3);
        const m = sample.reduce((s, x) => s + x, 0) / sample.length;
        expect(Math.abs(m - 0.5772156649)).toBeLessThan(
          5 * Math.sqrt(Math.PI ** 2 / 6 / sample.length),
        );
      }
    }
    // mode highest reaches further into the right tail than low (max ~16 in float32).
    const far = gumbelKernel(key(1), [1], "float32", "highest", true);
    expect(Number.isFinite(far[0])).toBe(true);
  });

  it("errors and zero size", () => {
    expect(gumbel(key(0), [0, 3]).data.length).toBe(0);
    expect(() => gumbel(key(0), [2], "int32" as never)).toThrow(TypeError);
    expect(() => gumbel(key(0), [2], "float32", "top" as never)).toThrow(/valid mode for gumbel/);
    expect(() => gumbel(key(0), [1.5])).toThrow(TypeError);
  });
});

describe("categorical", () => {
  it("with replacement is argmax(gumbel + logits) along the axis (ours vs the recipe by hand)", () => {
    const logits = [
      [0.1, 2.0, -1.0],
      [1.5, 1.5, 0.0],
    ];
    for (const partitionable of [true, false]) {
      const g = gumbel(key(12), [4, 2, 3], "float32", "low", { partitionable }).data;
      const r = categorical(key(12), logits, -1, [4, 2], true, undefined, { partitionable });
      expect(r.shape).toEqual([4, 2]);
      const expected: number[] = [];
      for (let s = 0; s < 4; s++)
        for (let b = 0; b < 2; b++) {
          const row = [0, 1, 2].map((c) => f(g[(s * 2 + b) * 3 + c] + f(logits[b][c])));
          expected.push(row.indexOf(Math.max(...row)));
        }
      expect(Array.from(r.data)).toEqual(expected);
      // axis 0: categories along the first axis, batch = 3 columns.
      const g0 = gumbel(key(12), [2, 3], "float32", "low", { partitionable }).data;
      const r0 = categorical(key(12), logits, 0, undefined, true, undefined, { partitionable });
      expect(Array.from(r0.data)).toEqual(
        [0, 1, 2].map((c) =>
          f(g0[c] + f(logits[0][c])) >= f(g0[3 + c] + f(logits[1][c])) ? 0 : 1,
        ),
      );
    }
  });

  it("without replacement takes the top k of logits + gumbel(logits.shape), k leading", () => {
    const logits = [
      [0.0, 1.0, 2.0, 3.0],
      [3.0, 2.0, 1.0, 0.0],
    ];
    const g = gumbel(key(5), [2, 4]).data;
    const r = categorical(key(5), logits, -1, [3, 2], false);
    for (let b = 0; b < 2; b++) {
      const row = logits[b].map((l, c) => f(l + g[b * 4 + c]));
      const top = topKIndices(row, 3);
      for (let t = 0; t < 3; t++) expect(r.data[t * 2 + b]).toBe(top[t]);
    }
    const distinct = new Set([r.data[0], r.data[2], r.data[4]]);
    expect(distinct.size).toBe(3);
  });

  it("top_k order: total order (-0 < +0, NaN largest) and ties by lower index", () => {
    expect(topKIndices([1, 3, 3, 2], 4)).toEqual([1, 2, 3, 0]);
    expect(topKIndices([-0, 0, NaN, -Infinity], 4)).toEqual([2, 1, 0, 3]);
  });

  it("statistics: chi-square of the frequencies against softmax(logits)", () => {
    const logits = [0, Math.log(2), Math.log(3), Math.log(4)];
    for (const partitionable of [true, false]) {
      const draws = categorical(key(77), logits, -1, [40000], true, undefined, {
        partitionable,
      }).data;
      const counts = [0, 0, 0, 0];
      for (const d of draws) counts[d]++;
      expect(
        chi2gof(
          counts,
          [0.1, 0.2, 0.3, 0.4].map((q) => q * draws.length),
        ).pValue,
      ).toBeGreaterThan(1e-3);
    }
  });

  it("edge cases: -Infinity logits are never drawn; float64 logits; zero-size shapes", () => {
    const r = categorical(key(3), [-Infinity, 0, -Infinity], -1, [100]);
    expect(Array.from(r.data).every((x) => x === 1)).toBe(true);
    const wide = categorical(
      key(3),
      { dtype: "float64", shape: [3], data: Float64Array.of(0, 1, 2) },
      -1,
      [5],
    );
    const g = gumbel(key(3), [5, 3], "float64").data;
    expect(Array.from(wide.data)).toEqual(
      [0, 1, 2, 3, 4].map((s) => {
        const row = [0, 1, 2].map((c) => g[s * 3 + c] + c);
        return row.indexOf(Math.max(...row));
      }),
    );
    expect(categorical(key(3), [0, 1], -1, [0]).data.length).toBe(0);
  });

  it("errors", () => {
    expect(() => categorical(key(0), 1 as never)).toThrow(/at least one axis/);
    expect(() => categorical(key(0), [1, 2], 1)).toThrow(RangeError);
    expect(() =>
      categorical(
        key(0),
        [
          [1, 2],
          [3, 4],
        ],
        -1,
        [3],
      ),
    ).toThrow(RangeError);
    expect(() => categorical(key(0), [1, 2], -1, [3], false)).toThrow(
      /cannot exceed number of categories/,
    );
    expect(() => categorical(key(0), [[1, 2]], -1, [1, 3], false)).toThrow(RangeError);
    expect(() =>
      categorical(key(0), { dtype: "int32", shape: [2], data: Int32Array.of(1, 2) }),
    ).toThrow(TypeError);
    expect(() => categorical(key(0), [1, 2], -1, undefined, "yes" as never)).toThrow(TypeError);
  });
});

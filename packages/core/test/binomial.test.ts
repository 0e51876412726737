import { describe, expect, it } from "vitest";
import binomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import { key, split } from "../src/index.js";
import { uniform } from "../src/samplers/uniform.js";
import { binomial } from "../src/samplers/binomial.js";
import { multinomial, reverseCumulativeSum } from "../src/samplers/multinomial.js";
import { chiSquarePValue, moments } from "./support/statistics.js";

const LEGACY = { partitionable: false } as const;

describe("binomial reproduces JAX", () => {
  // jax-ml/jax tests/random_lax_test.py@33b1f8422c854c3835cbabe53bf69ea5eaae7e1b lines 1472-1491
  // (testBinomialCornerCases, key(0), float32; asserted in both modes: no random bits decide them).
  it.each([true, false])("testBinomialCornerCases (partitionable %s)", (partitionable) => {
    const options = { partitionable };
    expect(
      Array.from(binomial(key(0), [-1, 0, NaN, Infinity], 0.5, [4], "float32", options).data),
    ).toEqual([NaN, 0, NaN, Infinity]);
    expect(
      Array.from(binomial(key(0), 5, [NaN, 0, -0.1, 1.1], [4], "float32", options).data),
    ).toEqual([NaN, 0, NaN, NaN]);
    expect(
      Array.from(
        binomial(key(0), [Infinity, -1, Infinity], [NaN, NaN, -0.1], [3], "float32", options).data,
      ),
    ).toEqual([NaN, NaN, NaN]);
  });
});

describe("binomial matches the binomial distribution", () => {
  // Ours (not JAX values): chi-square at fixed seeds, 10^4 samples, inversion (n·q <= 10)
  // and BTRS (n·q > 10) on both sides of the switch, p on both sides of 0.5.
  it.each([
    [5, 0.1],
    [13, 0.3],
    [20, 0.5], // n·q = 10: inversion
    [21, 0.5], // n·q = 10.5: BTRS
    [53, 0.9], // q = 0.1 → inversion, flipped
    [500, 0.3],
    [500, 0.7],
    [1000, 0.011], // n·q = 11: BTRS with small q
    [100_000, 0.5],
  ])("n = %s, p = %s", (n, p) => {
    const size = 10_000;
    const samples = binomial(key(12), n, p, [size]).data;
    expect(chiSquarePValue(samples, (k) => binomialPmf(k, n, p), n)).toBeGreaterThan(1e-3);
    const [mean, variance] = moments(samples);
    const v = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(v / size));
    expect(Math.abs(variance - v)).toBeLessThan(5 * v * Math.sqrt(2 / size + 1 / (v * size)));
  });

  it("legacy mode and float64", () => {
    expect(
      chiSquarePValue(
        binomial(key(4), 30, 0.4, [10_000], "float32", LEGACY).data,
        (k) => binomialPmf(k, 30, 0.4),
        30,
      ),
    ).toBeGreaterThan(1e-3);
    const wide = binomial(key(4), 30, 0.4, [10_000], "float64");
    expect(wide.data).toBeInstanceOf(Float64Array);
    expect(chiSquarePValue(wide.data, (k) => binomialPmf(k, 30, 0.4), 30)).toBeGreaterThan(1e-3);
  });

  it("a wrong p is rejected (the test has power)", () => {
    expect(
      chiSquarePValue(
        binomial(key(12), 100, 0.3, [10_000]).data,
        (k) => binomialPmf(k, 100, 0.31),
        100,
      ),
    ).toBeLessThan(1e-3);
  });
});

describe("binomial structure", () => {
  it("inversion by hand: split (subkey, next), ceil(log u / log1p(-p)) waiting times", () => {
    const size = 5;
    const n = 8;
    const p = 0.3;
    const result = binomial(key(21), n, p, [size]).data;
    const log1mq = Math.fround(Math.log1p(-Math.fround(p)));
    const sums = new Float64Array(size);
    const counts = new Array<number>(size).fill(0);
    let rng = key(21);
    while (sums.some((s) => s <= n)) {
      const keys = split(rng, 2);
      rng = keys.data.slice(2, 4);
      const u = uniform(keys.data.slice(0, 2), [size]).data;
      for (let i = 0; i < size; i++) {
        if (sums[i] <= n) {
          counts[i]++;
          sums[i] = Math.fround(
            sums[i] + Math.ceil(Math.fround(Math.fround(Math.log(u[i])) / log1mq)),
          );
        }
      }
    }
    expect(Array.from(result)).toEqual(counts.map((c) => c - 1));
  });

  it("p >= 0.5 samples n - Binomial(n, 1 - p) on the same key", () => {
    const low = binomial(key(8), 40, 0.25, [50]).data;
    const high = binomial(key(8), 40, 0.75, [50]).data;
    expect(Array.from(high)).toEqual(Array.from(low, (x) => 40 - x));
  });

  it("a fractional n is floored after choosing the branch (n·q uses the unfloored n)", () => {
    expect(Array.from(binomial(key(3), 7.9, 0.5, [20]).data)).toEqual(
      Array.from(binomial(key(3), 7, 0.5, [20]).data),
    );
    const samples = binomial(key(3), 20.5, 0.5, [200]).data; // 10.25 > 10: BTRS with n = 20
    expect(Math.max(...samples)).toBeLessThanOrEqual(20);
  });
});

describe("binomial edge cases", () => {
  it("n = 0, p = 0 and p = 1", () => {
    expect(Array.from(binomial(key(1), 0, 0.3, [3]).data)).toEqual([0, 0, 0]);
    expect(Array.from(binomial(key(1), 9, 0, [3]).data)).toEqual([0, 0, 0]);
    expect(Array.from(binomial(key(1), 9, 1, [3]).data)).toEqual([9, 9, 9]);
    expect(Array.from(binomial(key(1), 1e6, 1, [2]).data)).toEqual([1e6, 1e6]);
  });

  it("n = +Infinity with p in {0, 1} gives +Infinity (JAX never returns; documented deviation)", () => {
    expect(Array.from(binomial(key(1), Infinity, [0, 1, 0.5], [3]).data)).toEqual([
      Infinity,
      Infinity,
      Infinity,
    ]);
  });

  it("p = -0 samples as p = +0 (JAX's loop would never end; documented deviation)", () => {
    expect(Array.from(binomial(key(1), 9, -0, [3]).data)).toEqual([0, 0, 0]);
  });

  it("zero-size shapes and broadcasting", () => {
    expect(binomial(key(0), 5, 0.5, [0]).data.length).toBe(0);
    expect(binomial(key(0), 5, 0.5, [3, 0]).shape).toEqual([3, 0]);
    const grid = binomial(key(0), [[10], [20]], [0.1, 0.5, 0.9]);
    expect(grid.shape).toEqual([2, 3]);
    expect(binomial(key(0), 10, 0.5).shape).toEqual([]);
  });

  it("float32 results are counts in [0, n]", () => {
    const samples = binomial(key(5), 1e7, 0.37, [200]).data;
    for (const x of samples) {
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1e7);
    }
  });
});

describe("binomial validation", () => {
  it.each([
    [() => binomial("k" as never, 1, 0.5), TypeError, /binomial expects a key/],
    [() => binomial(key(0), "1" as never, 0.5), TypeError, /n must be a number/],
    [() => binomial(key(0), 1, {} as never), TypeError, /p must be a number/],
    [
      () => binomial(key(0), [1, 2], [0.1, 0.2, 0.3]),
      RangeError,
      /binomial: shapes .* do not broadcast/,
    ],
    [() => binomial(key(0), [1, 2], 0.5, [3]), RangeError, /broadcast/],
    [
      () => binomial(key(0), 1, 0.5, [2], "int32" as never),
      TypeError,
      /dtype must be "float32" or "float64"/,
    ],
    [() => binomial(key(0), 1, 0.5, [-2]), RangeError, /shape\[0\] must be an integer in/],
  ] as const)("case %#", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});

describe("multinomial", () => {
  it("testMultinomialExample: frequencies match the probabilities (JAX's test, our values)", () => {
    // The probabilities and assertion of jax-ml/jax tests/random_lax_test.py@33b1f84 lines 1500-1514
    // (atol 1e-2 on frequencies of 1e5 trials); the counts are ours.
    const probs = [
      [0.5, 0.2, 0.3],
      [0.1, 0.2, 0.7],
      [1.0, 0.0, 0.0],
      [0.0, 1.0, 0.0],
      [0.0, 0.0, 1.0],
      [0.5, 0.0, 0.5],
    ];
    const counts = multinomial(key(0), 1e5, probs);
    expect(counts.shape).toEqual([6, 3]);
    for (let i = 0; i < 18; i++) {
      expect(Math.abs(counts.data[i] / 1e5 - probs[Math.floor(i / 3)][i % 3])).toBeLessThan(1e-2);
    }
    for (let row = 0; row < 6; row++) {
      const total = counts.data[row * 3] + counts.data[row * 3 + 1] + counts.data[row * 3 + 2];
      expect(total).toBe(1e5);
    }
    // Degenerate rows are exact.
    expect(Array.from(counts.data.subarray(6, 15))).toEqual([1e5, 0, 0, 0, 1e5, 0, 0, 0, 1e5]);
  });

  it("by hand: split(key, K), then binomial(keys[i], rest, p_i / (p_i + … + p_{K-1}))", () => {
    const p = [0.2, 0.5, 0.3];
    const n = 50;
    const result = multinomial(key(6), n, p, undefined, "float32", 1, LEGACY).data;
    const keys = split(key(6), 3, LEGACY).data;
    let rest = n;
    const f = Math.fround;
    const remaining = [f(f(f(0.2) + f(0.5)) + f(0.3)), f(f(0.5) + f(0.3)), f(0.3)];
    const expected: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ratio = Math.min(1, f(f(p[i]) / remaining[i]));
      const count = binomial(keys.slice(2 * i, 2 * i + 2), rest, ratio, [], "float32", LEGACY)
        .data[0];
      expected.push(count);
      rest -= count;
    }
    expect(Array.from(result)).toEqual(expected);
  });

  it("batch shape, n broadcast over the batch, unnormalised p", () => {
    const counts = multinomial(key(2), [10, 100], [1, 1, 2], [2, 3]);
    expect(counts.shape).toEqual([2, 3]);
    expect(counts.data[0] + counts.data[1] + counts.data[2]).toBe(10);
    expect(counts.data[3] + counts.data[4] + counts.data[5]).toBe(100);
    const [mean] = moments(
      multinomial(key(2), 1000, [0.25, 0.75], [4000, 2]).data.filter((_, i) => i % 2 === 0),
    );
    expect(Math.abs(mean - 250)).toBeLessThan(5 * Math.sqrt((1000 * 0.25 * 0.75) / 4000));
  });

  it("unroll changes nothing; zero-size shapes", () => {
    const a = multinomial(key(9), 20, [0.3, 0.3, 0.4], undefined, "float32", 1).data;
    const b = multinomial(key(9), 20, [0.3, 0.3, 0.4], undefined, "float32", true).data;
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(multinomial(key(0), 5, [0.5, 0.5], [0, 2]).data.length).toBe(0);
    expect(multinomial(key(0), 5, [], [0]).shape).toEqual([0]);
    expect(multinomial(key(0), 5, 0.5, [2]).shape).toEqual([2]);
  });

  it("float64", () => {
    const counts = multinomial(key(3), 1000, [0.1, 0.9], undefined, "float64");
    expect(counts.data).toBeInstanceOf(Float64Array);
    expect(counts.data[0] + counts.data[1]).toBe(1000);
  });

  it.each([
    [() => multinomial(key(0), 5, 0.5), RangeError, /must have a last \(category\) axis/],
    [
      () => multinomial(key(0), 5, [0.5, 0.5], [3]),
      RangeError,
      /multinomial: shapes \[3\], \[2\] do not broadcast/,
    ],
    [
      () => multinomial(key(0), [5, 6, 7], [0.5, 0.5], [2, 2]),
      RangeError,
      /multinomial: shapes \[2\], \[3\] do not broadcast/,
    ],
    [
      () => multinomial(key(0), 5, [0.5, 0.5], undefined, "float32", 0),
      TypeError,
      /unroll must be a positive integer or a boolean/,
    ],
    [
      () => multinomial(key(0), 5, [0.5, 0.5], undefined, "int8" as never),
      TypeError,
      /dtype must be "float32" or "float64"/,
    ],
    [() => multinomial(key(0), "5" as never, [0.5]), TypeError, /n must be a number/],
    [
      () => multinomial(key(0), [[5], [6]], [0.5, 0.5], [4, 2]),
      RangeError,
      /multinomial parameter shapes must be broadcast-compatible/,
    ],
  ] as const)("validation case %#", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});

describe("multinomial reverse cumulative sum (XLA's order)", () => {
  it("up to 16 elements: sequential from each element upward", () => {
    const f = Math.fround;
    const x = Array.from({ length: 16 }, (_, i) => f(1 / (i + 3)));
    const got = reverseCumulativeSum(x, f);
    for (let i = 0; i < 16; i++) {
      let acc = 0;
      for (let l = i; l < 16; l++) acc = f(acc + x[l]);
      expect(got[i]).toBe(acc);
    }
  });

  it("more than 16: row scans of 16 plus the totals of later rows (ReduceWindowRewriter)", () => {
    const f = Math.fround;
    const x = Array.from({ length: 40 }, (_, i) => f(1 / (i + 3)));
    const got = reverseCumulativeSum(x, f);
    const rowSum = (from: number, to: number) => {
      let acc = 0;
      for (let l = from; l < Math.min(to, 40); l++) acc = f(acc + x[l]);
      return acc;
    };
    const totals = [rowSum(0, 16), rowSum(16, 32), rowSum(32, 48)];
    const after = [f(f(0 + totals[1]) + totals[2]), totals[2], 0];
    for (let i = 0; i < 40; i++) {
      const row = Math.floor(i / 16);
      expect(got[i]).toBe(f(rowSum(i, (row + 1) * 16) + after[row]));
    }
    // Exact arithmetic would agree with the sequential sum only up to rounding.
    expect(Math.abs(got[0] - x.reduce((s, v) => s + v, 0))).toBeLessThan(1e-5);
  });

  it("multinomial with 40 categories sums to n", () => {
    const p = Array.from({ length: 40 }, (_, i) => 1 + (i % 7));
    const counts = multinomial(key(4), 1000, p).data;
    expect(counts.reduce((s, v) => s + v, 0)).toBe(1000);
  });
});

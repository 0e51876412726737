import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";
import { legacyRandomWords, legacyRandomWordsRange } from "../src/bits.js";
import type { NdArray, SliceOptions } from "../src/index.js";

/** A sampler called with a key, the full result's shape and options. */
type Draw = (key: core.Key, shape: number[], options: SliceOptions) => NdArray;

// Parameters are arrays along the last axis (shape [5]) or the first ([7, 1])
// where the sampler takes arrays, so that slicing cuts through broadcasts.
const LAST = [0.5, 1.5, 2.5, 4, 9];
const FIRST = [[0.3], [0.5], [0.7], [0.2], [0.9], [0.4], [0.6]];
const PROBS = [0.1, 0.3, 0.5, 0.7, 0.9];

const SAMPLERS: Record<string, Draw> = {
  "bits uint8": (k, s, o) => core.bits(k, s, "uint8", o),
  "bits uint16": (k, s, o) => core.bits(k, s, "uint16", o),
  "bits uint32": (k, s, o) => core.bits(k, s, "uint32", o),
  "bits uint64": (k, s, o) => core.bits(k, s, "uint64", o),
  uniform: (k, s, o) =>
    core.uniform(
      k,
      s,
      "float32",
      FIRST,
      LAST.map((x) => x + 1),
      o,
    ),
  "uniform float64": (k, s, o) => core.uniform(k, s, "float64", -2, 3, o),
  normal: (k, s, o) => core.normal(k, s, "float32", o),
  "normal float64": (k, s, o) => core.normal(k, s, "float64", o),
  truncatedNormal: (k, s, o) => core.truncatedNormal(k, -1, LAST, s, "float32", o),
  lognormal: (k, s, o) => core.lognormal(k, LAST, s, "float32", o),
  maxwell: (k, s, o) => core.maxwell(k, s, "float32", o),
  doubleSidedMaxwell: (k, s, o) => core.doubleSidedMaxwell(k, 0, 2, s, "float32", o),
  wald: (k, s, o) => core.wald(k, LAST, s, "float32", o),
  randint: (k, s, o) => core.randint(k, s, 0, 100, "int32", o),
  "randint array bounds": (k, s, o) =>
    core.randint(k, s, [[-3], [0], [5], [7], [1], [2], [3]], 50, "int32", o),
  "randint int8": (k, s, o) => core.randint(k, s, -100, 100, "int8", o),
  "randint int64": (k, s, o) => core.randint(k, s, -(2n ** 40n), 2n ** 50n, "int64", o),
  bernoulli: (k, s, o) => core.bernoulli(k, PROBS, s, "low", o),
  "bernoulli high": (k, s, o) => core.bernoulli(k, 0.3, s, "high", o),
  rademacher: (k, s, o) => core.rademacher(k, s, "int32", o),
  gumbel: (k, s, o) => core.gumbel(k, s, "float32", "low", o),
  "gumbel high": (k, s, o) => core.gumbel(k, s, "float32", "high", o),
  geometric: (k, s, o) => core.geometric(k, PROBS, s, "int32", o),
  cauchy: (k, s, o) => core.cauchy(k, s, "float32", o),
  exponential: (k, s, o) => core.exponential(k, s, "float32", o),
  laplace: (k, s, o) => core.laplace(k, s, "float32", o),
  logistic: (k, s, o) => core.logistic(k, s, "float32", o),
  pareto: (k, s, o) => core.pareto(k, LAST, s, "float32", o),
  rayleigh: (k, s, o) => core.rayleigh(k, FIRST, s, "float32", o),
  triangular: (k, s, o) => core.triangular(k, 0, 0.25, 1, s, "float32", o),
  gamma: (k, s, o) => core.gamma(k, LAST, s, "float32", o),
  "gamma approximate": (k, s, o) => core.gamma(k, 3, s, "float32", { ...o, method: "approximate" }),
  loggamma: (k, s, o) => core.loggamma(k, FIRST, s, "float32", o),
  beta: (k, s, o) => core.beta(k, LAST, 2, s, "float32", o),
  chisquare: (k, s, o) => core.chisquare(k, LAST, s, "float32", o),
  f: (k, s, o) => core.f(k, LAST, 3, s, "float32", o),
  t: (k, s, o) => core.t(k, LAST, s, "float32", o),
  generalizedNormal: (k, s, o) => core.generalizedNormal(k, 1.5, s, "float32", o),
  poisson: (k, s, o) => core.poisson(k, [0.5, 3, 8, 20, 100], s, "int32", o),
  binomial: (k, s, o) => core.binomial(k, [5, 20, 40, 100, 7], PROBS, s, "float32", o),
  negativeBinomial: (k, s, o) => core.negativeBinomial(k, [1, 2, 5, 10, 3], PROBS, s, "int32", o),
  noncentralChisquare: (k, s, o) => core.noncentralChisquare(k, LAST, 1.5, s, "float32", o),
  noncentralF: (k, s, o) => core.noncentralF(k, LAST, 4, 1.5, s, "float32", o),
  power: (k, s, o) => core.power(k, LAST, s, "float32", o),
  vonmises: (k, s, o) => core.vonmises(k, 0.5, LAST, s, "float32", o),
  zipf: (k, s, o) => core.zipf(k, [1.5, 2, 3, 4, 6], s, "int32", o),
  logseries: (k, s, o) => core.logseries(k, PROBS, s, "int32", o),
  hypergeometric: (k, s, o) => core.hypergeometric(k, [10, 20, 30, 5, 50], 15, 12, s, "int32", o),
};

/** A small deterministic generator for the ranges (mulberry32). */
function ranges(seed: number, total: number, count: number): [number, number][] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out: [number, number][] = [
    [0, total],
    [0, 0],
    [total, total],
    [0, 1],
    [total - 1, total],
  ];
  while (out.length < count) {
    const a = Math.floor(next() * (total + 1));
    const b = Math.floor(next() * (total + 1));
    out.push([Math.min(a, b), Math.max(a, b)]);
  }
  return out;
}

describe.each([
  ["partitionable", true],
  ["legacy", false],
] as const)("a slice equals the same range of the whole draw (%s)", (_, partitionable) => {
  // [7, 5] is odd-sized (legacy mode pads its halves); every sampler's
  // array parameters broadcast along one axis of it.
  const shape = [7, 5];
  const total = 35;
  it.each(Object.keys(SAMPLERS))("%s", (name) => {
    const draw = SAMPLERS[name];
    const k = core.key(20260 + name.length);
    const whole = draw(k, shape, { partitionable });
    expect(whole.data.length).toBe(total);
    for (const [start, end] of ranges(name.length * 7919, total, 24)) {
      const part = draw(k, shape, { partitionable, slice: [start, end] });
      expect(part.dtype).toBe(whole.dtype);
      expect(part.shape).toEqual([end - start]);
      expect(Array.from(part.data)).toEqual(Array.from(whole.data.slice(start, end)));
    }
  });
});

describe("sliced bits on larger draws", () => {
  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)("%s: every width, 100 random ranges of 10,001 elements", (_, partitionable) => {
    const k = core.key(7);
    for (const dtype of ["uint8", "uint16", "uint32", "uint64"] as const) {
      const whole = core.bits(k, [10001], dtype, { partitionable });
      for (const [start, end] of ranges(dtype.length, 10001, 100)) {
        const part = core.bits(k, [10001], dtype, { partitionable, slice: [start, end] });
        expect(Array.from(part.data)).toEqual(Array.from(whole.data.slice(start, end)));
      }
    }
  });

  it("legacy: ranges across JAX's uint32-max blocks (blockWords shrunk to 97)", () => {
    const count = 1000;
    const whole = legacyRandomWords(11, 22, count, new Uint32Array(count), 97);
    for (const [start, end] of ranges(5, count, 60)) {
      const part = legacyRandomWordsRange(
        11,
        22,
        count,
        start,
        end,
        new Uint32Array(end - start),
        97,
      );
      expect(Array.from(part)).toEqual(Array.from(whole.slice(start, end)));
    }
  });
});

describe("options.slice is checked", () => {
  it.each([
    [[1, 2, 3], TypeError, /options.slice must be a pair of integers/],
    [[0.5, 2], TypeError, /options.slice must be a pair of integers/],
    ["0,2", TypeError, /options.slice must be a pair of integers/],
    [[-1, 2], RangeError, /0 <= start <= end <= 6/],
    [[3, 2], RangeError, /got \[3, 2\]/],
    [[0, 7], RangeError, /got \[0, 7\]/],
  ])("slice %j", (slice, type, message) => {
    const options = { slice } as unknown as SliceOptions;
    expect(() => core.uniform(core.key(0), [2, 3], "float32", 0, 1, options)).toThrow(type);
    expect(() => core.uniform(core.key(0), [2, 3], "float32", 0, 1, options)).toThrow(message);
    expect(() => core.bits(core.key(0), [2, 3], "uint32", options)).toThrow(message);
  });
});

describe("slice is an option key of bits and the elementwise samplers only", () => {
  it("is accepted with x64 and method, and refused by functions that cannot slice", () => {
    const k = core.key(3);
    const x64Slice = { x64: true, slice: [1, 3] } as const;
    expect(core.normal(k, [4], undefined, x64Slice).dtype).toBe("float64");
    expect(core.normal(k, [4], undefined, x64Slice).data).toEqual(
      core.normal(k, [4], undefined, { x64: true }).data.slice(1, 3),
    );
    expect(core.gamma(k, 2, [4], "float32", { method: "exact", slice: [0, 2] }).shape).toEqual([2]);
    expect(core.poisson(k, 3, [4], "int32", { method: "exact", slice: [2, 4] }).shape).toEqual([2]);
    expect(() => core.split(k, 2, { slice: [0, 1] } as never)).toThrow(/unknown option "slice"/);
    expect(() => core.permutation(k, 5, 0, false, { slice: [0, 1] } as never)).toThrow(
      /unknown option "slice"/,
    );
  });
});

describe("parameters of the result's whole shape stay unbroadcast in a slice", () => {
  // XLA compiles lognormal, pareto and geometric differently for a parameter
  // broadcast to the shape and one of the whole shape; a slice must follow the
  // whole draw's choice, not compare the parameter with the slice's shape.
  const k = core.key(21);
  const shape = [3, 40];
  const values = Array.from({ length: 3 }, (_, i) =>
    Array.from({ length: 40 }, (_, j) => 0.05 + ((i * 40 + j) % 17) / 20),
  );
  const row = values[0];
  it.each([
    [
      "lognormal, sigma of the whole shape",
      (o: SliceOptions) => core.lognormal(k, values, shape, "float32", o),
    ],
    [
      "lognormal, sigma broadcast",
      (o: SliceOptions) => core.lognormal(k, row, shape, "float32", o),
    ],
    [
      "pareto, b of the whole shape",
      (o: SliceOptions) => core.pareto(k, values, shape, "float32", o),
    ],
    ["pareto, b broadcast", (o: SliceOptions) => core.pareto(k, row, shape, "float32", o)],
    [
      "geometric, p of the whole shape",
      (o: SliceOptions) =>
        core.geometric(
          k,
          values.map((r) => r.map((p) => p / 2)),
          shape,
          "int32",
          o,
        ),
    ],
    [
      "geometric, p broadcast",
      (o: SliceOptions) =>
        core.geometric(
          k,
          row.map((p) => p / 2),
          shape,
          "int32",
          o,
        ),
    ],
  ] as const)("%s", (_, draw) => {
    for (const x64 of [false, true]) {
      const whole = draw({ x64 }).data;
      for (const [start, end] of [
        [0, 120],
        [1, 119],
        [37, 38],
        [40, 80],
      ] as const) {
        const part = draw({ x64, slice: [start, end] }).data;
        expect(Array.from(part)).toEqual(Array.from(whole.slice(start, end)));
      }
    }
  });
});

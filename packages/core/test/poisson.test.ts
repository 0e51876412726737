import { describe, expect, it } from "vitest";
import poissonPmf from "@stdlib/stats-base-dists-poisson-pmf";
import { key, split } from "../src/index.js";
import { uniform } from "../src/samplers/uniform.js";
import {
  lgammaFloat32,
  poisson,
  poissonKnuthKernel,
  poissonRejectionKernel,
} from "../src/samplers/poisson.js";
import { adler32 } from "./support/jax-seeds.js";
import { chiSquarePValue, moments } from "./support/statistics.js";

const LEGACY = { partitionable: false } as const;
const INT32_MAX = 2 ** 31 - 1;

describe("poisson reproduces JAX", () => {
  it("legacy: _RANDOM_VALUES_CASES poisson, lam=5, shape (5,), int32", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 161-162
    // (testRandomDistributionValues: legacy threefry, last run by JAX CI in 2023; the Knuth
    // branch and _poisson's selection are unchanged since 2022-09, see spec/samplers/counts.md).
    // Seed: zlib.adler32(b"poissonthreefry2x32") (RandomValuesCase._seed, same file line 85).
    const seed = adler32("poissonthreefry2x32");
    const result = poisson(key(seed), 5, [5], "int32", LEGACY);
    expect(result.dtype).toBe("int32");
    expect(result.shape).toEqual([5]);
    expect(Array.from(result.data)).toEqual([7, 3, 6, 11, 6]);
  });

  it.each([true, false])(
    "testPoissonCornerCases: lam [-1, 0, nan] gives [-1, 0, -1] (partitionable %s)",
    (partitionable) => {
      // jax-ml/jax tests/random_lax_test.py@33b1f8422c854c3835cbabe53bf69ea5eaae7e1b lines 829-833
      // (asserted in both modes: the values do not depend on the random bits).
      const result = poisson(key(0), [-1, 0, NaN], [3], "int32", { partitionable });
      expect(Array.from(result.data)).toEqual([-1, 0, -1]);
    },
  );

  it.each([false, true])(
    "legacy, lam = 1701, shape (3, 5): PTRS's accept test at an lgamma rounding (x64 %s)",
    (x64) => {
      // Computed by jax 0.10.2 / jaxlib 0.10.2 CPU: jax.random.poisson(key, 1701, shape=(3, 5),
      // dtype=int32), key = wrap_key_data([1462968929, 4013694757]), legacy threefry, with
      // jax_enable_x64 on and off (same counts). Element 10 accepts 1668 in iteration 0; in
      // iteration 1 its candidate 1708 is rejected because XLA computes lgamma(1709) with
      // z · f32(1/7.5) (not z / 7.5) as 11009.42 (one float32 ULP above), which moves
      // t = fma(k, log lam, -lam) - lgamma(k + 1) below s.
      const words = new Uint32Array([1462968929, 4013694757]);
      const result = poisson(words, 1701, [3, 5], "int32", { partitionable: false, x64 });
      expect(Array.from(result.data)).toEqual([
        1677, 1696, 1715, 1689, 1728, 1667, 1769, 1722, 1734, 1757, 1668, 1681, 1687, 1771, 1700,
      ]);
    },
  );

  it("lgammaFloat32 equals XLA's float32 lgamma", () => {
    // Computed by jax 0.10.2 / jaxlib 0.10.2 CPU: jax.jit(jax.lax.lgamma) on float32 inputs
    // (inputs below are float32 values; the negative ones take the reflection).
    const cases: [number, number][] = [
      [2, 0],
      [3, 0.6931474208831787],
      [13, 19.98721694946289],
      [1709, 11009.419921875],
      [47.72810745239258, 135.7537841796875],
      [-43.995872497558594, -119.81149291992188],
      [-22.0489559173584, -45.60289001464844],
      [0.527107834815979, 0.5208983421325684],
      [636962, 7875688.5],
    ];
    for (const [x, expected] of cases) expect(lgammaFloat32(x)).toBe(expected);
  });

  it("testPoissonZeros: lam = 0 columns are all zero", () => {
    // jax-ml/jax tests/random_lax_test.py@33b1f8422c854c3835cbabe53bf69ea5eaae7e1b lines 822-827.
    const lam = [...new Array(10).fill(0), ...new Array(10).fill(20)];
    const result = poisson(key(0), lam, [2, 20]);
    expect(result.shape).toEqual([2, 20]);
    for (let row = 0; row < 2; row++) {
      for (let col = 0; col < 10; col++) expect(result.data[row * 20 + col]).toBe(0);
    }
  });
});

describe("poisson matches the Poisson distribution", () => {
  // Ours (not JAX values): chi-square goodness of fit at fixed seeds, 10^4 samples, both
  // sides of the Knuth / rejection switch at lam = 10.
  it.each([0.5, 3, 9.9, 10, 10.1, 50, 1e4])("lam = %s", (lam) => {
    const n = 10_000;
    const samples = poisson(key(7), lam, [n]).data;
    const max = Math.ceil(lam + 12 * Math.sqrt(lam) + 20);
    expect(chiSquarePValue(samples, (k) => poissonPmf(k, lam), max)).toBeGreaterThan(1e-3);
    const [mean, variance] = moments(samples);
    // 5 standard errors: mean se = sqrt(lam / n); variance se ≈ lam · sqrt(2 / n) (+ kurtosis).
    expect(Math.abs(mean - lam)).toBeLessThan(5 * Math.sqrt(lam / n));
    expect(Math.abs(variance - lam)).toBeLessThan(5 * lam * Math.sqrt(2 / n + 1 / (lam * n)));
  });

  it("legacy mode, mixed rates in one call (lam 2 and 20)", () => {
    const lam = [...new Array(5000).fill(2), ...new Array(5000).fill(20)];
    const samples = poisson(key(1), lam, undefined, "int32", LEGACY).data;
    expect(chiSquarePValue(samples.subarray(0, 5000), (k) => poissonPmf(k, 2), 30)).toBeGreaterThan(
      1e-3,
    );
    expect(chiSquarePValue(samples.subarray(5000), (k) => poissonPmf(k, 20), 80)).toBeGreaterThan(
      1e-3,
    );
  });

  it("a wrong rate is rejected (the test has power)", () => {
    const samples = poisson(key(7), 10, [10_000]).data;
    expect(chiSquarePValue(samples, (k) => poissonPmf(k, 10.3), 60)).toBeLessThan(1e-3);
  });
});

describe("poisson structure", () => {
  it("Knuth branch by hand: split (next, subkey), float32 uniforms, sum of logs", () => {
    // lam = 3 < 10: the result is k - 1 where k counts the uniforms drawn from
    // successive subkeys until the float32 sum of their logs is <= -lam.
    const size = 4;
    const lam = 3;
    const result = poisson(key(42), lam, [size]).data;
    const logs = new Float64Array(size);
    const counts = new Array<number>(size).fill(0);
    let rng = key(42);
    for (let iter = 0; iter < 200 && logs.some((x) => x > -lam); iter++) {
      const keys = split(rng, 2);
      rng = keys.data.slice(0, 2);
      const u = uniform(keys.data.slice(2, 4), [size]).data;
      for (let i = 0; i < size; i++) {
        if (logs[i] > -lam) {
          counts[i]++;
          logs[i] = Math.fround(logs[i] + Math.fround(Math.log(u[i])));
        }
      }
    }
    expect(Array.from(result)).toEqual(counts.map((c) => c - 1));
  });

  it("Knuth and rejection draw from the same key", () => {
    const k = key(3);
    const lam = Float64Array.of(5, 5, 50, 50);
    const knuth = poissonKnuthKernel(k, 4, Float64Array.of(5, 5, 0, 0), 2 ** 31 - 1, true);
    const rejection = poissonRejectionKernel(
      k,
      4,
      Float64Array.of(1e5, 1e5, 50, 50),
      2 ** 31 - 1,
      true,
    );
    const result = poisson(k, Array.from(lam)).data;
    expect(Array.from(result)).toEqual([knuth[0], knuth[1], rejection[2], rejection[3]]);
  });

  it("partitionable: Knuth samples of a prefix do not depend on the array length", () => {
    const short = poisson(key(11), 4, [5]).data;
    const long = poisson(key(11), 4, [300]).data;
    expect(Array.from(long.subarray(0, 5))).toEqual(Array.from(short));
  });

  it("rejection: like JAX, an accepted element is overwritten by later acceptances", () => {
    // JAX's loop selects k wherever `accept` holds in an iteration, also for
    // elements accepted earlier; so element 0 of a long array (more iterations)
    // can differ from the same element alone, in partitionable mode where its
    // uniforms are the same. Ours: check that this happens for some key.
    let differs = false;
    for (let seed = 0; seed < 20 && !differs; seed++) {
      const alone = poisson(key(seed), 50, [1]).data[0];
      const inLong = poisson(key(seed), 50, [2000]).data[0];
      if (alone !== inLong) differs = true;
    }
    expect(differs).toBe(true);
  });

  it("lam is rounded to float32 first: 9.99999999 samples as 10 (rejection)", () => {
    expect(Array.from(poisson(key(5), 9.99999999, [50]).data)).toEqual(
      Array.from(poisson(key(5), 10, [50]).data),
    );
  });

  it("lgammaFloat32 follows XLA's Lanczos lgamma closely", () => {
    // Ours: compared with exact values of ln Γ(x) (ln n! for integers).
    let logFactorial = 0;
    for (let n = 1; n < 200; n++) {
      const value = lgammaFloat32(n + 1);
      logFactorial += Math.log(n);
      expect(Math.abs(value - logFactorial)).toBeLessThanOrEqual(
        Math.max(1e-5, 4e-6 * Math.abs(logFactorial)),
      );
    }
    expect(lgammaFloat32(1)).toBeCloseTo(0, 6);
    expect(lgammaFloat32(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 5);
    expect(lgammaFloat32(Infinity)).toBe(Infinity);
    expect(lgammaFloat32(-Infinity)).toBe(Infinity);
    expect(lgammaFloat32(-2)).toBe(Infinity);
  });
});

describe("poisson edge cases", () => {
  it("zero-size shapes", () => {
    for (const shape of [[0], [2, 0], [0, 3]]) {
      const result = poisson(key(0), 5, shape);
      expect(result.shape).toEqual(shape);
      expect(result.data.length).toBe(0);
    }
    expect(poisson(key(0), [], undefined).shape).toEqual([0]);
  });

  it("default shape is lam's shape; a scalar gives shape []", () => {
    expect(poisson(key(0), [[1, 2, 3]]).shape).toEqual([1, 3]);
    const scalar = poisson(key(0), 4);
    expect(scalar.shape).toEqual([]);
    expect(scalar.data.length).toBe(1);
  });

  it("int64 and other integer dtypes hold the same counts", () => {
    const lam = [0.5, 3, 12, 80];
    const base = Array.from(poisson(key(9), lam, [4]).data);
    const wide = poisson(key(9), lam, [4], "int64");
    expect(wide.data).toBeInstanceOf(BigInt64Array);
    expect(Array.from(wide.data, Number)).toEqual(base);
    expect(Array.from(poisson(key(9), lam, [4], "uint16").data)).toEqual(base);
    expect(poisson(key(9), lam, [4], "uint64").data).toBeInstanceOf(BigUint64Array);
  });

  it("negative lam gives k - 1 = -1, wrapped for unsigned dtypes (as JAX)", () => {
    expect(Array.from(poisson(key(0), -3, [2], "uint8").data)).toEqual([255, 255]);
    expect(Array.from(poisson(key(0), -3, [2], "uint64").data)).toEqual([
      2n ** 64n - 1n,
      2n ** 64n - 1n,
    ]);
    expect(Array.from(poisson(key(0), -3, [2], "int64").data)).toEqual([-1n, -1n]);
  });

  it("counts above the dtype saturate (XLA's float-to-int conversion)", () => {
    expect(Array.from(poisson(key(0), 1000, [3], "int8").data)).toEqual([127, 127, 127]);
    expect(Array.from(poisson(key(0), 1e10, [3]).data)).toEqual([INT32_MAX, INT32_MAX, INT32_MAX]);
    const big = poisson(key(0), 1e10, [3], "int64").data;
    for (const x of big) expect(Math.abs(Number(x) - 1e10)).toBeLessThan(1e6);
  });

  it("lam = +Infinity gives the dtype maximum or 0 (inf or NaN converted, as XLA)", () => {
    const result = poisson(key(2), Infinity, [64]).data;
    for (const x of result) expect([0, INT32_MAX]).toContain(x);
  });

  it("tiny and huge-but-finite rates", () => {
    expect(Array.from(poisson(key(0), 1e-30, [100]).data).every((x) => x === 0)).toBe(true);
    const [mean] = moments(poisson(key(0), 1e6, [2000]).data);
    expect(Math.abs(mean - 1e6)).toBeLessThan(5 * Math.sqrt(1e6 / 2000));
  });
});

describe("poisson validation", () => {
  it.each([
    [() => poisson([1, 2, 3] as never, 1), TypeError, /poisson expects a key/],
    [() => poisson(key(0), "a" as never), TypeError, /lam must be a number/],
    [() => poisson(key(0), [[1], [2, 3]]), TypeError, /lam must be a number or a rectangular/],
    [() => poisson(key(0), 1, [-1]), RangeError, /shape\[0\] must be an integer in/],
    [() => poisson(key(0), 1, [1.5]), TypeError, /shape\[0\] must be an integer/],
    [
      () => poisson(key(0), [1, 2], [3]),
      RangeError,
      /poisson: shapes \[3\], \[2\] do not broadcast|broadcast/,
    ],
    [
      () => poisson(key(0), [1, 2], [4, 1]),
      RangeError,
      /poisson parameter shapes must be broadcast-compatible/,
    ],
    [
      () => poisson(key(0), 1, [2], "float32" as never),
      TypeError,
      /dtype must be an integer dtype/,
    ],
    [
      () => poisson(key(0), 1, [2], "int32", { method: "nonsense" as never }),
      RangeError,
      /method argument to poisson must be one of/,
    ],
    [
      () => poisson(key(0), 1, [2], "int32", { method: "approximate" as never }),
      RangeError,
      /"approximate" .* is not implemented/,
    ],
    [
      () => poisson(key(0), 1, [2], "int32", { partitionable: 1 as never }),
      TypeError,
      /options.partitionable must be true or false/,
    ],
  ] as const)("case %#", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});

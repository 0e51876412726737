import { describe, expect, it } from "vitest";
import kstest from "@stdlib/stats-kstest";
import { foldIn, key, keyAt, split } from "../src/index.js";
import { uniform, uniformKernel } from "../src/samplers/uniform.js";
import { bits } from "../src/bits.js";
import { adler32 } from "./support/jax-seeds.js";
import { fmaF32 } from "../src/float.js";

const LEGACY = { partitionable: false } as const;
const f = Math.fround;

/** Within one float32 ULP of a value JAX printed (shortest repr, or 8 fractional digits). */
function expectCloseF32(actual: ArrayLike<number>, expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const ulp = 2 ** (Math.floor(Math.log2(Math.abs(expected[i]))) - 23);
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(Math.max(ulp, 5e-9));
  }
}

describe("uniform reproduces JAX", () => {
  it("partitionable: jax/random.py module docstring, uniform(key(0)) and uniform(split(key(0))[1])", () => {
    // jax-ml/jax jax/random.py@3fb26f1f88a126923920d558f7a377e8c7ebd1ad lines 47-59 (doctested).
    expectCloseF32(uniform(key(0)).data, [0.947667]);
    expectCloseF32(uniform(keyAt(split(key(0)), 1)).data, [0.00729382]);
  });

  it("legacy: the same docstring before partitionable became the default", () => {
    // jax-ml/jax jax/random.py@9ba1fd2801c2f231bee548fa7430919546d1c69a lines 47-59.
    expectCloseF32(uniform(key(0), [], "float32", 0, 1, LEGACY).data, [0.41845703]);
    expectCloseF32(
      uniform(keyAt(split(key(0), 2, LEGACY), 1), [], "float32", 0, 1, LEGACY).data,
      [0.10536897],
    );
  });

  it("both modes: JEP 9263 uniform(key(0), shape=(3,))", () => {
    // Partitionable: jax-ml/jax docs/jep/9263-typed-keys.md@a60ead6fd1a05eb65096209f5346d744cfbaff24
    // lines 176-177; legacy: same file @9ba1fd2801c2f231bee548fa7430919546d1c69a lines 174-175.
    expectCloseF32(uniform(key(0), [3]).data, [0.947667, 0.9785799, 0.33229148]);
    expectCloseF32(
      uniform(key(0), [3], "float32", 0, 1, LEGACY).data,
      [0.9653214, 0.31468165, 0.63302994],
    );
  });

  it("partitionable: jax-js test/random.test.ts uniform(key(51), (4,))", () => {
    // ekzhang/jax-js test/random.test.ts@f6cf3d36fd1189572ca842779420f049c057e0e5 lines 67-71
    // (values printed by JAX, per its comment at line 68; toBeAllclose).
    expectCloseF32(uniform(key(51), [4]).data, [0.471269, 0.12344253, 0.17550635, 0.5663593]);
  });

  it("partitionable: stateful_rng(123).split(3) under vmap, x + rng.uniform()", () => {
    // jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3eba0ab77530ef93a9c9b1b54fe7c390e3 lines 174-181
    // (doctested): [0.35525954, 0.21937883, 0.5336956]. rng.split(3) = split(fold_in(key(123), 0), 3)
    // with counters 0; each child's uniform() uses fold_in(child, 0).
    const children = split(foldIn(key(123), 0), 3);
    const values = [0, 1, 2].map((i) => uniform(foldIn(keyAt(children, i), 0)).data[0]);
    expectCloseF32(values, [0.35525954, 0.21937883, 0.5336956]);
  });

  it("legacy: _RANDOM_VALUES_CASES uniform, shape (5,), float32", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 176-177 (printed to 6
    // decimals); seed zlib.adler32(b"uniformthreefry2x32") (RandomValuesCase._seed, lines 83-85).
    const expected = [0.298671, 0.073213, 0.873356, 0.260549, 0.412797];
    const result = uniform(key(adler32("uniformthreefry2x32")), [5], "float32", 0, 1, LEGACY).data;
    result.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(1e-6));
  });

  it("both modes: jnp.trunc docstring uniform(key(42), (3, 3), minval=-10, maxval=10) to 2 decimals", () => {
    // Partitionable: jax-ml/jax jax/_src/numpy/lax_numpy.py@29777dc3482079f621bd00b8ddd1e3fb931f601f
    // lines 537-543; legacy: lax_numpy.py@9ba1fd2801c2f231bee548fa7430919546d1c69a lines 701-707.
    const printed = {
      true: [-0.23, 3.6, 2.33, 1.22, -0.99, 1.72, -8.5, 5.5, 3.98],
      false: [2.88, -3.55, -6.13, 7.73, 4.49, -6.16, -3.1, -4.95, 2.64],
    };
    for (const partitionable of [true, false]) {
      const x = uniform(key(42), [3, 3], "float32", -10, 10, { partitionable }).data;
      x.forEach((v, i) =>
        expect(Math.abs(v - printed[`${partitionable}`][i])).toBeLessThanOrEqual(0.005 + 1e-6),
      );
    }
  });
});

describe("uniform: structure, edge cases and statistics", () => {
  it("float32 is (bits >>> 9)·2^-23 scaled with one fused multiply-add; float64 takes 64-bit draws", () => {
    for (const partitionable of [true, false]) {
      const w = bits(key(17), [32], "uint32", { partitionable }).data;
      const u = uniform(key(17), [32], "float32", -2, 3, { partitionable }).data;
      expect(Array.from(u)).toEqual(
        // XLA:CPU contracts u · (maxval - minval) + minval into one FMA.
        Array.from(w, (x) => Math.max(-2, fmaF32((x >>> 9) * 2 ** -23, 5, -2))),
      );
      const w64 = bits(key(17), [8], "uint64", { partitionable }).data;
      const u64 = uniform(key(17), [8], "float64", 0, 1, { partitionable }).data;
      expect(Array.from(u64)).toEqual(Array.from(w64, (x) => Number(x >> 12n) * 2 ** -52));
    }
  });

  it("minval/maxval broadcast; the final max(minval, ·) clamps rounding below minval", () => {
    const r = uniform(key(1), [2, 3], "float32", [[0], [10]], [1, 2, 3]);
    expect(r.shape).toEqual([2, 3]);
    // Row 1 has maxval < minval: u·(max - min) + min <= min, so max(minval, ·) returns minval.
    Array.from(r.data.subarray(0, 3)).forEach((v, i) => expect(v >= 0 && v < i + 1).toBe(true));
    Array.from(r.data.subarray(3)).forEach((v) => expect(v).toBe(10));
    // A wide float32 range where u·span + minval rounds below minval would be clamped.
    const clamp = uniformKernel(key(1), [1000], "float32", [-3e38], [3e38], true);
    expect(Array.from(clamp).every((v) => v >= f(-3e38))).toBe(true);
  });

  it("edge cases: zero-size shapes, equal bounds, infinite span gives NaN as in JAX", () => {
    expect(uniform(key(0), [0, 7]).data.length).toBe(0);
    expect(Array.from(uniform(key(0), [3], "float32", 2, 2).data)).toEqual([2, 2, 2]);
    const inf = uniform(key(0), [1], "float32", -Infinity, Infinity).data[0];
    expect(Number.isNaN(inf)).toBe(true);
  });

  it("statistics: KS test against U(0, 1) and U(-2, 5), float32 and float64, both modes", () => {
    for (const partitionable of [true, false]) {
      for (const dtype of ["float32", "float64"] as const) {
        const u = Array.from(uniform(key(314), [5000], dtype, 0, 1, { partitionable }).data);
        expect(kstest(u, "uniform", 0, 1).pValue).toBeGreaterThan(1e-3);
        const v = Array.from(uniform(key(315), [5000], dtype, -2, 5, { partitionable }).data);
        expect(kstest(v, "uniform", -2, 5).pValue).toBeGreaterThan(1e-3);
        const mean = u.reduce((s, x) => s + x, 0) / u.length;
        expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / u.length));
      }
    }
  });

  it("errors", () => {
    expect(() => uniform(key(0), [2], "int32" as never)).toThrow(TypeError);
    expect(() => uniform(key(0), [2], "float32", [0, 1, 2])).toThrow(RangeError);
    expect(() => uniform(key(0), [2], "float32", 0, "1" as never)).toThrow(TypeError);
    expect(() => uniform(key(0), [-2])).toThrow(RangeError);
    expect(() => uniform(key(0), [2], "float32", 0, 1, { partitionable: "no" as never })).toThrow(
      TypeError,
    );
    expect(() => uniform([0, 1, 2] as never)).toThrow(TypeError);
    // Ragged nested arrays are rejected even when their numbers fill the shape.
    expect(() =>
      uniform(key(0), [2, 2], "float32", [
        [0, 1],
        [[2], 3],
      ] as never),
    ).toThrow(/rectangular/);
  });
});

describe("uniform's scalar-bound float32 path", () => {
  it("equals the per-element path with the bounds broadcast, in both modes", () => {
    const size = 65_537;
    for (const partitionable of [true, false]) {
      for (const [low, high] of [
        [-2, 3],
        [0.1, 0.30000001],
        [1e-30, 7],
        [-1e30, 1e30],
      ]) {
        const scalar = uniformKernel(key(31), [size], "float32", [low], [high], partitionable);
        const broadcast = uniformKernel(
          key(31),
          [size],
          "float32",
          new Float64Array(size).fill(low),
          new Float64Array(size).fill(high),
          partitionable,
        );
        expect(scalar).toBeInstanceOf(Float32Array);
        expect(Buffer.from(scalar.buffer).equals(Buffer.from(broadcast.buffer))).toBe(true);
      }
    }
  });
});

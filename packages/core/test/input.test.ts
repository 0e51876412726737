import { describe, expect, it } from "vitest";
import { gamma, key, normal, permutation, poisson, split, uniform } from "../src/index.js";
import {
  checkNdArray,
  checkOptionKeys,
  MAX_NESTING_DEPTH,
  nearestName,
  readNested,
} from "../src/internal.js";

describe("readNested: the one reader of nested arrays", () => {
  it("reads shape and elements row-major", () => {
    expect(
      readNested("x", [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ shape: [2, 2], elements: [1, 2, 3, 4] });
    expect(readNested("x", [])).toEqual({ shape: [0], elements: [] });
  });

  it("refuses a cyclic array instead of crashing the process", () => {
    const a: unknown[] = [1];
    a[0] = a;
    expect(() => readNested("x", a)).toThrow(/x must be .*contains itself \(a cyclic array\)/);
    const b: unknown[] = [[1], [2]];
    (b[1] as unknown[])[0] = b;
    expect(() => readNested("x", b)).toThrow(TypeError);
  });

  it("refuses holes, which would shift the values", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => readNested("loc", [1, , 3])).toThrow(/loc must be .*hole at loc\[1\]/);
    expect(() => readNested("low", new Array(3))).toThrow(/hole at low\[0\]/);
  });

  it("refuses nesting deeper than NumPy's dimension limit", () => {
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_NESTING_DEPTH; i++) deep = [deep];
    expect(() => readNested("x", deep as unknown[])).toThrow(/nested deeper than 64 levels/);
  });

  it("refuses ragged arrays, naming the first bad position", () => {
    expect(() => readNested("x", [[1, 2], [3]])).toThrow(/x\[1\] has length 1, expected 2/);
    expect(() => readNested("x", [[1], 2])).toThrow(/x\[1\] is 2 where an array/);
  });
});

describe("checkNdArray", () => {
  const f64 = (shape: number[], n: number) => ({
    dtype: "float64",
    shape,
    data: new Float64Array(n),
  });
  it("accepts a well-formed array", () => {
    expect(checkNdArray("p", f64([2, 3], 6)).shape).toEqual([2, 3]);
  });
  it("refuses non-integer or negative extents and data/shape mismatches", () => {
    expect(() => checkNdArray("p", f64([0.5, 2], 1))).toThrow(
      /p.shape\[0\] must be a non-negative integer, got 0.5/,
    );
    expect(() => checkNdArray("p", f64([-1, -1], 1))).toThrow(TypeError);
    expect(() => checkNdArray("p", f64([3], 1))).toThrow(
      /p.data has 1 elements, but its shape \[3\] holds 3/,
    );
    expect(() =>
      checkNdArray("p", { dtype: "float64", shape: [1], data: Int32Array.of(1) }),
    ).toThrow(/must be a Float64Array/);
    expect(() =>
      checkNdArray("p", { dtype: "constructor", shape: [], data: Float64Array.of(1) }),
    ).toThrow(TypeError);
  });
});

describe("options: unknown keys are refused with a suggestion", () => {
  it("names the key and the nearest known one", () => {
    expect(() => normal(key(0), [2], "float32", { party: true } as never)).toThrow(TypeError);
    expect(nearestName("zzzzzz", ["dtype"])).toBeUndefined();
    expect(checkOptionKeys("f", undefined, [])).toEqual({});
  });
  it("accepts x64 everywhere and method where JAX has one", () => {
    expect(() => split(key(0), 2, { x64: false } as never)).not.toThrow();
    expect(() => gamma(key(0), 1, [2], "float32", { method: "exact" })).not.toThrow();
    expect(() => poisson(key(0), 1, [2], "int32", { method: "exact" })).not.toThrow();
    expect(() => uniform(key(0), [2], "float32", 0, 1, { method: "exact" } as never)).toThrow(
      /unknown option "method"/,
    );
  });
});

describe("svd of a covariance with huge or tiny entries (issue 15)", () => {
  it("scales instead of overflowing: multivariateNormal svd with cov 1e300 is finite", async () => {
    const { multivariateNormal } = await import("../src/index.js");
    const mean = { dtype: "float64" as const, shape: [2], data: Float64Array.of(0, 0) };
    const cov = (s: number) => ({
      dtype: "float64" as const,
      shape: [2, 2],
      data: Float64Array.of(s, 0, 0, s),
    });
    const unit = multivariateNormal(key(0), mean, cov(1), [2], "float64", "svd").data;
    for (const [variance, sd] of [
      [1e300, 1e150],
      [1e-300, 1e-150],
    ]) {
      const got = multivariateNormal(key(0), mean, cov(variance), [2], "float64", "svd").data;
      got.forEach((x, i) => expect(Math.abs(x / (unit[i] * sd) - 1)).toBeLessThan(1e-12));
    }
  });
});

describe("found by the fuzz test", () => {
  it("a shape with a hole is refused, not skipped", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => normal(key(0), [1, , 3] as never)).toThrow(
      /shape\[1\] must be an integer number, got undefined/,
    );
  });
  it("an axis of the wrong kind is a TypeError, out of range a RangeError", () => {
    expect(() => permutation(key(0), [1, 2, 3], "0" as never)).toThrow(TypeError);
    expect(() => permutation(key(0), [1, 2, 3], 1)).toThrow(RangeError);
  });
});

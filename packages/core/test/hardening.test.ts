// Findings of issue 15 in @jrng/core, one test each, through the public API only (so that each
// test fails on a build without the fix for its behaviour, not for a missing import).
import { describe, expect, it } from "vitest";
import { bits, key, normal, permutation, randint, split, wrapKeyData } from "../src/index.js";

describe("findings of issue 15 in @jrng/core", () => {
  it("bits refuses an inherited property name as a dtype", () => {
    expect(() => bits(key(0), [3], "constructor" as never)).toThrow(TypeError);
    expect(() => bits(key(0), [3], "toString" as never)).toThrow(TypeError);
  });
  it("split refuses a misspelt option, naming the nearest known key", () => {
    expect(() => split(key(0), 2, { partitionabel: false } as never)).toThrow(
      /^unknown option "partitionabel"; did you mean "partitionable"\?/,
    );
  });
  it("samplers refuse malformed NdArrays and nested arrays with TypeErrors naming the parameter", () => {
    expect(() =>
      normal(key(0), { dtype: "float64", shape: [-1, -1], data: Float64Array.of(1) } as never),
    ).toThrow(TypeError);
    const cyclic: unknown[] = [1];
    cyclic[0] = cyclic;
    expect(() => randint(key(0), [2], cyclic as never, 5)).toThrow(/minval .*cyclic/);
    expect(() =>
      permutation(key(0), { dtype: "int32", shape: [2], data: Int32Array.of(1) }),
    ).toThrow(/x.data has 1 elements/);
    expect(() => wrapKeyData(cyclic as never)).toThrow(TypeError);
  });
});

import { describe, expect, it } from "vitest";
import type { NdArray } from "@jrng/core";
import { boundFor, NOT_EXACT_BOUNDS } from "../src/bounds.js";
import { asFunctionCall, mirrorRule, ulpOf } from "../src/defined-bounds.js";
import type { FunctionCall, GeneratorCall } from "../src/format.js";
import { createGenerator, runFunctionCall, runMethodCall } from "../src/registry.js";

const KEY: [number, number] = [0x243f6a88, 0x85a308d3];
const call = (name: string, args: FunctionCall["args"], mode: FunctionCall["mode"] = "partitionable"): FunctionCall => ({
  function: name,
  key: KEY,
  mode,
  args,
});
const floats = (array: NdArray) => Array.from(array.data as Float32Array | Float64Array);

describe("ulpOf", () => {
  it("is the spacing of the dtype's floats at a value, subnormals included", () => {
    expect(ulpOf(1, "float32")).toBe(2 ** -23);
    expect(ulpOf(0.75, "float32")).toBe(2 ** -24);
    expect(ulpOf(-3, "float32")).toBe(2 ** -22);
    expect(ulpOf(Math.fround(2 - 2 ** -23), "float32")).toBe(2 ** -23);
    expect(ulpOf(2 ** -130, "float32")).toBe(2 ** -149);
    expect(ulpOf(0, "float32")).toBe(2 ** -149);
    expect(ulpOf(1, "float64")).toBe(2 ** -52);
    expect(ulpOf(1e-310, "float64")).toBe(2 ** -1074);
  });
});

describe("mirror rules: the accuracy spec/samplers/jrng-defined.md states", () => {
  it("power: 2.5·|y| + 2 ULP with y = −log(x), the largest over the elements", () => {
    for (const dtype of ["float32", "float64"]) {
      const power = call("power", { a: 0.3, shape: [40], dtype });
      const result = runFunctionCall(power);
      const expected = Math.max(...floats(result).map((x) => Math.ceil(2.5 * Math.abs(Math.log(x)) + 2)));
      expect(expected).toBeGreaterThan(5);
      expect(mirrorRule(power, [result])).toEqual({ rule: "ulp", maxUlp: expected });
    }
  });

  it("vonmises: 1 ULP in float32, 1 + κ/4 in float64", () => {
    const vonmises = (dtype: string, kappa: number) => call("vonmises", { mu: 0.5, kappa, shape: [3], dtype });
    const rule = (c: FunctionCall) => mirrorRule(c, [runFunctionCall(c)]);
    expect(rule(vonmises("float32", 40))).toEqual({ rule: "ulp", maxUlp: 1 });
    expect(rule(vonmises("float64", 40))).toEqual({ rule: "ulp", maxUlp: 11 });
    expect(rule(vonmises("float64", 0))).toEqual({ rule: "ulp", maxUlp: 1 });
  });

  it("noncentralChisquare: 16 ULP of max(c, z², nonc), so more ULP of a result that cancels", () => {
    const small = call("noncentralChisquare", { df: 3, nonc: 2, shape: [200], dtype: "float32" });
    const result = runFunctionCall(small);
    const rule = mirrorRule(small, [result]);
    expect(rule.rule).toBe("ulp");
    const maxUlp = rule.rule === "ulp" ? rule.maxUlp : 0;
    expect(maxUlp).toBeGreaterThanOrEqual(16);
    // The smallest result, far below nonc, is what needs the large bound: 16 ULP of nonc = 2 at least.
    const smallest = Math.min(...floats(result));
    expect(maxUlp).toBeGreaterThanOrEqual((16 * ulpOf(2, "float32")) / ulpOf(smallest, "float32"));
  });

  it("noncentralChisquare's Poisson branch is the chi-square, exact in both dtypes (the gamma family is)", () => {
    const poissonBranch = (dtype: string) => call("noncentralChisquare", { df: 0.5, nonc: 1, shape: [5], dtype });
    const rule = (c: FunctionCall) => mirrorRule(c, [runFunctionCall(c)]);
    expect(rule(poissonBranch("float64"))).toEqual({ rule: "exact" });
    expect(rule(poissonBranch("float32"))).toEqual({ rule: "exact" });
  });

  it("only orthogonal (LAPACK's QR) keeps a bound: dirichlet with few elements is exact (glibc's logf)", () => {
    expect(Object.keys(NOT_EXACT_BOUNDS)).toEqual(["orthogonal"]);
    expect(boundFor("dirichlet", "float32")).toBe(0);
  });

  it("noncentralF: at least §3's bound, the chi-square's twice (0: exact) and 3 roundings", () => {
    const f = call("noncentralF", { dfnum: 3, dfden: 5, nonc: 2, shape: [5], dtype: "float32" }, "legacy");
    const rule = mirrorRule(f, [runFunctionCall(f)]);
    expect(boundFor("chisquare", "float32")).toBe(0);
    expect(rule.rule === "ulp" && rule.maxUlp >= 16 + 3).toBe(true);
  });

  it("counts, keys and samplers the spec fixes step by step are exact", () => {
    const zipf = call("zipf", { a: 2, shape: [6] });
    expect(mirrorRule(zipf, [runFunctionCall(zipf)])).toEqual({ rule: "exact" });
    const normal = call("normal", { shape: [3], dtype: "float64" });
    expect(mirrorRule(normal, [runFunctionCall(normal)])).toEqual({ rule: "exact" });
  });

  it("a generator's method is bounded as the function call it makes, with the key it draws", () => {
    const generatorCall: GeneratorCall = {
      generator: { seed: 77, stream: "fold_in", mode: "partitionable" },
      calls: [
        { method: "random", args: {} },
        { method: "power", args: { a: 2.5, size: 3 } },
      ],
    };
    const rng = createGenerator(generatorCall);
    const results = generatorCall.calls.map((c) => runMethodCall(rng, c));
    const asFunction = asFunctionCall(generatorCall, 1, results[1]);
    expect(asFunction).toMatchObject({ function: "power", args: { a: 2.5, shape: [3], dtype: "float32" } });
    expect(mirrorRule(generatorCall, results)).toEqual(mirrorRule(asFunction, [results[1]]));
    const other = { ...results[1], data: Float32Array.from(results[1].data as Float32Array, (x) => x / 2) };
    expect(() => asFunctionCall(generatorCall, 1, other)).toThrow(/does not give the method's result/);
  });
});

/**
 * Sharded generation against the golden vectors (spec/sharding.md): a slice
 * of every elementwise function call in the vectors equals the same range of
 * the vector's expected array, under the case's own comparison rule. Where a
 * case's values were computed by JAX, this checks slices against real JAX.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SliceOptions } from "@jrng/core";
import { allCases, compareArray, FUNCTIONS, fromArg, isErrorCase, loadVectorFiles, type ExpectedArray } from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));

/** The functions whose result is elementwise in the sense of spec/sharding.md §3. */
const ELEMENTWISE = new Set([
  "bits", "uniform", "normal", "truncatedNormal", "lognormal", "maxwell", "doubleSidedMaxwell", "wald",
  "randint", "bernoulli", "rademacher", "gumbel", "geometric", "cauchy", "exponential", "laplace",
  "logistic", "pareto", "rayleigh", "triangular", "gamma", "loggamma", "beta", "chisquare", "f", "t",
  "generalizedNormal", "poisson", "binomial", "negativeBinomial", "noncentralChisquare", "noncentralF",
  "power", "vonmises", "zipf", "logseries", "hypergeometric",
]);

/** The expected array's elements [start, end) as an expected array of shape [end - start]. */
function expectedRange(expected: ExpectedArray, start: number, end: number): ExpectedArray {
  return { dtype: expected.dtype, shape: [end - start], data: expected.data.slice(start, end) };
}

const cases = allCases(loadVectorFiles(VECTORS).map(({ file }) => file)).flatMap(({ testCase }) => {
  if (isErrorCase(testCase) || !("function" in testCase.call)) return [];
  if (!ELEMENTWISE.has(testCase.call.function) || Array.isArray(testCase.expected)) return [];
  return [testCase];
});

describe("a slice of every elementwise vector case equals the same range of its expected array", () => {
  it("covers the elementwise functions in both modes", () => {
    const covered = new Set(cases.map((c) => `${"function" in c.call ? c.call.function : ""}/${c.call.mode}`));
    for (const name of ["bits", "uniform", "normal", "randint", "gamma"]) {
      expect(covered).toContain(`${name}/partitionable`);
      expect(covered).toContain(`${name}/legacy`);
    }
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_, testCase) => {
    const call = testCase.call as { function: string; key: [number, number]; mode: string; args: Record<string, never> };
    const expected = testCase.expected as ExpectedArray;
    const args: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(call.args)) args[name] = fromArg(value);
    const total = expected.data.length;
    const ranges: [number, number][] = [[0, total], [Math.floor(total / 3), total], [0, Math.ceil(total / 2)]];
    if (total > 2) ranges.push([1, total - 1]);
    for (const [start, end] of ranges) {
      const options: SliceOptions = { partitionable: call.mode === "partitionable", slice: [start, end] };
      const got = FUNCTIONS[call.function](Uint32Array.from(call.key), args, options);
      expect(compareArray(expectedRange(expected, start, end), got, testCase.compare), `[${start}, ${end})`).toBeNull();
    }
  });
});

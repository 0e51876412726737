/**
 * Sharded generation on the golden vectors' calls (spec/sharding.md): a
 * slice of every elementwise function call in the vectors equals the same
 * range of the reference's whole draw of that call, bit for bit. (The whole
 * draws are checked against the vectors' expected arrays by vectors.test.ts
 * and the conformance kit.)
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SliceOptions } from "@jrng/core";
import { allCases, FUNCTIONS, fromArg, isErrorCase, loadVectorFiles } from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));

/** The functions whose result is elementwise in the sense of spec/sharding.md §3. */
const ELEMENTWISE = new Set([
  "bits", "uniform", "normal", "truncatedNormal", "lognormal", "maxwell", "doubleSidedMaxwell", "wald",
  "randint", "bernoulli", "rademacher", "gumbel", "geometric", "cauchy", "exponential", "laplace",
  "logistic", "pareto", "rayleigh", "triangular", "gamma", "loggamma", "beta", "chisquare", "f", "t",
  "generalizedNormal", "poisson", "binomial", "negativeBinomial", "noncentralChisquare", "noncentralF",
  "power", "vonmises", "zipf", "logseries", "hypergeometric",
]);

/** A typed array's bytes, so that bit patterns are compared (-0 and NaN payloads included). */
function bytesOf(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const cases = allCases(loadVectorFiles(VECTORS).map(({ file }) => file)).flatMap(({ testCase }) => {
  if (isErrorCase(testCase) || !("function" in testCase.call)) return [];
  if (!ELEMENTWISE.has(testCase.call.function) || Array.isArray(testCase.expected)) return [];
  return [testCase];
});

describe("a slice of every elementwise vector call equals the same range of its whole draw", () => {
  it("covers the elementwise functions in both modes", () => {
    const covered = new Set(cases.map((c) => `${"function" in c.call ? c.call.function : ""}/${c.call.mode}`));
    for (const name of ["bits", "uniform", "normal", "randint", "gamma"]) {
      expect(covered).toContain(`${name}/partitionable`);
      expect(covered).toContain(`${name}/legacy`);
    }
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_, testCase) => {
    const call = testCase.call as { function: string; key: [number, number]; mode: string; x64?: boolean; args: Record<string, never> };
    const args: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(call.args)) args[name] = fromArg(value);
    const partitionable = call.mode === "partitionable";
    const x64 = call.x64 ?? false;
    const whole = FUNCTIONS[call.function](Uint32Array.from(call.key), args, { partitionable, x64 });
    const total = whole.data.length;
    const ranges: [number, number][] = [[0, total], [Math.floor(total / 3), total], [0, Math.ceil(total / 2)]];
    if (total > 2) ranges.push([1, total - 1]);
    for (const [start, end] of ranges) {
      const options: SliceOptions = { partitionable, x64, slice: [start, end] };
      const got = FUNCTIONS[call.function](Uint32Array.from(call.key), args, options);
      expect(got.dtype, `[${start}, ${end})`).toBe(whole.dtype);
      expect(got.shape, `[${start}, ${end})`).toEqual([end - start]);
      expect(bytesOf(got.data), `[${start}, ${end})`).toEqual(bytesOf(whole.data.subarray(start, end)));
    }
    // Five draws of up to 65,537 elements each: about a second, several on a loaded machine.
  }, 60_000);
});
